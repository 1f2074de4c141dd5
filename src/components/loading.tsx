import { Text, View } from '@tarojs/components';
import { roleAttrs } from './a11y';

/** A calm waiting line: no spinner racing, no countdown. */
export function Loading({ text = '正在加载，请稍候…' }: { text?: string }) {
  return (
    <View className='loading' {...roleAttrs('status')} aria-live='polite'>
      <View className='loading__dots' aria-hidden='true'>
        <View className='loading__dot' />
        <View className='loading__dot' />
        <View className='loading__dot' />
      </View>
      <Text className='loading__text'>{text}</Text>
    </View>
  );
}
