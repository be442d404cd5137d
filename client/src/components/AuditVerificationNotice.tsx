import { Alert, Paragraph } from '@digdir/designsystemet-react';
import type { AuditVerificationView, PlanView } from '@fellesplan/domain';
import { useTranslation } from 'react-i18next';

/** Whether the decision log still holds, said so a board member understands it (A1, A3, A4). */
export function AuditVerificationNotice({
  verification,
  plan,
}: {
  verification: AuditVerificationView;
  plan: PlanView | null;
}) {
  const { t } = useTranslation();
  const key = verification.signature.keyFingerprint;
  const sectionName = (sectionId: string | undefined) => {
    const index = plan?.sections.findIndex((s) => s.id === sectionId) ?? -1;
    const section = plan?.sections[index];
    return section ? `${index + 1} ${section.title}` : (sectionId ?? '');
  };

  function message(): string {
    if (verification.ok) {
      if (verification.events === 0) return t('audit.verifiedEmpty');
      return `${t('audit.verified', { count: verification.events })} ${t('audit.signedBy', { key })}`;
    }
    switch (verification.reason) {
      case 'signature':
        return t('audit.brokenSignature');
      case 'marker_mismatch':
        return t('audit.brokenMarkers', { section: sectionName(verification.sectionId) });
      case 'lock_mismatch':
        return t('audit.brokenLock', { section: sectionName(verification.sectionId) });
      case 'comment_mismatch':
        return t('audit.brokenComment', { section: sectionName(verification.sectionId) });
      default:
        return t('audit.broken', { id: verification.brokenAt ?? '' });
    }
  }

  return (
    <Alert
      data-color={verification.ok ? 'success' : 'danger'}
      data-testid="audit.verification"
      data-ok={verification.ok}
      data-reason={verification.ok ? undefined : verification.reason}
    >
      {message()}
      {!verification.ok && <Paragraph data-size="sm">{t('audit.serverKey', { key })}</Paragraph>}
    </Alert>
  );
}
