import type { SectionStatus } from '@fellesplan/domain';
import {
  CheckmarkCircleFillIcon,
  CircleBrokenIcon,
  ExclamationmarkTriangleFillIcon,
  PadlockLockedFillIcon,
  PencilIcon,
} from '@navikt/aksel-icons';

const ICONS = {
  draft: PencilIcon,
  in_review: CircleBrokenIcon,
  disagreement: ExclamationmarkTriangleFillIcon,
  consensus: CheckmarkCircleFillIcon,
  locked: PadlockLockedFillIcon,
} satisfies Record<SectionStatus, unknown>;

/**
 * A shape per status, so status never rests on colour alone (WCAG 1.4.1). Decorative: the
 * status is always also given in words next to it or in its accessible name.
 */
export function StatusIcon({ status }: { status: SectionStatus }) {
  const Icon = ICONS[status];
  return <Icon aria-hidden="true" className={`status-icon status-icon--${status}`} />;
}
