/**
 * Real data made through the real API (no database shortcuts), for pages that need it: a signed-in
 * elder, a claim booked for her in the first free slot, and the staff member it was offered to.
 */
import { randomBytes } from 'node:crypto';
import type { Address, BookingView, CreateBookingBody, DemoUser, SessionResponse, SlotsResponse } from '@domain';
import { apiCall } from '../sim/http';

export interface BookedClaim {
  elder: SessionResponse;
  staff: SessionResponse;
  booking: BookingView;
}

async function signInAs(baseUrl: string, users: DemoUser[], name: string): Promise<SessionResponse> {
  const user = users.find((u) => u.name === name);
  if (!user) throw new Error(`demo user ${name} is not seeded`);
  return apiCall<SessionResponse>(baseUrl, 'POST', '/api/auth/dev-login', { body: { userId: user.id } });
}

export async function bookClaimThroughApi(baseUrl: string, elderName = '张秀英'): Promise<BookedClaim> {
  const users = await apiCall<DemoUser[]>(baseUrl, 'GET', '/api/auth/demo-users');
  const elder = await signInAs(baseUrl, users, elderName);
  const [address] = await apiCall<Address[]>(baseUrl, 'GET', '/api/addresses', { token: elder.token });
  const slots = await apiCall<SlotsResponse>(baseUrl, 'GET', `/api/slots?serviceType=claim&claimType=inpatient&addressId=${address.id}`, { token: elder.token });
  const slot = slots.days.flatMap((d) => d.slots)[0];
  if (!slot) throw new Error('no free claim slot to book');
  const body: CreateBookingBody = { serviceType: 'claim', claimType: 'inpatient', addressId: address.id, slotStart: slot.start };
  const booking = await apiCall<BookingView>(baseUrl, 'POST', '/api/bookings', {
    token: elder.token,
    body,
    headers: { 'idempotency-key': `weapp-${randomBytes(8).toString('hex')}` },
  });
  if (!booking.staff) throw new Error('the booking was not offered to anyone');
  const staff = await signInAs(baseUrl, users, booking.staff.name);
  return { elder, staff, booking };
}
