import { Image, Text, View } from '@tarojs/components';
import { observer } from 'mobx-react-lite';
import { a11y, BigButton } from '@/components';
import { choosePhotos } from '@/platform/camera';
import { stores } from '@/wiring';

/** Optional: photograph the documents now, so the staff member knows what is ready. */
export const DocumentPhotosCard = observer(() => {
  const { photos } = stores.draft;
  return (
    <View className='card' data-testid='document-photos'>
      <Text className='h2'>可以先把材料拍下来（不拍也可以）</Text>
      <Text className='text muted'>预约成功后照片会发给负责的服务人员，只有您、您授权的家人和这位服务人员能看到。</Text>
      {photos.list.map((p, i) => (
        <View key={p.path} className='photo'>
          <Image className='photo__image' src={p.path} mode='aspectFill' {...a11y(`第 ${i + 1} 张材料照片`, 'img')} />
          <BigButton label={`删掉第 ${i + 1} 张`} variant='quiet' className='photo__remove' onTap={() => photos.remove(p.path)} />
        </View>
      ))}
      {photos.room > 0 ? (
        <BigButton
          label={photos.list.length ? '再拍一张或再选一张' : '拍照或选照片'}
          variant='secondary'
          onTap={() => void choosePhotos(photos.room).then(photos.add)}
          testId='add-photos'
        />
      ) : (
        <Text className='text'>已经有 {photos.list.length} 张了，其余的请服务人员上门时再拍。</Text>
      )}
    </View>
  );
});
