import { describe, expect, it } from 'vitest';
import { connectionState } from './connectionState.js';

describe('connectionState', () => {
  it('is online when connected and everything is confirmed, saving while changes are in flight', () => {
    expect(connectionState({ status: 'connected', unsynced: 0 }, true)).toBe('online');
    expect(connectionState({ status: 'connected', unsynced: 2 }, true)).toBe('saving');
  });

  it('is offline whenever changes wait without a connection, or the browser is offline', () => {
    expect(connectionState({ status: 'connecting', unsynced: 1 }, true)).toBe('offline');
    expect(connectionState({ status: 'disconnected', unsynced: 3 }, true)).toBe('offline');
    expect(connectionState({ status: 'connected', unsynced: 0 }, false)).toBe('offline');
  });

  it('is reconnecting when the socket is down but nothing is waiting', () => {
    expect(connectionState({ status: 'connecting', unsynced: 0 }, true)).toBe('reconnecting');
    expect(connectionState({ status: 'disconnected', unsynced: 0 }, true)).toBe('reconnecting');
  });
});
