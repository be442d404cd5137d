import { DomainError, HEARING_LIMITS } from '@fellesplan/domain';

/** [HR3] A deadline a hearing may be given at `now`: ahead of it, and at most two years ahead. */
export function checkDeadline(deadline: string, now: Date): void {
  const at = Date.parse(deadline);
  if (at <= now.getTime()) throw new DomainError('deadline_in_past');
  if (at > now.getTime() + HEARING_LIMITS.maxDeadlineDays * 24 * 3600 * 1000) throw new DomainError('deadline_too_far');
}

/** Where the public page of a hearing is: the link the sekretariat sends out. */
export function hearingUrl(baseUrl: string, publicToken: string): string {
  return `${baseUrl}/horing/${publicToken}`;
}
