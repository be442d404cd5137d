import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';

/** Hocuspocus message types a crafted client sends. */
export const MESSAGE = { sync: 0, awareness: 1, auth: 2 } as const;

export interface RawCollabClient {
  ws: WebSocket;
  /** Every frame the server sent, in order. */
  received: Buffer[];
  /** Sends one frame addressed to the document; `write` adds the type and payload. */
  send(write: (encoder: encoding.Encoder) => void): void;
  /** One awareness message carrying the given entries, in this order, any ids, any states. */
  announceMany(entries: [clientId: number, clock: number, state: Record<string, unknown>][]): void;
  announce(clientId: number, clock: number, state: Record<string, unknown>): void;
  close(): void;
}

/**
 * A raw socket authenticated (token first) for one document, speaking the Hocuspocus framing by
 * hand: nothing in it stops a test from sending what no honest provider would.
 */
export async function rawCollabClient(
  serverUrl: string,
  documentName: string,
  token: string,
): Promise<RawCollabClient> {
  const ws = new WebSocket(`${serverUrl.replace(/^http/, 'ws')}/collab`);
  await new Promise((resolve, reject) => ws.on('open', resolve).on('error', reject));
  const received: Buffer[] = [];
  ws.on('message', (data: Buffer) => received.push(data));
  const send = (write: (encoder: encoding.Encoder) => void) => {
    const encoder = encoding.createEncoder();
    encoding.writeVarString(encoder, documentName);
    write(encoder);
    ws.send(encoding.toUint8Array(encoder));
  };
  send((e) => {
    encoding.writeVarUint(e, MESSAGE.auth);
    encoding.writeVarUint(e, 0);
    encoding.writeVarString(e, token);
  });
  const announceMany: RawCollabClient['announceMany'] = (entries) => {
    const update = encoding.createEncoder();
    encoding.writeVarUint(update, entries.length);
    for (const [clientId, clock, state] of entries) {
      encoding.writeVarUint(update, clientId);
      encoding.writeVarUint(update, clock);
      encoding.writeVarString(update, JSON.stringify(state));
    }
    send((e) => {
      encoding.writeVarUint(e, MESSAGE.awareness);
      encoding.writeVarUint8Array(e, encoding.toUint8Array(update));
    });
  };
  return {
    ws,
    received,
    send,
    announceMany,
    announce: (clientId, clock, state) => announceMany([[clientId, clock, state]]),
    close: () => ws.close(),
  };
}
