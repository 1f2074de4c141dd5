/**
 * The typed API client: the one place in the app that talks to the server (docs/api-contract.md).
 * Stores receive it in their constructor; tests give them a fake with the same interface.
 */
import type {
  Address,
  BookingView,
  CreateBookingBody,
  DemoUser,
  SessionResponse,
  SlotsQuery,
  SlotsResponse,
  UserView,
} from '@domain/schemas';
import type { CreateInvitationBody, FamilyMember, FamilyOverview, Invitation, InvitationPreview } from '@domain/schemas-family';
import type { CancelBody, RescheduleBody, RescheduleSlots } from '@domain/schemas-lifecycle';
import type { ComplaintBody, ComplaintView, RatingBody, RatingView, VisitFeedback } from '@domain/schemas-feedback';
import type { Preferences } from '@domain/schemas-preferences';
import type { BookingFile, CreateAddressBody } from '@domain/schemas-booking';
import { ApiError } from './api-error';
import { dispatchApi, type DispatchApi } from './dispatch-api';
import { messagesApi, type MessagesApi } from './messages-api';
import type { HttpRequest, HttpSend } from './http';
import { staffApi, type StaffApi } from './staff-api';

/** What customers and family use (and sign-in, which everyone uses). */
export interface CustomerApi {
  demoUsers(): Promise<DemoUser[]>;
  devLogin(userId: string): Promise<SessionResponse>;
  wechatLogin(code: string): Promise<SessionResponse>;
  logout(): Promise<void>;
  me(): Promise<UserView>;
  addresses(elderId?: string): Promise<Address[]>;
  slots(query: SlotsQuery): Promise<SlotsResponse>;
  createBooking(body: CreateBookingBody, idempotencyKey: string): Promise<BookingView>;
  bookings(): Promise<BookingView[]>;
  booking(id: string): Promise<BookingView>;
  // ---- family ----
  family(): Promise<FamilyOverview>;
  createInvitation(body: CreateInvitationBody): Promise<Invitation>;
  previewInvitation(token: string): Promise<InvitationPreview>;
  consentInvitation(token: string): Promise<FamilyMember>;
  declineInvitation(token: string): Promise<void>;
  revokeFamilyLink(linkId: string): Promise<FamilyOverview>;
  // ---- visits ----
  cancelBooking(id: string, body: CancelBody): Promise<BookingView>;
  rescheduleSlots(id: string): Promise<RescheduleSlots>;
  rescheduleBooking(id: string, body: RescheduleBody): Promise<BookingView>;
  visitFeedback(id: string): Promise<VisitFeedback>;
  rateVisit(id: string, body: RatingBody): Promise<RatingView>;
  complain(id: string, body: ComplaintBody, idempotencyKey: string): Promise<ComplaintView>;
  preferences(elderId?: string): Promise<Preferences>;
  savePreferences(body: Preferences, elderId?: string): Promise<Preferences>;
  // ---- booking ----
  createAddress(body: CreateAddressBody): Promise<Address>;
  /** The photo's bytes as the body (ArrayBuffer works over wx.request and fetch alike). */
  uploadFile(bookingId: string, bytes: ArrayBuffer, contentType: string): Promise<BookingFile>;
  /** Every file of the visit (the customer's photos, the staff member's, the signature). */
  bookingFiles(bookingId: string): Promise<BookingFile[]>;
}

export type ApiClient = CustomerApi & StaffApi & DispatchApi & MessagesApi;

/** One request: JSON (or an ArrayBuffer body) in, the parsed answer out; ApiError on failure. */
export type Call = <T>(method: HttpRequest['method'], path: string, data?: unknown, extra?: Record<string, string>) => Promise<T>;

export interface ApiClientOptions {
  /** '' = same origin (H5 served by the API server). */
  baseUrl: string;
  send: HttpSend;
  getToken: () => string | null;
  /** Called when the server says the session is gone (401), before the error is thrown. */
  onUnauthenticated?: (err: ApiError) => void;
}

function query(params: Record<string, string | undefined>): string {
  const parts = Object.entries(params)
    .filter(([, v]) => v !== undefined && v !== '')
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v as string)}`);
  return parts.length ? `?${parts.join('&')}` : '';
}

export function createApiClient(opts: ApiClientOptions): ApiClient {
  const base = opts.baseUrl.replace(/\/+$/, '');

  const call: Call = async <T>(method: HttpRequest['method'], path: string, data?: unknown, extra: Record<string, string> = {}): Promise<T> => {
    const headers: Record<string, string> = { Accept: 'application/json', ...extra };
    if (data !== undefined && !headers['Content-Type']) headers['Content-Type'] = 'application/json';
    const token = opts.getToken();
    if (token) headers.Authorization = `Bearer ${token}`;
    let res;
    try {
      res = await opts.send({ method, url: `${base}${path}`, headers, data });
    } catch {
      throw ApiError.network();
    }
    if (res.status >= 200 && res.status < 300) return (res.status === 204 ? undefined : res.data) as T;
    const err = ApiError.fromResponse(res.status, res.data);
    if (err.isUnauthenticated && token) opts.onUnauthenticated?.(err);
    throw err;
  };

  return {
    ...staffApi(call),
    ...dispatchApi(call),
    ...messagesApi(call),
    demoUsers: () => call('GET', '/api/auth/demo-users'),
    devLogin: (userId) => call('POST', '/api/auth/dev-login', { userId }),
    wechatLogin: (code) => call('POST', '/api/auth/wechat-login', { code }),
    logout: () => call('POST', '/api/auth/logout', {}),
    me: () => call('GET', '/api/me'),
    addresses: (elderId) => call('GET', `/api/addresses${query({ elderId })}`),
    slots: (q) =>
      call('GET', `/api/slots${query({ serviceType: q.serviceType, claimType: q.claimType, addressId: q.addressId, pickUp: q.pickUp === undefined ? undefined : String(q.pickUp), hospitalId: q.hospitalId })}`),
    createBooking: (body, key) => call('POST', '/api/bookings', body, { 'Idempotency-Key': key }),
    bookings: () => call('GET', '/api/bookings'),
    booking: (id) => call('GET', `/api/bookings/${encodeURIComponent(id)}`),
    // ---- family ----
    family: () => call('GET', '/api/family'),
    createInvitation: (body) => call('POST', '/api/family/invitations', body),
    previewInvitation: (token) => call('POST', '/api/family/invitations/preview', { token }),
    consentInvitation: (token) => call('POST', '/api/family/invitations/consent', { token }),
    declineInvitation: (token) => call('POST', '/api/family/invitations/decline', { token }),
    revokeFamilyLink: (linkId) => call('POST', `/api/family/links/${encodeURIComponent(linkId)}/revoke`, {}),
    // ---- visits ----
    cancelBooking: (id, body) => call('POST', `/api/bookings/${encodeURIComponent(id)}/cancel`, body),
    rescheduleSlots: (id) => call('GET', `/api/bookings/${encodeURIComponent(id)}/reschedule-slots`),
    rescheduleBooking: (id, body) => call('POST', `/api/bookings/${encodeURIComponent(id)}/reschedule`, body),
    visitFeedback: (id) => call('GET', `/api/bookings/${encodeURIComponent(id)}/feedback`),
    rateVisit: (id, body) => call('POST', `/api/bookings/${encodeURIComponent(id)}/rating`, body),
    complain: (id, body, key) => call('POST', `/api/bookings/${encodeURIComponent(id)}/complaints`, body, { 'Idempotency-Key': key }),
    preferences: (elderId) => call('GET', `/api/me/preferences${query({ elderId })}`),
    savePreferences: (body, elderId) => call('PUT', `/api/me/preferences${query({ elderId })}`, body),
    // ---- booking ----
    createAddress: (body) => call('POST', '/api/addresses', body),
    uploadFile: (bookingId, bytes, contentType) => call('POST', `/api/bookings/${encodeURIComponent(bookingId)}/files`, bytes, { 'Content-Type': contentType }),
    bookingFiles: (bookingId) => call('GET', `/api/bookings/${encodeURIComponent(bookingId)}/files`),
  };
}
