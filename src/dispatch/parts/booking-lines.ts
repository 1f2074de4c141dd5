/** One booking in a dispatcher's words, shared by the console's lists and the booking page. */
import { formatVisitWindow } from '@domain/time';
import type { DispatchBooking } from '@domain/schemas-lifecycle';
import { serviceLine } from '@/components';

export function whenLine(d: DispatchBooking): string {
  return formatVisitWindow(d.booking.slotStart, d.booking.slotEnd);
}

export function whereLine(d: DispatchBooking): string {
  return `${d.district}（${d.booking.address.label}）`;
}

export function whatLine(d: DispatchBooking): string {
  return serviceLine(d.booking);
}

export function staffLine(d: DispatchBooking): string {
  const s = d.booking.staff;
  return s ? `${s.name}（工号 ${s.staffNo}）` : '还没有人';
}
