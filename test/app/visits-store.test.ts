import { VisitsStore } from '@/stores/visits-store';
import { FakeApi, NETWORK, booking } from './fake-api';

describe('VisitsStore', () => {
  it('the next visit is the first one not yet finished', async () => {
    const api = new FakeApi();
    api.bookingsList = [
      booking({ id: 'b1000000-0000-4000-8000-000000000001', status: 'confirmed', statusLabel: '已确认' }),
      booking({ id: 'b1000000-0000-4000-8000-000000000002', status: 'completed', statusLabel: '已完成' }),
    ];
    const visits = new VisitsStore(api);
    await visits.loadList();
    expect(visits.next?.id).toBe('b1000000-0000-4000-8000-000000000001');
    expect(visits.past.map((b) => b.id)).toEqual(['b1000000-0000-4000-8000-000000000002']);
  });

  it('a failed refresh keeps the visit already shown', async () => {
    const api = new FakeApi();
    const b = booking();
    api.bookingsList = [b];
    const visits = new VisitsStore(api);
    await visits.loadVisit(b.id);
    api.failNext('booking', NETWORK());
    await visits.loadVisit(b.id);
    expect(visits.currentState).toBe('error');
    expect(visits.current?.id).toBe(b.id);
    expect(visits.currentError).toMatch(/网络/);
  });
});
