import { Alert, Button, Field, Label, Table, ValidationMessage } from '@digdir/designsystemet-react';
import { IMPORT_LIMITS, type ImportPreview } from '@fellesplan/domain';
import { useState } from 'react';
import { useTranslation } from '../i18n/useTranslation.js';
import { api, ApiError } from '../api/client.js';
import { SelectField } from '../components/SelectField.js';

/** A Word file read on the server, with the sections it would become. */
export interface WordImportChoice {
  file: File;
  preview: ImportPreview;
}

/**
 * The Word part of «Ny plan»: choose a .docx, see the sections the server proposes (titles, size,
 * what is left out), and choose the party that first owns them all; owners per section come after,
 * on the structure page.
 */
export function WordImportFields({
  fileId,
  fileError,
  choice,
  onChoice,
  owner,
  onOwner,
  parties,
}: {
  fileId: string;
  fileError?: string | undefined;
  choice: WordImportChoice | null;
  onChoice: (choice: WordImportChoice | null) => void;
  owner: string;
  onOwner: (partyId: string) => void;
  parties: readonly { id: string; name: string }[];
}) {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function preview() {
    if (!file) {
      setError(t('wordImport.fileRequired'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      onChoice({ file, preview: await api.importPreview(file) });
    } catch (failure) {
      setError(failure instanceof ApiError ? failure.message : t('app.error'));
      onChoice(null);
    } finally {
      setBusy(false);
    }
  }

  const shownError = error ?? fileError;
  return (
    <div className="word-import" data-testid="wordImport">
      <Field>
        <Label htmlFor={fileId}>{t('wordImport.file')}</Label>
        <Field.Description>
          {t('wordImport.fileHint', { limit: IMPORT_LIMITS.maxFileBytes / 1024 / 1024 })}
        </Field.Description>
        <input
          id={fileId}
          type="file"
          accept=".docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
          aria-invalid={shownError ? true : undefined}
          data-testid="wordImport.file"
          onChange={(e) => {
            setFile(e.target.files?.[0] ?? null);
            setError(null);
            onChoice(null);
          }}
        />
        {shownError && <ValidationMessage data-testid="wordImport.error">{shownError}</ValidationMessage>}
      </Field>
      <div className="form-actions">
        <Button
          type="button"
          variant="secondary"
          disabled={busy}
          onClick={() => void preview()}
          data-testid="wordImport.preview"
        >
          {busy ? t('wordImport.previewing') : t('wordImport.preview')}
        </Button>
      </div>
      {choice && (
        <>
          {choice.preview.warnings.map((warning) => (
            <Alert key={warning.code} data-color="warning" data-size="sm" data-testid="wordImport.warning">
              {t(`wordImport.warnings.${warning.code}`, { count: 'count' in warning ? warning.count : 0 })}
            </Alert>
          ))}
          <Table data-testid="wordImport.sections" data-size="sm">
            <caption>{t('wordImport.proposed', { count: choice.preview.sections.length })}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('wordImport.number')}</Table.HeaderCell>
                <Table.HeaderCell>{t('wordImport.sectionTitle')}</Table.HeaderCell>
                <Table.HeaderCell>{t('wordImport.size')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {choice.preview.sections.map((section, index) => (
                <Table.Row key={index} data-testid="wordImport.section">
                  <Table.Cell>{index + 1}</Table.Cell>
                  <Table.Cell>
                    {section.title}
                    {section.introduction && ` (${t('wordImport.introduction')})`}
                  </Table.Cell>
                  <Table.Cell>
                    {t('wordImport.characters', { count: section.characters })}
                    {section.images > 0 && ` · ${t('wordImport.images', { count: section.images })}`}
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
          <SelectField
            id={`${fileId}-owner`}
            label={t('wordImport.owner')}
            description={t('wordImport.ownerHint')}
            value={owner}
            onChange={onOwner}
            options={parties.map((party) => ({ value: party.id, label: party.name }))}
            testId="wordImport.owner"
          />
        </>
      )}
    </div>
  );
}
