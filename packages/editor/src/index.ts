export { documentExtensions } from './extensions.js';
export { documentSchema } from './schema.js';
export { isUserEdit } from './isUserEdit.js';
export {
  CONTENT_FIELD,
  replaceYDocContent,
  writeJsonToYDoc,
  readJsonFromYDoc,
  readTextFromYDoc,
  jsonToText,
} from './ydoc.js';
export type { TiptapJSON } from './ydoc.js';
export { plainTextToDoc } from './plainTextToDoc.js';
export { applyProposedWording, type ProposedWordingResult } from './proposedWording.js';
export { writeProjection, readProjection } from './projection.js';
export { linearizeYFragment, linearizePmDoc, linearToPmPos, pmPosToLinear, OBJECT_CHAR } from './anchors/linearText.js';
export type { YLinearText, PmLinearText } from './anchors/linearText.js';
export {
  createAnchor,
  resolveAnchor,
  anchorPointsInto,
  findQuote,
  decodeRelativePosition,
  encodeRelativePosition,
} from './anchors/anchor.js';
export type { Anchor, ResolvedRange } from './anchors/anchor.js';
export { isAllowedHref, stripDisallowedLinks } from './links.js';
export { readSectionBody } from './sectionBody.js';
export { readSectionBlock, allowsTopLevel } from './sectionBlock.js';
export type { SectionBlock } from './sectionBlock.js';
export { jsonFromDom, appendJsonToDom } from './domContent.js';
export type { SectionBody } from './sectionBody.js';
