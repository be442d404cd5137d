import type { Editor } from '@tiptap/core';
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

  const buttons: { key: string; label: string; text: string; active: boolean; run: () => void }[] = [
    { key: 'bold', label: t('toolbar.bold'), text: 'F', active: state.bold, run: () => editor.chain().focus().toggleBold().run() },
    { key: 'italic', label: t('toolbar.italic'), text: 'K', active: state.italic, run: () => editor.chain().focus().toggleItalic().run() },
    { key: 'h2', label: t('toolbar.heading2'), text: 'H2', active: state.h2, run: () => editor.chain().focus().toggleHeading({ level: 2 }).run() },
    { key: 'h3', label: t('toolbar.heading3'), text: 'H3', active: state.h3, run: () => editor.chain().focus().toggleHeading({ level: 3 }).run() },
    { key: 'bullet', label: t('toolbar.bulletList'), text: '•', active: state.bulletList, run: () => editor.chain().focus().toggleBulletList().run() },
    { key: 'ordered', label: t('toolbar.orderedList'), text: '1.', active: state.orderedList, run: () => editor.chain().focus().toggleOrderedList().run() },
    {
      key: 'link',
      label: t('toolbar.link'),
      text: '🔗',
      active: state.link,
      run: () => {
        if (editor.isActive('link')) {
          editor.chain().focus().unsetLink().run();
          return;
        }
        const href = window.prompt(t('toolbar.linkPrompt'), 'https://');
        if (href && /^(https?:|mailto:)/i.test(href)) editor.chain().focus().setLink({ href }).run();
      },
    },
    {
      key: 'table',
      label: t('toolbar.table'),
      text: '▦',
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
          aria-label={b.label}
          title={b.label}
          aria-pressed={b.active}
          onMouseDown={(event) => event.preventDefault()}
          onClick={b.run}
        >
          <span aria-hidden="true">{b.text}</span>
        </button>
      ))}
    </div>
  );
}
