/**
 * Bounds on a Word file brought in as a plan (`POST /api/plans/import`). A real plan is a few
 * hundred pages at most; the bounds keep one upload from tying up the server or its disk.
 */
export const IMPORT_LIMITS = {
  /** The uploaded file. */
  maxFileBytes: 10 * 1024 * 1024,
  /** Everything in the file's zip, unpacked: a zip bomb stops here. */
  maxUnpackedBytes: 100 * 1024 * 1024,
  /** Entries in the zip (a plan has a few dozen; thousands are no document). */
  maxEntries: 2_000,
  /** Level-1 headings, and so sections, one plan may get from a file. */
  maxSections: 200,
  /** Reading one file, all steps together. */
  timeoutMs: 30_000,
} as const;

/** What the preview of an import says about one proposed section. */
export interface ImportedSectionPreview {
  title: string;
  /** Characters of text in the body. */
  characters: number;
  /** Images in the section, which are left out. */
  images: number;
  /** Text before the first level-1 heading, made a section of its own. */
  introduction: boolean;
}

/** Something a person should know before creating a plan from the file. */
export type ImportWarning =
  | { code: 'images_dropped'; count: number }
  | { code: 'no_headings' }
  | { code: 'external_references_ignored'; count: number };

/** `POST /api/plans/import?preview=1` → the proposed split, nothing created. */
export interface ImportPreview {
  sections: ImportedSectionPreview[];
  warnings: ImportWarning[];
}
