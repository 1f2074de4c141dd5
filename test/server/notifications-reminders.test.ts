/**
 * Reminders the evening before (18:00 China time) and an hour before the visit, to the elder,
 * the family and the confirmed staff member; moving the visit moves them, cancelling removes them.
 */
import { fireDueReminders } from '../../server/modules/notifications/reminders';
import { china } from '../helpers/fixtures';
import { messagesAbout } from '../helpers/notifications';
import { notifyWorld } from '../helpers/notify-world';
import { startTestServer, type TestServer } from '../helpers/test-server';
import { bookVisit, staffAct } from '../helpers/visits';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());
afterEach(() => server.clock.set('2030-01-07T00:00:00.000Z'));

async function planned(bookingId: string) {
  const r = await server.db.query<{ kind: string; dueAt: Date; state: string }>(
    `select kind, due_at as "dueAt", state from visit_reminders where booking_id = $1 order by due_at`,
    [bookingId],
  );
  return r.rows.map((x) => ({ kind: x.kind, dueAt: new Date(x.dueAt).toISOString(), state: x.state }));
}

async function reminders(bookingId: string) {
  return (await messagesAbout(server.db, bookingId)).filter((m) => m.kind.startsWith('reminder_'));
}

async function fireAt(iso: string) {
  server.clock.set(iso);
  await fireDueReminders(server.db, server.clock);
}

it('the evening before and an hour before, to the elder, the family and the confirmed staff member, once each', async () => {
  const { w, elder, son } = await notifyWorld(server);
  const booking = await bookVisit(server.http, w);
  expect(await planned(booking.id)).toEqual([
    { kind: 'day_before', dueAt: china('2030-01-07', '18:00'), state: 'planned' },
    { kind: 'hour_before', dueAt: china('2030-01-08', '13:00'), state: 'planned' },
  ]);
  await staffAct(server.http, w.staff[0].token, booking.id, 'confirm', { version: booking.version });

  await fireAt(china('2030-01-07', '17:59'));
  expect(await reminders(booking.id)).toEqual([]);
  await fireAt(china('2030-01-07', '18:00'));
  const evening = await reminders(booking.id);
  expect(evening.map((m) => [m.recipientId, m.kind])).toEqual(
    expect.arrayContaining([[elder.id, 'reminder_day'], [son.id, 'reminder_day'], [w.staff[0].id, 'reminder_day']]),
  );
  expect(evening).toHaveLength(3);
  expect(evening.find((m) => m.recipientId === elder.id)?.body).toBe('提醒：您的上门理赔在1月8日 星期二 下午 2:00–15:00，由王师傅上门。请提前备好材料。');
  expect(evening.find((m) => m.recipientId === w.staff[0].id)?.body).toBe('明天1月8日 星期二 下午 2:00–15:00，测试区 张**的上门理赔。请提前看好路线。');

  await fireAt(china('2030-01-08', '13:00'));
  await fireAt(china('2030-01-08', '13:05'));
  const all = await reminders(booking.id);
  expect(all.filter((m) => m.kind === 'reminder_hour').map((m) => m.recipientId).sort()).toEqual([elder.id, son.id, w.staff[0].id].sort());
  expect(all.find((m) => m.kind === 'reminder_hour' && m.recipientId === son.id)?.body).toBe('王师傅大约一小时后到张秀兰家（1月8日 星期二 下午 2:00–15:00）。开门前请核对上门码。');
  expect((await planned(booking.id)).map((r) => r.state)).toEqual(['sent', 'sent']);
});

it('moving the visit moves them: the old times never fire, the new ones name the new time', async () => {
  const { w, elder } = await notifyWorld(server);
  const booking = await bookVisit(server.http, w);
  const res = await server.http('POST', `/api/bookings/${booking.id}/reschedule`, {
    token: w.elder.token,
    body: { version: booking.version, slotStart: china('2030-01-09', '10:30') },
  });
  expect(res.status).toBe(200);
  expect(await planned(booking.id)).toEqual([
    { kind: 'day_before', dueAt: china('2030-01-08', '18:00'), state: 'planned' },
    { kind: 'hour_before', dueAt: china('2030-01-09', '09:30'), state: 'planned' },
  ]);

  await fireAt(china('2030-01-08', '13:30'));
  expect(await reminders(booking.id)).toEqual([]);
  await fireAt(china('2030-01-08', '18:00'));
  const [toElder] = (await reminders(booking.id)).filter((m) => m.recipientId === elder.id);
  expect(toElder.body).toContain('1月9日 星期三 上午 10:30');
});

it('cancelling removes them: nothing is sent at their times', async () => {
  const { w } = await notifyWorld(server);
  const booking = await bookVisit(server.http, w);
  const res = await server.http('POST', `/api/bookings/${booking.id}/cancel`, { token: w.elder.token, body: { version: booking.version, reason: '不需要了' } });
  expect(res.status).toBe(200);
  expect(await planned(booking.id)).toEqual([]);
  await fireAt(china('2030-01-07', '18:00'));
  await fireAt(china('2030-01-08', '13:00'));
  expect(await reminders(booking.id)).toEqual([]);
});

it('a visit already under way gets no hour-before reminder', async () => {
  const { w } = await notifyWorld(server);
  const booking = await bookVisit(server.http, w, china('2030-01-07', '14:00'));
  expect((await planned(booking.id)).map((r) => r.kind)).toEqual(['hour_before']);
  const confirmed = (await staffAct(server.http, w.staff[0].token, booking.id, 'confirm', { version: booking.version })).json();
  server.clock.set(china('2030-01-07', '12:40'));
  await staffAct(server.http, w.staff[0].token, booking.id, 'depart', { version: confirmed.version, location: { lat: 31.2, lng: 121.4 } });
  await fireAt(china('2030-01-07', '13:00'));
  expect(await reminders(booking.id)).toEqual([]);
  expect((await planned(booking.id)).map((r) => r.state)).toEqual(['skipped']);
});
