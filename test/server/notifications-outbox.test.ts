/**
 * The transactional outbox: every visit change leaves, in its own transaction, one message per
 * person concerned, in words written for that reader, with the deliveries to try.
 */
import { applyTransition } from '../../server/modules/bookings/lifecycle';
import { findByIdForUpdate } from '../../server/modules/bookings/repository';
import { china, createCustomer, linkFamily, signIn } from '../helpers/fixtures';
import { deliveriesOf, kindsFor, messagesAbout } from '../helpers/notifications';
import { startTestServer, type TestServer } from '../helpers/test-server';
import { bookVisit, customerView, holder, staffAct, world } from '../helpers/visits';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());
afterEach(() => server.clock.set('2030-01-07T00:00:00.000Z'));

/** The world's elder with a consenting son and a relative whose consent was revoked. */
async function family() {
  const w = await world(server.db, server.http, { staff: 2 });
  const son = await createCustomer(server.db, { name: '张伟', at: null });
  const former = await createCustomer(server.db, { name: '李强', at: null });
  await linkFamily(server.db, son.id, w.elder.id);
  await linkFamily(server.db, former.id, w.elder.id, { revoked: true });
  return { w, son, former };
}

describe('written with the change', () => {
  it('a change rolled back leaves no message; a committed one leaves its messages before any worker runs', async () => {
    const { w } = await family();
    const booking = await bookVisit(server.http, w);
    const before = await messagesAbout(server.db, booking.id);

    const failed = server.db.transaction(async (tx) => {
      const row = await findByIdForUpdate(tx, booking.id);
      await applyTransition(tx, row!, { action: 'confirm', actor: { role: 'staff', id: w.staff[0].id }, at: server.clock.now(), doorCode: '123456' });
      const inside = await tx.query<{ n: number }>('select count(*)::int as n from notifications where booking_id = $1', [booking.id]);
      expect(inside.rows[0].n).toBeGreaterThan(before.length);
      throw new Error('the request failed after the change');
    });
    await expect(failed).rejects.toThrow('the request failed after the change');
    expect(await messagesAbout(server.db, booking.id)).toEqual(before);
    expect((await holder(server.db, booking.id)).status).toBe('offered');

    expect((await staffAct(server.http, w.staff[0].token, booking.id, 'confirm', { version: booking.version })).status).toBe(200);
    const [confirmed] = (await messagesAbout(server.db, booking.id, w.elder.id)).filter((m) => m.kind === 'confirmed');
    expect(confirmed).toBeDefined();
    const deliveries = await deliveriesOf(server.db, confirmed.id);
    expect(deliveries.wechat).toMatchObject({ state: 'pending', attempts: 0 });
    expect(deliveries.sms).toMatchObject({ state: 'waiting', attempts: 0 });
  });
});

describe('who is told, in their words', () => {
  it('the staff member gets the offer with a masked name; the elder and consenting family follow each step', async () => {
    const { w, son, former } = await family();
    const booking = await bookVisit(server.http, w);
    const [offer] = await messagesAbout(server.db, booking.id, w.staff[0].id);
    expect(offer).toMatchObject({ kind: 'task_offered', recipientRole: 'staff', title: '新的上门邀约' });
    expect(offer.body).toBe('1月8日 星期二 下午 2:00–15:00，测试区 张**的上门理赔。请在8:30前确认或婉拒。');
    expect(await kindsFor(server.db, booking.id, w.elder.id)).toEqual([]);

    const confirmed = (await staffAct(server.http, w.staff[0].token, booking.id, 'confirm', { version: booking.version })).json();
    const departed = (await staffAct(server.http, w.staff[0].token, booking.id, 'depart', { version: confirmed.version, location: { lat: 31.2, lng: 121.4 } })).json();
    const { doorCode } = await customerView(server.http, w.elder.token, booking.id);
    expect((await staffAct(server.http, w.staff[0].token, booking.id, 'arrive', { version: departed.version, doorCode })).status).toBe(200);

    const elder = await messagesAbout(server.db, booking.id, w.elder.id);
    expect(elder.map((m) => m.kind)).toEqual(['confirmed', 'departed', 'arrived']);
    expect(elder[0].body).toBe('您的上门理赔（1月8日 星期二 下午 2:00–15:00）已由王师傅确认，会按约定时间上门。');
    expect(elder[1].body).toBe('王师傅已出发，正在赶往您家（1月8日 星期二 下午 2:00–15:00）。开门前请核对上门码。');
    const sons = await messagesAbout(server.db, booking.id, son.id);
    expect(sons.map((m) => [m.kind, m.recipientRole])).toEqual([['confirmed', 'family'], ['departed', 'family'], ['arrived', 'family']]);
    expect(sons[0].body).toBe('张秀兰的上门理赔（1月8日 星期二 下午 2:00–15:00）已由王师傅确认，会按约定时间上门。');
    expect(sons[2].body).toBe('王师傅已到达张秀兰家，上门码核对无误。');
    expect(await kindsFor(server.db, booking.id, former.id)).toEqual([]);
    // The staff member made these changes: nothing more for them.
    expect(await kindsFor(server.db, booking.id, w.staff[0].id)).toEqual(['task_offered']);
  });

  it('a cancellation by the elder tells the family and the staff member, never the elder\'s reason to staff', async () => {
    const { w, son } = await family();
    const booking = await bookVisit(server.http, w);
    const confirmed = (await staffAct(server.http, w.staff[0].token, booking.id, 'confirm', { version: booking.version })).json();
    const reason = '家里老伴住院了';
    const res = await server.http('POST', `/api/bookings/${booking.id}/cancel`, { token: w.elder.token, body: { version: confirmed.version, reason } });
    expect(res.status).toBe(200);

    expect(await kindsFor(server.db, booking.id, w.elder.id)).toEqual(['confirmed']);
    expect(await kindsFor(server.db, booking.id, son.id)).toEqual(['confirmed', 'cancelled']);
    const staff = await messagesAbout(server.db, booking.id, w.staff[0].id);
    expect(staff.map((m) => m.kind)).toEqual(['task_offered', 'task_cancelled']);
    expect(staff[1].body).toBe('1月8日 星期二 下午 2:00–15:00，测试区 张**的上门理赔已取消，不用去了。');
    const everything = (await messagesAbout(server.db, booking.id)).map((m) => m.body).join('\n');
    expect(everything).not.toContain(reason);
  });

  it('a visit moved by the family: the elder reads the new time, the person who had it is told it is no longer theirs', async () => {
    const { w, son } = await family();
    const booking = await bookVisit(server.http, w);
    const confirmed = (await staffAct(server.http, w.staff[0].token, booking.id, 'confirm', { version: booking.version })).json();
    const res = await server.http('POST', `/api/bookings/${booking.id}/reschedule`, {
      token: await signIn(server.http, son.id),
      body: { version: confirmed.version, slotStart: china('2030-01-09', '10:30') },
    });
    expect(res.status).toBe(200);
    const moved = (await messagesAbout(server.db, booking.id, w.elder.id)).filter((m) => m.kind === 'moved');
    expect(moved.map((m) => m.body)).toEqual(['您的上门理赔改到了1月9日 星期三 上午 10:30–11:30。王师傅会尽快确认。']);
    // The son moved it himself.
    expect(await kindsFor(server.db, booking.id, son.id)).toEqual(['confirmed']);
    const staff = await messagesAbout(server.db, booking.id, w.staff[0].id);
    expect(staff.map((m) => m.kind)).toEqual(['task_offered', 'task_withdrawn', 'task_offered']);
    expect(staff[1].body).toBe('1月8日 星期二 下午 2:00–15:00，测试区 张**的上门理赔已改期或改派，不用去了。');
    expect(staff[2].body).toContain('1月9日 星期三 上午 10:30–11:30');
  });

  it('a decline goes to the next person without troubling the family; nobody is told twice about one change', async () => {
    const { w, son } = await family();
    const booking = await bookVisit(server.http, w);
    const res = await staffAct(server.http, w.staff[0].token, booking.id, 'decline', { version: booking.version, reason: '车坏了' });
    expect(res.status).toBe(204);
    expect(await kindsFor(server.db, booking.id, w.staff[0].id)).toEqual(['task_offered']);
    expect(await kindsFor(server.db, booking.id, w.staff[1].id)).toEqual(['task_offered']);
    expect(await kindsFor(server.db, booking.id, w.elder.id)).toEqual([]);
    expect(await kindsFor(server.db, booking.id, son.id)).toEqual([]);
    const sources = (await messagesAbout(server.db, booking.id)).map((m) => `${m.source} ${m.recipientId}`);
    expect(new Set(sources).size).toBe(sources.length);
  });
});
