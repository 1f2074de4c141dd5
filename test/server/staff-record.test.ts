/**
 * The record of the day: the claim checklist (collected, photographed, originals on the handover
 * receipt), escort milestones, assessment notes, the signature, what still blocks 完成, and what the
 * customer sees of it.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ERROR_CATALOG } from '@domain';
import { book, china, unique } from '../helpers/fixtures';
import type { HttpResponse } from '../helpers/http-client';
import { startTestServer, type TestServer } from '../helpers/test-server';
import { bookVisit, customerView, fillCompletionRecord, newKey, PNG, staffAct, staffUpload, workUntil, world, type StaffMember } from '../helpers/visits';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ env: { FILES_DIR: mkdtempSync(join(tmpdir(), 'homevisit-record-')) } });
});
afterAll(() => server.close());
beforeEach(() => server.clock.set('2030-01-07T00:00:00.000Z'));

const task = (id: string) => `/api/staff/tasks/${id}`;
const put = (member: StaffMember, path: string, body: unknown) => server.http('PUT', path, { token: member.token, body, headers: { 'idempotency-key': newKey('rec') } });
const setDoc = (m: StaffMember, id: string, key: string, status: string, originalTaken = false) => put(m, `${task(id)}/record/documents/${key}`, { status, originalTaken });
const photo = (m: StaffMember, id: string, key: string) => staffUpload(server.http, m.token, `${task(id)}/files?item=${key}`, PNG);
const recordOf = async (m: StaffMember, id: string) => (await server.http('GET', task(id), { token: m.token })).json().record;

function expectError(res: HttpResponse, status: number, code: keyof typeof ERROR_CATALOG) {
  expect([res.status, res.json().code, res.json().message]).toEqual([status, code, ERROR_CATALOG[code].message]);
}

describe('the claim checklist', () => {
  it('a photo marks a document collected, originals taken make the handover receipt, and the blockers say what is missing', async () => {
    const w = await world(server.db, server.http);
    const booking = await bookVisit(server.http, w);
    await workUntil(server.http, w, w.staff[0], booking, 'arrived');
    const m = w.staff[0];
    expect((await recordOf(m, booking.id)).blockers).toEqual([
      '还有 5 项材料没有确认：被保险人身份证、领款人银行卡（只需给服务人员看卡号，不需要密码）、出院小结、住院费用发票、费用明细清单',
      '请客户在屏幕上签名',
    ]);

    const collected = (await setDoc(m, booking.id, 'doc-0', 'collected')).json();
    expect(collected.blockers[1]).toBe('这些材料还没有拍照：被保险人身份证');
    expect((await photo(m, booking.id, 'doc-0')).status).toBe(201);
    const shot = await photo(m, booking.id, 'doc-1');
    expect(shot.json()).toMatchObject({ kind: 'staff', itemKey: 'doc-1', contentType: 'image/png' });
    expect((await setDoc(m, booking.id, 'doc-2', 'collected', true)).status).toBe(200);
    await photo(m, booking.id, 'doc-2');
    await setDoc(m, booking.id, 'doc-3', 'not_available');
    await photo(m, booking.id, 'doc-4');

    const record = await recordOf(m, booking.id);
    expect(record.documents.map((d: { status: string; photoIds: string[] }) => [d.status, d.photoIds.length])).toEqual([
      ['collected', 1], ['collected', 1], ['collected', 1], ['not_available', 0], ['collected', 1],
    ]);
    expect(record.handover).toEqual([{ label: '出院小结' }]);
    expect(record.blockers).toEqual(['请客户在屏幕上签名']);

    // The customer follows it: statuses, photo counts and the receipt, never the photos' ids.
    const view = await customerView(server.http, w.elder.token, booking.id);
    expect(view.record).toEqual({
      documents: record.documents.map((d: { label: string; status: string; originalTaken: boolean; photoIds: string[] }) => ({
        label: d.label, status: d.status, originalTaken: d.originalTaken, photoCount: d.photoIds.length,
      })),
      milestones: [],
      handover: [{ label: '出院小结' }],
      signedAt: null,
    });
  });

  it('refuses an unknown item, an original that was not collected, and any write before arrival, changing nothing', async () => {
    const w = await world(server.db, server.http);
    const booking = await bookVisit(server.http, w);
    const m = w.staff[0];
    const confirmed = (await staffAct(server.http, m.token, booking.id, 'confirm', { version: booking.version })).json();
    expectError(await setDoc(m, booking.id, 'doc-0', 'collected'), 409, 'TRANSITION_NOT_ALLOWED');
    expectError(await photo(m, booking.id, 'doc-0'), 409, 'TRANSITION_NOT_ALLOWED');
    expect((await customerView(server.http, w.elder.token, booking.id)).record).toBeNull();

    const departed = (await staffAct(server.http, m.token, booking.id, 'depart', { version: confirmed.version })).json();
    const { doorCode } = await customerView(server.http, w.elder.token, booking.id);
    expect((await staffAct(server.http, m.token, booking.id, 'arrive', { version: departed.version, doorCode })).json().status).toBe('arrived');
    // 住院医疗 has five documents: doc-0 … doc-4.
    expectError(await setDoc(m, booking.id, 'doc-5', 'collected'), 404, 'NOT_FOUND');
    expectError(await photo(m, booking.id, 'doc-7'), 404, 'NOT_FOUND');
    expectError(await setDoc(m, booking.id, 'doc-3', 'not_available', true), 400, 'VALIDATION_FAILED');
    expectError(await put(m, `${task(booking.id)}/record/assessment`, { notes: '不需要' }), 404, 'NOT_FOUND');
    expectError(await put(m, `${task(booking.id)}/record/milestones/registered`, { done: true }), 404, 'NOT_FOUND');
    const record = await recordOf(m, booking.id);
    expect(record.documents.every((d: { status: string; photoIds: string[] }) => d.status === 'pending' && d.photoIds.length === 0)).toBe(true);
    const log = await server.db.query('select 1 from visit_record_log where booking_id = $1', [booking.id]);
    expect(log.rows).toEqual([]);
  });
});

describe('完成', () => {
  it('is refused with the list of what is missing and changes nothing, then allowed once the record is complete', async () => {
    const w = await world(server.db, server.http);
    const booking = await bookVisit(server.http, w);
    const m = w.staff[0];
    const started = await workUntil(server.http, w, m, booking, 'in_service');
    const events = async () => (await server.db.query('select count(*)::int as n from visit_events where booking_id = $1', [booking.id])).rows[0].n;
    const before = await events();

    const refused = await staffAct(server.http, m.token, booking.id, 'complete', { version: started.version });
    expect(refused.status).toBe(422);
    expect(refused.json()).toEqual({
      code: 'VISIT_NOT_READY_TO_COMPLETE',
      message: ERROR_CATALOG.VISIT_NOT_READY_TO_COMPLETE.message,
      details: { blockers: (await recordOf(m, booking.id)).blockers },
    });
    expect(refused.json().details.blockers).toHaveLength(2);
    expect(await events()).toBe(before);
    expect((await customerView(server.http, w.elder.token, booking.id)).status).toBe('in_service');

    await fillCompletionRecord(server.http, m.token, booking.id);
    const done = await staffAct(server.http, m.token, booking.id, 'complete', { version: started.version });
    expect(done.json()).toMatchObject({ status: 'completed', allowedActions: [] });
    const view = await customerView(server.http, w.elder.token, booking.id);
    expect(view.record.signedAt).toBe(server.clock.now().toISOString());
    expect(view.record.documents.every((d: { status: string; photoCount: number }) => d.status === 'collected' && d.photoCount === 1)).toBe(true);
    // Finished: the record is closed.
    expectError(await setDoc(m, booking.id, 'doc-0', 'not_available'), 409, 'TRANSITION_NOT_ALLOWED');
  });
});

describe('an escort’s milestones', () => {
  async function escortArrived() {
    const w = await world(server.db, server.http, { skills: ['escort'] });
    const res = await server.http('POST', '/api/bookings', {
      token: w.elder.token,
      headers: { 'idempotency-key': unique('esc-') + unique() },
      body: {
        serviceType: 'escort', addressId: w.elder.addressId,
        escort: { hospitalId: 'huashan', department: 'neurology', appointmentAt: china('2030-01-08', '10:00'), pickUp: true, mobility: [] },
      },
    });
    expect(res.status).toBe(201);
    const started = await workUntil(server.http, w, w.staff[0], res.json(), 'in_service');
    return { w, m: w.staff[0], id: res.json().id as string, version: started.version as number };
  }

  it('are ticked with the time the phone saw, kept between the arrival and now, and can be undone', async () => {
    const { w, m, id, version } = await escortArrived();
    const arrival = server.clock.now().toISOString();
    server.clock.advanceMinutes(90);
    const ms = (key: string, body: unknown) => put(m, `${task(id)}/record/milestones/${key}`, body);
    // Before the arrival (a phone clock that is wrong) → the arrival; in the future → now.
    await ms('picked_up', { done: true, at: '2030-01-06T23:00:00.000Z' });
    await ms('registered', { done: true, at: '2030-01-07T00:40:00.000Z' });
    await ms('seen_doctor', { done: true, at: '2030-01-07T05:00:00.000Z' });
    const undone = (await ms('seen_doctor', { done: false })).json();
    expect(undone.milestones).toEqual([
      { key: 'picked_up', label: '已接到客户', doneAt: arrival },
      { key: 'registered', label: '已挂号报到', doneAt: '2030-01-07T00:40:00.000Z' },
      { key: 'seen_doctor', label: '已看完医生', doneAt: null },
      { key: 'medicine_collected', label: '已取药（不需要取药也点这里）', doneAt: null },
      { key: 'home', label: '已送客户到家', doneAt: null },
    ]);
    expect(undone.documents).toEqual([]);
    expect(undone.blockers).toEqual(['陪诊还有 3 步没有完成', '请客户在屏幕上签名']);
    expectError(await setDoc(m, id, 'doc-0', 'collected'), 404, 'NOT_FOUND');

    const refused = await staffAct(server.http, m.token, id, 'complete', { version });
    expect(refused.json().details.blockers).toEqual(undone.blockers);
    await fillCompletionRecord(server.http, m.token, id);
    expect((await staffAct(server.http, m.token, id, 'complete', { version })).json().status).toBe('completed');
    expect((await customerView(server.http, w.elder.token, id)).record.milestones.every((x: { doneAt: string | null }) => x.doneAt)).toBe(true);
  });
});

describe('disability assessment notes', () => {
  it('are part of an accident-disability claim only, and needed before 完成', async () => {
    const w = await world(server.db, server.http, { skills: ['claim', 'disability_assessment'] });
    const res = await book(server.http, w.elder.token, { addressId: w.elder.addressId as string, slotStart: china('2030-01-08', '14:00'), claimType: 'accident_disability' });
    expect(res.status).toBe(201);
    const id = res.json().id;
    const m = w.staff[0];
    await workUntil(server.http, w, m, res.json(), 'in_service');
    const before = await recordOf(m, id);
    expect(before.assessment).toEqual({ required: true, notes: null });
    expect(before.blockers).toContain('请填写伤残鉴定记录');
    expectError(await put(m, `${task(id)}/record/assessment`, { notes: '   ' }), 400, 'VALIDATION_FAILED');
    const saved = (await put(m, `${task(id)}/record/assessment`, { notes: ' 右手两指活动受限 ' })).json();
    expect(saved.assessment).toEqual({ required: true, notes: '右手两指活动受限' });
    expect(saved.blockers).not.toContain('请填写伤残鉴定记录');
  });
});
