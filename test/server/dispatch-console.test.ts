/**
 * The dispatch console beyond the queue: letting a staff member try the door code again after it
 * locked (with an audit trail), withdrawing leave, and the roster with each person's day.
 */
import { china, signIn } from '../helpers/fixtures';
import { startTestServer, type TestServer } from '../helpers/test-server';
import { bookVisit, staffAct, world } from '../helpers/visits';

let server: TestServer;
let dispatcher: { id: string; token: string };
beforeAll(async () => {
  server = await startTestServer();
  const d = await server.db.query<{ id: string }>(`insert into users (role, name) values ('dispatcher', '周敏') returning id`);
  dispatcher = { id: d.rows[0].id, token: await signIn(server.http, d.rows[0].id) };
});
afterAll(() => server.close());

const desk = (method: string, path: string, body?: unknown) => server.http(method, path, { token: dispatcher.token, body });
const doorCodeOf = async (id: string) => (await server.db.query<{ door_code: string }>('select door_code from bookings where id = $1', [id])).rows[0].door_code;
const wrong = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0');

describe('unlocking a door code', () => {
  it('after five wrong codes the check locks; the dispatcher unlocks it and the right code then opens the visit', async () => {
    const w = await world(server.db, server.http);
    const staff = w.staff[0];
    const booking = await bookVisit(server.http, w);
    const confirmed = (await staffAct(server.http, staff.token, booking.id, 'confirm', { version: booking.version })).json();
    const departed = (await staffAct(server.http, staff.token, booking.id, 'depart', { version: confirmed.version, location: { lat: 31.2, lng: 121.4 } })).json();
    const code = await doorCodeOf(booking.id);
    const arrive = (doorCode: string) => staffAct(server.http, staff.token, booking.id, 'arrive', { version: departed.version, doorCode, location: { lat: 31.2, lng: 121.4 } });

    for (let i = 0; i < 5; i++) await arrive(wrong(code));
    const locked = await arrive(code);
    expect([locked.status, locked.json().code]).toEqual([423, 'DOOR_CODE_LOCKED']);
    // The console tells the dispatcher the code is locked (and offers to unlock it only then).
    expect((await desk('GET', `/api/dispatch/bookings/${booking.id}`)).json().doorCodeLocked).toBe(true);

    const stale = await desk('POST', `/api/dispatch/bookings/${booking.id}/door-code-unlock`, { version: departed.version - 1, reason: '电话核实过' });
    expect([stale.status, stale.json().code]).toEqual([409, 'VERSION_CONFLICT']);
    expect((await arrive(code)).status).toBe(423);

    const unlocked = await desk('POST', `/api/dispatch/bookings/${booking.id}/door-code-unlock`, { version: departed.version, reason: '电话核实是本人在门口' });
    expect(unlocked.status).toBe(200);
    expect(unlocked.json().booking).toMatchObject({ id: booking.id, status: 'en_route', version: departed.version });
    expect(unlocked.json().doorCodeLocked).toBe(false);
    const arrived = await arrive(code);
    expect([arrived.status, arrived.json().status]).toEqual([200, 'arrived']);

    const audit = await server.db.query('select unlocked_by, reason, failures_before from door_code_unlocks where booking_id = $1', [booking.id]);
    expect(audit.rows).toEqual([{ unlocked_by: dispatcher.id, reason: '电话核实是本人在门口', failures_before: 5 }]);
    await expect(server.db.query('update door_code_unlocks set reason = $2 where booking_id = $1', [booking.id, '改掉'])).rejects.toThrow(/append-only/);
    await expect(server.db.query('delete from door_code_unlocks where booking_id = $1', [booking.id])).rejects.toThrow(/append-only/);
  });

  it('needs a reason, and a visit whose door code is in use', async () => {
    const w = await world(server.db, server.http);
    const booking = await bookVisit(server.http, w);
    const blank = await desk('POST', `/api/dispatch/bookings/${booking.id}/door-code-unlock`, { version: booking.version, reason: '  ' });
    expect([blank.status, blank.json().code]).toEqual([400, 'REASON_REQUIRED']);
    const offered = await desk('POST', `/api/dispatch/bookings/${booking.id}/door-code-unlock`, { version: booking.version, reason: '客户来电' });
    expect([offered.status, offered.json().code]).toEqual([409, 'TRANSITION_NOT_ALLOWED']);
    expect((await server.db.query('select 1 from door_code_unlocks where booking_id = $1', [booking.id])).rows).toHaveLength(0);
  });
});

describe('withdrawing leave at the desk', () => {
  async function leave(staffId: string, from: string, to: string): Promise<string> {
    const res = await desk('POST', `/api/dispatch/staff/${staffId}/leave`, { from, to, reason: '病假' });
    expect(res.status).toBe(201);
    return res.json().leaveId;
  }
  const leaveRow = async (id: string) => (await server.db.query<{ ends_at: Date }>('select ends_at from staff_leave where id = $1', [id])).rows[0];
  const rosterEntryOf = async (staffId: string) =>
    (await desk('GET', '/api/dispatch/staff')).json().find((e: { staff: { id: string } }) => e.staff.id === staffId);

  it('removes leave still to come, ends leave under way now, and refuses leave already over', async () => {
    const w = await world(server.db, server.http);
    const staffId = w.staff[0].id;
    const coming = await leave(staffId, china('2030-01-15', '00:00'), china('2030-01-16', '00:00'));
    const underWay = await leave(staffId, china('2030-01-07', '07:00'), china('2030-01-07', '18:00'));
    const over = await leave(staffId, china('2030-01-06', '08:00'), china('2030-01-06', '18:00'));
    const entry = await rosterEntryOf(staffId);
    expect(entry.onLeaveNow).toBe(true);
    expect(entry.leave.map((l: { id: string; canCancel: boolean }) => [l.id, l.canCancel])).toEqual([[underWay, true], [coming, true]]);

    expect((await desk('DELETE', `/api/dispatch/staff/${staffId}/leave/${coming}`)).status).toBe(204);
    expect(await leaveRow(coming)).toBeUndefined();
    expect((await desk('DELETE', `/api/dispatch/staff/${staffId}/leave/${underWay}`)).status).toBe(204);
    expect(new Date((await leaveRow(underWay)).ends_at).toISOString()).toBe(server.clock.now().toISOString());
    expect((await rosterEntryOf(staffId)).onLeaveNow).toBe(false);

    const refused = await desk('DELETE', `/api/dispatch/staff/${staffId}/leave/${over}`);
    expect([refused.status, refused.json().code]).toEqual([409, 'LEAVE_NOT_CANCELLABLE']);
    const other = await world(server.db, server.http);
    const notTheirs = await desk('DELETE', `/api/dispatch/staff/${other.staff[0].id}/leave/${over}`);
    expect([notTheirs.status, notTheirs.json().code]).toEqual([404, 'NOT_FOUND']);
  });
});

describe('the roster', () => {
  it('lists everyone by staff number with the load of the day asked for', async () => {
    const w = await world(server.db, server.http, { staff: 1 });
    const first = await bookVisit(server.http, w, china('2030-01-08', '09:00'));
    const second = await bookVisit(server.http, w, china('2030-01-08', '14:00'));
    await staffAct(server.http, w.staff[0].token, first.id, 'confirm', { version: first.version });
    const minutes = [first, second].reduce((sum, b) => sum + (Date.parse(b.slotEnd) - Date.parse(b.slotStart)) / 60_000, 0);

    const roster = (await desk('GET', '/api/dispatch/staff?date=2030-01-08')).json();
    const staffNos = roster.map((e: { staff: { staffNo: string } }) => e.staff.staffNo);
    expect(staffNos).toEqual([...staffNos].sort());
    const entry = roster.find((e: { staff: { id: string } }) => e.staff.id === w.staff[0].id);
    expect(entry).toMatchObject({ active: true, joined: true, skills: ['claim'], dailyCap: 6, load: { visits: 2, completed: 0, bookedMinutes: minutes } });
    const otherDay = (await desk('GET', '/api/dispatch/staff?date=2030-01-09')).json();
    expect(otherDay.find((e: { staff: { id: string } }) => e.staff.id === w.staff[0].id).load).toEqual({ visits: 0, completed: 0, bookedMinutes: 0 });

    const badDay = await desk('GET', '/api/dispatch/staff?date=2030-02-31');
    expect([badDay.status, badDay.json().code]).toEqual([400, 'VALIDATION_FAILED']);
  });
});
