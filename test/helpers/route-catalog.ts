/**
 * Which routes the app registers, and what the written policy (docs/authorization.md) says about
 * each. Routes are collected at run time with an `onRoute` hook, added through Fastify's
 * `fastify.initialization` diagnostics channel the moment the app is created, so every route any
 * module registers is seen, including ones added after this file was written.
 */
import { channel } from 'node:diagnostics_channel';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { FastifyInstance, FastifySchema, RouteOptions } from 'fastify';

export interface RegisteredRoute {
  method: string;
  /** Fastify's path syntax, e.g. /api/bookings/:id */
  url: string;
  /** `METHOD /path`, the key rows and fixtures are found by. */
  key: string;
  schema: FastifySchema | undefined;
}

/**
 * Framework internals that carry no data of ours, so they have no row: the OpenAPI browser of
 * @fastify/swagger-ui and the H5 build served by @fastify/static (or its placeholder page).
 * Listed one by one (GET and HEAD only): anything else under these paths needs a row.
 */
export const INTERNAL_ROUTES: readonly string[] = [
  ...['/docs', '/docs/', '/docs/json', '/docs/yaml', '/docs/static/*', '/docs/static/index.html', '/docs/static/swagger-initializer.js'].flatMap(
    (url) => [`GET ${url}`, `HEAD ${url}`],
  ),
  'GET /',
  'HEAD /',
  'GET /*',
  'HEAD /*',
];

const routeKey = (method: string, url: string) => `${method} ${url}`;

function recordInto(routes: RegisteredRoute[]) {
  return (message: unknown) => {
    const { fastify } = message as { fastify: FastifyInstance };
    fastify.addHook('onRoute', (route: RouteOptions) => {
      const methods = Array.isArray(route.method) ? route.method : [route.method];
      for (const method of methods) {
        const key = routeKey(method, route.url);
        if (!routes.some((r) => r.key === key)) routes.push({ method, url: route.url, key, schema: route.schema });
      }
    });
  };
}

/** Runs `build` (which creates the app) and returns what it built and every route it registered. */
export async function withRegisteredRoutes<T>(build: () => Promise<T>): Promise<{ built: T; routes: RegisteredRoute[] }> {
  const routes: RegisteredRoute[] = [];
  const initialization = channel('fastify.initialization');
  const onInit = recordInto(routes);
  initialization.subscribe(onInit);
  try {
    const built = await build();
    return { built, routes };
  } finally {
    initialization.unsubscribe(onInit);
  }
}

/** Routes that need a row: everything but the internals. HEAD routes are answered like their GET. */
export function documentableRoutes(routes: RegisteredRoute[]): RegisteredRoute[] {
  return routes.filter((r) => !INTERNAL_ROUTES.includes(r.key) && r.method !== 'HEAD');
}

// ---- the written policy ----

/** The columns of the matrix, in order, and the key each is known by in the tests. */
export const POLICY_COLUMNS = [
  { key: 'anonymous', header: 'anonymous' },
  { key: 'elder', header: 'elder (owner)' },
  { key: 'family', header: 'family (consenting)' },
  { key: 'familyUnlinked', header: 'family (not linked, or revoked)' },
  { key: 'staffAssigned', header: 'staff (assigned)' },
  { key: 'staffOther', header: 'staff (not assigned)' },
  { key: 'dispatcher', header: 'dispatcher' },
] as const;
export type PolicyRole = (typeof POLICY_COLUMNS)[number]['key'];

/** One cell: the status, and for list routes whether the fixture's object is in the list. */
export interface Expectation {
  status: number;
  listed?: boolean;
}

export interface PolicyRow {
  method: string;
  url: string;
  key: string;
  expect: Record<PolicyRole, Expectation>;
}

export const POLICY_FILE = resolve(__dirname, '../../docs/authorization.md');

function parseCell(cell: string, where: string): Expectation {
  const m = /^(\d{3})(?:\s+(with|without))?$/.exec(cell.trim());
  if (!m) throw new Error(`${where}: cell "${cell}" is not "<status>" or "<status> with|without"`);
  return m[2] ? { status: Number(m[1]), listed: m[2] === 'with' } : { status: Number(m[1]) };
}

function splitRow(line: string): string[] {
  return line.trim().replace(/^\|/, '').replace(/\|$/, '').split('|').map((c) => c.trim());
}

/**
 * Parses the tables under every "## Matrix…" heading (one per area of the API). Throws on any row
 * it cannot read, so typos cannot pass silently.
 */
export function parsePolicy(markdown: string): PolicyRow[] {
  const sections = markdown.split(/^## /m).filter((s) => s.startsWith('Matrix'));
  if (!sections.length) throw new Error('docs/authorization.md has no "## Matrix" section');
  return sections.flatMap(parseTable);
}

function parseTable(section: string): PolicyRow[] {
  const lines = section.split('\n').filter((l) => l.trim().startsWith('|'));
  const [header, , ...body] = lines;
  const headers = splitRow(header).slice(1);
  const expected = POLICY_COLUMNS.map((c) => c.header);
  if (JSON.stringify(headers) !== JSON.stringify(expected)) {
    throw new Error(`matrix columns are ${JSON.stringify(headers)}, expected ${JSON.stringify(expected)}`);
  }
  return body.map((line) => {
    const [route, ...cells] = splitRow(line);
    const m = /^`([A-Z]+) (\/\S*)`$/.exec(route);
    if (!m || cells.length !== POLICY_COLUMNS.length) throw new Error(`matrix row cannot be read: ${line}`);
    const expect = Object.fromEntries(POLICY_COLUMNS.map((c, i) => [c.key, parseCell(cells[i], m[0])])) as Record<PolicyRole, Expectation>;
    return { method: m[1], url: m[2], key: routeKey(m[1], m[2]), expect };
  });
}

export function readPolicy(): PolicyRow[] {
  return parsePolicy(readFileSync(POLICY_FILE, 'utf8'));
}
