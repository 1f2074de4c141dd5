/** After the visit: one rating per visit, complaints with their promised response times and state. */
import { ERROR_CATALOG, type VisitAction } from '@domain';
import { applyTransition } from '../../server/modules/bookings/lifecycle';
import { findById } from '../../server/modules/bookings/repository';
import { book, china, createCustomer, createStaff, linkFamily, signIn, unique, uniqueArea } from '../helpers/fixtures';
import { startTestServer, type TestServer } from '../helpers/test-server';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const STEPS: VisitAction[] = ['confirm', 'depart', 'arrive', 'start_service', 'complete'];

/**
 * A booking offered to a staff member, then worked by them through the real state machine up to
 * `lastStep` (the staff routes are the lifecycle issue's; the transitions and events are the same).
 */
async function visit(lastStep: VisitAction | null, slotStart = china('2030-01-08', '14:00')) {
  const area = uniqueArea();
  const elder = await createCustomer(server.db, { name: '张秀兰', at: area });
  const staff = await createStaff(server.db, { at: area, name: '李红梅', gender: 'female' });
  const token = await signIn(server.http, elder.id);
  const res = await book(server.http, token, { addressId: elder.addressId as string, slotStart });
  if (res.status !== 201) throw new Error(`booking failed: ${res.status} ${res.text}`);
  const id: string = res.json().id;
  for (const action of lastStep ? STEPS.slice(0, STEPS.indexOf(lastStep) + 1) : []) {
    await server.db.transaction(async (tx) => {
      const row = await findById(tx, id);
      await applyTransition(tx, row!, { action, actor: { role: 'staff', id: staff.id }, at: server.clock.now() });
    });
  }
  return { id, elder, token, staff };
}

const feedbackOf = (id: string, token: string) => server.http('GET', `/api/bookings/${id}/feedback`, { token });
const rate = (id: string, token: string, body: unknown) => server.http('POST', `/api/bookings/${id}/rating`, { token, body });
const complain = (id: string, token: string, body: unknown, key = unique('complaint-') + unique()) =>
  server.http('POST', `/api/bookings/${id}/complaints`, { token, body, headers: { 'idempotency-key': key } });
const GOOD = { stars: 5, nps: 9, tags: ['on_time', 'patient'], comment: ' 李老师很耐心 ' };

describe('rating a visit', () => {
  it('is offered once the visit is completed, saved once, and shown back', async () => {
    const v = await visit('complete');
    expect((await feedbackOf(v.id, v.token)).json()).toEqual({ bookingId: v.id, canRate: true, rating: null, canComplain: true, complaints: [] });
    const res = await rate(v.id, v.token, GOOD);
    expect(res.status).toBe(201);
    expect(res.json()).toEqual({ stars: 5, nps: 9, tags: ['on_time', 'patient'], comment: '李老师很耐心', createdAt: server.clock.now().toISOString() });
    const after = (await feedbackOf(v.id, v.token)).json();
    expect(after.canRate).toBe(false);
    expect(after.rating).toMatchObject({ stars: 5, nps: 9 });
  });

  it('moves the staff member\'s rating (which matching weighs) once per rating, damped by their earlier rating', async () => {
    const ratingOf = async (staffId: string) =>
      (await server.db.query<{ rating: number; rating_count: number }>('select rating, rating_count from staff_profiles where user_id = $1', [staffId])).rows[0];
    const v = await visit('complete');
    const before = await ratingOf(v.staff.id);
    expect((await rate(v.id, v.token, { stars: 1, nps: 2, tags: ['late'] })).status).toBe(201);
    const after = await ratingOf(v.staff.id);
    // (r × 5 + 1) / 6: one poor rating lowers it, without sinking it.
    expect(after.rating).toBeCloseTo((before.rating * 5 + 1) / 6, 3);
    expect(after.rating_count).toBe(before.rating_count + 1);
    // A retry of the same rating counts once.
    expect((await rate(v.id, v.token, { stars: 1, nps: 2, tags: ['late'] })).status).toBe(200);
    expect(await ratingOf(v.staff.id)).toEqual(after);
  });

  it('answers a retry of the same rating with the saved one, and refuses a second, different rating', async () => {
    const v = await visit('complete');
    expect((await rate(v.id, v.token, GOOD)).status).toBe(201);
    const retry = await rate(v.id, v.token, { ...GOOD, tags: ['patient', 'on_time'] });
    expect(retry.status).toBe(200);
    const second = await rate(v.id, v.token, { stars: 1, nps: 0, tags: [] });
    expect(second.status).toBe(409);
    expect(second.json()).toEqual({ code: 'ALREADY_RATED', message: ERROR_CATALOG.ALREADY_RATED.message });
    expect((await feedbackOf(v.id, v.token)).json().rating.stars).toBe(5);
  });

  it('is refused before the visit is completed, and changes nothing', async () => {
    const v = await visit('start_service');
    const res = await rate(v.id, v.token, GOOD);
    expect(res.status).toBe(409);
    expect(res.json().code).toBe('RATING_NOT_ALLOWED');
    const rows = await server.db.query('select 1 from visit_ratings where booking_id = $1', [v.id]);
    expect(rows.rows).toHaveLength(0);
  });

  it('refuses stars, NPS or tags outside the scale with VALIDATION_FAILED', async () => {
    const v = await visit('complete');
    for (const body of [
      { ...GOOD, stars: 0 },
      { ...GOOD, stars: 6 },
      { ...GOOD, nps: 11 },
      { ...GOOD, nps: 3.5 },
      { ...GOOD, tags: ['rude'] },
      { ...GOOD, tags: ['late', 'late'] },
      { ...GOOD, comment: '好'.repeat(201) },
    ]) {
      const res = await rate(v.id, v.token, body);
      expect([res.status, res.json().code]).toEqual([400, 'VALIDATION_FAILED']);
    }
    expect((await feedbackOf(v.id, v.token)).json().rating).toBeNull();
  });

  it('lets consenting family rate, and hides the visit from anyone else (404)', async () => {
    const v = await visit('complete');
    const family = await createCustomer(server.db, { name: '李伟', at: null });
    const stranger = await createCustomer(server.db, { at: null });
    await linkFamily(server.db, family.id, v.elder.id);
    const strangerRes = await rate(v.id, await signIn(server.http, stranger.id), GOOD);
    expect([strangerRes.status, strangerRes.json().code]).toEqual([404, 'NOT_FOUND']);
    expect((await feedbackOf(v.id, await signIn(server.http, stranger.id))).status).toBe(404);
    expect((await rate(v.id, await signIn(server.http, family.id), GOOD)).status).toBe(201);
    const staffRes = await feedbackOf(v.id, await signIn(server.http, v.staff.id));
    expect(staffRes.status).toBe(403);
  });
});

describe('complaints', () => {
  it('an urgent complaint promises 2 hours inside and 1 working day to the customer, and shows as 已收到', async () => {
    // Friday 2030-01-11 16:30 China time: one working day later is Monday 16:30.
    server.clock.set(china('2030-01-11', '16:30'));
    try {
      const v = await visit('depart', china('2030-01-12', '09:00'));
      const res = await complain(v.id, v.token, { category: 'asked_money', urgent: true, text: '说要先交押金' });
      expect(res.status).toBe(201);
      expect(res.json()).toMatchObject({
        bookingId: v.id,
        category: 'asked_money',
        categoryLabel: '要钱、要银行卡或密码',
        urgent: true,
        text: '说要先交押金',
        status: 'received',
        statusLabel: '已收到',
        internalDeadline: china('2030-01-11', '18:30'),
        answerDeadline: china('2030-01-14', '16:30'),
        promise: '加急：2 小时内有专人处理，最晚 1月14日 星期一 下午 4:30 前答复您。',
        answer: null,
        answeredAt: null,
      });
      const list = (await feedbackOf(v.id, v.token)).json();
      expect(list.canRate).toBe(false);
      expect(list.complaints.map((c: { id: string }) => c.id)).toEqual([res.json().id]);
    } finally {
      server.clock.set('2030-01-07T00:00:00.000Z');
    }
  });

  it('an ordinary complaint is answered within 15 working days (weekends skipped)', async () => {
    const v = await visit('complete');
    const res = await complain(v.id, v.token, { category: 'attitude', urgent: false });
    expect(res.status).toBe(201);
    // Monday 2030-01-07 08:00 + 15 working days = Monday 2030-01-28 08:00.
    expect(res.json()).toMatchObject({ text: null, answerDeadline: china('2030-01-28', '08:00'), internalDeadline: china('2030-01-28', '08:00') });
    expect(res.json().promise).toBe('我们会在 15 个工作日内答复您，最晚 1月28日 星期一 上午 8:00 前。');
  });

  it('is refused before the staff member set off, and a retry with the same key gives the same complaint', async () => {
    const early = await visit('confirm');
    const refused = await complain(early.id, early.token, { category: 'other', urgent: false });
    expect([refused.status, refused.json().code]).toEqual([409, 'COMPLAINT_NOT_ALLOWED']);
    const v = await visit('arrive');
    const key = unique('complaint-') + unique();
    const first = await complain(v.id, v.token, { category: 'late_or_absent', urgent: false }, key);
    const retry = await complain(v.id, v.token, { category: 'late_or_absent', urgent: false }, key);
    expect([first.status, retry.status]).toEqual([201, 200]);
    expect(retry.json().id).toBe(first.json().id);
    const changed = await complain(v.id, v.token, { category: 'attitude', urgent: false }, key);
    expect([changed.status, changed.json().code]).toEqual([422, 'IDEMPOTENCY_KEY_REUSED']);
    const count = await server.db.query('select count(*)::int as n from complaints where booking_id = $1', [v.id]);
    expect(count.rows[0]).toEqual({ n: 1 });
  });

  it('needs an Idempotency-Key and a known category', async () => {
    const v = await visit('complete');
    const noKey = await server.http('POST', `/api/bookings/${v.id}/complaints`, { token: v.token, body: { category: 'other', urgent: true } });
    expect(noKey.status).toBe(400);
    const bad = await complain(v.id, v.token, { category: 'noise', urgent: true });
    expect([bad.status, bad.json().code]).toEqual([400, 'VALIDATION_FAILED']);
  });

  it('a dispatcher takes it up and answers; the customer sees 处理中, then 已答复 with the answer', async () => {
    const v = await visit('complete');
    const created = (await complain(v.id, v.token, { category: 'not_done', urgent: true })).json();
    const dispatcher = await server.db.query<{ id: string }>(`insert into users (role, name) values ('dispatcher', '调度员') returning id`);
    const dToken = await signIn(server.http, dispatcher.rows[0].id);
    const open = (await server.http('GET', '/api/complaints', { token: dToken })).json();
    expect(open.map((c: { id: string }) => c.id)).toContain(created.id);
    expect((await server.http('GET', '/api/complaints', { token: v.token })).status).toBe(403);

    const path = `/api/complaints/${created.id}/progress`;
    expect((await server.http('POST', path, { token: dToken, body: { status: 'in_progress' } })).json().statusLabel).toBe('处理中');
    const noAnswer = await server.http('POST', path, { token: dToken, body: { status: 'answered' } });
    expect([noAnswer.status, noAnswer.json().code]).toEqual([400, 'ANSWER_REQUIRED']);
    const answered = await server.http('POST', path, { token: dToken, body: { status: 'answered', answer: '已补办材料，明天上门取件。' } });
    expect(answered.json()).toMatchObject({ status: 'answered', statusLabel: '已答复', answer: '已补办材料，明天上门取件。' });
    const seen = (await feedbackOf(v.id, v.token)).json().complaints[0];
    expect(seen).toMatchObject({ statusLabel: '已答复', answer: '已补办材料，明天上门取件。' });
    const again = await server.http('POST', path, { token: dToken, body: { status: 'in_progress' } });
    expect(again.json().code).toBe('TRANSITION_NOT_ALLOWED');
  });
});
