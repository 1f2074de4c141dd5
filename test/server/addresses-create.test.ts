/** Saving a new address: typed (district tapped) or picked on the map; only for someone the caller may act for. */
import { ERROR_CATALOG, findDistrict } from '@domain';
import { createCustomer, createStaff, linkFamily, offeredStarts, signIn } from '../helpers/fixtures';
import { startTestServer, type TestServer } from '../helpers/test-server';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

async function elder() {
  const e = await createCustomer(server.db, { name: '孙凤英', at: null });
  return { ...e, token: await signIn(server.http, e.id) };
}

const save = (token: string, body: Record<string, unknown>) => server.http('POST', '/api/addresses', { token, body });

async function addressCount(elderId: string): Promise<number> {
  const r = await server.db.query<{ n: number }>('select count(*)::int as n from addresses where elder_id = $1', [elderId]);
  return r.rows[0].n;
}

describe('POST /api/addresses', () => {
  it('saves a typed address at its district, and it is listed and bookable at once', async () => {
    const { id, token } = await elder();
    const centre = findDistrict('崇明区')!;
    await createStaff(server.db, { at: centre, radiusKm: 5 });
    const res = await save(token, { label: '家', text: '  崇明区城桥镇八一路 18 号 2 楼 ', district: '崇明区' });
    expect(res.status).toBe(201);
    const saved = res.json();
    expect(saved).toMatchObject({ elderId: id, label: '家', text: '崇明区城桥镇八一路 18 号 2 楼', district: '崇明区', lat: centre.lat, lng: centre.lng });
    const list = await server.http('GET', '/api/addresses', { token });
    expect(list.json()).toEqual([saved]);
    expect((await offeredStarts(server.http, token, saved.id)).length).toBeGreaterThan(0);
  });

  it('saves a point picked on the map as it was picked', async () => {
    const { token } = await elder();
    const res = await save(token, { label: '子女家', text: '上海市徐汇区漕溪北路 88 号', district: '徐汇区', lat: 31.1901, lng: 121.4372 });
    expect(res.status).toBe(201);
    expect(res.json()).toMatchObject({ label: '子女家', lat: 31.1901, lng: 121.4372 });
  });

  it('refuses what cannot be served or is malformed, saying what to do, and saves nothing', async () => {
    const { id, token } = await elder();
    const cases: Array<[Record<string, unknown>, number, string]> = [
      [{ label: '家', text: '北京市东城区东长安街 1 号', district: '徐汇区', lat: 39.9, lng: 116.4 }, 422, 'ADDRESS_OUTSIDE_AREA'],
      [{ label: '家', text: '上海市某某路 1 号', district: '朝阳区' }, 422, 'DISTRICT_UNKNOWN'],
      [{ label: '家', text: '上海市某某路 1 号', district: '徐汇区', lat: 31.2 }, 400, 'VALIDATION_FAILED'],
      [{ label: '公司', text: '上海市某某路 1 号', district: '徐汇区' }, 400, 'VALIDATION_FAILED'],
      [{ label: '家', text: '1号', district: '徐汇区' }, 400, 'VALIDATION_FAILED'],
    ];
    for (const [body, status, code] of cases) {
      const res = await save(token, body);
      expect([res.status, res.json().code]).toEqual([status, code]);
      expect(res.json().message).toBe(ERROR_CATALOG[code as keyof typeof ERROR_CATALOG].message);
    }
    expect(await addressCount(id)).toBe(0);
  });

  it('a consenting family member may add an address for the elder; anyone else may not', async () => {
    const parent = await elder();
    const child = await createCustomer(server.db, { name: '孙小明', at: null });
    const stranger = await createCustomer(server.db, { name: '路人甲', at: null });
    await linkFamily(server.db, child.id, parent.id);
    const body = { elderId: parent.id, label: '家', text: '上海市静安区常德路 500 弄 3 号', district: '静安区' };

    const byChild = await save(await signIn(server.http, child.id), body);
    expect(byChild.status).toBe(201);
    expect(byChild.json().elderId).toBe(parent.id);

    const byStranger = await save(await signIn(server.http, stranger.id), body);
    expect(byStranger.status).toBe(403);
    expect(byStranger.json().code).toBe('NOT_LINKED_TO_ELDER');

    const staff = await createStaff(server.db, { at: { lat: 31.2, lng: 121.4 } });
    const byStaff = await save(await signIn(server.http, staff.id), body);
    expect(byStaff.status).toBe(403);
    expect(byStaff.json().code).toBe('FORBIDDEN');
    expect(await addressCount(parent.id)).toBe(1);
  });
});
