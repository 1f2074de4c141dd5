/**
 * The real data the page tour needs, made through the API the way the people themselves make
 * it: the elder books, the staff member confirms and completes a visit, a son invites his mother.
 * Each piece is made on first use and remembered, so a stop that cannot get its data fails alone.
 */
import { DEMO_IDS } from '../../../server/seed/data';
import { PEOPLE, type TourData } from './page-tour';

interface Call {
  method?: string;
  token?: string;
  body?: unknown;
  key?: string;
}

async function call<T>(url: string, init: Call = {}): Promise<T> {
  const headers: Record<string, string> = {};
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  if (init.token) headers.authorization = `Bearer ${init.token}`;
  if (init.key) headers['idempotency-key'] = init.key;
  const res = await fetch(url, { method: init.method ?? 'GET', headers, body: init.body === undefined ? undefined : JSON.stringify(init.body) });
  const text = await res.text();
  if (!res.ok) throw new Error(`${init.method ?? 'GET'} ${url.replace(/^https?:\/\/[^/]+/, '')} → ${res.status} ${text}`);
  return (text ? JSON.parse(text) : undefined) as T;
}

/** A real 1×1 PNG: the customer's signature, as far as the server can tell. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');

/** What 完成 needs on a claim visit: each document settled (here: the customer has none yet) and the signature. */
async function fillRecord(base: string, staff: string, id: string): Promise<void> {
  const task = `${base}/api/staff/tasks/${id}`;
  const { record } = await call<{ record: { documents: Array<{ key: string }> } }>(task, { token: staff });
  for (const d of record.documents) {
    await call(`${task}/record/documents/${d.key}`, { method: 'PUT', token: staff, key: `tour-doc-${id}-${d.key}`, body: { status: 'not_available', originalTaken: false } });
  }
  const res = await fetch(`${task}/signature`, {
    method: 'POST',
    headers: { authorization: `Bearer ${staff}`, 'content-type': 'image/png', 'idempotency-key': `tour-sign-${id}` },
    body: new Uint8Array(PNG),
  });
  if (!res.ok) throw new Error(`signature → ${res.status} ${await res.text()}`);
}

function once<T>(make: () => Promise<T>): () => Promise<T> {
  let made: Promise<T> | null = null;
  return () => (made ??= make());
}

interface Booking {
  id: string;
  version: number;
  staff: { name: string } | null;
  doorCode?: string | null;
}

export function tourData(base: string): TourData & { staffName(): Promise<string> } {
  const users = once(() => call<Array<{ id: string; name: string }>>(`${base}/api/auth/demo-users`));
  const tokens = new Map<string, Promise<string>>();
  const tokenOf = (name: string) => {
    if (!tokens.has(name)) {
      tokens.set(
        name,
        users().then(async (list) => {
          const user = list.find((u) => u.name === name);
          if (!user) throw new Error(`demo user ${name} is missing`);
          return (await call<{ token: string }>(`${base}/api/auth/dev-login`, { method: 'POST', body: { userId: user.id } })).token;
        }),
      );
    }
    return tokens.get(name) as Promise<string>;
  };

  let booked = 0;
  /** The elder books a claim visit at the n-th time the server offers (one booking per slot). */
  const bookClaim = async (): Promise<Booking> => {
    const token = await tokenOf(PEOPLE.elder);
    const [address] = await call<Array<{ id: string }>>(`${base}/api/addresses`, { token });
    const query = `serviceType=claim&claimType=inpatient&addressId=${address.id}`;
    const { days } = await call<{ days: Array<{ slots: Array<{ start: string }> }> }>(`${base}/api/slots?${query}`, { token });
    const slot = days.flatMap((d) => d.slots)[booked];
    booked += 1;
    if (!slot) throw new Error('no time offered for a tour booking');
    const body = { serviceType: 'claim', claimType: 'inpatient', addressId: address.id, slotStart: slot.start };
    const booking = await call<Booking>(`${base}/api/bookings`, { method: 'POST', token, key: `tour-${Date.now()}-${booked}`, body });
    if (!booking.staff) throw new Error('a tour booking was not matched to a staff member');
    return booking;
  };

  const upcomingVisit = once(async () => {
    const b = await bookClaim();
    return { id: b.id, staffName: (b.staff as { name: string }).name };
  });

  /** Confirm, set off, arrive with the elder's door code, start, complete: the staff member's day. */
  const completedVisit = once(async () => {
    await upcomingVisit(); // the first booking keeps the first slot
    const b = await bookClaim();
    const staff = await tokenOf((b.staff as { name: string }).name);
    const elder = await tokenOf(PEOPLE.elder);
    let version = b.version;
    for (const action of ['confirm', 'depart', 'arrive', 'start', 'complete']) {
      const body: Record<string, unknown> = { version };
      if (action === 'arrive') body.doorCode = (await call<Booking>(`${base}/api/bookings/${b.id}`, { token: elder })).doorCode;
      if (action === 'complete') await fillRecord(base, staff, b.id);
      version = (await call<{ version: number }>(`${base}/api/staff/tasks/${b.id}/${action}`, { method: 'POST', token: staff, body })).version;
    }
    return { id: b.id };
  });

  const familyLinkId = once(async () => {
    const overview = await call<{ following: Array<{ linkId: string }> }>(`${base}/api/family`, { token: await tokenOf(PEOPLE.family) });
    if (!overview.following.length) throw new Error(`${PEOPLE.family} follows nobody`);
    return overview.following[0].linkId;
  });

  const invitationToken = once(async () => {
    const token = await tokenOf(PEOPLE.inviter);
    return (await call<{ token: string }>(`${base}/api/family/invitations`, { method: 'POST', token, body: { relation: 'son' } })).token;
  });

  const dispatcherToken = once(async () => (await call<{ token: string }>(`${base}/api/auth/dev-login`, { method: 'POST', body: { userId: DEMO_IDS.dispatcher } })).token);

  /** The dispatcher adds a staff member; the invitation is what the new person opens. */
  const staffInviteToken = once(async () => {
    const body = {
      name: '孙丽娟', staffNo: 'TOUR0001', gender: 'female', phone: '13912345678', skills: ['claim'], certificates: [], dialects: [],
      area: { district: '静安区', radiusKm: 5 }, dailyCap: 4,
    };
    return (await call<{ invitation: { token: string } }>(`${base}/api/dispatch/staff`, { method: 'POST', token: await dispatcherToken(), body })).invitation.token;
  });

  return { upcomingVisit, completedVisit, familyLinkId, invitationToken, dispatcherToken, staffInviteToken, staffName: async () => (await upcomingVisit()).staffName };
}
