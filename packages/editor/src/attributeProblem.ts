import type { Mark, Node } from '@tiptap/pm/model';

const MAX_SPAN = 100;
const MAX_COLUMN_WIDTH = 10_000;
const MAX_STRING_ATTRIBUTE = 2048;
const HEADING_LEVELS = new Set([2, 3, 4]);

const isIntegerIn = (value: unknown, min: number, max: number) =>
  typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;

/**
 * ProseMirror checks attribute names, not values; readers trust the values. A table cell
 * spanning fifty million columns makes every browser that opens the section build a table map
 * of that size, so values are bounded here: spans, column widths, heading levels, list starts,
 * and the length of any string.
 */
export function attributeProblem(doc: Node): string | null {
  let problem: string | null = null;
  doc.descendants((node) => {
    problem ??= nodeAttributeProblem(node) ?? node.marks.map(markAttributeProblem).find((p) => p !== null) ?? null;
    return problem === null;
  });
  return problem;
}

function nodeAttributeProblem(node: Node): string | null {
  const { attrs } = node;
  const name = node.type.name;
  if (name === 'tableCell' || name === 'tableHeader') {
    if (!isIntegerIn(attrs.colspan, 1, MAX_SPAN) || !isIntegerIn(attrs.rowspan, 1, MAX_SPAN)) return `${name} span`;
    const widths: unknown = attrs.colwidth;
    if (widths !== null) {
      if (!Array.isArray(widths) || widths.length !== attrs.colspan) return `${name} colwidth`;
      if (!widths.every((w) => isIntegerIn(w, 0, MAX_COLUMN_WIDTH))) return `${name} colwidth`;
    }
  }
  if (name === 'heading' && !HEADING_LEVELS.has(attrs.level as number)) return 'heading level';
  if (name === 'orderedList' && !isIntegerIn(attrs.start, 0, 1_000_000)) return 'list start';
  return stringProblem(name, attrs);
}

function markAttributeProblem(mark: Mark): string | null {
  return stringProblem(mark.type.name, mark.attrs);
}

function stringProblem(name: string, attrs: Record<string, unknown>): string | null {
  for (const [key, value] of Object.entries(attrs)) {
    if (typeof value === 'string' && value.length > MAX_STRING_ATTRIBUTE) return `${name} ${key} too long`;
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) return `${name} ${key} is an object`;
  }
  return null;
}
