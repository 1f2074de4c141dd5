import type { Location } from '@domain/schemas-lifecycle';
import { StaffOutbox } from '@/stores/staff-outbox';
import type { LocationSource } from '@/stores/staff-ports';
import { StaffRecordWrites } from '@/stores/staff-record-writes';
import { StaffTaskStore } from '@/stores/staff-task-store';
import { PING_INTERVAL_MS, StaffTravel } from '@/stores/staff-travel';
import { createStores } from '@/stores';
import { asApiClient, FakeApi, memoryTokens, STAFF_USER } from './fake-api';
import { DOOR_CODE, FakeStaffApi, manualTimer, memoryStorage, staffTask, TASK_ID } from './fake-staff-api';

/** A phone whose location the test moves; `watching` says whether anyone listens. */
function fakeLocation() {
  let listener: ((l: Location) => void) | null = null;
  return {
    get watching() {
      return listener !== null;
    },
    move: (l: Location) => listener?.(l),
    source: {
      watch: async (cb: (l: Location) => void) => {
        listener = cb;
        return () => (listener = null);
      },
      current: async () => ({ lat: 31.2, lng: 121.4 }),
    } satisfies LocationSource,
  };
}

function setup(over: Parameters<typeof staffTask>[0] = {}) {
  const api = new FakeStaffApi([staffTask({ status: 'confirmed', version: 4, ...over })]);
  const outbox = new StaffOutbox({ api, storage: memoryStorage(), timer: manualTimer() });
  outbox.attach(STAFF_USER.id);
  let clock = Date.parse('2025-03-02T00:30:00.000Z');
  const location = fakeLocation();
  const travel = new StaffTravel(api, location.source, () => clock);
  const photo = { bytes: new Uint8Array([0xff, 0xd8, 0xff, 1, 2]).buffer, contentType: 'image/jpeg', localPath: 'blob:photo-1' };
  const store = new StaffTaskStore({ api, outbox, travel });
  const writes = new StaffRecordWrites({ task: store, outbox, takePhoto: async () => photo, now: () => new Date(clock) });
  const tick = (ms: number) => (clock += ms);
  const settle = async () => {
    await outbox.flush();
    for (let i = 0; i < 5; i++) await Promise.resolve();
  };
  return { api, outbox, travel, store, writes, location, tick, settle };
}

describe('StaffTaskStore: the day of the visit', () => {
  it('offers exactly the actions the server allows', async () => {
    const { store } = setup();
    await store.open(TASK_ID);
    expect(['depart', 'arrive', 'start', 'complete', 'no-show'].filter((a) => store.can(a as never))).toEqual(['depart']);
  });

  it('出发 shares the location while travelling, at most every 30 s, and stops on arrival', async () => {
    const { api, store, location, tick, settle } = setup();
    await store.open(TASK_ID);
    store.depart();
    await settle();
    expect(store.task?.status).toBe('en_route');
    expect(location.watching).toBe(true);
    location.move({ lat: 31.21, lng: 121.41 });
    tick(10_000);
    location.move({ lat: 31.22, lng: 121.42 });
    tick(PING_INTERVAL_MS);
    location.move({ lat: 31.23, lng: 121.43 });
    await settle();
    expect(api.pings).toEqual([{ lat: 31.21, lng: 121.41 }, { lat: 31.23, lng: 121.43 }]);

    store.setDoorCode(DOOR_CODE);
    await store.arrive();
    await settle();
    expect(store.task?.status).toBe('arrived');
    expect(location.watching).toBe(false);
    // The arrival carries the latest location the phone reported.
    expect(api.callsOf('staffAction').at(-1)?.[2]).toEqual({ version: 5, doorCode: DOOR_CODE, location: { lat: 31.23, lng: 121.43 } });
  });

  it('a wrong door code: the visit stays on its way and the server’s message shows, with the attempts left', async () => {
    const { store, settle } = setup({ status: 'en_route' });
    await store.open(TASK_ID);
    store.setDoorCode('12a3');
    await store.arrive();
    expect(store.formError).toBe('请输入客户手机上显示的 6 位上门码。');
    store.setDoorCode('111111');
    await store.arrive();
    expect(store.task?.status).toBe('arrived');
    await settle();
    expect(store.task?.status).toBe('en_route');
    expect(store.refusal).toMatchObject({ label: '到达', message: expect.stringContaining('上门码不对'), attemptsLeft: 4 });
  });

  it('offline after arriving: 开始服务, a document and the notes are usable at once and wait, then go in order', async () => {
    const { api, store, writes, settle } = setup({ status: 'arrived', claimType: 'accident_disability' });
    await store.open(TASK_ID);
    api.offline = true;
    store.startService();
    expect(store.task?.status).toBe('in_service');
    const [first] = store.record?.record.documents ?? [];
    writes.setDocument(first.key, 'collected', true);
    expect(writes.saveAssessment('  左腿伤残，建议十级  ')).toBe(true);
    await settle();
    expect(store.waiting.map((e) => e.label)).toEqual(['开始服务', `${first.label}：已收，原件带走`, '伤残鉴定记录']);
    expect(store.record?.record.handover).toEqual([{ label: first.label }]);
    expect(store.record?.record.assessment.notes).toBe('左腿伤残，建议十级');
    expect(store.record?.record.blockers).toEqual(expect.arrayContaining([`这些材料还没有拍照：${first.label}`, '请客户在屏幕上签名']));

    // Signal again; the page is shown again (which also tries what waits).
    api.offline = false;
    await store.load();
    await settle();
    expect(api.applied).toEqual(['start@4', `document ${first.key} collected taken`, 'assessment']);
    expect(store.waiting).toEqual([]);
    expect(store.detail?.task.status).toBe('in_service');
  });

  it('a photo counts on its document at once, and the server’s file replaces it once uploaded', async () => {
    const { api, store, writes, settle } = setup({ status: 'in_service', claimType: 'outpatient' });
    await store.open(TASK_ID);
    api.offline = true;
    const doc = store.record?.record.documents[0];
    writes.setDocument(doc?.key as string, 'collected', false);
    await writes.addPhoto(doc?.key as string);
    expect(store.record?.waitingPhotos).toEqual([{ key: expect.any(String), itemKey: doc?.key, localPath: 'blob:photo-1' }]);
    expect(store.record?.record.documents[0].photoIds).toHaveLength(1);
    api.offline = false;
    await store.load();
    await settle();
    expect(api.applied).toEqual([`document ${doc?.key} collected`, `photo ${doc?.key} 5 bytes`]);
    expect(store.staffPhotosOf(doc?.key as string)).toHaveLength(1);
    expect(store.record?.waitingPhotos).toEqual([]);
  });

  it('完成 only once nothing blocks it: documents, photos, signature', async () => {
    const { api, store, writes, settle } = setup({ status: 'in_service', claimType: 'outpatient' });
    await store.open(TASK_ID);
    store.complete();
    await settle();
    expect(api.applied).toEqual([]);
    for (const d of store.record?.record.documents ?? []) writes.setDocument(d.key, 'not_available', false);
    writes.sign(new Uint8Array([137, 80, 78, 71]).buffer, 'blob:signature');
    expect(store.record?.waitingSignature).toBe('blob:signature');
    expect(store.record?.record.blockers).toEqual([]);
    store.complete();
    expect(store.task?.status).toBe('completed');
    await settle();
    expect(api.applied.at(-2)).toBe('signature 4 bytes');
    expect(api.applied.at(-1)).toBe('complete@4');
    expect(store.detail?.task.status).toBe('completed');
  });

  it('escort: the milestones in order, each with the time it was tapped, sent later when offline', async () => {
    const escort = { hospitalId: 'ruijin', hospitalName: '瑞金医院', department: 'cardiology' as const, appointmentAt: '2025-03-02T01:30:00.000Z', pickUp: true, mobility: [] };
    const { api, store, writes, tick, settle } = setup({ status: 'in_service', serviceType: 'escort', claimType: null, escort });
    await store.open(TASK_ID);
    api.offline = true;
    writes.setMilestone('picked_up');
    tick(20 * 60_000);
    writes.setMilestone('registered');
    const [first, second] = store.record?.record.milestones ?? [];
    expect([first.doneAt, second.doneAt]).toEqual(['2025-03-02T00:30:00.000Z', '2025-03-02T00:50:00.000Z']);
    expect(store.record?.record.blockers).toEqual(['陪诊还有 3 步没有完成', '请客户在屏幕上签名']);
    api.offline = false;
    await store.load();
    await settle();
    expect(api.callsOf('setMilestone').filter((c) => c[0] === TASK_ID).map((c) => [c[1], (c[2] as { at: string }).at]).slice(-2)).toEqual([
      ['picked_up', '2025-03-02T00:30:00.000Z'],
      ['registered', '2025-03-02T00:50:00.000Z'],
    ]);
    expect(api.applied).toEqual(['milestone picked_up', 'milestone registered']);
  });

  it('客户不在家 with a reason', async () => {
    const { api, store, settle } = setup({ status: 'arrived' });
    await store.open(TASK_ID);
    store.noShow('敲门无人应答');
    await settle();
    expect(api.callsOf('staffAction')[0][2]).toEqual({ version: 4, reason: '敲门无人应答' });
    expect(store.task?.statusLabel).toBe('上门时没有见到您');
  });
});

describe('after a restart without signal', () => {
  function phone(storage: ReturnType<typeof memoryStorage>, staffApi: FakeStaffApi) {
    const customerApi = new FakeApi();
    customerApi.me_ = STAFF_USER;
    const api = asApiClient(customerApi);
    const methods = ['staffBoard', 'staffTask', 'staffAction', 'setDocument', 'setMilestone', 'saveAssessment', 'uploadStaffPhoto', 'uploadSignature', 'shareLocation'] as const;
    for (const m of methods) Object.assign(api, { [m]: (staffApi[m] as (...a: unknown[]) => unknown).bind(staffApi) });
    return createStores({ api, tokens: memoryTokens('token-staff'), wechatCode: async () => 'code', staffPorts: { storage, timer: manualTimer() } });
  }

  it('the last task opened shows from the phone, with the writes still waiting applied, for its staff member only', async () => {
    const storage = memoryStorage();
    const staffApi = new FakeStaffApi([staffTask({ status: 'arrived', version: 4 })]);
    const first = phone(storage, staffApi);
    await first.session.restore();
    await first.staff.task.open(TASK_ID);
    staffApi.offline = true;
    first.staff.task.startService();
    await first.staff.outbox.flush();

    // The app is closed and opened again, still without signal.
    const again = phone(storage, staffApi);
    await again.session.restore();
    await again.staff.task.open(TASK_ID);
    expect(again.staff.task.state).toBe('error');
    expect(again.staff.task.task?.status).toBe('in_service');
    expect(again.staff.task.waiting.map((e) => e.label)).toEqual(['开始服务']);

    // Signing out forgets it on this phone.
    await again.staff.outbox.flush();
    again.staff.reset();
    const third = phone(storage, staffApi);
    await third.session.restore();
    await third.staff.task.open(TASK_ID);
    expect(third.staff.task.detail).toBeNull();
  });
});
