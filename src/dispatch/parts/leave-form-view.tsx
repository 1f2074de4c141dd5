import { Text, View } from '@tarojs/components';
import { observer } from 'mobx-react-lite';
import { BigButton, TextField } from '@/components';
import type { LeaveForm } from '@/stores/dispatch-leave-form';

/** Leave from/to (China day and time) and a reason, with two quick fills. */
export const LeaveFormView = observer(({ form, name }: { form: LeaveForm; name: string }) => (
  <View>
    <Text className='text section'>登记后，{name}在这段时间里的服务会一起重新安排给其他人。</Text>
    <View className='grid section'>
      <View className='grid__cell'>
        <BigButton label='今天剩下的时间' variant='secondary' onTap={form.restOfToday} />
      </View>
      <View className='grid__cell'>
        <BigButton label='明天一整天' variant='secondary' onTap={form.tomorrow} />
      </View>
    </View>
    <View className='field-row'>
      <TextField label='开始日期：' spokenName='请假开始日期' value={form.fromDate} maxLength={10} placeholder='2025-03-02' onChange={(v) => form.set('fromDate', v)} />
      <TextField label='开始时间：' spokenName='请假开始时间' value={form.fromTime} maxLength={5} placeholder='09:00' onChange={(v) => form.set('fromTime', v)} />
    </View>
    <View className='field-row'>
      <TextField label='结束日期：' spokenName='请假结束日期' value={form.toDate} maxLength={10} placeholder='2025-03-03' onChange={(v) => form.set('toDate', v)} />
      <TextField label='结束时间：' spokenName='请假结束时间' value={form.toTime} maxLength={5} placeholder='00:00' onChange={(v) => form.set('toTime', v)} />
    </View>
    <TextField label='原因：' spokenName='请假原因' value={form.reason} maxLength={200} placeholder='例如：生病' onChange={(v) => form.set('reason', v)} />
  </View>
));
