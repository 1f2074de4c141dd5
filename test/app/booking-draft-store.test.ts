import { BookingDraftStore } from '@/stores/booking-draft-store';
import { memoryDraftStorage } from '@/stores/draft-snapshot';
import { ADDRESS, ELDER, FAMILY, FakeApi, NETWORK, SLOTS, serverError } from './fake-api';

function keys() {
  let n = 0;
  return () => `key_${++n}_abcdefgh`;
}

async function filledDraft(api: FakeApi) {
  const draft = new BookingDraftStore(api, keys());
  draft.start(ELDER);
  draft.chooseClaimType('inpatient');
  await draft.loadAddresses();
  draft.chooseAddress(ADDRESS.id);
  await draft.loadSlots();
  draft.chooseSlot(SLOTS.days[1].slots[0]);
  draft.setNote('住 3 楼，没有电梯');
  return draft;
}

describe('BookingDraftStore', () => {
  it('an elder booking for themselves starts with themselves chosen; a family member must choose', () => {
    const api = new FakeApi();
    const draft = new BookingDraftStore(api, keys());
    draft.start(ELDER);
    expect(draft.elder).toEqual({ id: ELDER.id, name: ELDER.name });
    draft.start(FAMILY);
    expect(draft.elder).toBeNull();
  });

  it('sends the same Idempotency-Key after a network failure and keeps what was typed', async () => {
    const api = new FakeApi();
    const draft = await filledDraft(api);
    const key = draft.idempotencyKey;
    api.failNext('createBooking', NETWORK());

    expect(await draft.submit()).toBeNull();
    expect(draft.submitError?.isNetwork).toBe(true);
    expect(draft.submitError?.message).toMatch(/网络/);
    // The draft survives the failure.
    expect(draft.note).toBe('住 3 楼，没有电梯');
    expect(draft.slot?.start).toBe(SLOTS.days[1].slots[0].start);
    expect(draft.idempotencyKey).toBe(key);

    const made = await draft.submit();
    expect(made).not.toBeNull();
    const sent = api.callsOf('createBooking');
    expect(sent).toHaveLength(2);
    expect(sent[0][1]).toBe(key);
    expect(sent[1][1]).toBe(key);
    expect(sent[1][0]).toEqual(sent[0][0]);
    expect(sent[1][0]).toMatchObject({ serviceType: 'claim', claimType: 'inpatient', elderId: ELDER.id, addressId: ADDRESS.id, note: '住 3 楼，没有电梯' });
  });

  it('a retry after a lost answer returns the booking already made, not a second one', async () => {
    const api = new FakeApi();
    const draft = await filledDraft(api);
    // The server made the booking but the answer was lost: simulate by making it first.
    await api.createBooking(draft.body!, draft.idempotencyKey);
    const first = [...api.made.values()][0];
    const again = await draft.submit();
    expect(again?.id).toBe(first.id);
    expect(api.made.size).toBe(1);
  });

  it('re-tapping the same choices after a failure keeps the key (no accidental second booking)', async () => {
    const api = new FakeApi();
    const draft = await filledDraft(api);
    const key = draft.idempotencyKey;
    api.failNext('createBooking', NETWORK());
    await draft.submit();
    draft.chooseClaimType('inpatient');
    draft.chooseAddress(ADDRESS.id);
    draft.chooseSlot(SLOTS.days[1].slots[0]);
    draft.setNote('住 3 楼，没有电梯');
    expect(draft.idempotencyKey).toBe(key);
  });

  it('SLOT_TAKEN clears the time, asks for a new one, and the new request gets a new key', async () => {
    const api = new FakeApi();
    const draft = await filledDraft(api);
    const key = draft.idempotencyKey;
    api.failNext('createBooking', serverError('SLOT_TAKEN'));
    expect(await draft.submit()).toBeNull();
    expect(draft.submitError?.code).toBe('SLOT_TAKEN');
    expect(draft.submitError?.message).toBe('这个时间刚刚被约满了，请换一个时间。');
    expect(draft.needsNewSlot).toBe(true);
    expect(draft.slot).toBeNull();
    expect(draft.note).toBe('住 3 楼，没有电梯');

    draft.chooseSlot(SLOTS.days[1].slots[1]);
    expect(draft.needsNewSlot).toBe(false);
    expect(draft.idempotencyKey).not.toBe(key);
    const made = await draft.submit();
    expect(made?.slotStart).toBe(SLOTS.days[1].slots[1].start);
  });

  it('starts a fresh draft with a fresh key after success', async () => {
    const api = new FakeApi();
    const draft = await filledDraft(api);
    const key = draft.idempotencyKey;
    expect(await draft.submit()).not.toBeNull();
    expect(draft.idempotencyKey).not.toBe(key);
    expect(draft.note).toBe('');
    expect(draft.slot).toBeNull();
  });

  it('loads addresses for the chosen elder, and slots for type + address, picking the first day with times', async () => {
    const api = new FakeApi();
    const draft = new BookingDraftStore(api, keys());
    draft.start(FAMILY);
    draft.chooseElder(FAMILY.bookFor[1]);
    draft.chooseClaimType('outpatient');
    await draft.loadAddresses();
    expect(api.callsOf('addresses')[0]).toEqual([FAMILY.bookFor[1].id]);
    expect(draft.addressId).toBe(ADDRESS.id); // the only address is preselected
    await draft.loadSlots();
    expect(api.callsOf('slots')[0][0]).toEqual({ serviceType: 'claim', claimType: 'outpatient', addressId: ADDRESS.id });
    expect(draft.selectedDate).toBe('2025-03-02'); // today is full
  });

  it('shows a Chinese message when slots cannot load', async () => {
    const api = new FakeApi();
    const draft = await filledDraft(api);
    api.failNext('slots', NETWORK());
    await draft.loadSlots();
    expect(draft.slotState).toBe('error');
    expect(draft.slotError).toMatch(/网络/);
  });

  it('builds an escort body: hospital, department, appointment time, pick-up and needs; times asked with pick-up', async () => {
    const api = new FakeApi();
    const escortSlot = { ...SLOTS.days[1].slots[0], start: '2025-03-02T00:00:00.000Z', appointmentAt: '2025-03-02T01:00:00.000Z', label: '上午 9:00' };
    api.slotData = { days: [SLOTS.days[0], { ...SLOTS.days[1], slots: [escortSlot] }] };
    const draft = new BookingDraftStore(api, keys());
    draft.start(ELDER, 'escort');
    draft.chooseHospital('ruijin');
    draft.chooseDepartment('cardiology');
    draft.choosePickUp(true);
    draft.toggleMobility('wheelchair');
    draft.toggleMobility('no_stairs');
    draft.toggleMobility('no_stairs');
    await draft.loadAddresses();
    await draft.loadSlots();
    expect(api.callsOf('slots')[0][0]).toEqual({ serviceType: 'escort', addressId: ADDRESS.id, pickUp: true, hospitalId: 'ruijin' });
    draft.chooseSlot(escortSlot);
    expect(draft.body).toEqual({
      serviceType: 'escort',
      elderId: ELDER.id,
      addressId: ADDRESS.id,
      escort: { hospitalId: 'ruijin', department: 'cardiology', appointmentAt: '2025-03-02T01:00:00.000Z', pickUp: true, mobility: ['wheelchair'] },
    });
    // Changing pick-up changes the visit window: the chosen time is dropped and asked again.
    draft.choosePickUp(false);
    expect(draft.slot).toBeNull();
    expect(draft.body).toBeNull();
  });

  it('survives an app restart for the same person, and never shows it to another person', async () => {
    const api = new FakeApi();
    const storage = memoryDraftStorage();
    const first = new BookingDraftStore(api, keys(), storage);
    first.attach(ELDER.id);
    first.start(ELDER);
    first.chooseClaimType('inpatient');
    await first.loadAddresses();
    first.chooseAddress(ADDRESS.id);
    await first.loadSlots();
    first.chooseSlot(SLOTS.days[1].slots[0]);
    first.setNote('门铃坏了，请敲门');
    api.failNext('createBooking', NETWORK());
    await first.submit();

    // The app restarts: a new store, the same device storage.
    const again = new BookingDraftStore(api, keys(), storage);
    again.attach(ELDER.id);
    expect(again.body).toEqual(first.body);
    expect(again.address?.text).toBe(ADDRESS.text);
    expect(again.note).toBe('门铃坏了，请敲门');
    expect(again.idempotencyKey).toBe(first.idempotencyKey);
    expect(await again.submit()).not.toBeNull();
    // Only the retry reached the "server" with the same key: one booking.
    expect(api.made.size).toBe(1);
    expect(api.callsOf('createBooking').map((c) => c[1])).toEqual([first.idempotencyKey, first.idempotencyKey]);

    const other = new BookingDraftStore(api, keys(), storage);
    other.attach(FAMILY.id);
    expect(other.elder).toBeNull();
    expect(other.note).toBe('');
  });

  it('saves a new address for the chosen elder and chooses it; a refusal keeps what was typed in the page', async () => {
    const api = new FakeApi();
    const draft = new BookingDraftStore(api, keys());
    draft.start(FAMILY);
    draft.chooseElder(FAMILY.bookFor[1]);
    api.failNext('createAddress', serverError('DISTRICT_UNKNOWN'));
    expect(await draft.saveAddress({ label: '家', text: '上海市某路 1 号', district: '朝阳区' })).toBe(false);
    expect(draft.addressSaveError).toBe('没有认出地址所在的区，请在列表里点一下所在的区。');
    expect(await draft.saveAddress({ label: '家', text: '上海市长宁区愚园路 1 号', district: '长宁区' })).toBe(true);
    expect(api.callsOf('createAddress')[1][0]).toEqual({ label: '家', text: '上海市长宁区愚园路 1 号', district: '长宁区', elderId: FAMILY.bookFor[1].id });
    expect(draft.address?.text).toBe('上海市长宁区愚园路 1 号');
  });

  it("sends the family member's choice of contact", async () => {
    const api = new FakeApi();
    const draft = new BookingDraftStore(api, keys());
    draft.start(FAMILY);
    draft.chooseElder(FAMILY.bookFor[0]);
    draft.chooseClaimType('outpatient');
    await draft.loadAddresses();
    await draft.loadSlots();
    draft.chooseSlot(SLOTS.days[1].slots[0]);
    expect(draft.body?.contact).toBeUndefined();
    draft.chooseContact('booker');
    expect(draft.body?.contact).toBe('booker');
  });

  it('uploads document photos once the booking exists; a failed photo never undoes the booking', async () => {
    const api = new FakeApi();
    const read = async (path: string) => ({ bytes: new TextEncoder().encode(path).buffer as ArrayBuffer, contentType: 'image/jpeg' });
    const draft = new BookingDraftStore(api, keys(), null, read);
    draft.start(ELDER);
    draft.chooseClaimType('inpatient');
    draft.photos.add([{ path: 'blob:a', size: 10 }, { path: 'blob:b', size: 20 }, { path: 'blob:a', size: 10 }]);
    expect(draft.photos.list).toHaveLength(2);
    await draft.loadAddresses();
    await draft.loadSlots();
    draft.chooseSlot(SLOTS.days[1].slots[0]);
    api.failNext('uploadFile', NETWORK());
    const made = await draft.submit();
    expect(made).not.toBeNull();
    expect(api.callsOf('uploadFile').map((c) => c[0])).toEqual([made!.id, made!.id]);
    expect(draft.photos.failed).toBe(1);
    expect(draft.photos.list).toEqual([]);
  });
});
