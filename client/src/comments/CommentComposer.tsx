import { Alert, Button, Field, Label, Textarea } from '@digdir/designsystemet-react';
import { INPUT_LIMITS, type MemberView, type Party } from '@fellesplan/domain';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from '../i18n/useTranslation.js';
import { ApiError, OFFLINE } from '../api/client.js';

/**
 * A plain-text comment field with @-suggestions for people and parties of the plan. The server
 * finds mentions in the text itself, so a typed "@Demo HF" works as well as a picked one.
 */
export function CommentComposer({
  label,
  initial = '',
  submitLabel,
  members,
  parties,
  onSubmit,
  onCancel,
  testId,
  focusOnOpen = false,
}: {
  label: string;
  initial?: string;
  submitLabel: string;
  members: readonly MemberView[];
  parties: readonly Party[];
  onSubmit: (body: string) => Promise<void>;
  onCancel?: () => void;
  testId: string;
  /** Moves focus (and the view) into the field when the form appears: it opened on request. */
  focusOnOpen?: boolean;
}) {
  const { t } = useTranslation();
  const [body, setBody] = useState(initial);
  const [caret, setCaret] = useState(initial.length);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const field = useRef<HTMLTextAreaElement>(null);
  const hintId = useId();
  useEffect(() => {
    if (!focusOnOpen || !field.current) return;
    field.current.scrollIntoView({ block: 'center' });
    field.current.focus({ preventScroll: true });
    // Only when the form opens.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const query = /(?:^|\s)@([\p{L}\p{N} ]{0,40})$/u.exec(body.slice(0, caret))?.[1];
  const suggestions =
    query === undefined
      ? []
      : [...members.map((m) => m.name), ...parties.map((p) => p.name)]
          .filter((name) => name.toLocaleLowerCase('nb').startsWith(query.toLocaleLowerCase('nb')) && name !== query)
          .slice(0, 6);

  function pick(name: string) {
    const before = body.slice(0, caret).replace(/@([\p{L}\p{N} ]{0,40})$/u, `@${name} `);
    const next = before + body.slice(caret);
    setBody(next);
    setCaret(before.length);
    field.current?.focus();
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!body.trim()) return;
    setBusy(true);
    setError(null);
    try {
      await onSubmit(body.trim());
      setBody('');
    } catch (err) {
      // The text stays in the field: nothing the user wrote is lost on a refusal.
      setError(
        err instanceof ApiError && err.code === OFFLINE
          ? t('comments.offline')
          : err instanceof ApiError
            ? err.message
            : t('app.error'),
      );
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="comment-composer" onSubmit={(e) => void submit(e)} data-testid={testId}>
      <Field>
        <Label>{label}</Label>
        <Textarea
          ref={field}
          value={body}
          rows={3}
          maxLength={INPUT_LIMITS.commentBody}
          aria-describedby={hintId}
          onChange={(e) => {
            setBody(e.target.value);
            setCaret(e.target.selectionStart);
          }}
          onSelect={(e) => setCaret(e.currentTarget.selectionStart)}
          data-testid={`${testId}.body`}
        />
      </Field>
      <p id={hintId} className="comment-composer__hint">
        {t('comments.mentionHint')}
      </p>
      {suggestions.length > 0 && (
        <ul className="comment-composer__suggestions" aria-label={t('comments.suggestions')}>
          {suggestions.map((name) => (
            <li key={name}>
              <button type="button" onClick={() => pick(name)}>
                @{name}
              </button>
            </li>
          ))}
        </ul>
      )}
      {error && (
        <Alert data-color="danger" data-size="sm" role="alert" data-testid={`${testId}.error`}>
          {error}
        </Alert>
      )}
      <div className="comment-composer__actions">
        <Button type="submit" data-size="sm" disabled={busy || !body.trim()} data-testid={`${testId}.submit`}>
          {submitLabel}
        </Button>
        {onCancel && (
          <Button type="button" variant="tertiary" data-size="sm" onClick={onCancel}>
            {t('comments.cancel')}
          </Button>
        )}
      </div>
    </form>
  );
}
