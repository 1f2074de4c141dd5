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
  StaffTask,
  UserView,
} from '@domain/schemas';
import { ApiError } from './api-error';
import type { HttpRequest, HttpSend } from './http';

export interface ApiClient {
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
  staffTasks(): Promise<StaffTask[]>;
  confirmTask(id: string, version: number): Promise<StaffTask>;
}

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

  async function call<T>(method: HttpRequest['method'], path: string, data?: unknown, extra: Record<string, string> = {}): Promise<T> {
    const headers: Record<string, string> = { Accept: 'application/json', ...extra };
    if (data !== undefined) headers['Content-Type'] = 'application/json';
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
  }

  return {
    demoUsers: () => call('GET', '/api/auth/demo-users'),
    devLogin: (userId) => call('POST', '/api/auth/dev-login', { userId }),
    wechatLogin: (code) => call('POST', '/api/auth/wechat-login', { code }),
    logout: () => call('POST', '/api/auth/logout', {}),
    me: () => call('GET', '/api/me'),
    addresses: (elderId) => call('GET', `/api/addresses${query({ elderId })}`),
    slots: (q) => call('GET', `/api/slots${query({ serviceType: q.serviceType, claimType: q.claimType, addressId: q.addressId })}`),
    createBooking: (body, key) => call('POST', '/api/bookings', body, { 'Idempotency-Key': key }),
    bookings: () => call('GET', '/api/bookings'),
    booking: (id) => call('GET', `/api/bookings/${encodeURIComponent(id)}`),
    staffTasks: () => call('GET', '/api/staff/tasks'),
    confirmTask: (id, version) => call('POST', `/api/staff/tasks/${encodeURIComponent(id)}/confirm`, { version }),
  };
}
