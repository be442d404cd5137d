import {
  ACCESS_REVOKED,
  SESSION_ENDED,
  UPDATE_REFUSED_CODE,
  updateRefusedReason,
  parseDocumentName,
  parseServerMessage,
} from '@fellesplan/domain';
import { MessageType, type WebSocketLike } from '@hocuspocus/server';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import type { Logger } from 'pino';

/** The open Yjs endpoint (DESIGN 6.4): `/yjs/<documentName>?token=…`, y-websocket protocol. */
export const YJS_PATH_PREFIX = '/yjs/';

/** `@hocuspocus/common`'s AuthMessageType (not a direct dependency): what follows an Auth message. */
const HOCUSPOCUS_AUTH = { token: 0, permissionDenied: 1, authenticated: 2 } as const;
/** y-protocols/auth: the only auth message a y-websocket client understands. */
const Y_PERMISSION_DENIED = 0;
/** What a y-websocket client is told when it may read but not write (at connect, on a lock, on a refused write). */
export const READ_ONLY_REASON = 'read-only';

/** Close codes in 4400–4499 tell y-websocket (v3) not to reconnect: the refusal will not change by retrying. */
const REFUSAL_CLOSE_CODES: Record<string, number> = {
  'invalid-document': 4400,
  unauthenticated: 4401,
  [SESSION_ENDED.reason]: SESSION_ENDED.code,
  [ACCESS_REVOKED.reason]: ACCESS_REVOKED.code,
  'not-found': 4404,
};
/** Anything else Hocuspocus ends a connection for (a reset, a timeout): the client may try again. */
const TRANSIENT_CLOSE_CODE = 4205;
/** Why a read-only y-websocket socket is closed when it may write again (it reconnects at once). */
export const ACCESS_CHANGED_REASON = 'access-changed';

/** The document a `/yjs/…` path names, if it is one we serve (sections, and the plan projection read-only). */
export function yWebsocketDocumentName(pathname: string): string | null {
  if (!pathname.startsWith(YJS_PATH_PREFIX)) return null;
  let name: string;
  try {
    name = decodeURIComponent(pathname.slice(YJS_PATH_PREFIX.length));
  } catch {
    return null;
  }
  return parseDocumentName(name) ? name : null;
}

/**
 * Refused updates that a reconnect heals: y-websocket sends updates as soon as its socket opens,
 * ahead of the sync that carries what they build on (or after edits refused while it was read-only),
 * and a failed write is sent again. Closed with a no-retry code, its copy would stay apart for good.
 */
const RETRYABLE_REFUSALS = new Set([updateRefusedReason('incomplete'), updateRefusedReason('storage-failed')]);

function closeCodeFor(reason: string): number {
  if (RETRYABLE_REFUSALS.has(reason)) return TRANSIENT_CLOSE_CODE;
  if (reason.startsWith('update-refused:')) return UPDATE_REFUSED_CODE;
  return REFUSAL_CLOSE_CODES[reason] ?? TRANSIENT_CLOSE_CODE;
}

/**
 * Lets a y-websocket client (one document per socket, frames without a document name) talk to
 * the same Hocuspocus instance as `/collab`, so every rule there applies unchanged: authentication,
 * ownership and locks, update validation, presence checks, socket limits. It speaks Hocuspocus's
 * framing on the client's behalf and passes on only what y-websocket understands.
 */
export class YWebsocketBridge {
  /** What Hocuspocus writes to: frames are translated before they reach the client. */
  readonly socket: WebSocketLike;
  private toldReadOnly = false;

  constructor(
    private readonly client: WebSocketLike,
    private readonly documentName: string,
    private readonly logger: Logger,
  ) {
    this.socket = {
      get readyState() {
        return client.readyState;
      },
      send: (data) => this.toClient(data as Uint8Array),
      close: (code, reason) => client.close(code, reason),
    };
  }

  /** The Auth message a Hocuspocus provider sends first, carrying the token of the query string. */
  authMessage(token: string): Uint8Array {
    return this.frame(MessageType.Auth, (encoder) => {
      encoding.writeVarUint(encoder, HOCUSPOCUS_AUTH.token);
      encoding.writeVarString(encoder, token);
    });
  }

  /**
   * A frame from the client, addressed to the document for Hocuspocus; null for anything but
   * sync and awareness (y-websocket sends nothing else, and stateless, auth or close messages
   * would reach hooks no y-websocket client has a use for).
   */
  fromClient(data: Uint8Array): Uint8Array | null {
    let type: number;
    try {
      type = decoding.readVarUint(decoding.createDecoder(data));
    } catch {
      type = MessageType.Unknown;
    }
    if (type !== MessageType.Sync && type !== MessageType.Awareness) {
      this.logger.warn(
        { documentName: this.documentName, type, bytes: data.byteLength },
        'dropped a y-websocket frame',
      );
      return null;
    }
    const encoder = encoding.createEncoder();
    encoding.writeVarString(encoder, this.documentName);
    encoding.writeUint8Array(encoder, data);
    return encoding.toUint8Array(encoder);
  }

  /** A Hocuspocus frame without its document name, in y-websocket's terms, or dropped. */
  private toClient(data: Uint8Array): void {
    const decoder = decoding.createDecoder(data);
    decoding.readVarString(decoder);
    const type = decoding.readVarUint(decoder);
    const rest = data.subarray(decoder.pos);
    switch (type) {
      case MessageType.Sync:
      case MessageType.SyncReply:
        this.send(MessageType.Sync, rest);
        return;
      case MessageType.Awareness:
      case MessageType.QueryAwareness:
        this.send(type, rest);
        return;
      case MessageType.Auth:
        this.translateAuth(decoder);
        return;
      case MessageType.Stateless:
        this.translateAccess(parseServerMessage(decoding.readVarString(decoder))?.readOnly);
        return;
      case MessageType.CLOSE: {
        // Hocuspocus ended this document's connection; on a y-websocket socket that is the socket.
        const reason = decoding.readVarString(decoder);
        this.client.close(closeCodeFor(reason), reason);
        return;
      }
      default:
      // Sync status and the rest mean nothing to a y-websocket client, which would log an error.
    }
  }

  /**
   * A lock or an owner change made the connection read-only (or a write of it was refused), or
   * writable again. y-websocket has no word for the latter, and its copy may hold edits that were
   * refused meanwhile, which later updates build on: it reconnects and syncs them with its new rights.
   */
  private translateAccess(readOnly: boolean | undefined): void {
    if (readOnly) this.permissionDenied(READ_ONLY_REASON);
    else if (readOnly === false && this.toldReadOnly) this.client.close(TRANSIENT_CLOSE_CODE, ACCESS_CHANGED_REASON);
  }

  private translateAuth(decoder: decoding.Decoder): void {
    const kind = decoding.readVarUint(decoder);
    if (kind === HOCUSPOCUS_AUTH.authenticated) {
      if (decoding.readVarString(decoder) === 'readonly') this.permissionDenied(READ_ONLY_REASON);
      return;
    }
    if (kind !== HOCUSPOCUS_AUTH.permissionDenied) return;
    const reason = decoding.readVarString(decoder);
    this.permissionDenied(reason);
    this.client.close(closeCodeFor(reason), reason);
  }

  private permissionDenied(reason: string): void {
    this.toldReadOnly = true;
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, Y_PERMISSION_DENIED);
    encoding.writeVarString(encoder, reason);
    this.send(MessageType.Auth, encoding.toUint8Array(encoder));
  }

  private send(type: number, payload: Uint8Array): void {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, type);
    encoding.writeUint8Array(encoder, payload);
    this.client.send(encoding.toUint8Array(encoder));
  }

  private frame(type: number, write: (encoder: encoding.Encoder) => void): Uint8Array {
    const encoder = encoding.createEncoder();
    encoding.writeVarString(encoder, this.documentName);
    encoding.writeVarUint(encoder, type);
    write(encoder);
    return encoding.toUint8Array(encoder);
  }
}
