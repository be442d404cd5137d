import { Button, Checkbox, Fieldset, Textfield } from '@digdir/designsystemet-react';
import { HEARING_LIMITS } from '@fellesplan/domain';
import { useState } from 'react';
import { useTranslation } from '../i18n/useTranslation.js';
import type { RemarkDraft } from './responseDraft.js';

/** The fields of one remark, under the section it is about: quote, text, and new wording if proposed. */
export function RemarkFields({
  remark,
  number,
  title,
  error,
  onChange,
  onRemove,
}: {
  remark: RemarkDraft;
  number: string;
  title: string;
  error: string | undefined;
  onChange: (change: Partial<RemarkDraft>) => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  const [proposing, setProposing] = useState(remark.proposedText !== '');
  const id = (field: string) => `remark-${remark.key}-${field}`;
  return (
    <Fieldset className="hearing-remark no-print" data-testid="hearing.remark" data-size="sm">
      <Fieldset.Legend>{t('hearings.public.remark.legend', { number, title })}</Fieldset.Legend>
      <Textfield
        id={id('quote')}
        label={t('hearings.public.remark.quote')}
        description={t('hearings.public.remark.quoteHint')}
        multiline
        rows={2}
        value={remark.quote}
        maxLength={HEARING_LIMITS.quote}
        onChange={(e) => onChange({ quote: e.target.value })}
        data-testid="hearing.remark-quote"
      />
      <Textfield
        id={id('text')}
        label={t('hearings.public.remark.text')}
        multiline
        rows={4}
        value={remark.text}
        maxLength={HEARING_LIMITS.remarkText}
        error={error}
        onChange={(e) => onChange({ text: e.target.value })}
        data-testid="hearing.remark-text"
      />
      <Checkbox
        label={t('hearings.public.remark.propose')}
        checked={proposing}
        onChange={(e) => {
          setProposing(e.target.checked);
          if (!e.target.checked) onChange({ proposedText: '' });
        }}
        data-testid="hearing.remark-propose"
      />
      {proposing && (
        <Textfield
          id={id('proposed')}
          label={t('hearings.public.remark.proposed')}
          description={t('hearings.public.remark.proposedHint')}
          multiline
          rows={3}
          value={remark.proposedText}
          maxLength={HEARING_LIMITS.proposedText}
          onChange={(e) => onChange({ proposedText: e.target.value })}
          data-testid="hearing.remark-proposed"
        />
      )}
      <Button
        variant="tertiary"
        data-size="sm"
        onClick={onRemove}
        aria-label={t('hearings.public.remark.removeLabel', { number, title })}
        data-testid="hearing.remark-remove"
      >
        {t('hearings.public.remark.remove')}
      </Button>
    </Fieldset>
  );
}
