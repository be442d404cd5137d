import { Checkbox, Field, Label, Select, ToggleGroup } from '@digdir/designsystemet-react';
import type { Party } from '@fellesplan/domain';
import { useTranslation } from '../i18n/useTranslation.js';
import type { ThreadFilter } from './threadFilter.js';

/** Which comment threads the plan page shows: open / resolved / all, mine, mentioning me, by party. */
export function CommentFilterBar({
  filter,
  onChange,
  parties,
}: {
  filter: ThreadFilter;
  onChange: (filter: ThreadFilter) => void;
  parties: readonly Party[];
}) {
  const { t } = useTranslation();
  return (
    <fieldset className="comment-filter" data-testid="comments.filter">
      <legend className="comment-filter__legend">{t('comments.filter.label')}</legend>
      <ToggleGroup
        data-size="sm"
        aria-label={t('comments.filter.label')}
        value={filter.status}
        onChange={(value) => onChange({ ...filter, status: value === 'resolved' || value === 'all' ? value : 'open' })}
      >
        <ToggleGroup.Item value="open">{t('comments.filter.open')}</ToggleGroup.Item>
        <ToggleGroup.Item value="resolved">{t('comments.filter.resolved')}</ToggleGroup.Item>
        <ToggleGroup.Item value="all">{t('comments.filter.all')}</ToggleGroup.Item>
      </ToggleGroup>
      <Checkbox
        data-size="sm"
        label={t('comments.filter.mine')}
        checked={filter.mine}
        onChange={(e) => onChange({ ...filter, mine: e.target.checked })}
        data-testid="comments.filter-mine"
      />
      <Checkbox
        data-size="sm"
        label={t('comments.filter.mentioningMe')}
        checked={filter.mentioningMe}
        onChange={(e) => onChange({ ...filter, mentioningMe: e.target.checked })}
        data-testid="comments.filter-mentions"
      />
      <Field data-size="sm" className="comment-filter__party">
        <Label>{t('comments.filter.party')}</Label>
        <Select
          value={filter.partyId}
          onChange={(e) => onChange({ ...filter, partyId: e.target.value })}
          data-testid="comments.filter-party"
        >
          <Select.Option value="">{t('comments.filter.anyParty')}</Select.Option>
          {parties.map((p) => (
            <Select.Option key={p.id} value={p.id}>
              {p.name}
            </Select.Option>
          ))}
        </Select>
      </Field>
    </fieldset>
  );
}
