import type { DiffLabels } from '../editor/renderBody.js';

type Translate = (key: string, values?: Record<string, unknown>) => string;

/** The words a comparison is read with, in the reader's language. */
export function diffLabels(t: Translate): DiffLabels {
  const marks = (names: string[]) => names.map((name) => t(`compare.mark.${name}`)).join(', ');
  return {
    insertedStart: t('compare.insertedStart'),
    deletedStart: t('compare.deletedStart'),
    changeEnd: t('compare.changeEnd'),
    formatted: (added, removed) => {
      const parts = [
        added.length ? t('compare.formatAdded', { marks: marks(added) }) : null,
        removed.length ? t('compare.formatRemoved', { marks: marks(removed) }) : null,
      ].filter(Boolean);
      return `${t('compare.formatted')}: ${parts.join(', ')}`;
    },
    block: (diff, was) =>
      diff === 'format' ? t('compare.block.format', { was: blockKind(t, was) }) : t(`compare.block.${diff}`),
  };
}

/** `paragraph`, `heading:3` … as the diff names a block's former kind. */
function blockKind(t: Translate, was: string | null): string {
  const [type, level] = (was ?? '').split(':');
  if (type === 'paragraph') return t('compare.blockKind.paragraph');
  if (type === 'heading') return t('compare.blockKind.heading', { level });
  return t('compare.blockKind.other');
}
