import { Alert, Button, Dialog, Heading, Paragraph, Spinner } from '@digdir/designsystemet-react';
import type { Party, SinceAgreedView } from '@fellesplan/domain';
import { useEffect, useState } from 'react';
import { useTranslation } from '../i18n/useTranslation.js';
import { api, ApiError } from '../api/client.js';
import { DiffBody, DiffLegend } from './DiffBody.js';
import { diffSentence } from './diffSentence.js';

/**
 * What changed in a section after a party took its stance: the text it agreed to against the
 * text now. A member of that party re-confirms in one step; the command carries the revision
 * shown here, so a change made while reading is refused (409) and shown, never agreed to unseen.
 */
export function SinceAgreedDialog({
  sectionId,
  party,
  mayReconfirm,
  onClose,
}: {
  sectionId: string;
  party: Party;
  mayReconfirm: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [view, setView] = useState<SinceAgreedView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    api.sinceAgreed(sectionId, party.id).then(
      (answer) => live && setView(answer),
      (err: unknown) => live && setError(err instanceof ApiError ? err.message : t('app.error')),
    );
    return () => {
      live = false;
    };
  }, [sectionId, party.id, t]);

  async function reconfirm() {
    if (view?.state !== 'compared') return;
    setBusy(true);
    setError(null);
    try {
      await api.command('sections.mark', {
        sectionId,
        stance: view.marker.stance,
        note: view.marker.note,
        revision: view.currentRevision,
      });
      setStatus(t('sinceAgreed.reconfirmed'));
      setView(await api.sinceAgreed(sectionId, party.id));
    } catch (err) {
      setError(err instanceof ApiError ? err.message : t('app.error'));
      // The text moved on while the person read: show them the newer change.
      if (err instanceof ApiError && err.status === 409) setView(await api.sinceAgreed(sectionId, party.id));
    } finally {
      setBusy(false);
    }
  }

  const agreed = view && view.state !== 'no_marker' && view.marker.stance === 'agree';
  const title = t(agreed ? 'sinceAgreed.titleAgree' : 'sinceAgreed.titleOther', { party: party.name });
  return (
    <Dialog open onClose={onClose} closedby="any" data-testid="sinceAgreed.dialog" className="since-agreed">
      <Dialog.Block>
        <Heading level={2} data-size="xs">
          {title}
        </Heading>
      </Dialog.Block>
      <Dialog.Block className="dialog-body">
        {!view && !error && <Spinner aria-label={t('sinceAgreed.loading')} />}
        {view?.state === 'text_unknown' && (
          <Alert data-color="info" data-testid="sinceAgreed.unknown">
            {t('sinceAgreed.unknown', { party: party.name })}
          </Alert>
        )}
        {view?.state === 'compared' && (
          <>
            <Paragraph data-testid="sinceAgreed.sentence">
              {view.diff.changed
                ? t(agreed ? 'sinceAgreed.sentenceAgree' : 'sinceAgreed.sentenceOther', {
                    party: party.name,
                    changes: diffSentence(t, view.diff),
                  })
                : t('sinceAgreed.notStale', { party: party.name })}
            </Paragraph>
            {view.diff.changed && (
              <>
                <DiffLegend />
                <DiffBody doc={view.diff.doc} label={title} />
              </>
            )}
          </>
        )}
        {error && (
          <Alert data-color="danger" data-size="sm" role="alert" data-testid="sinceAgreed.error">
            {error}
          </Alert>
        )}
        <p role="status" data-testid="sinceAgreed.status">
          {status}
        </p>
      </Dialog.Block>
      <Dialog.Block className="dialog-actions">
        {mayReconfirm && view?.state === 'compared' && view.marker.stale && (
          <Button
            type="button"
            aria-disabled={busy || undefined}
            onClick={() => {
              if (!busy) void reconfirm();
            }}
            data-testid="sinceAgreed.reconfirm"
          >
            {t(agreed ? 'sinceAgreed.reconfirmAgree' : 'sinceAgreed.reconfirmOther')}
          </Button>
        )}
        <Button type="button" variant="tertiary" onClick={onClose} data-testid="sinceAgreed.close">
          {t('sinceAgreed.close')}
        </Button>
      </Dialog.Block>
    </Dialog>
  );
}
