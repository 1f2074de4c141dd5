/**
 * A tiny HTTP client for tests against a listening app, over real sockets. (Fastify's inject
 * cannot run under Jest here: light-my-request needs the ESM-only cookie@2, which Jest's CommonJS
 * runtime cannot require.)
 */
export interface HttpResponse {
  status: number;
  headers: Headers;
  text: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read whatever shape they expect
  json<T = any>(): T;
}

export interface RequestOptions {
  token?: string;
  body?: unknown;
  /** Sent as is, e.g. malformed JSON, or the bytes of an image. */
  rawBody?: string | Uint8Array<ArrayBuffer>;
  headers?: Record<string, string>;
}

export type HttpClient = (method: string, path: string, opts?: RequestOptions) => Promise<HttpResponse>;

export function httpClient(baseUrl: string): HttpClient {
  return async (method, path, opts = {}) => {
    const headers: Record<string, string> = { ...opts.headers };
    if (opts.token) headers.authorization = `Bearer ${opts.token}`;
    let body: string | Uint8Array<ArrayBuffer> | undefined = opts.rawBody;
    if (opts.body !== undefined) {
      body = JSON.stringify(opts.body);
      headers['content-type'] ??= 'application/json';
    }
    const res = await fetch(`${baseUrl}${path}`, { method, headers, body });
    const text = await res.text();
    return { status: res.status, headers: res.headers, text, json: () => JSON.parse(text) };
  };
}
