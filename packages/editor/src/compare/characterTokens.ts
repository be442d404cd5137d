import type { Mark, Node } from '@tiptap/pm/model';
import type { TokenEncoder } from '@tiptap/pm/changeset';

/**
 * How the diff sees a document: characters without their marks, and nodes by type without
 * their attributes. Formatting changes are found separately, so bolding a word or changing a
 * heading's level is not "deleted and inserted again".
 */
export const characterTokens: TokenEncoder<number | string> = {
  encodeCharacter: (char: number, _marks: readonly Mark[]) => char,
  encodeNodeStart: (node: Node) => node.type.name,
  encodeNodeEnd: (node: Node) => `/${node.type.name}`,
  compareTokens: (a, b) => a === b,
};
