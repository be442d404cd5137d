import pino from 'pino';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type WebSocket from 'ws';
import { DEFAULT_SOCKET_LIMITS, SocketGuard, SocketState } from './socketGuard.js';

/** Just what guardSend reads of a ws socket, with a backlog the test sets. */
function fakeSocket() {
  const socket = { readyState: 1, bufferedAmount: 0, sent: 0, terminated: false };
  const ws = {
    get readyState() {
      return socket.readyState;
    },
    get bufferedAmount() {
      return socket.bufferedAmount;
    },
    send: () => (socket.sent += 1),
    terminate: () => (socket.terminated = true),
    close: () => undefined,
  };
  return { socket, ws: ws as unknown as WebSocket };
}

const limits = { ...DEFAULT_SOCKET_LIMITS, maxBufferedBytes: 1000, backlogBytes: 100, backlogGraceMs: 5000 };

describe('slow readers', () => {
  afterEach(() => vi.useRealTimers());

  it('[RS4] one large message passes; a backlog that does not drain within the grace period closes the socket', () => {
    vi.useFakeTimers();
    const { socket, ws } = fakeSocket();
    const sender = new SocketGuard(limits, pino({ level: 'silent' })).guardSend(ws, new SocketState('127.0.0.1'));
    sender.send(new Uint8Array(1));
    socket.bufferedAmount = 500; // a big first sync is on its way
    sender.send(new Uint8Array(1));
    vi.advanceTimersByTime(4000);
    socket.bufferedAmount = 50; // it drained: the clock starts again
    sender.send(new Uint8Array(1));
    socket.bufferedAmount = 500;
    sender.send(new Uint8Array(1));
    vi.advanceTimersByTime(4000);
    sender.send(new Uint8Array(1));
    expect(socket.terminated).toBe(false);
    vi.advanceTimersByTime(2000);
    sender.send(new Uint8Array(1));
    expect(socket.terminated).toBe(true);
    expect(socket.sent).toBe(5);
  });

  it('[RS4] a backlog over the hard limit closes the socket at once', () => {
    const { socket, ws } = fakeSocket();
    const sender = new SocketGuard(limits, pino({ level: 'silent' })).guardSend(ws, new SocketState('127.0.0.1'));
    socket.bufferedAmount = 1001;
    sender.send(new Uint8Array(1));
    expect(socket.terminated).toBe(true);
    expect(socket.sent).toBe(0);
  });
});
