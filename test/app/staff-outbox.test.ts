import type { StaffTaskCard } from '@domain/schemas-staff';
import { StaffOutbox, RETRY_DELAYS_MS } from '@/stores/staff-outbox';
import { bytesToBase64, base64ToBytes } from '@/stores/staff-bytes';
import { FakeStaffApi, manualNetwork, manualTimer, memoryStorage, staffTask, TASK_ID, DOOR_CODE } from './fake-staff-api';
import { serverError, STAFF_USER } from './fake-api';

const OTHER_STAFF = '55555555-5555-4555-8555-555555555555';

function setup(opts: { status?: StaffTaskCard['status']; storage?: ReturnType<typeof memoryStorage> } = {}) {
  const api = new FakeStaffApi([staffTask({ status: opts.status ?? 'en_route', version: 4 })]);
  const storage = opts.storage ?? memoryStorage();
  const timer = manualTimer();
  const network = manualNetwork();
  let n = 0;
  const outbox = new StaffOutbox({ api, storage, timer, network: network.watch, newKey: () => `key_${++n}_abcdefgh` });
  outbox.attach(STAFF_USER.id);
  return { api, storage, timer, network, outbox };
}

const arrive = (version = 4) => ({ kind: 'action' as const, action: 'arrive' as const, doorCode: DOOR_CODE, version });
const start = { kind: 'action' as const, action: 'start' as const, version: null };
const collected = { kind: 'document' as const, key: 'doc-0', status: 'collected' as const, originalTaken: true };

describe('StaffOutbox: every staff write, kept on the phone and sent in order, once', () => {
  it('sends writes in the order they were tapped, one at a time, each with its own key', async () => {
    const { api, outbox } = setup();
    outbox.enqueue(TASK_ID, '到达', arrive(), 4);
    outbox.enqueue(TASK_ID, '开始服务', start, 4);
    outbox.enqueue(TASK_ID, '身份证：已收', collected);
    await outbox.flush();
    expect(api.applied).toEqual(['arrive@4', 'start@5', 'document doc-0 collected taken']);
    expect(api.appliedKeys).toEqual(['key_1_abcdefgh', 'key_2_abcdefgh', 'key_3_abcdefgh']);
    expect(outbox.count).toBe(0);
    expect(outbox.allSent).toBe(true);
  });

  it('offline, writes wait on the phone; when the network comes back each reaches the server exactly once', async () => {
    const { api, outbox, network } = setup();
    api.offline = true;
    outbox.enqueue(TASK_ID, '到达', arrive(), 4);
    outbox.enqueue(TASK_ID, '开始服务', start, 4);
    outbox.enqueue(TASK_ID, '身份证：已收', collected);
    await outbox.flush();
    expect(outbox.count).toBe(3);
    expect(outbox.pendingFor(TASK_ID).map((e) => e.label)).toEqual(['到达', '开始服务', '身份证：已收']);
    expect(api.applied).toEqual([]);

    api.offline = false;
    network.back();
    await outbox.flush();
    expect(api.applied).toEqual(['arrive@4', 'start@5', 'document doc-0 collected taken']);
    expect(outbox.count).toBe(0);
  });

  it('an answer lost on the way back: the same key is sent again and the server applies it once', async () => {
    const { api, outbox, timer } = setup();
    api.loseNextAnswer('staffAction');
    outbox.enqueue(TASK_ID, '到达', arrive(), 4);
    await outbox.flush();
    expect(outbox.count).toBe(1);
    expect(api.applied).toEqual(['arrive@4']);
    timer.fire();
    await outbox.flush();
    expect(api.callsOf('staffAction').map((c) => c[3])).toEqual(['key_1_abcdefgh', 'key_1_abcdefgh']);
    expect(api.applied).toEqual(['arrive@4']);
    expect(outbox.count).toBe(0);
  });

  it('keeps trying on a timer that waits longer each time, and starts again at once when a page is shown', async () => {
    const { api, outbox, timer } = setup();
    api.offline = true;
    outbox.enqueue(TASK_ID, '到达', arrive(), 4);
    await outbox.flush();
    expect(outbox.retrying).toBe(true);
    expect(timer.planned.map((p) => p.ms)).toEqual([RETRY_DELAYS_MS[0]]);
    timer.fire();
    await outbox.flush();
    expect(timer.planned.map((p) => p.ms)).toEqual([RETRY_DELAYS_MS[1]]);
    // A server that is down (5xx) is tried again too; nothing is dropped.
    api.offline = false;
    api.failNext('staffAction', serverError('INTERNAL'));
    timer.fire();
    await outbox.flush();
    expect(outbox.count).toBe(1);
    // The page is shown again: it tries at once, without waiting for the timer.
    await outbox.flush();
    expect(outbox.count).toBe(0);
    expect(timer.planned).toEqual([]);
    expect(api.applied).toEqual(['arrive@4']);
  });

  it('a refusal (4xx) drops that write, keeps the server’s message for the task, and goes on with the next', async () => {
    const { api, outbox } = setup();
    outbox.enqueue(TASK_ID, '到达', { ...arrive(), doorCode: '000000' }, 4);
    outbox.enqueue(TASK_ID, '到达', arrive(), 4);
    await outbox.flush();
    expect(api.applied).toEqual(['arrive@4']);
    // The wrong code was refused with the attempts left, and the next (chained) arrive asked the server for the version.
    const [first] = api.callsOf('staffAction');
    expect(first[2]).toMatchObject({ doorCode: '000000', version: 4 });
    expect(outbox.count).toBe(0);
  });

  it('the refusal message and attempts left stay on the task until the next write', async () => {
    const { outbox } = setup();
    outbox.enqueue(TASK_ID, '到达', { ...arrive(), doorCode: '000000' }, 4);
    await outbox.flush();
    expect(outbox.refusals[TASK_ID]).toEqual({ label: '到达', code: 'DOOR_CODE_WRONG', message: expect.stringContaining('上门码不对'), attemptsLeft: 4 });
    expect(outbox.count).toBe(0);
    outbox.enqueue(TASK_ID, '到达', arrive(), 4);
    expect(outbox.refusals[TASK_ID]).toBeUndefined();
  });

  it('an action queued behind another carries the version the one before it returned', async () => {
    const { api, outbox } = setup({ status: 'arrived' });
    api.offline = true;
    outbox.enqueue(TASK_ID, '开始服务', { ...start, version: null }, 4);
    outbox.enqueue(TASK_ID, '身份证：已收', collected);
    outbox.enqueue(TASK_ID, '客户不在家', { kind: 'action', action: 'no-show', reason: '敲门无人应答', version: null }, 4);
    expect(outbox.entries.map((e) => (e.write.kind === 'action' ? e.write.version : '-'))).toEqual([4, '-', null]);
    api.offline = false;
    await outbox.flush();
    expect(api.callsOf('staffAction').map((c) => [c[1], (c[2] as { version: number }).version])).toEqual([['start', 4], ['no-show', 5]]);
  });

  it('survives a restart: the signed-in staff member’s writes come back from storage (one key each), nobody else’s', async () => {
    const storage = memoryStorage();
    const first = setup({ storage });
    first.api.offline = true;
    first.outbox.enqueue(TASK_ID, '到达', arrive(), 4);
    first.outbox.enqueue(TASK_ID, '开始服务', start, 4);
    const photo = new Uint8Array(3000).map((_, i) => i % 251);
    first.outbox.enqueue(TASK_ID, '身份证的照片', { kind: 'photo', itemKey: 'doc-0', contentType: 'image/jpeg', base64: bytesToBase64(photo.buffer), localPath: 'blob:1' });
    await first.outbox.flush();
    expect([...storage.data.keys()].filter((k) => k.startsWith(`homevisit.outbox.${STAFF_USER.id}.`))).toHaveLength(3);

    // The app is closed and opened again; first someone else signs in on this phone.
    const api = new FakeStaffApi([staffTask({ status: 'en_route', version: 4 })]);
    const again = new StaffOutbox({ api, storage, timer: manualTimer() });
    again.attach(OTHER_STAFF);
    expect(again.count).toBe(0);
    again.attach(STAFF_USER.id);
    expect(again.entries.map((e) => e.label)).toEqual(['到达', '开始服务', '身份证的照片']);
    await again.flush();
    expect(api.applied).toEqual(['arrive@4', 'start@5', 'photo doc-0 3000 bytes']);
    expect([...storage.data.keys()].filter((k) => k.startsWith(`homevisit.outbox.${STAFF_USER.id}.`))).toEqual([]);
  });

  it('a write too large for one storage key is still sent, and says it is not kept on the phone', async () => {
    const { api, outbox } = setup({ storage: memoryStorage(2000) });
    api.offline = true;
    const big = bytesToBase64(new Uint8Array(3000).buffer);
    const entry = outbox.enqueue(TASK_ID, '身份证的照片', { kind: 'photo', itemKey: 'doc-0', contentType: 'image/jpeg', base64: big, localPath: 'x' });
    expect(entry.kept).toBe(false);
    api.offline = false;
    await outbox.flush();
    expect(api.applied).toEqual(['photo doc-0 3000 bytes']);
  });

  it('signing out forgets the writes in memory and stops sending them', async () => {
    const { api, outbox } = setup();
    api.offline = true;
    outbox.enqueue(TASK_ID, '到达', arrive(), 4);
    await outbox.flush();
    outbox.reset();
    api.offline = false;
    await outbox.flush();
    expect(outbox.count).toBe(0);
    expect(api.applied).toEqual([]);
  });
});

describe('base64 for photos kept in storage', () => {
  it('round-trips any bytes', () => {
    for (const length of [0, 1, 2, 3, 4, 5, 1000, 70_001]) {
      const bytes = new Uint8Array(length).map((_, i) => (i * 37) % 256);
      const text = bytesToBase64(bytes.buffer);
      expect(text).toBe(Buffer.from(bytes).toString('base64'));
      expect(new Uint8Array(base64ToBytes(text))).toEqual(bytes);
    }
  });
});
