import type { VersionSummaryView } from '@fellesplan/domain';

type Translate = (key: string, values?: Record<string, unknown>) => string;

/** A version's name as people read it: a lock's version is named after its section. */
export function versionLabel(version: Pick<VersionSummaryView, 'name' | 'kind'>, t: Translate): string {
  return version.kind === 'lock' ? t('versions.lockName', { name: version.name }) : version.name;
}

/** Where the comparison of a version with another (or with the plan now) is shown. */
export function comparePath(planId: string, from: string, to = 'now'): string {
  return `/plans/${encodeURIComponent(planId)}/compare?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`;
}
