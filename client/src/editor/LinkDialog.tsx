import { Button, Dialog, Heading, Textfield } from '@digdir/designsystemet-react';
import type { Editor } from '@tiptap/core';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from '../i18n/useTranslation.js';
import { normalizeLinkHref } from './linkHref.js';

/**
 * Adds, changes or removes the link at the selection; replaces the browser's prompt, which has
 * no label, no help and no way to remove. With nothing selected the address itself becomes
 * the linked text. Closing returns focus to the text.
 */
export function LinkDialog({ editor, open, onClose }: { editor: Editor; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const [url, setUrl] = useState('');
  const [error, setError] = useState<string | undefined>();
  const existing = open ? (editor.getAttributes('link').href as string | undefined) : undefined;

  useEffect(() => {
    if (!open) return;
    setUrl(existing ?? '');
    setError(undefined);
    // After showModal (the dialog's own effect runs first), which focuses the close button.
    input.current?.focus();
    input.current?.select();
    // Only on opening: later changes of the selection must not overwrite what is being typed.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open]);

  function save(event: FormEvent) {
    event.preventDefault();
    const result = normalizeLinkHref(url);
    if (!result.ok) {
      setError(t(result.problem === 'empty' ? 'toolbar.linkEmpty' : 'toolbar.linkRefused'));
      input.current?.focus();
      return;
    }
    const { href } = result;
    const chain = editor.chain().focus().extendMarkRange('link');
    if (editor.state.selection.empty && !editor.isActive('link')) {
      chain.insertContent({ type: 'text', text: href, marks: [{ type: 'link', attrs: { href } }] }).run();
    } else {
      chain.setLink({ href }).run();
    }
    onClose();
  }

  function remove() {
    editor.chain().focus().extendMarkRange('link').unsetLink().run();
    onClose();
  }

  function cancel() {
    onClose();
    editor.commands.focus();
  }

  return (
    <Dialog
      open={open}
      onClose={cancel}
      closedby="any"
      closeButton={t('toolbar.close')}
      data-testid="toolbar.link-dialog"
    >
      <form onSubmit={save} noValidate>
        <Dialog.Block>
          <Heading level={2} data-size="xs">
            {t('toolbar.linkTitle')}
          </Heading>
        </Dialog.Block>
        <Dialog.Block>
          <Textfield
            ref={input}
            label={t('toolbar.linkUrl')}
            description={t('toolbar.linkUrlHelp')}
            value={url}
            onChange={(e) => setUrl(e.target.value)}
            error={error}
            inputMode="url"
            autoComplete="url"
            spellCheck={false}
            data-testid="toolbar.link-url"
          />
        </Dialog.Block>
        <Dialog.Block className="dialog-actions">
          <Button type="submit" data-testid="toolbar.link-save">
            {t('toolbar.linkSave')}
          </Button>
          {existing && (
            <Button type="button" variant="secondary" onClick={remove} data-testid="toolbar.link-remove">
              {t('toolbar.linkRemove')}
            </Button>
          )}
          <Button type="button" variant="tertiary" onClick={cancel}>
            {t('toolbar.cancel')}
          </Button>
        </Dialog.Block>
      </form>
    </Dialog>
  );
}
