import { ToggleGroup } from '@digdir/designsystemet-react';
import { useTranslation } from '../i18n/useTranslation.js';
import { isSectionView, SECTION_VIEWS, type SectionViewName } from './sectionViews.js';

/** «Alle», «Våre seksjoner», «Trenger vårt standpunkt», «Uenighet og forbehold», with counts. */
export function ViewSwitch({
  view,
  counts,
  onChange,
}: {
  view: SectionViewName;
  counts: Record<SectionViewName, number>;
  onChange: (view: SectionViewName) => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="view-switch" data-testid="plan.views">
      <span className="view-switch__label" id="view-switch-label">
        {t('views.label')}
      </span>
      <ToggleGroup
        data-size="sm"
        aria-labelledby="view-switch-label"
        value={view}
        onChange={(value) => onChange(isSectionView(value) ? value : 'all')}
      >
        {SECTION_VIEWS.map((name) => (
          <ToggleGroup.Item key={name} value={name} data-testid={`view.${name}`} data-count={counts[name]}>
            {t(`views.${name}`)} ({counts[name]})
          </ToggleGroup.Item>
        ))}
      </ToggleGroup>
    </div>
  );
}
