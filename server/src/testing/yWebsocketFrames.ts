import * as encoding from 'lib0/encoding';

/** y-websocket's message types (y-protocols): frames a raw socket on `/yjs` sends by hand. */
export const Y_MESSAGE = { sync: 0, awareness: 1 } as const;
const Y_SYNC_UPDATE = 2;

function yFrame(type: number, write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, type);
  write(encoder);
  return encoding.toUint8Array(encoder);
}

/** An awareness update for one client id, as any peer could claim it. */
export function awarenessFrame(clientId: number, clock: number, state: string): Uint8Array {
  const update = encoding.createEncoder();
  encoding.writeVarUint(update, 1);
  encoding.writeVarUint(update, clientId);
  encoding.writeVarUint(update, clock);
  encoding.writeVarString(update, state);
  return yFrame(Y_MESSAGE.awareness, (e) => encoding.writeVarUint8Array(e, encoding.toUint8Array(update)));
}

/** A document update (sync message type 2), as y-websocket sends each local change. */
export function updateFrame(update: Uint8Array): Uint8Array {
  return yFrame(Y_MESSAGE.sync, (e) => {
    encoding.writeVarUint(e, Y_SYNC_UPDATE);
    encoding.writeVarUint8Array(e, update);
  });
}
