export { diffBodies } from './diffBodies.js';
export { diffSideText } from './diffSide.js';
export { compareSchema, DIFF_MARKS } from './compareSchema.js';
export type { BlockDiff, DiffMarkName } from './compareSchema.js';
export { movedItems } from './movedItems.js';
