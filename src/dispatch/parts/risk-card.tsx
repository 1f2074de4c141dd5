import { Text, View } from '@tarojs/components';
import type { DispatchBooking } from '@domain/schemas-lifecycle';
import { StatusBadge, a11y } from '@/components';
import { nav, ROUTES } from '@/platform/nav';
import { staffLine, whatLine, whenLine, whereLine } from './booking-lines';

export interface RiskCardProps {
  item: DispatchBooking;
  /** "还剩 4 分钟" for an offer; absent for an unmatched booking. */
  timeLeft?: string;
  urgent?: boolean;
}

/** A booking at risk; the whole card opens it on the booking page. */
export function RiskCard({ item, timeLeft, urgent }: RiskCardProps) {
  const b = item.booking;
  return (
    <View
      className='card risk-card'
      hoverClass='card--hover'
      onClick={() => void nav.go(ROUTES.dispatchBooking, { id: b.id })}
      data-testid={`risk-${b.id}`}
      {...a11y('')}
    >
      <StatusBadge status={b.status} label={b.statusLabel} />
      {timeLeft ? <Text className={`flag ${urgent ? 'flag--bad' : ''}`}>{urgent ? `⚠ 快到期：${timeLeft}` : `答复期限：${timeLeft}`}</Text> : null}
      <Text className='text strong'>{whatLine(item)}</Text>
      <Text className='text'>{whenLine(item)}</Text>
      <Text className='text'>客户：{b.elder.name} · {whereLine(item)}</Text>
      {timeLeft ? <Text className='text'>等待答复：{staffLine(item)}</Text> : null}
      <Text className='text risk-card__more'>处理这次预约 ›</Text>
    </View>
  );
}
