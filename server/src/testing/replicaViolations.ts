import { CONTENT_FIELD, readSectionBody } from '@fellesplan/editor';
import type * as Y from 'yjs';
import type { RaceEditor } from './raceEditor.js';

/** A body as compared between copies: canonical JSON, and the Yjs XML it came from. */
export function bodyFingerprint(doc: Y.Doc): string {
  const body = readSectionBody(doc);
  const json = body.readable ? JSON.stringify(body.json) : `unreadable: ${body.problem}`;
  return `${json}\n${doc.getXmlFragment(CONTENT_FIELD).toString()}`;
}

/**
 * Every copy of a section equals the stored one: the server's live document (if loaded) and
 * each replica. Returns what differs, in words; empty if all converged.
 */
export function replicaViolations(stored: Y.Doc, live: Y.Doc | undefined, replicas: readonly RaceEditor[]): string[] {
  const expected = bodyFingerprint(stored);
  const violations: string[] = [];
  if (live && bodyFingerprint(live) !== expected)
    violations.push(
      `[P1] the server's live document differs from storage:\n  live   ${bodyFingerprint(live)}\n  stored ${expected}`,
    );
  for (const replica of replicas) {
    const actual = bodyFingerprint(replica.doc);
    if (actual !== expected)
      violations.push(
        `[L2] replica ${replica.name} (scope ${replica.scope}, unsynced ${replica.provider.unsyncedChanges}) differs from storage:\n  replica ${actual}\n  stored  ${expected}`,
      );
  }
  return violations;
}
