export { documentExtensions } from './extensions.js';
export { documentSchema } from './schema.js';
export { CONTENT_FIELD, writeJsonToYDoc, readJsonFromYDoc, readTextFromYDoc, jsonToText } from './ydoc.js';
export type { TiptapJSON } from './ydoc.js';
export { plainTextToDoc } from './plainTextToDoc.js';
export { writeProjection, readProjection } from './projection.js';
