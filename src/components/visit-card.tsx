import { Text, View } from '@tarojs/components';
import { CLAIM_TYPE_INFO, SERVICE_LABELS } from '@domain/services';
import { chinaTime, formatVisitWindow } from '@domain/time';
import type { BookingView } from '@domain/schemas';
import { a11y } from './a11y';
import { StatusBadge } from './status-badge';

/** What a visit is, in one line. */
export function serviceLine(b: Pick<BookingView, 'serviceType' | 'claimType'>): string {
  const service = SERVICE_LABELS[b.serviceType];
  return b.claimType ? `${service} · ${CLAIM_TYPE_INFO[b.claimType].label}` : service;
}

/**
 * Who comes; while they travel, when they should arrive (the card is refreshed with the list, so
 * the home page's next visit follows the day too). A clock time, never a countdown.
 */
export function whoLine(b: Pick<BookingView, 'staff' | 'status' | 'eta'>): string {
  if (!b.staff) return '正在为您安排服务人员';
  if (b.status !== 'en_route') return `${b.staff.title}上门`;
  const eta = b.eta ? `，预计 ${chinaTime(b.eta.at).format('H:mm')} 到达` : '';
  return `${b.staff.title}正在路上${eta}`;
}

/** A visit in a list or on the home page; the whole card opens it. */
export interface VisitCardProps {
  booking: BookingView;
  onOpen: (id: string) => void;
  heading?: string;
  /** Say whom the visit is for (a family member sees several elders' visits). */
  showElder?: boolean;
}

export function VisitCard({ booking, onOpen, heading, showElder }: VisitCardProps) {
  const when = formatVisitWindow(booking.slotStart, booking.slotEnd);
  const who = whoLine(booking);
  return (
    <View
      className='card visit-card'
      hoverClass='card--hover'
      onClick={() => onOpen(booking.id)}
      {...a11y('')}
    >
      {heading ? <Text className='h2 visit-card__heading'>{heading}</Text> : null}
      <StatusBadge status={booking.status} label={booking.statusLabel} />
      <Text className='text strong'>{serviceLine(booking)}</Text>
      <Text className='text'>{when}</Text>
      <Text className='text'>{who}</Text>
      {showElder ? <Text className='text'>为 {booking.elder.name} 服务</Text> : null}
      <Text className='text visit-card__more'>查看详情 ›</Text>
    </View>
  );
}
