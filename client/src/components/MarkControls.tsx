import { Alert, Button, Field, Label, Textarea } from '@digdir/designsystemet-react';
import { INPUT_LIMITS, STANCES, stanceRequiresNote, type SectionView, type Stance } from '@fellesplan/domain';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../api/client.js';

/** My party's stance on the section; sends the revision the user has in front of them (C2). */
export function MarkControls({ section, myPartyId }: { section: SectionView; myPartyId: string }) {
  const { t } = useTranslation();
  const current = section.markers.find((m) => m.partyId === myPartyId);
  const [pending, setPending] = useState<Stance | null>(null);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function send(stance: Stance, withNote: string | null) {
    setBusy(true);
    setError(null);
    try {
      await api.command('sections.mark', { sectionId: section.id, stance, note: withNote, revision: section.revision });
      setPending(null);
      setNote('');
    } catch (err) {
      setError(err instanceof ApiError ? err.message : t('app.error'));
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
            aria-pressed={current?.stance === stance && !current.stale}
            disabled={busy}
            onClick={() => choose(stance)}
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
            <Button type="button" variant="tertiary" data-size="sm" onClick={() => setPending(null)}>
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
    </div>
  );
}
