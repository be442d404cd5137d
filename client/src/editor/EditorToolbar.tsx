import { BulletListIcon, LinkIcon, NumberListIcon, TableIcon } from '@navikt/aksel-icons';
import { isAllowedHref } from '@fellesplan/editor';
import type { Editor } from '@tiptap/core';
import type { ReactNode } from 'react';
import { useEditorState } from '@tiptap/react';
import { useTranslation } from 'react-i18next';

/** Formatting buttons; a toolbar in the ARIA sense, each button reporting its pressed state. */
export function EditorToolbar({ editor }: { editor: Editor }) {
  const { t } = useTranslation();
  const state = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      bold: e.isActive('bold'),
      italic: e.isActive('italic'),
      h2: e.isActive('heading', { level: 2 }),
      h3: e.isActive('heading', { level: 3 }),
      bulletList: e.isActive('bulletList'),
      orderedList: e.isActive('orderedList'),
      link: e.isActive('link'),
    }),
  });

  const buttons: { key: string; label: string; text: ReactNode; active: boolean; run: () => void }[] = [
    {
      key: 'bold',
      label: t('toolbar.bold'),
      text: <strong>F</strong>,
      active: state.bold,
      run: () => editor.chain().focus().toggleBold().run(),
    },
    {
      key: 'italic',
      label: t('toolbar.italic'),
      text: <em>K</em>,
      active: state.italic,
      run: () => editor.chain().focus().toggleItalic().run(),
    },
    {
      key: 'h2',
      label: t('toolbar.heading2'),
      text: 'H2',
      active: state.h2,
      run: () => editor.chain().focus().toggleHeading({ level: 2 }).run(),
    },
    {
      key: 'h3',
      label: t('toolbar.heading3'),
      text: 'H3',
      active: state.h3,
      run: () => editor.chain().focus().toggleHeading({ level: 3 }).run(),
    },
    {
      key: 'bullet',
      label: t('toolbar.bulletList'),
      text: <BulletListIcon />,
      active: state.bulletList,
      run: () => editor.chain().focus().toggleBulletList().run(),
    },
    {
      key: 'ordered',
      label: t('toolbar.orderedList'),
      text: <NumberListIcon />,
      active: state.orderedList,
      run: () => editor.chain().focus().toggleOrderedList().run(),
    },
    {
      key: 'link',
      label: t('toolbar.link'),
      text: <LinkIcon />,
      active: state.link,
      run: () => {
        if (editor.isActive('link')) {
          editor.chain().focus().unsetLink().run();
          return;
        }
        const href = window.prompt(t('toolbar.linkPrompt'), 'https://');
        if (href && isAllowedHref(href)) editor.chain().focus().setLink({ href }).run();
      },
    },
    {
      key: 'table',
      label: t('toolbar.table'),
      text: <TableIcon />,
      active: false,
      run: () => editor.chain().focus().insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run(),
    },
  ];

  return (
    <div role="toolbar" aria-label={t('toolbar.label')} className="editor-toolbar" data-testid="section.toolbar">
      {buttons.map((b) => (
        <button
          key={b.key}
          type="button"
          className="editor-toolbar__button"
          title={b.label}
          aria-pressed={b.active}
          onMouseDown={(event) => event.preventDefault()}
          onClick={b.run}
        >
          {/* The name comes from the hidden text, not aria-label: the visible "H2" is no word. */}
          <span aria-hidden="true">{b.text}</span>
          <span className="visually-hidden">{b.label}</span>
        </button>
      ))}
    </div>
  );
}
