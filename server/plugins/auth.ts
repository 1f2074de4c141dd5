/**
 * Bearer-token authentication and function-level authorisation (OWASP API5): each route declares
 * which account roles may call it; the hook puts the signed-in person on request.user.
 */
import type { FastifyInstance, FastifyRequest, onRequestAsyncHookHandler } from 'fastify';
import { DomainError, type AccountRole } from '@domain';
import type { AuthService } from '../modules/auth/service';
import type { AuthUser } from '../types';

export function bearerToken(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  const match = header ? /^Bearer\s+(\S+)$/i.exec(header) : null;
  return match?.[1];
}

export interface Guards {
  /** Any signed-in account. */
  signedIn: onRequestAsyncHookHandler;
  /** Only these roles; others get 403 FORBIDDEN. */
  role(...roles: AccountRole[]): onRequestAsyncHookHandler;
}

export function registerAuth(app: FastifyInstance, auth: AuthService): Guards {
  app.decorateRequest('user', null);
  const authenticate = async (request: FastifyRequest) => {
    request.user = await auth.authenticate(bearerToken(request));
  };
  return {
    signedIn: authenticate,
    role: (...roles) =>
      async function requireRole(request) {
        await authenticate(request);
        if (!roles.includes((request.user as AuthUser).role)) throw new DomainError('FORBIDDEN');
      },
  };
}

/** The signed-in person on a route behind a guard. */
export function currentUser(request: FastifyRequest): AuthUser {
  if (!request.user) throw new DomainError('UNAUTHENTICATED');
  return request.user;
}
