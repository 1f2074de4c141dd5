/**
 * A phone that stops reading must not make the server buffer for it without bound: once its
 * unread backlog would pass the limit, the connection is handed back to the hub to be dropped
 * (the phone reconnects and catches up over REST). The socket here is a stand-in whose unread
 * backlog the test sets; what is sent is what a real socket would be asked to send.
 */
import { EventEmitter } from 'node:events';
import type { WebSocket } from 'ws';
import { LiveConnection, type ConnectionHost } from '../../server/modules/live/connection';

class StandInSocket extends EventEmitter {
  readonly OPEN = 1;
  readyState = 1;
  bufferedAmount = 0;
  sent: string[] = [];
  closedWith: number | null = null;
  send(text: string): void {
    this.sent.push(text);
  }
  close(code: number): void {
    this.closedWith = code;
  }
}

function connection(maxBufferedBytes: number) {
  const socket = new StandInSocket();
  const dropped: LiveConnection[] = [];
  const host: ConnectionHost = {
    maxBufferedBytes,
    authenticate: async () => undefined,
    remove: () => undefined,
    tooSlow: (c) => void dropped.push(c),
  };
  const conn = new LiveConnection(socket as unknown as WebSocket, host);
  return { socket, conn, dropped, end: () => socket.emit('close') };
}

it('sends while the backlog is small, and gives up on the phone instead of buffering past the limit', () => {
  const { socket, conn, dropped, end } = connection(1024);
  const push = JSON.stringify({ type: 'visit', bookingId: 'b', version: 3, status: 'confirmed' });
  conn.sendText(push);
  expect(socket.sent).toEqual([push]);
  socket.bufferedAmount = 1024 - push.length;
  conn.sendText(push);
  expect(socket.sent).toHaveLength(2);
  socket.bufferedAmount = 1024 - push.length + 1;
  conn.sendText(push);
  expect(socket.sent).toHaveLength(2);
  expect(dropped).toEqual([conn]);
  end();
});

it('closes a socket that speaks before signing in with anything but `auth`', () => {
  const { socket, end } = connection(1024);
  socket.emit('message', Buffer.from('{"type":"subscribe","bookingIds":["b"]}'), false);
  expect(socket.closedWith).toBe(4401);
  end();
});
