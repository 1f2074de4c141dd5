/**
 * The one place errors become HTTP answers. Every answer is { code, message } with a stable code
 * from domain/errors.ts and a Chinese message for the person using the app. 4xx say what to do
 * next; 5xx say nothing about the inside and are logged in full.
 */
import type { Socket } from 'node:net';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { DomainError, ERROR_CATALOG, type ErrorCode, type ErrorResponse } from '@domain';
import { SQLSTATE, sqlState } from './db';

function answer(reply: FastifyReply, code: ErrorCode, details?: Record<string, unknown>): FastifyReply {
  const body: ErrorResponse = { code, message: ERROR_CATALOG[code].message };
  if (details && Object.keys(details).length > 0) body.details = details;
  return reply.status(ERROR_CATALOG[code].status).send(body);
}

/**
 * Details of a domain error the person's screen can use (how many door-code tries are left, what
 * is missing before 完成). Everything else a DomainError carries is for logs only.
 */
const PUBLIC_DETAILS = ['attemptsLeft', 'blockers'] as const;

function publicDetails(err: DomainError): Record<string, unknown> | undefined {
  const picked = PUBLIC_DETAILS.filter((k) => err.details[k] !== undefined).map((k) => [k, err.details[k]]);
  return picked.length ? Object.fromEntries(picked) : undefined;
}

type ValidationIssue = { instancePath?: string; message?: string; params?: Record<string, unknown> };

function validationDetails(err: FastifyError): Record<string, unknown> {
  const issues = (err.validation ?? []) as ValidationIssue[];
  return {
    in: err.validationContext,
    issues: issues.slice(0, 10).map((i) => ({
      field: [i.instancePath, i.params?.missingProperty].filter(Boolean).join('/') || '/',
      problem: i.message,
    })),
  };
}

function isIdempotencyHeaderProblem(err: FastifyError): boolean {
  return err.validationContext === 'headers' && JSON.stringify(err.validation ?? []).includes('idempotency-key');
}

function handleError(err: FastifyError, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  if (err instanceof DomainError) {
    if (err.status >= 500) request.log.error({ err }, 'domain error with a server status');
    return answer(reply, err.code, publicDetails(err));
  }
  if (err.validation) {
    if (isIdempotencyHeaderProblem(err)) return answer(reply, 'IDEMPOTENCY_KEY_REQUIRED');
    return answer(reply, 'VALIDATION_FAILED', validationDetails(err));
  }
  // A concurrent booking won the staff member's time and the service did not turn it into a
  // friendlier refusal itself: it is still a clean "taken", never a 500.
  if (sqlState(err) === SQLSTATE.exclusionViolation) return answer(reply, 'SLOT_TAKEN');
  // Class 22 "data exception": the database refused a value as malformed (an id in a form the
  // schema let through, a NUL byte, a date out of range). The request is wrong, nothing was
  // written (the transaction rolled back); logged as a warning, since a tighter schema should
  // have caught it first.
  if (sqlState(err)?.startsWith('22')) {
    request.log.warn({ err: { code: sqlState(err), message: err.message } }, 'database refused a malformed value');
    return answer(reply, 'VALIDATION_FAILED');
  }
  const status = err.statusCode ?? 500;
  if (status === 429) return answer(reply, 'RATE_LIMITED');
  if (status === 404) return answer(reply, 'ROUTE_NOT_FOUND');
  // Malformed JSON, wrong content type, a body too large: the request, not the server, is wrong.
  if (status >= 400 && status < 500) {
    request.log.info({ err: { code: err.code, message: err.message } }, 'request refused by the framework');
    return answer(reply, 'VALIDATION_FAILED');
  }
  request.log.error({ err }, 'unhandled error');
  return answer(reply, 'INTERNAL');
}

/**
 * Errors Fastify's router answers before any route or error handler runs: a URL with broken
 * percent-encoding (FST_ERR_BAD_URL) and a path parameter over maxParamLength (FST_ERR_MAX_PARAM_LENGTH).
 * Without this option they go out as Fastify's own English JSON; passed to the Fastify constructor.
 */
export function frameworkErrors(err: FastifyError, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  request.log.info({ err: { code: err.code, message: err.message } }, 'malformed URL refused by the router');
  return answer(reply, 'VALIDATION_FAILED');
}

/**
 * Errors Node's HTTP parser raises before Fastify sees a request (headers too large, a broken
 * request line, a client too slow to send): answered on the raw socket, in our shape, then closed.
 * Passed to the Fastify constructor as `clientErrorHandler`.
 */
export function clientErrorHandler(err: Error & { code?: string }, socket: Socket): void {
  // A reset connection has no one left to answer.
  if (err.code === 'ECONNRESET' || socket.destroyed) return;
  if (!socket.writable) {
    socket.destroy(err);
    return;
  }
  const code: ErrorCode = err.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 'REQUEST_TIMEOUT' : 'VALIDATION_FAILED';
  const { status, message } = ERROR_CATALOG[code];
  const body = JSON.stringify({ code, message });
  socket.end(
    `HTTP/1.1 ${status} ${code}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}

export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler(handleError);
  app.setNotFoundHandler((_request, reply) => answer(reply, 'ROUTE_NOT_FOUND'));
}
