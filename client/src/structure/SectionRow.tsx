import { Button, Details, Tag, Textfield } from '@digdir/designsystemet-react';
import { useSortable } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { INPUT_LIMITS, type Party, type SectionView } from '@fellesplan/domain';
import { ArrowDownIcon, ArrowUpIcon, DragVerticalIcon } from '@navikt/aksel-icons';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from '../i18n/useTranslation.js';
import { api, ApiError } from '../api/client.js';
import { PartyBadge } from '../components/PartyBadge.js';
import { SectionSettingsForm } from './SectionSettingsForm.js';

export type MoveControl = 'up' | 'down';

/**
 * One section on the structure page: drag handle (pointer and keyboard, via dnd-kit), inline
 * rename, explicit move buttons, and its owners, required parties and tags.
 */
export function SectionRow({
  section,
  number,
  total,
  parties,
  editable,
  onMove,
  onDelete,
  onChanged,
}: {
  section: SectionView;
  number: number;
  total: number;
  parties: readonly Party[];
  /** False for an archived plan: everything is shown, nothing can change. */
  editable: boolean;
  onMove: (sectionId: string, toIndex: number, control: MoveControl) => void;
  onDelete: (section: SectionView) => void;
  onChanged: (message: string) => Promise<void>;
}) {
  const { t } = useTranslation();
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({
    id: section.id,
    disabled: !editable,
    attributes: { roleDescription: t('structure.dnd.roleDescription') },
  });
  const owners = parties.filter((p) => section.owners.includes(p.id));
  const required = parties.filter((p) => section.requiredParties.includes(p.id));
  const first = number === 1;
  const last = number === total;

  return (
    <li
      ref={setNodeRef}
      className="structure-row"
      style={{ transform: CSS.Translate.toString(transform), transition }}
      data-testid="structure.section"
      data-section-id={section.id}
      data-dragging={isDragging ? 'true' : undefined}
    >
      <div className="structure-row__main">
        {editable && (
          <button
            type="button"
            ref={setActivatorNodeRef}
            className="structure-row__handle"
            {...attributes}
            {...listeners}
            aria-label={t('structure.dragHandle', { title: section.title })}
            data-testid="structure.handle"
          >
            <DragVerticalIcon aria-hidden="true" />
          </button>
        )}
        <span className="structure-row__number" aria-hidden="true">
          {number}
        </span>
        <SectionTitle section={section} number={number} editable={editable} onChanged={onChanged} />
        {editable && (
          <div className="structure-row__actions">
            <Button
              variant="tertiary"
              data-size="sm"
              aria-disabled={first || undefined}
              aria-label={t('structure.moveUpNamed', { title: section.title })}
              onClick={() => !first && onMove(section.id, number - 2, 'up')}
              data-testid="structure.move-up"
              id={`move-up-${section.id}`}
            >
              <ArrowUpIcon aria-hidden="true" />
              {t('structure.moveUp')}
            </Button>
            <Button
              variant="tertiary"
              data-size="sm"
              aria-disabled={last || undefined}
              aria-label={t('structure.moveDownNamed', { title: section.title })}
              onClick={() => !last && onMove(section.id, number, 'down')}
              data-testid="structure.move-down"
              id={`move-down-${section.id}`}
            >
              <ArrowDownIcon aria-hidden="true" />
              {t('structure.moveDown')}
            </Button>
            <Button
              variant="tertiary"
              data-size="sm"
              data-color="danger"
              aria-label={t('structure.deleteNamed', { title: section.title })}
              onClick={() => onDelete(section)}
              data-testid="structure.delete"
            >
              {t('structure.delete')}
            </Button>
          </div>
        )}
      </div>
      <dl className="structure-row__facts">
        <dt>{t('structure.owners')}</dt>
        <dd data-testid="structure.owner-list">
          {owners.map((party) => (
            <PartyBadge key={party.id} party={party} />
          ))}
        </dd>
        <dt>{t('structure.required')}</dt>
        <dd>{required.map((p) => p.name).join(', ') || '–'}</dd>
        {(section.tags?.length ?? 0) > 0 && (
          <>
            <dt>{t('structure.tags')}</dt>
            <dd className="structure-row__tags">
              {section.tags?.map((tag) => (
                <Tag key={tag} data-size="sm" data-color="info">
                  {t(`patientGroup.${tag}`)}
                </Tag>
              ))}
            </dd>
          </>
        )}
      </dl>
      {editable && (
        <Details data-size="sm" data-testid="structure.settings-toggle">
          <Details.Summary>{t('structure.settings', { title: section.title })}</Details.Summary>
          <Details.Content>
            <SectionSettingsForm
              // A change from elsewhere (another administrator) starts the form afresh.
              key={[...section.owners, '|', ...section.requiredParties, '|', ...(section.tags ?? [])].join(',')}
              section={section}
              parties={parties}
              onSaved={() => onChanged(t('structure.settingsSaved', { title: section.title }))}
            />
          </Details.Content>
        </Details>
      )}
    </li>
  );
}

/** The section's title, or a field to rename it in place (Enter saves, Escape cancels). */
function SectionTitle({
  section,
  number,
  editable,
  onChanged,
}: {
  section: SectionView;
  number: number;
  editable: boolean;
  onChanged: (message: string) => Promise<void>;
}) {
  const { t } = useTranslation();
  const [renaming, setRenaming] = useState(false);
  const [title, setTitle] = useState(section.title);
  const [error, setError] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement | HTMLTextAreaElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const returnFocus = useRef(false);

  useEffect(() => {
    if (renaming) input.current?.focus();
    else if (returnFocus.current) {
      returnFocus.current = false;
      button.current?.focus();
    }
  }, [renaming]);

  function close() {
    returnFocus.current = true;
    setRenaming(false);
    setError(undefined);
  }

  async function save(event: FormEvent) {
    event.preventDefault();
    const next = title.trim();
    if (!next) {
      setError(t('form.titleRequired'));
      return;
    }
    if (next === section.title) return close();
    setBusy(true);
    try {
      await api.command('sections.rename', { sectionId: section.id, title: next });
      close();
      await onChanged(t('structure.renamed', { title: next }));
    } catch (err) {
      setError(err instanceof ApiError ? err.message : t('app.error'));
    } finally {
      setBusy(false);
    }
  }

  if (renaming) {
    return (
      <form
        className="structure-row__rename"
        onSubmit={(e) => void save(e)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.preventDefault();
            close();
          }
        }}
        noValidate
      >
        <Textfield
          ref={input}
          data-size="sm"
          label={t('structure.newTitle', { number })}
          value={title}
          onChange={(e) => setTitle(e.target.value)}
          error={error}
          maxLength={INPUT_LIMITS.title}
          data-testid="structure.rename.input"
        />
        <Button type="submit" data-size="sm" disabled={busy} data-testid="structure.rename.save">
          {t('app.save')}
        </Button>
        <Button type="button" data-size="sm" variant="tertiary" onClick={close}>
          {t('app.cancel')}
        </Button>
      </form>
    );
  }
  return (
    <div className="structure-row__title">
      <span className="structure-row__title-text" data-testid="structure.title">
        {section.title}
      </span>
      {editable && (
        <Button
          ref={button}
          variant="tertiary"
          data-size="sm"
          aria-label={t('structure.renameNamed', { title: section.title })}
          onClick={() => {
            setTitle(section.title);
            setRenaming(true);
          }}
          data-testid="structure.rename"
        >
          {t('structure.rename')}
        </Button>
      )}
    </div>
  );
}
