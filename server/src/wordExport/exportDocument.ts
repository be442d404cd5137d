import type { TiptapJSON } from '@fellesplan/editor';
import type { Stance } from '@fellesplan/domain';

/** One party's stance on a section, as an exported document states it. */
export interface ExportStance {
  party: string;
  stance: Stance;
  note: string | null;
  /** [C2] Taken on text that has changed since: shown as such, never as agreement. */
  stale: boolean;
}

export interface ExportSection {
  title: string;
  /** The body; null when it is empty or could not be read. */
  json: TiptapJSON | null;
  locked: boolean;
  consensus: ExportStance[];
  /** Required parties that have taken no stance yet. */
  waitingFor: string[];
}

/**
 * What an export (Word, PDF) is made from, independent of where it came from: the plan as it is
 * now, or a saved version. Plain data, so it crosses to the worker that packs the file.
 */
export interface ExportDocument {
  title: string;
  /** The forum's name, already in words. */
  forum: string | null;
  period: string | null;
  /** When the content was taken (now, or the version's time), ISO 8601. */
  at: string;
  versionName: string | null;
  parties: string[];
  sections: ExportSection[];
}
