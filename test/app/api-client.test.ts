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
    await expect(api.staffTasks()).rejects.toMatchObject({ code: 'SLOT_TAKEN', status: 409, message: '这个时间刚刚被约满了，请换一个时间。' });
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
