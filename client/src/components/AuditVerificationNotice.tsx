import { Alert, Paragraph } from '@digdir/designsystemet-react';
import type { AuditEventView, AuditVerificationView, PlanView } from '@fellesplan/domain';
import { useTranslation } from '../i18n/useTranslation.js';

/**
 * Whether the decision log still holds, said so a board member understands it (A1, A3, A4); how
 * it is checked sits in a «Teknisk» fold for whoever asks.
 */
export function AuditVerificationNotice({
  verification,
  plan,
  events = [],
}: {
  verification: AuditVerificationView;
  plan: PlanView | null;
  /** The log as loaded: a broken event is named by its number in the log, not its database id. */
  events?: readonly AuditEventView[];
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
      return t('audit.verified', { count: verification.events });
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
      default: {
        const broken = events.find((e) => e.id === verification.brokenAt);
        return broken ? t('audit.brokenAtEvent', { number: broken.seq }) : t('audit.broken');
      }
    }
  }

  return (
    <Alert
      data-color={verification.ok ? 'success' : 'danger'}
      data-testid="audit.verification"
      data-ok={verification.ok}
      data-reason={verification.ok ? undefined : verification.reason}
    >
      <Paragraph data-size="sm" data-testid="audit.verification-line">
        {message()}
      </Paragraph>
      <details className="audit-page__technical">
        <summary>{t('audit.technical')}</summary>
        <Paragraph data-size="sm">{t('audit.technicalBody')}</Paragraph>
        <Paragraph data-size="sm">
          {verification.ok ? t('audit.signedBy', { key }) : t('audit.serverKey', { key })}
        </Paragraph>
      </details>
    </Alert>
  );
}
