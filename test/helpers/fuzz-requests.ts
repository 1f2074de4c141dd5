/**
 * Malformed requests for the fuzz test: fast-check arbitraries for broken tokens, path params,
 * query strings, bodies and headers; the validator Fastify itself uses (same compiler, same
 * options), to keep only inputs the route must refuse; and a raw HTTP client that sends paths and
 * bodies byte for byte (fetch would normalise `%2e%2e` and refuse odd bodies).
 */
import { request as httpRequest, Agent } from 'node:http';
import { AjvCompiler } from '@fastify/ajv-compiler';
import fc from 'fast-check';
import type { FastifySchema } from 'fastify';

// ---- what Fastify would accept ----

const compile = AjvCompiler()({}, { customOptions: {}, plugins: [] });
const cache = new Map<unknown, (data: unknown) => boolean>();

/** Whether Fastify's own validation would let this value through (it coerces, so on a copy). */
export function accepts(schema: unknown, value: unknown): boolean {
  if (!schema) return true;
  if (!cache.has(schema)) cache.set(schema, compile({ schema: schema as object, method: 'POST', url: '/', httpPart: 'body' }) as (d: unknown) => boolean);
  const copy = value === undefined ? undefined : JSON.parse(JSON.stringify(value));
  return (cache.get(schema) as (d: unknown) => boolean)(copy);
}

export type RouteSchema = FastifySchema & { params?: unknown; body?: unknown; headers?: unknown; querystring?: unknown };

// ---- odd values ----

const HEADER_SAFE = fc.string({ unit: fc.constantFrom(...'abcXYZ019-_.~+/= !"#$%&\'()*,:;<>?@[\\]^`{|}\t\u00a0\u00e9\u00ff'.split('')), maxLength: 80 });

/** Strings people and attackers send: empty, huge, control characters, odd unicode, injections. */
export const oddString = fc.oneof(
  fc.constantFrom('', ' ', '\u0000', 'null', 'undefined', 'NaN', '-1', '0', '1e309', '<script>alert(1)</script>', "'; drop table users; --",
    '../../etc/passwd', '%00', '\u202e\u0631', '\ud83d\udc75\ud83c\udffb', '\ufeff', 'é'.normalize('NFD'), '\ud800', '张'.repeat(300)),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.integer({ min: 201, max: 20_000 }).map((n) => 'x'.repeat(n)),
);

/** Values of the wrong kind for any field. */
export const oddValue: fc.Arbitrary<unknown> = fc.oneof(
  oddString,
  fc.constantFrom(null, true, false, 0, -1, -0, 1.5, 2 ** 31, 2 ** 53 + 1, -(2 ** 63), 1e308, Number.MAX_VALUE, [], {}, [null], { $gt: '' }),
  fc.integer(),
  fc.double(),
  fc.array(fc.string({ maxLength: 5 }), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 }), { maxKeys: 3 }),
);

/** Ids that are not one: near-uuids, uuids in forms PostgreSQL reads but the schema may not, traversal. */
export const badId = fc.oneof(
  fc.uuid().map((u) => `urn:uuid:${u}`),
  fc.uuid().map((u) => `{${u}}`),
  fc.uuid().map((u) => u.replace(/-/g, '')),
  fc.uuid().map((u) => `${u.slice(0, -1)}g`),
  fc.uuid().map((u) => ` ${u}`),
  fc.uuid().map((u) => u.toUpperCase()),
  fc.constantFrom('..', '../..', '../../etc/passwd', '%2e%2e', '00000000-0000-0000-0000-000000000000', 'ffffffff-ffff-ffff-ffff-ffffffffffff'),
  oddString,
);

/** Path segments sent raw: traversal, encoded slashes, broken percent-encoding, huge. */
export const rawSegment = fc.constantFrom(
  '..%2F..%2Fetc%2Fpasswd', '%2e%2e', '%2e%2e%2f%2e%2e%2fserver', '..%5c..%5cwindows', '%00', '%E0%A4%A', '%', '%zz', '%C0%AE%C0%AE',
  '%F0%9F%91%B5', 'a'.repeat(150), '%20', ';', '..;', '%25', '.svg', '..%2f.svg',
);

// ---- bearer tokens ----

export function badAuthorization(extra: { expired: string; loggedOut: string; otherRoleless: string }) {
  return fc.oneof(
    fc.constant(undefined),
    fc.constantFrom(`Bearer ${extra.expired}`, `Bearer ${extra.loggedOut}`, `Bearer ${extra.expired}x`, 'Bearer', 'Bearer ', 'bearer  ', 'Basic YWRtaW46YWRtaW4=',
      `Token ${extra.otherRoleless}`, `Bearer ${extra.otherRoleless} ${extra.otherRoleless}`, `Bearer ${'A'.repeat(8000)}`),
    fc.base64String({ minLength: 40, maxLength: 48 }).map((t) => `Bearer ${t.replace(/\+/g, '-').replace(/\//g, '_').replace(/=/g, '')}`),
    HEADER_SAFE.map((t) => `Bearer ${t}`),
    HEADER_SAFE,
  );
}

// ---- query strings ----

export const junkQuery = fc.oneof(
  fc.constantFrom('elderId=1&elderId=2', 'elderId[]=x', 'elderId[0]=x&elderId[1]=y', '__proto__[admin]=1', 'constructor[prototype][x]=1', 'addressId=%00',
    'serviceType=claim&serviceType=escort', '&&&==', '%', 'a=%E0%A4%A', 'elderId=' + 'f'.repeat(5000), 'serviceType=', 'limit=-1&offset=NaN'),
  fc.array(fc.tuple(fc.constantFrom('elderId', 'addressId', 'serviceType', 'claimType', 'id', 'x'), fc.string({ maxLength: 12 })), { minLength: 1, maxLength: 4 }).map((pairs) =>
    pairs.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&'),
  ),
);

// ---- bodies ----

/** A copy of the good body broken in one way: a field dropped, retyped, added, or the whole body replaced. */
export function brokenBody(good: Record<string, unknown> | undefined): fc.Arbitrary<unknown> {
  const base = good ?? {};
  const keys = Object.keys(base);
  const options: Array<fc.Arbitrary<unknown>> = [
    oddValue,
    fc.dictionary(fc.string({ maxLength: 10 }), oddValue, { maxKeys: 4 }).map((extra) => ({ ...base, ...extra })),
    fc.constantFrom('__proto__', 'constructor', 'isAdmin', 'role', 'staffId', 'status').chain((k) => oddValue.map((v) => ({ ...base, [k]: v }))),
  ];
  if (keys.length > 0) {
    const key = fc.constantFrom(...keys);
    options.push(key.map((k) => Object.fromEntries(Object.entries(base).filter(([name]) => name !== k))));
    options.push(fc.tuple(key, oddValue).map(([k, v]) => ({ ...base, [k]: v })));
  }
  return fc.oneof(...options);
}

export const malformedJson = fc.oneof(
  fc.constantFrom('{', '{"version":', '{"version": 1,}', "{'version': 1}", '{"a":1}{"b":2}', 'NaN', '[', '"', '{"__proto__":{"x":1}', '{"a":"\\u00"}', '01'),
  fc.string({ maxLength: 60 }).filter((s) => {
    try {
      JSON.parse(s);
      return false;
    } catch {
      return true;
    }
  }),
);

export const wrongContentType = fc.constantFrom(
  'text/plain', 'application/xml', 'multipart/form-data; boundary=x', 'application/x-www-form-urlencoded', 'application/json; charset=utf-16',
  'application/octet-stream', 'image/svg+xml', 'json', ';;;', 'application/json-patch+json',
);

// ---- sending ----

export interface RawRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string | Uint8Array<ArrayBuffer>;
}

export interface RawResponse {
  status: number;
  text: string;
}

// A connection per request: a server may close a kept-alive socket after refusing a request
// whose body it did not read, and the next request on it would fail for the client's reasons.
const agent = new Agent({ keepAlive: false });

export function sendRaw(baseUrl: string, req: RawRequest): Promise<RawResponse> {
  const { hostname, port } = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const r = httpRequest({ host: hostname, port, method: req.method, path: req.path, headers: req.headers, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    r.on('error', reject);
    r.end(req.body);
  });
}

export function closeRawClient(): void {
  agent.destroy();
}
