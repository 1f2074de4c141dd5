import { errorMessage } from '@domain/errors';

/** Shown when the request never reached the server (no signal, server down, timeout). */
export const NETWORK_ERROR_MESSAGE = '网络连接不上，请检查手机网络（或 Wi-Fi）后，点“重试”。';

/** The code we use when there was no answer at all; the server never sends it. */
export const NETWORK_ERROR_CODE = 'NETWORK';

/**
 * A failed API call. `code` is the server's stable code (or NETWORK); `message` is Chinese and
 * safe to show as is: it says what happened and what to do next.
 */
export class ApiError extends Error {
  readonly code: string;
  /** HTTP status; 0 when the server was not reached. */
  readonly status: number;
  /** What the server added for the screen (door-code tries left, what is missing before 完成). */
  readonly details: Record<string, unknown>;

  constructor(code: string, message: string, status: number, details: Record<string, unknown> = {}) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.status = status;
    this.details = details;
  }

  get isNetwork(): boolean {
    return this.code === NETWORK_ERROR_CODE;
  }

  get isUnauthenticated(): boolean {
    return this.status === 401;
  }

  static network(): ApiError {
    return new ApiError(NETWORK_ERROR_CODE, NETWORK_ERROR_MESSAGE, 0);
  }

  /** Reads the server's `{ code, message }` body; anything else becomes a generic Chinese message. */
  static fromResponse(status: number, body: unknown): ApiError {
    const b = (body && typeof body === 'object' ? body : {}) as { code?: unknown; message?: unknown; details?: unknown };
    const code = typeof b.code === 'string' ? b.code : status >= 500 ? 'INTERNAL' : 'UNKNOWN';
    const message = typeof b.message === 'string' && b.message.trim() ? b.message : errorMessage(code);
    const details = b.details && typeof b.details === 'object' ? (b.details as Record<string, unknown>) : {};
    return new ApiError(code, message, status, details);
  }
}

/** Any thrown value as a Chinese sentence for the screen. */
export function messageOf(err: unknown): string {
  if (err instanceof ApiError) return err.message;
  return errorMessage('INTERNAL');
}
