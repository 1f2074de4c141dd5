import { Text, View } from '@tarojs/components';
import type { BookingView } from '@domain/schemas';
import { HOTLINE } from '@domain/errors';
import { Heading, roleAttrs } from '@/components';

/** "382910" → "382 910": two short groups are easier to read out at the door. */
const grouped = (code: string) => `${code.slice(0, 3)} ${code.slice(3)}`;

/**
 * The visit passport: the one-time door code, large, and how to check the person at the door.
 * It is shown from confirmation until arrival (the server sends the code only then, and only
 * to the elder and consenting family).
 */
export function VisitPassport({ b }: { b: BookingView }) {
  if (!b.doorCode || !b.staff) return null;
  const { title, name, staffNo } = b.staff;
  return (
    <View className='card passport' data-testid='passport'>
      <Heading level={2}>上门码</Heading>
      <Text className='passport__code' aria-label={`上门码 ${b.doorCode.split('').join(' ')}`} data-testid='door-code'>
        {grouped(b.doorCode)}
      </Text>
      <Text className='text'>{title}到了门口，先核对，再把这个上门码告诉{title}。</Text>
      <Heading level={2}>开门前请核对</Heading>
      <View {...roleAttrs('list')} className='passport__steps'>
        <Text className='text' {...roleAttrs('listitem')}>1. 看脸：和下面的照片是不是同一个人</Text>
        <Text className='text' {...roleAttrs('listitem')}>2. 问姓名：{name}</Text>
        <Text className='text' {...roleAttrs('listitem')}>3. 看工牌上的工号：{staffNo}</Text>
        <Text className='text strong' {...roleAttrs('listitem')}>4. 服务人员不会要钱，不会要银行卡，也不会问密码</Text>
      </View>
      <Text className='text'>有一样对不上，或者心里不踏实，先不要开门，拨打客服热线 {HOTLINE}。</Text>
    </View>
  );
}
