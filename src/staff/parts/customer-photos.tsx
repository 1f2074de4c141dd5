import { Text, View } from '@tarojs/components';
import { observer } from 'mobx-react-lite';
import { Heading } from '@/components';
import { stores } from '@/wiring';
import { PrivateImage } from './private-image';

/** The documents the customer photographed before the visit: what to expect at the door. */
export const CustomerPhotos = observer(() => {
  const photos = stores.staff.task.customerPhotos;
  if (!photos.length) return null;
  return (
    <View className='card'>
      <Heading level={2}>客户提前拍的材料（{photos.length} 张）</Heading>
      <View className='doc__photos'>
        {photos.map((p, i) => (
          <PrivateImage key={p.id} url={p.url} label={`客户拍的第 ${i + 1} 张材料`} className='doc__photo' />
        ))}
      </View>
      <Text className='text muted'>只有负责这次上门的您能看到，服务结束后请不要保存到手机相册。</Text>
    </View>
  );
});
