/**
 * A local stand-in for an SMS gateway that honours idempotency ids, for tests: a real HTTP server
 * on 127.0.0.1 (random port) where the server's recording SMS driver posts each text
 * (SMS_RECORDER_URL). A text is delivered once per id: a repeat of an id (a resend after a crash
 * or a timeout) answers like the first time and delivers nothing new, as such a gateway does.
 *
 *   const sms = await startSmsRecorder();
 *   // server env: SMS_RECORDER_URL=sms.url
 *   sms.delivered            // one entry per id, in order
 *   sms.posts                // every request, repeats included
 *   await sms.close();
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedSms {
  id: string;
  phone: string;
  text: string;
}

export interface SmsRecorder {
  readonly url: string;
  /** Texts delivered to phones: one per idempotency id. */
  readonly delivered: RecordedSms[];
  /** Requests received (a repeat of an id counts here, not in `delivered`). */
  readonly posts: number;
  /** Answer the next `times` requests with this HTTP status (nothing is delivered). */
  failNext(status: number, times?: number): void;
  setDelay(ms: number): void;
  /** Runs after a text was delivered and before the answer is sent (null: none). */
  onDelivered(hook: ((m: RecordedSms) => void) | null): void;
  close(): Promise<void>;
}

class Recorder implements SmsRecorder {
  url = '';
  readonly delivered: RecordedSms[] = [];
  posts = 0;
  private readonly byId = new Map<string, string>();
  private readonly failures: number[] = [];
  private delayMs = 0;
  private hook: ((m: RecordedSms) => void) | null = null;
  private readonly server = createServer((req, res) => this.handle(req, res));

  async listen(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/sms`;
  }

  failNext(status: number, times = 1): void {
    for (let i = 0; i < times; i++) this.failures.push(status);
  }

  setDelay(ms: number): void {
    this.delayMs = ms;
  }

  onDelivered(hook: ((m: RecordedSms) => void) | null): void {
    this.hook = hook;
  }

  close(): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.server.closeAllConnections();
      this.server.close((err) => (err ? reject(err) : resolve()));
    });
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    let raw = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (raw += chunk));
    req.on('end', () => {
      this.posts += 1;
      const reply = this.receive(req, raw);
      const send = () => res.writeHead(reply.status, { 'content-type': 'application/json' }).end(JSON.stringify(reply.body));
      if (this.delayMs > 0) setTimeout(send, this.delayMs);
      else send();
    });
  }

  private receive(req: IncomingMessage, raw: string): { status: number; body: object } {
    const forced = this.failures.shift();
    if (forced !== undefined) return { status: forced, body: { error: 'gateway busy' } };
    let m: Partial<RecordedSms> = {};
    try {
      m = JSON.parse(raw);
    } catch {
      return { status: 400, body: { error: 'not json' } };
    }
    const id = String(req.headers['idempotency-key'] ?? m.id ?? '');
    if (!id || !m.phone || !m.text) return { status: 400, body: { error: 'id, phone and text are required' } };
    const known = this.byId.get(id);
    if (known) return { status: 200, body: { ref: known } };
    const ref = `sms-${this.delivered.length + 1}`;
    const message = { id, phone: m.phone, text: m.text };
    this.byId.set(id, ref);
    this.delivered.push(message);
    this.hook?.(message);
    return { status: 200, body: { ref } };
  }
}

export async function startSmsRecorder(): Promise<SmsRecorder> {
  const recorder = new Recorder();
  await recorder.listen();
  return recorder;
}
