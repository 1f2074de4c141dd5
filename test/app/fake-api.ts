/**
 * An in-memory API client for store tests: the app's seam. It records every call and lets a
 * test make the next call of a method fail (network or a server error code).
 */
import type { Address, BookingView, CreateBookingBody, DemoUser, SessionResponse, SlotsResponse, UserView } from '@domain/schemas';
import { errorMessage, ERROR_CATALOG, type ErrorCode } from '@domain/errors';
import type { CreateInvitationBody, FamilyMember, FamilyOverview, Invitation, InvitationPreview } from '@domain/schemas-family';
import type { BookingFile, CreateAddressBody } from '@domain/schemas-booking';
import type { CancelBody, RescheduleBody, RescheduleSlots } from '@domain/schemas-lifecycle';
import type { ComplaintBody, ComplaintView, RatingBody, VisitFeedback } from '@domain/schemas-feedback';
import type { Preferences } from '@domain/schemas-preferences';
import { ApiError } from '@/api/api-error';
import type { ApiClient, CustomerApi } from '@/api/client';

export const ELDER: UserView = { id: '11111111-1111-4111-8111-111111111111', role: 'customer', name: '张桂兰', bookFor: [{ id: '11111111-1111-4111-8111-111111111111', name: '张桂兰' }] };
export const FAMILY: UserView = {
  id: '22222222-2222-4222-8222-222222222222',
  role: 'customer',
  name: '李明',
  bookFor: [
    { id: '11111111-1111-4111-8111-111111111111', name: '张桂兰' },
    { id: '33333333-3333-4333-8333-333333333333', name: '李建国' },
  ],
};
export const STAFF_USER: UserView = { id: '44444444-4444-4444-8444-444444444444', role: 'staff', name: '王建华', bookFor: [], staffNo: 'HV0001' };

export const ADDRESS: Address = { id: 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa', elderId: ELDER.id, label: '家', text: '上海市静安区南京西路 1 号 3 楼', district: '静安区', lat: 31.23, lng: 121.46 };

export const SLOTS: SlotsResponse = {
  days: [
    { date: '2025-03-01', label: '今天', slots: [] },
    {
      date: '2025-03-02',
      label: '明天',
      slots: [
        { start: '2025-03-02T01:00:00.000Z', end: '2025-03-02T02:00:00.000Z', date: '2025-03-02', period: 'morning', label: '上午 9:00–10:00' },
        { start: '2025-03-02T06:00:00.000Z', end: '2025-03-02T07:00:00.000Z', date: '2025-03-02', period: 'afternoon', label: '下午 2:00–3:00' },
      ],
    },
  ],
};

export function booking(over: Partial<BookingView> = {}): BookingView {
  return {
    id: 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb',
    status: 'offered',
    statusLabel: '等待服务人员确认',
    version: 1,
    serviceType: 'claim',
    claimType: 'inpatient',
    elder: { id: ELDER.id, name: ELDER.name },
    slotStart: '2025-03-02T01:00:00.000Z',
    slotEnd: '2025-03-02T02:00:00.000Z',
    address: { label: '家', text: ADDRESS.text },
    note: null,
    staff: null,
    matchReasons: [],
    timeline: [],
    allowedActions: ['reschedule', 'cancel'],
    changeDeadline: '2025-03-01T23:00:00.000Z',
    doorCode: null,
    createdAt: '2025-03-01T00:00:00.000Z',
    ...over,
  };
}

export function serverError(code: ErrorCode): ApiError {
  return new ApiError(code, errorMessage(code), ERROR_CATALOG[code].status);
}

type Method = keyof CustomerApi;

export class FakeApi implements CustomerApi {
  calls: Array<{ method: Method; args: unknown[] }> = [];
  private failures = new Map<Method, Array<ApiError>>();
  me_: UserView = ELDER;
  demo: DemoUser[] = [
    { id: ELDER.id, role: 'customer', name: ELDER.name, description: '82 岁，独居' },
    { id: STAFF_USER.id, role: 'staff', name: STAFF_USER.name, description: '理赔专员' },
  ];
  users = new Map<string, UserView>([ELDER, FAMILY, STAFF_USER].map((u) => [u.id, u]));
  addressList: Address[] = [ADDRESS];
  slotData: SlotsResponse = SLOTS;
  bookingsList: BookingView[] = [];
  /** Bookings made, by idempotency key (as the server keeps them). */
  made = new Map<string, BookingView>();

  /** The next call(s) of `method` fail with these errors, in order. */
  failNext(method: Method, ...errors: ApiError[]): void {
    this.failures.set(method, [...(this.failures.get(method) ?? []), ...errors]);
  }

  callsOf(method: Method): unknown[][] {
    return this.calls.filter((c) => c.method === method).map((c) => c.args);
  }

  private async answer<T>(method: Method, args: unknown[], value: () => T): Promise<T> {
    this.calls.push({ method, args });
    await Promise.resolve();
    const queued = this.failures.get(method);
    const fail = queued?.shift();
    if (fail) throw fail;
    return value();
  }

  demoUsers() {
    return this.answer('demoUsers', [], () => this.demo);
  }
  devLogin(userId: string) {
    return this.answer('devLogin', [userId], (): SessionResponse => {
      const user = this.users.get(userId);
      if (!user) throw serverError('NOT_FOUND');
      return { token: `token-${userId}`, user };
    });
  }
  wechatLogin(code: string) {
    return this.answer('wechatLogin', [code], (): SessionResponse => ({ token: `wx-${code}`, user: ELDER }));
  }
  logout() {
    return this.answer('logout', [], () => undefined);
  }
  me() {
    return this.answer('me', [], () => this.me_);
  }
  addresses(elderId?: string) {
    return this.answer('addresses', [elderId], () => this.addressList);
  }
  slots(query: Parameters<ApiClient['slots']>[0]) {
    return this.answer('slots', [query], () => this.slotData);
  }
  createBooking(body: CreateBookingBody, key: string) {
    return this.answer('createBooking', [body, key], () => {
      const existing = this.made.get(key);
      if (existing) return existing;
      const b = booking({ id: `bbbbbbbb-bbbb-4bbb-8bbb-${String(this.made.size).padStart(12, '0')}`, note: body.note ?? null, slotStart: body.slotStart });
      this.made.set(key, b);
      return b;
    });
  }
  bookings() {
    return this.answer('bookings', [], () => this.bookingsList);
  }
  booking(id: string) {
    return this.answer('booking', [id], () => {
      const b = this.bookingsList.find((x) => x.id === id);
      if (!b) throw serverError('NOT_FOUND');
      return b;
    });
  }
  // ---- visits ----
  rescheduleData: RescheduleSlots = { days: [], staff: null };
  feedbackData = new Map<string, VisitFeedback>();
  prefs: Preferences = { dialect: null, preferredStaffGender: null };
  /** Complaints saved, by idempotency key (as the server keeps them). */
  complaintsByKey = new Map<string, ComplaintView>();
  private changeBooking(id: string, version: number, change: (b: BookingView) => BookingView): BookingView {
    const b = this.bookingsList.find((x) => x.id === id);
    if (!b) throw serverError('NOT_FOUND');
    if (b.version !== version) throw serverError('VERSION_CONFLICT');
    const updated = { ...change(b), version: b.version + 1 };
    this.bookingsList = this.bookingsList.map((x) => (x.id === id ? updated : x));
    return updated;
  }
  cancelBooking(id: string, body: CancelBody) {
    return this.answer('cancelBooking', [id, body], () =>
      this.changeBooking(id, body.version, (b) => ({ ...b, status: 'cancelled', statusLabel: '已取消', allowedActions: [] })),
    );
  }
  rescheduleSlots(id: string) {
    return this.answer('rescheduleSlots', [id], () => structuredClone(this.rescheduleData));
  }
  rescheduleBooking(id: string, body: RescheduleBody) {
    return this.answer('rescheduleBooking', [id, body], () => this.changeBooking(id, body.version, (b) => ({ ...b, slotStart: body.slotStart })));
  }
  visitFeedback(id: string) {
    return this.answer('visitFeedback', [id], () => {
      const f = this.feedbackData.get(id) ?? { bookingId: id, canRate: true, rating: null, canComplain: true, complaints: [] };
      return structuredClone(f);
    });
  }
  rateVisit(id: string, body: RatingBody) {
    return this.answer('rateVisit', [id, body], () => {
      const rating = { stars: body.stars, nps: body.nps, tags: body.tags, comment: body.comment ?? null, createdAt: '2025-03-02T03:00:00.000Z' };
      const f = this.feedbackData.get(id) ?? { bookingId: id, canRate: true, rating: null, canComplain: true, complaints: [] };
      this.feedbackData.set(id, { ...f, canRate: false, rating });
      return rating;
    });
  }
  complain(id: string, body: ComplaintBody, key: string) {
    return this.answer('complain', [id, body, key], () => {
      const existing = this.complaintsByKey.get(key);
      if (existing) return existing;
      const c: ComplaintView = {
        id: `eeeeeeee-eeee-4eee-8eee-${String(this.complaintsByKey.size).padStart(12, '0')}`, bookingId: id, category: body.category,
        categoryLabel: body.category, urgent: body.urgent, text: body.text ?? null, status: 'received', statusLabel: '已收到',
        internalDeadline: '2025-03-02T05:00:00.000Z', answerDeadline: '2025-03-03T03:00:00.000Z', promise: '加急', answer: null, answeredAt: null, createdAt: '2025-03-02T03:00:00.000Z',
      };
      this.complaintsByKey.set(key, c);
      const f = this.feedbackData.get(id) ?? { bookingId: id, canRate: true, rating: null, canComplain: true, complaints: [] };
      this.feedbackData.set(id, { ...f, complaints: [...f.complaints, c] });
      return c;
    });
  }
  preferences(elderId?: string) {
    return this.answer('preferences', [elderId], () => ({ ...this.prefs }));
  }
  savePreferences(body: Preferences, elderId?: string) {
    return this.answer('savePreferences', [body, elderId], () => {
      this.prefs = { ...body };
      return { ...this.prefs };
    });
  }
  // ---- family ----
  familyData: FamilyOverview = { following: [], followers: [], invitations: [], bookFor: [] };
  /** Invitations the fake server knows, by token: what their preview shows. */
  openInvitations = new Map<string, InvitationPreview>();
  family() {
    return this.answer('family', [], () => structuredClone(this.familyData));
  }
  createInvitation(body: CreateInvitationBody) {
    return this.answer('createInvitation', [body], (): Invitation => {
      const token = `tok${String(this.openInvitations.size).padStart(40, '0')}`;
      this.openInvitations.set(token, { inviter: { name: this.me_.name }, relation: body.relation, expiresAt: '2025-03-08T00:00:00.000Z', permissions: ['为您预约上门服务'] });
      return { token, relation: body.relation, expiresAt: '2025-03-08T00:00:00.000Z', sharePath: `/family/pages/consent/index?token=${token}` };
    });
  }
  previewInvitation(token: string) {
    return this.answer('previewInvitation', [token], () => {
      const p = this.openInvitations.get(token);
      if (!p) throw serverError('INVITE_NOT_FOUND');
      return p;
    });
  }
  consentInvitation(token: string) {
    return this.answer('consentInvitation', [token], (): FamilyMember => {
      const p = this.openInvitations.get(token);
      if (!p) throw serverError('INVITE_NOT_FOUND');
      const member: FamilyMember = { linkId: `link-${token.slice(-4)}`, member: { id: FAMILY.id, name: p.inviter.name }, relation: p.relation, consentedAt: '2025-03-01T00:00:00.000Z' };
      if (!this.familyData.followers.some((f) => f.linkId === member.linkId)) this.familyData.followers.push(member);
      return member;
    });
  }
  declineInvitation(token: string) {
    return this.answer('declineInvitation', [token], () => {
      if (!this.openInvitations.delete(token)) throw serverError('INVITE_NOT_FOUND');
    });
  }
  revokeFamilyLink(linkId: string) {
    return this.answer('revokeFamilyLink', [linkId], () => {
      const d = this.familyData;
      const ended = d.following.find((f) => f.linkId === linkId);
      d.following = d.following.filter((f) => f.linkId !== linkId);
      d.followers = d.followers.filter((f) => f.linkId !== linkId);
      if (ended) d.bookFor = d.bookFor.filter((e) => e.id !== ended.elder.id);
      return structuredClone(d);
    });
  }
  // ---- booking ----
  createAddress(body: CreateAddressBody) {
    return this.answer('createAddress', [body], (): Address => {
      const saved: Address = { id: `dddddddd-dddd-4ddd-8ddd-${String(this.addressList.length).padStart(12, '0')}`, elderId: body.elderId ?? this.me_.id, label: body.label, text: body.text, district: body.district, lat: body.lat ?? 31.2, lng: body.lng ?? 121.4 };
      this.addressList = [...this.addressList, saved];
      return saved;
    });
  }
  uploadFile(bookingId: string, bytes: ArrayBuffer, contentType: string) {
    return this.answer('uploadFile', [bookingId, bytes.byteLength, contentType], (): BookingFile => {
      const id = `eeeeeeee-eeee-4eee-8eee-${String(this.callsOf('uploadFile').length).padStart(12, '0')}`;
      return { id, bookingId, contentType: 'image/jpeg', sizeBytes: bytes.byteLength, createdAt: '2025-03-01T00:00:00.000Z', url: `/api/files/${id}`, kind: 'customer', itemKey: null };
    });
  }
  /** Files of each booking, as the server lists them. */
  files = new Map<string, BookingFile[]>();
  bookingFiles(bookingId: string) {
    return this.answer('bookingFiles', [bookingId], () => this.files.get(bookingId) ?? []);
  }
}

export function memoryTokens(initial: string | null = null) {
  let token = initial;
  return {
    get: () => token,
    set: (t: string) => {
      token = t;
    },
    clear: () => {
      token = null;
    },
  };
}

export const NETWORK = () => ApiError.network();

/**
 * For createStores, which wires every store: the customer fake, with staff and dispatch calls
 * failing loudly (a customer-side test that reaches them has gone wrong).
 */
export function asApiClient(api: FakeApi): ApiClient {
  return new Proxy(api, {
    get: (target, prop, receiver) =>
      prop in target ? Reflect.get(target, prop, receiver) : () => Promise.reject(new Error(`${String(prop)} is not faked in FakeApi`)),
  }) as unknown as ApiClient;
}
