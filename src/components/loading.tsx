import { Text, View } from '@tarojs/components';

/** A calm waiting line: no spinner racing, no countdown. */
export function Loading({ text = '正在加载，请稍候…' }: { text?: string }) {
  return (
    <View className='loading' role='status' ariaRole='status' aria-live='polite'>
      <View className='loading__dots'>
        <View className='loading__dot' />
        <View className='loading__dot' />
        <View className='loading__dot' />
      </View>
      <Text className='loading__text'>{text}</Text>
    </View>
  );
}
