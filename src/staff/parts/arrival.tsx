import { Input, Text, View } from '@tarojs/components';
import { observer } from 'mobx-react-lite';
import { BigButton, Heading } from '@/components';
import { stores } from '@/wiring';

/** On the way: whether the customer sees the estimate, then 到达 with the customer's door code. */
export const Arrival = observer(() => {
  const { task, travel } = stores.staff;
  return (
    <View className='card'>
      <Heading level={2}>到了以后</Heading>
      {travel.sharing ? <Text className='text'>正在把您的位置发给系统，客户只能看到您大约几点到。</Text> : null}
      {travel.unavailable ? <Text className='text'>没有拿到手机位置，客户暂时看不到您大约几点到。可以在手机设置里允许“安心上门”使用位置。</Text> : null}
      <View className='section'>
        <Text className='field-label'>请客户打开“安心上门”，把预约页上的 6 位上门码念给您：</Text>
        <Input
          className='input'
          type='number'
          maxlength={6}
          value={task.doorCode}
          placeholder='6 位数字'
          placeholderClass='input__placeholder'
          onInput={(e) => task.setDoorCode(e.detail.value)}
          ariaLabel='客户的 6 位上门码'
          nativeProps={{ 'aria-label': '客户的 6 位上门码' }}
        />
      </View>
      {task.formError ? <Text className='text strong' data-testid='form-error'>{task.formError}</Text> : null}
      <BigButton label='到达' sublabel='核对上门码，开始这次上门' busy={task.busy === 'arrive'} busyLabel='正在确认位置…' onTap={() => void task.arrive()} />
    </View>
  );
});
