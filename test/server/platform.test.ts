/** Health, OpenAPI, the error envelope, staff photos and the H5 placeholder. */
import { ERROR_CATALOG } from '@domain';
import { buildApp } from '../../server/app';
import { httpClient } from '../helpers/http-client';
import { createStaff, uniqueArea } from '../helpers/fixtures';
import { readPolicy } from '../helpers/route-catalog';
import { startTestServer, type TestServer } from '../helpers/test-server';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const expectedKind = /^postgres(ql)?:\/\//.test(process.env.DATABASE_URL ?? '') ? 'postgres' : 'pglite';

describe('health', () => {
  it('reports the database kind after checking it answers', async () => {
    const res = await server.http('GET', '/health');
    expect(res.status).toBe(200);
    expect(res.json()).toEqual({ status: 'ok', database: expectedKind, uptimeSeconds: expect.any(Number) });
  });
});

describe('OpenAPI', () => {
  type Operation = { responses?: Record<string, { content?: Record<string, { schema?: unknown }> }> };

  it('documents every API route with a response schema for success and for errors', async () => {
    const res = await server.http('GET', '/docs/json');
    expect(res.status).toBe(200);
    const doc = res.json() as { paths: Record<string, Record<string, Operation>> };
    const operations = Object.entries(doc.paths).flatMap(([path, ops]) => Object.entries(ops).map(([method, op]) => ({ path, method, op })));
    // Exactly the routes of the authorisation policy (docs/authorization.md), in OpenAPI's path syntax.
    const documented = readPolicy()
      .filter((r) => r.method !== 'HEAD' && !r.url.startsWith('/docs'))
      .map((r) => `${r.method} ${r.url.replace(/:(\w+)/g, '{$1}')}`);
    expect(operations.map((o) => `${o.method.toUpperCase()} ${o.path}`).sort()).toEqual([...new Set(documented)].sort());
    for (const { path, method, op } of operations) {
      const responses = op.responses ?? {};
      const success = Object.keys(responses).filter((s) => s.startsWith('2'));
      expect({ path, method, success: success.length > 0 }).toEqual({ path, method, success: true });
      for (const status of [...success.filter((s) => s !== '204'), '4XX', '5XX']) {
        const schema = Object.values(responses[status]?.content ?? {})[0]?.schema;
        expect({ path, method, status, hasSchema: schema !== undefined }).toEqual({ path, method, status, hasSchema: true });
      }
    }
  });

  it('serves Swagger UI at /docs', async () => {
    const res = await server.http('GET', '/docs');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
  });
});

describe('errors', () => {
  it('answers an unknown route with ROUTE_NOT_FOUND in Chinese', async () => {
    const res = await server.http('GET', '/api/nothing-here');
    expect(res.status).toBe(404);
    expect(res.json()).toEqual({ code: 'ROUTE_NOT_FOUND', message: ERROR_CATALOG.ROUTE_NOT_FOUND.message });
  });

  it('answers a body that fails its schema with 400 VALIDATION_FAILED and a Chinese message', async () => {
    const res = await server.http('POST', '/api/auth/dev-login', { body: { userId: 'not-a-uuid' } });
    expect(res.status).toBe(400);
    const body = res.json();
    expect(body.code).toBe('VALIDATION_FAILED');
    expect(body.message).toBe(ERROR_CATALOG.VALIDATION_FAILED.message);
    expect(body.message).toMatch(/[\u4e00-\u9fff]/);
    expect(body.details.in).toBe('body');
  });

  it('answers malformed JSON with 400 VALIDATION_FAILED, not a 500', async () => {
    const res = await server.http('POST', '/api/auth/dev-login', {
      headers: { 'content-type': 'application/json' },
      rawBody: '{"userId":',
    });
    expect(res.status).toBe(400);
    expect(res.json().code).toBe('VALIDATION_FAILED');
  });

  it('asks for a sign-in on protected routes', async () => {
    const res = await server.http('GET', '/api/me');
    expect(res.status).toBe(401);
    expect(res.json()).toEqual({ code: 'UNAUTHENTICATED', message: ERROR_CATALOG.UNAUTHENTICATED.message });
    const bad = await server.http('GET', '/api/me', { token: 'forged-token' });
    expect(bad.status).toBe(401);
  });
});

describe('staff photos', () => {
  it('serves an SVG avatar with the right content type', async () => {
    const staff = await createStaff(server.db, { at: uniqueArea(), name: '林美华', gender: 'female' });
    const res = await server.http('GET', `/media/staff-photos/${staff.staffNo}.svg`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/svg+xml; charset=utf-8');
    expect(res.text).toMatch(/^<svg /);
    expect(res.text).toContain('>林</text>');
  });

  it('refuses names that are not a bare photo file, and unknown photos', async () => {
    for (const file of ['..%2F..%2Fpackage.json', '%2E%2E%2Fsecret.svg', 'x.png', 'nobody.svg']) {
      const res = await server.http('GET', `/media/staff-photos/${file}`);
      expect([404]).toContain(res.status);
      expect(res.headers.get('content-type')).toMatch(/application\/json/);
    }
  });
});

describe('H5 app', () => {
  it('serves a Chinese placeholder at / when the H5 build is missing', async () => {
    const res = await server.http('GET', '/');
    expect(res.status).toBe(200);
    expect(res.text).toContain('npm run build:h5');
  });
});

describe('logs', () => {
  it('are structured JSON lines with the bearer token redacted', async () => {
    const lines: string[] = [];
    const app = await buildApp({
      config: { ...server.config, logLevel: 'info' },
      db: server.db,
      clock: server.clock,
      logStream: { write: (line) => void lines.push(line) },
    });
    try {
      const http = httpClient(await app.listen({ host: '127.0.0.1', port: 0 }));
      await http('GET', '/api/me', { token: 'very-secret-token-value' });
    } finally {
      await app.close();
    }
    const entries = lines.map((l) => JSON.parse(l));
    const incoming = entries.find((e) => e.msg === 'incoming request');
    expect(incoming.req).toMatchObject({ method: 'GET', url: '/api/me', headers: { authorization: '[redacted]' } });
    expect(lines.join('\n')).not.toContain('very-secret-token-value');
  });
});

describe('unexpected errors', () => {
  it('answer 500 INTERNAL without details, log them in full, and turn a stray 23P01 into SLOT_TAKEN', async () => {
    const lines: string[] = [];
    const app = await buildApp({ config: { ...server.config, logLevel: 'error' }, db: server.db, clock: server.clock, logStream: { write: (l) => void lines.push(l) } });
    app.get('/test/boom', async () => {
      throw new Error('secret internal detail');
    });
    app.get('/test/overlap', async () => {
      throw Object.assign(new Error('conflicting key value violates exclusion constraint'), { code: '23P01' });
    });
    try {
      const http = httpClient(await app.listen({ host: '127.0.0.1', port: 0 }));
      const boom = await http('GET', '/test/boom');
      expect(boom.status).toBe(500);
      expect(boom.json()).toEqual({ code: 'INTERNAL', message: ERROR_CATALOG.INTERNAL.message });
      const overlap = await http('GET', '/test/overlap');
      expect(overlap.status).toBe(409);
      expect(overlap.json()).toEqual({ code: 'SLOT_TAKEN', message: ERROR_CATALOG.SLOT_TAKEN.message });
    } finally {
      await app.close();
    }
    expect(lines.join('\n')).toContain('secret internal detail');
  });
});
