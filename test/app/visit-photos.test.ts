import type { BookingFile } from '@domain/schemas-booking';
import type { BookingView, CustomerRecord } from '@domain/schemas';
import { VisitsStore } from '@/stores/visits-store';
import { FakeApi, NETWORK, booking } from './fake-api';
import type { FollowTarget } from '@/stores/visit-follow';

const ID = 'b2000000-0000-4000-8000-000000000001';
const OTHER = 'b2000000-0000-4000-8000-000000000002';
const flush = () => new Promise((r) => setTimeout(r, 0));

function file(n: number, kind: BookingFile['kind'], itemKey: string | null, bookingId = ID): BookingFile {
  const id = `f2000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
  return { id, bookingId, contentType: 'image/jpeg', sizeBytes: 10, createdAt: `2025-03-02T01:${String(10 + n)}:00.000Z`, url: `/api/files/${id}`, kind, itemKey };
}

function withPhotos(counts: number[], version: number, id = ID): BookingView {
  const record: CustomerRecord = {
    documents: counts.map((photoCount, i) => ({ label: `材料${i}`, status: photoCount ? 'collected' : 'pending', originalTaken: false, photoCount })),
    milestones: [],
    handover: [],
    signedAt: null,
  };
  return booking({ id, status: 'in_service', statusLabel: '服务中', version, record });
}

/** The follower's quiet check, as the timer would run it. */
async function followCheck(visits: VisitsStore, id = ID) {
  const check = (visits as unknown as { check: (t: FollowTarget) => Promise<unknown> }).check;
  await check({ kind: 'visit', id });
  await flush();
}

describe('VisitPhotos (the staff member’s photos on the customer’s visit page)', () => {
  it('loads nothing while no document has a photo', async () => {
    const api = new FakeApi();
    api.bookingsList = [withPhotos([0, 0], 1), booking({ id: OTHER })];
    const visits = new VisitsStore(api);
    await visits.loadVisit(ID);
    await visits.loadVisit(OTHER);
    await flush();
    expect(api.callsOf('bookingFiles')).toEqual([]);
  });

  it('groups the staff photos by checklist item, leaving out the signature and the customer’s own photos', async () => {
    const api = new FakeApi();
    api.bookingsList = [withPhotos([1, 0, 2], 1)];
    api.files.set(ID, [file(3, 'staff', 'doc-2'), file(1, 'customer', null), file(2, 'staff', 'doc-0'), file(4, 'staff', 'doc-2'), file(5, 'signature', null)]);
    const visits = new VisitsStore(api);
    await visits.loadVisit(ID);
    await flush();
    expect(api.callsOf('bookingFiles')).toEqual([[ID]]);
    expect(visits.photos.photosOf(0).map((p) => p.url)).toEqual([`/api/files/${file(2, 'staff', null).id}`]);
    expect(visits.photos.photosOf(1)).toEqual([]);
    expect(visits.photos.photosOf(2).map((p) => p.id)).toEqual([file(3, 'staff', null).id, file(4, 'staff', null).id]);
  });

  it('fetches again only when the photo counts change, and keeps the old photos shown meanwhile', async () => {
    const api = new FakeApi();
    api.bookingsList = [withPhotos([1, 0], 1)];
    api.files.set(ID, [file(1, 'staff', 'doc-0')]);
    const visits = new VisitsStore(api);
    await visits.loadVisit(ID);
    await flush();
    // Follow refreshes with nothing new, and news that does not touch the photos (the signature).
    await followCheck(visits);
    api.bookingsList = [{ ...withPhotos([1, 0], 2), record: { ...withPhotos([1, 0], 2).record!, signedAt: '2025-03-02T01:50:00.000Z' } }];
    await followCheck(visits);
    await visits.loadVisit(ID);
    await flush();
    expect(api.callsOf('bookingFiles')).toHaveLength(1);

    // A second photo of the second document.
    api.bookingsList = [withPhotos([1, 1], 3)];
    api.files.set(ID, [file(1, 'staff', 'doc-0'), file(2, 'staff', 'doc-1')]);
    await visits.loadVisit(ID);
    expect(api.callsOf('bookingFiles')).toHaveLength(2);
    expect(visits.photos.photosOf(0)).toHaveLength(1);
    expect(visits.photos.photosOf(1)).toEqual([]);
    await flush();
    expect(visits.photos.photosOf(1).map((p) => p.id)).toEqual([file(2, 'staff', null).id]);
    await followCheck(visits);
    expect(api.callsOf('bookingFiles')).toHaveLength(2);
  });

  it('a failed fetch keeps what was shown and is tried again on the next refresh; sign-out forgets the photos', async () => {
    const api = new FakeApi();
    api.bookingsList = [withPhotos([1], 1)];
    api.files.set(ID, [file(1, 'staff', 'doc-0')]);
    const visits = new VisitsStore(api);
    api.failNext('bookingFiles', NETWORK());
    await visits.loadVisit(ID);
    await flush();
    expect(visits.photos.photosOf(0)).toEqual([]);
    await followCheck(visits);
    expect(api.callsOf('bookingFiles')).toHaveLength(2);
    expect(visits.photos.photosOf(0)).toHaveLength(1);
    visits.reset();
    expect(visits.photos.photosOf(0)).toEqual([]);
  });
});
