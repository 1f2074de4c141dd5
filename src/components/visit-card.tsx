import { Text, View } from '@tarojs/components';
import { CLAIM_TYPE_INFO, SERVICE_LABELS } from '@domain/services';
import { formatVisitWindow } from '@domain/time';
import type { BookingView } from '@domain/schemas';
import { a11y } from './a11y';
import { StatusBadge } from './status-badge';

/** What a visit is, in one line. */
export function serviceLine(b: Pick<BookingView, 'serviceType' | 'claimType'>): string {
  const service = SERVICE_LABELS[b.serviceType];
  return b.claimType ? `${service} · ${CLAIM_TYPE_INFO[b.claimType].label}` : service;
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
  const who = booking.staff ? `${booking.staff.title}上门` : '正在为您安排服务人员';
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
