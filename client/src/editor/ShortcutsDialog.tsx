import { Dialog, Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import { useTranslation } from '../i18n/useTranslation.js';

/** Keys as the editor binds them (Tiptap's StarterKit, Collaboration, ours for links and Alt+F10). */
const SHORTCUTS: { keys: string[][]; action: string }[] = [
  { keys: [['Ctrl', 'B']], action: 'toolbar.bold' },
  { keys: [['Ctrl', 'I']], action: 'toolbar.italic' },
  { keys: [['Ctrl', 'Alt', '2']], action: 'toolbar.heading2' },
  { keys: [['Ctrl', 'Alt', '3']], action: 'toolbar.heading3' },
  { keys: [['Ctrl', 'Shift', '8']], action: 'toolbar.bulletList' },
  { keys: [['Ctrl', 'Shift', '7']], action: 'toolbar.orderedList' },
  { keys: [['Ctrl', 'K']], action: 'toolbar.link' },
  { keys: [['Ctrl', 'Z']], action: 'toolbar.undo' },
  {
    keys: [
      ['Ctrl', 'Shift', 'Z'],
      ['Ctrl', 'Y'],
    ],
    action: 'toolbar.redo',
  },
  { keys: [['Tab']], action: 'toolbar.shortcutNextCell' },
  { keys: [['Alt', 'F10']], action: 'toolbar.shortcutToolbar' },
  { keys: [['←'], ['→'], ['Home'], ['End']], action: 'toolbar.shortcutToolbarMove' },
];

export function ShortcutsDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Dialog
      open={open}
      onClose={onClose}
      closedby="any"
      closeButton={t('toolbar.close')}
      aria-labelledby="editor-shortcuts-title"
      data-testid="toolbar.shortcuts-dialog"
    >
      <Dialog.Block>
        <Heading level={2} data-size="xs" id="editor-shortcuts-title">
          {t('toolbar.shortcuts')}
        </Heading>
        <Paragraph data-size="sm">{t('toolbar.shortcutsIntro')}</Paragraph>
      </Dialog.Block>
      <Dialog.Block>
        <Table data-size="sm" className="editor-shortcuts">
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t('toolbar.shortcutKeys')}</Table.HeaderCell>
              <Table.HeaderCell>{t('toolbar.shortcutAction')}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {SHORTCUTS.map(({ keys, action }) => (
              <Table.Row key={action}>
                <Table.Cell>
                  {keys.map((combo, i) => (
                    <span key={combo.join('+')}>
                      {i > 0 && ' / '}
                      {combo.map((key, j) => (
                        <span key={key}>
                          {j > 0 && '+'}
                          <kbd>{key}</kbd>
                        </span>
                      ))}
                    </span>
                  ))}
                </Table.Cell>
                <Table.Cell>{t(action)}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </Dialog.Block>
    </Dialog>
  );
}
