import { Alert, Button, Field, Label, Textarea } from '@digdir/designsystemet-react';
import { INPUT_LIMITS, STANCES, stanceRequiresNote, type SectionView, type Stance } from '@fellesplan/domain';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from '../i18n/useTranslation.js';
import { api, ApiError, OFFLINE } from '../api/client.js';

/** My party's stance on the section; sends the revision the user has in front of them (C2). */
export function MarkControls({ section, myPartyId }: { section: SectionView; myPartyId: string }) {
  const { t } = useTranslation();
  const current = section.markers.find((m) => m.partyId === myPartyId);
  const [pending, setPending] = useState<Stance | null>(null);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // Announced to screen readers (a status region) and shown until the next action.
  const [confirmation, setConfirmation] = useState('');
  const buttons = useRef(new Map<Stance, HTMLButtonElement>());
  const noteField = useRef<HTMLTextAreaElement>(null);
  const retry = useRef<(() => void) | null>(null);
  useEffect(
    () => () => {
      if (retry.current) window.removeEventListener('online', retry.current);
    },
    [],
  );
  useEffect(() => {
    if (pending) noteField.current?.focus();
  }, [pending]);

  async function send(stance: Stance, withNote: string | null) {
    setBusy(true);
    setError(null);
    setConfirmation('');
    try {
      await api.command('sections.mark', { sectionId: section.id, stance, note: withNote, revision: section.revision });
      setPending(null);
      setNote('');
      setConfirmation(t('consensus.saved'));
      // Back to the stance just chosen, not to the top of the page where a closed form leaves it.
      buttons.current.get(stance)?.focus();
    } catch (err) {
      if (err instanceof ApiError && err.code === OFFLINE) {
        // Kept, and sent again as soon as the browser is back online.
        setError(t('consensus.offlineQueued'));
        if (retry.current) window.removeEventListener('online', retry.current);
        retry.current = () => {
          retry.current = null;
          void send(stance, withNote);
        };
        window.addEventListener('online', retry.current, { once: true });
      } else setError(err instanceof ApiError ? err.message : t('app.error'));
    } finally {
      setBusy(false);
    }
  }

  function choose(stance: Stance) {
    if (stanceRequiresNote(stance)) {
      setPending(stance);
      setNote(current?.stance === stance ? (current.note ?? '') : '');
      return;
    }
    void send(stance, null);
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    if (pending && note.trim()) void send(pending, note.trim());
  }

  return (
    <div className="mark-controls" data-testid="section.mark">
      <div role="group" aria-label={t('consensus.ourStance')} className="mark-controls__buttons">
        <span className="mark-controls__label" aria-hidden="true">
          {t('consensus.ourStance')}:
        </span>
        {STANCES.map((stance) => (
          <Button
            key={stance}
            variant={current?.stance === stance && !current.stale ? 'primary' : 'secondary'}
            data-size="sm"
            ref={(element: HTMLButtonElement | null) => {
              if (element) buttons.current.set(stance, element);
              else buttons.current.delete(stance);
            }}
            aria-pressed={current?.stance === stance && !current.stale}
            // aria-disabled, not disabled: a disabled button drops keyboard focus to the page top.
            aria-disabled={busy || undefined}
            onClick={() => {
              if (!busy) choose(stance);
            }}
            data-testid={`mark.${stance}`}
          >
            {t(`consensus.stance.${stance}`)}
          </Button>
        ))}
      </div>
      {pending && (
        <form className="mark-controls__note" onSubmit={submit}>
          <Field>
            <Label>{t(`consensus.noteFor.${pending === 'reservation' ? 'reservation' : 'disagree'}`)}</Label>
            <Textarea
              ref={noteField}
              placeholder={t('consensus.notePlaceholder')}
              value={note}
              onChange={(e) => setNote(e.target.value)}
              required
              maxLength={INPUT_LIMITS.note}
              rows={2}
              data-testid="mark.note"
            />
          </Field>
          <div className="mark-controls__actions">
            <Button type="submit" data-size="sm" disabled={busy || !note.trim()} data-testid="mark.save">
              {t('consensus.save')}
            </Button>
            <Button
              type="button"
              variant="tertiary"
              data-size="sm"
              onClick={() => {
                buttons.current.get(pending)?.focus();
                setPending(null);
              }}
            >
              {t('consensus.cancel')}
            </Button>
          </div>
        </form>
      )}
      {error && (
        <Alert data-color="danger" data-size="sm" role="alert" data-testid="mark.error">
          {error}
        </Alert>
      )}
      <p className="mark-controls__status" role="status" data-testid="mark.status">
        {confirmation}
      </p>
    </div>
  );
}
