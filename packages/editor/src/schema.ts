import { getSchema } from '@tiptap/core';
import type { Schema } from '@tiptap/pm/model';
import { documentExtensions } from './extensions.js';

let cached: Schema | undefined;

/** The ProseMirror schema of a section body, built once. */
export function documentSchema(): Schema {
  cached ??= getSchema(documentExtensions());
  return cached;
}
