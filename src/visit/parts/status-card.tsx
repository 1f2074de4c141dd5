import { Text, View } from '@tarojs/components';
import { observer } from 'mobx-react-lite';
import { isTerminal } from '@domain/lifecycle';
import { formatVisitWindow } from '@domain/time';
import type { BookingView } from '@domain/schemas';
import { StatusBadge, roleAttrs, serviceLine } from '@/components';
import { stores } from '@/wiring';

/**
 * While the page follows the visit: one short line that never changes height, so the page does
 * not move when the network comes and goes.
 */
const FollowNote = observer(({ b }: { b: BookingView }) => {
  const { follow } = stores.visits;
  if (isTerminal(b.status) || !follow.follows({ kind: 'visit', id: b.id })) return null;
  return (
    <Text className='text muted visit__follow' data-testid='follow-note'>
      {follow.retrying ? '网络不太好，正在重试' : '本页会自动更新'}
    </Text>
  );
});

/**
 * The visit at a glance. The status sits in a polite live region: when it changes by itself
 * (the staff member confirmed, set off, arrived), a screen reader says so without interrupting.
 */
export const StatusCard = observer(({ b, showElder }: { b: BookingView; showElder: boolean }) => (
  <View className='card visit__head' data-testid='visit-status'>
    <Text className='text muted'>现在的状态</Text>
    <View {...roleAttrs('status')} aria-live='polite' aria-atomic='true' data-testid='status-line'>
      <StatusBadge status={b.status} label={b.statusLabel} large />
    </View>
    <Text className='text strong'>{serviceLine(b)}</Text>
    <Text className='big visit__when'>{formatVisitWindow(b.slotStart, b.slotEnd)}</Text>
    <Text className='text'>
      地址：{b.address.label}，{b.address.text}
    </Text>
    {showElder ? <Text className='text'>为 {b.elder.name} 服务</Text> : null}
    {b.note ? <Text className='text'>留言：{b.note}</Text> : null}
    <FollowNote b={b} />
  </View>
));
