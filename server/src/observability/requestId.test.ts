import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { requestIdGenerator } from './requestId.js';

const request = (remoteAddress: string, id?: string) =>
  ({
    headers: id === undefined ? {} : { 'x-request-id': id },
    socket: { remoteAddress },
  }) as unknown as IncomingMessage;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('request ids', () => {
  it('[OPS4] ignore X-Request-Id when no proxy is trusted: a client does not choose its log id', () => {
    expect(requestIdGenerator(false)(request('203.0.113.5', 'mine'))).toMatch(UUID);
  });

  it('[OPS4] take X-Request-Id only from a trusted proxy address', () => {
    const generate = requestIdGenerator(['10.0.0.5']);
    expect(generate(request('10.0.0.5', 'f00dcafe'))).toBe('f00dcafe');
    expect(generate(request('10.0.0.6', 'f00dcafe'))).toMatch(UUID);
  });

  it('[OPS4] make a new id for one that is empty, too long or not printable', () => {
    const generate = requestIdGenerator(1);
    for (const bad of ['', 'x'.repeat(129), 'a b', 'id\n{"level":60}', 'æøå']) {
      expect(generate(request('127.0.0.1', bad))).toMatch(UUID);
    }
    expect(generate(request('127.0.0.1'))).toMatch(UUID);
  });
});
