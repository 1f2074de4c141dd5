import { ApiError } from '@/api/api-error';
import { createApiClient } from '@/api/client';
import type { HttpRequest, HttpResponse } from '@/api/http';

function client(answer: (req: HttpRequest) => Promise<HttpResponse>, token: string | null = 'tok') {
  const sent: HttpRequest[] = [];
  const expired: ApiError[] = [];
  const api = createApiClient({
    baseUrl: 'http://api.test/',
    send: (req) => {
      sent.push(req);
      return answer(req);
    },
    getToken: () => token,
    onUnauthenticated: (e) => expired.push(e),
  });
  return { api, sent, expired };
}

describe('api client', () => {
  it('sends the bearer token and the Idempotency-Key', async () => {
    const { api, sent } = client(async () => ({ status: 201, data: { id: 'x' } }));
    await api.createBooking({ serviceType: 'claim', claimType: 'other', addressId: 'a', slotStart: 's' }, 'key_12345678');
    expect(sent[0].url).toBe('http://api.test/api/bookings');
    expect(sent[0].method).toBe('POST');
    expect(sent[0].headers.Authorization).toBe('Bearer tok');
    expect(sent[0].headers['Idempotency-Key']).toBe('key_12345678');
  });

  it('builds query strings and leaves out empty values', async () => {
    const { api, sent } = client(async () => ({ status: 200, data: [] }));
    await api.addresses();
    await api.addresses('e 1');
    expect(sent.map((r) => r.url)).toEqual(['http://api.test/api/addresses', 'http://api.test/api/addresses?elderId=e%201']);
  });

  it('turns { code, message } into an ApiError with the Chinese message', async () => {
    const { api } = client(async () => ({ status: 409, data: { code: 'SLOT_TAKEN', message: '这个时间刚刚被约满了，请换一个时间。' } }));
    await expect(api.staffBoard()).rejects.toMatchObject({ code: 'SLOT_TAKEN', status: 409, message: '这个时间刚刚被约满了，请换一个时间。' });
  });

  it('staff writes carry their Idempotency-Key; a photo goes as bytes with its type; a decline answers null', async () => {
    const { api, sent } = client(async (req) => (req.url.endsWith('/decline') ? { status: 204, data: '' } : { status: 200, data: { id: 't' } }));
    await api.staffAction('t 1', 'arrive', { version: 4, doorCode: '123456' }, 'key_arrive_1');
    const photo = new Uint8Array([1, 2, 3]).buffer;
    await api.uploadStaffPhoto('t1', 'doc-0', photo, 'image/jpeg', 'key_photo_1');
    await expect(api.staffAction('t1', 'decline', { version: 4, reason: '时间冲突' }, 'key_decline')).resolves.toBeNull();
    expect(sent.map((r) => `${r.method} ${r.url}`)).toEqual([
      'POST http://api.test/api/staff/tasks/t%201/arrive',
      'POST http://api.test/api/staff/tasks/t1/files?item=doc-0',
      'POST http://api.test/api/staff/tasks/t1/decline',
    ]);
    expect(sent.map((r) => r.headers['Idempotency-Key'])).toEqual(['key_arrive_1', 'key_photo_1', 'key_decline']);
    expect(sent[0].data).toEqual({ version: 4, doorCode: '123456' });
    expect(sent[1].headers['Content-Type']).toBe('image/jpeg');
    expect(sent[1].data).toBe(photo);
  });

  it('keeps what the server adds for the screen (door-code tries left)', async () => {
    const { api } = client(async () => ({ status: 422, data: { code: 'DOOR_CODE_WRONG', message: '上门码不对。', details: { attemptsLeft: 3 } } }));
    await expect(api.staffAction('t1', 'arrive', { version: 2, doorCode: '000000' }, 'key_arrive_2')).rejects.toMatchObject({ code: 'DOOR_CODE_WRONG', details: { attemptsLeft: 3 } });
  });

  it('a body without a message still gets a Chinese one', async () => {
    const { api } = client(async () => ({ status: 502, data: '<html>Bad gateway</html>' }));
    const err = await api.me().catch((e) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err.code).toBe('INTERNAL');
    expect(err.message).toMatch(/[\u4e00-\u9fa5]/);
  });

  it('no answer at all becomes a network error telling to check the network and retry', async () => {
    const { api } = client(async () => {
      throw new Error('request:fail timeout');
    });
    const err = await api.bookings().catch((e) => e);
    expect(err.isNetwork).toBe(true);
    expect(err.message).toContain('检查');
    expect(err.message).toContain('重试');
  });

  it('a 401 on a signed-in call reports the session as gone', async () => {
    const { api, expired } = client(async () => ({ status: 401, data: { code: 'SESSION_EXPIRED', message: '登录已过期，请重新登录。' } }));
    await expect(api.bookings()).rejects.toMatchObject({ code: 'SESSION_EXPIRED' });
    expect(expired).toHaveLength(1);
  });
});
