import type { TiptapJSON } from './ydoc.js';

/**
 * Turns lightly marked-up plain text into a section body, for demo data and imports:
 * blocks are separated by blank lines; `## ` starts a heading and lines starting with `- `
 * form a bullet list. Everything else is a paragraph.
 */
export function plainTextToDoc(text: string): TiptapJSON {
  const blocks = text
    .replace(/\r\n/g, '\n')
    .split(/\n\s*\n/)
    .map((block) => block.trim())
    .filter((block) => block.length > 0);
  const content: TiptapJSON[] = blocks.map((block) => {
    if (block.startsWith('## ')) {
      return { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: block.slice(3).trim() }] };
    }
    const lines = block.split('\n').map((line) => line.trim());
    if (lines.every((line) => line.startsWith('- '))) {
      return {
        type: 'bulletList',
        content: lines.map((line) => ({
          type: 'listItem',
          content: [{ type: 'paragraph', content: [{ type: 'text', text: line.slice(2).trim() }] }],
        })),
      };
    }
    return { type: 'paragraph', content: [{ type: 'text', text: lines.join(' ') }] };
  });
  return { type: 'doc', content: content.length > 0 ? content : [{ type: 'paragraph' }] };
}
