import { PARTY_COLORS, type PartyKind } from '@fellesplan/domain';

/**
 * Attributes of another person's selection. Tiptap's default sets a `style` attribute, which
 * our Content-Security-Policy (no inline styles) refuses; a class per party colour does not.
 */
export function caretSelectionAttributes(user: { color?: unknown }): Record<string, string> {
  const kind = (Object.keys(PARTY_COLORS) as PartyKind[]).find((k) => PARTY_COLORS[k] === user.color);
  const classes = ['ProseMirror-yjs-selection', 'collaboration-carets__selection'];
  if (kind) classes.push(`collaboration-carets__selection--${kind}`);
  return { class: classes.join(' ') };
}
