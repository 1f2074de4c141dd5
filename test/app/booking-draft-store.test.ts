import { BookingDraftStore } from '@/stores/booking-draft-store';
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
});
