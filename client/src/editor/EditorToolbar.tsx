import { ArrowRedoIcon, ArrowUndoIcon, BulletListIcon, LinkIcon, NumberListIcon, TableIcon } from '@navikt/aksel-icons';
import type { Editor } from '@tiptap/core';
import { Fragment, useEffect, useState, type ReactNode } from 'react';
import { useEditorState } from '@tiptap/react';
import { useTranslation } from '../i18n/useTranslation.js';
import { LinkDialog } from './LinkDialog.js';
import { ShortcutsDialog } from './ShortcutsDialog.js';
import { syncDomSelection } from './syncDomSelection.js';
import { useRovingFocus } from './useRovingFocus.js';

interface ToolbarButton {
  key: string;
  label: string;
  text: ReactNode;
  /** A toggle's state; undefined for plain actions, which then carry no aria-pressed. */
  pressed?: boolean;
  /** Stays focusable (the APG advice for toolbars) but does nothing. */
  disabled?: boolean;
  run: () => void;
}

/**
 * Formatting controls in the ARIA toolbar pattern: one tab stop, arrow keys, Home and End (see
 * useRovingFocus); Alt+F10 in the text moves here, Ctrl+K opens the link dialog. Table controls
 * appear only while the caret is in a table.
 */
export function EditorToolbar({ editor }: { editor: Editor }) {
  const { t } = useTranslation();
  const [dialog, setDialog] = useState<'link' | 'shortcuts' | null>(null);
  const roving = useRovingFocus<HTMLDivElement>();
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
      inTable: e.isActive('table'),
      canUndo: e.can().undo(),
      canRedo: e.can().redo(),
    }),
  });

  const { focusToolbar } = roving;
  useEffect(() => {
    const dom = editor.view.dom;
    const onKeyDown = (event: KeyboardEvent) => {
      const mod = event.ctrlKey || event.metaKey;
      if (mod && !event.altKey && !event.shiftKey && event.key.toLowerCase() === 'k') {
        event.preventDefault();
        syncDomSelection(editor.view);
        setDialog('link');
      } else if (event.altKey && event.key === 'F10') {
        event.preventDefault();
        syncDomSelection(editor.view);
        focusToolbar();
      }
    };
    dom.addEventListener('keydown', onKeyDown);
    return () => dom.removeEventListener('keydown', onKeyDown);
  }, [editor, focusToolbar]);

  const run = (command: (chain: ReturnType<Editor['chain']>) => ReturnType<Editor['chain']>) => () =>
    command(editor.chain().focus()).run();

  const groups: ToolbarButton[][] = [
    [
      {
        key: 'undo',
        label: t('toolbar.undo'),
        text: <ArrowUndoIcon />,
        disabled: !state.canUndo,
        run: run((c) => c.undo()),
      },
      {
        key: 'redo',
        label: t('toolbar.redo'),
        text: <ArrowRedoIcon />,
        disabled: !state.canRedo,
        run: run((c) => c.redo()),
      },
    ],
    [
      {
        key: 'bold',
        label: t('toolbar.bold'),
        text: <strong>F</strong>,
        pressed: state.bold,
        run: run((c) => c.toggleBold()),
      },
      {
        key: 'italic',
        label: t('toolbar.italic'),
        text: <em>K</em>,
        pressed: state.italic,
        run: run((c) => c.toggleItalic()),
      },
      {
        key: 'h2',
        label: t('toolbar.heading2'),
        text: 'H2',
        pressed: state.h2,
        run: run((c) => c.toggleHeading({ level: 2 })),
      },
      {
        key: 'h3',
        label: t('toolbar.heading3'),
        text: 'H3',
        pressed: state.h3,
        run: run((c) => c.toggleHeading({ level: 3 })),
      },
      {
        key: 'bullet',
        label: t('toolbar.bulletList'),
        text: <BulletListIcon />,
        pressed: state.bulletList,
        run: run((c) => c.toggleBulletList()),
      },
      {
        key: 'ordered',
        label: t('toolbar.orderedList'),
        text: <NumberListIcon />,
        pressed: state.orderedList,
        run: run((c) => c.toggleOrderedList()),
      },
      { key: 'link', label: t('toolbar.link'), text: <LinkIcon />, pressed: state.link, run: () => setDialog('link') },
      {
        key: 'table',
        label: t('toolbar.table'),
        text: <TableIcon />,
        disabled: state.inTable,
        run: run((c) => c.insertTable({ rows: 3, cols: 3, withHeaderRow: true })),
      },
    ],
    state.inTable
      ? [
          { key: 'rowBefore', label: t('toolbar.tableRowBefore'), text: '↑+', run: run((c) => c.addRowBefore()) },
          { key: 'rowAfter', label: t('toolbar.tableRowAfter'), text: '↓+', run: run((c) => c.addRowAfter()) },
          { key: 'colBefore', label: t('toolbar.tableColumnBefore'), text: '←+', run: run((c) => c.addColumnBefore()) },
          { key: 'colAfter', label: t('toolbar.tableColumnAfter'), text: '→+', run: run((c) => c.addColumnAfter()) },
          { key: 'deleteRow', label: t('toolbar.tableDeleteRow'), text: '−R', run: run((c) => c.deleteRow()) },
          { key: 'deleteCol', label: t('toolbar.tableDeleteColumn'), text: '−K', run: run((c) => c.deleteColumn()) },
          { key: 'deleteTable', label: t('toolbar.tableDelete'), text: '×', run: run((c) => c.deleteTable()) },
        ]
      : [],
    [{ key: 'shortcuts', label: t('toolbar.shortcuts'), text: '?', run: () => setDialog('shortcuts') }],
  ];
  const count = groups.reduce((sum, group) => sum + group.length, 0);
  let index = 0;

  return (
    <>
      <div
        ref={roving.container}
        role="toolbar"
        aria-label={t('toolbar.label')}
        className="editor-toolbar"
        data-testid="section.toolbar"
        onKeyDown={roving.onKeyDown}
      >
        {groups
          .filter((group) => group.length > 0)
          .map((group, g) => (
            <Fragment key={group[0]?.key}>
              {g > 0 && <span className="editor-toolbar__separator" aria-hidden="true" />}
              {group.map((b) => {
                const props = roving.itemProps(index++, count);
                return (
                  <button
                    key={b.key}
                    {...props}
                    type="button"
                    className="editor-toolbar__button"
                    title={b.label}
                    aria-pressed={b.pressed}
                    aria-disabled={b.disabled || undefined}
                    data-testid={`toolbar.${b.key}`}
                    onMouseDown={(event) => event.preventDefault()}
                    onClick={b.disabled ? undefined : b.run}
                  >
                    {/* The name comes from the hidden text, not aria-label: the visible "H2" is no word. */}
                    <span aria-hidden="true">{b.text}</span>
                    <span className="visually-hidden">{b.label}</span>
                  </button>
                );
              })}
            </Fragment>
          ))}
      </div>
      <LinkDialog editor={editor} open={dialog === 'link'} onClose={() => setDialog(null)} />
      <ShortcutsDialog open={dialog === 'shortcuts'} onClose={() => setDialog(null)} />
    </>
  );
}
