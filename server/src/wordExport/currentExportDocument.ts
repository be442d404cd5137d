import { stripDisallowedLinks, type TiptapJSON } from '@fellesplan/editor';
import { DomainError, FORUM_LABELS, type Forum, type PlanView, type VersionView } from '@fellesplan/domain';
import { loadPlanView } from '../queries/planView.js';
import type { AppContext } from '../routes/context.js';
import type { ExportDocument, ExportSection } from './exportDocument.js';

/** What an export says of a plan view: names for ids, words for the forum, stances grouped per section. */
export function exportDocumentOf(
  view: Pick<PlanView, 'title' | 'forum' | 'period' | 'parties' | 'sections'>,
  bodies: ReadonlyMap<string, TiptapJSON | null>,
  at: string,
  versionName: string | null,
): ExportDocument {
  const names = new Map(view.parties.map((p) => [p.id, p.name]));
  const name = (id: string) => names.get(id) ?? 'Ukjent part';
  const forum =
    view.forum && Object.hasOwn(FORUM_LABELS.nb, view.forum) ? FORUM_LABELS.nb[view.forum as Forum] : view.forum;
  return {
    title: view.title,
    forum: forum ?? null,
    period: view.period ?? null,
    at,
    versionName,
    parties: view.parties.map((p) => p.name),
    sections: view.sections.map((section): ExportSection => ({
      title: section.title,
      json: bodies.get(section.id) ?? null,
      locked: section.locked,
      consensus: section.markers.map((m) => ({
        party: name(m.partyId),
        stance: m.stance,
        note: m.note,
        stale: m.stale,
      })),
      waitingFor: section.requiredParties.filter((id) => !section.markers.some((m) => m.partyId === id)).map(name),
    })),
  };
}

/** The plan as it is now, bodies read from the live documents where they are open. */
export async function currentExportDocument(ctx: AppContext, planId: string): Promise<ExportDocument> {
  const view = await loadPlanView(ctx.db, ctx.content, planId);
  if (!view) throw new DomainError('not_found');
  const bodies = new Map<string, TiptapJSON | null>();
  for (const section of view.sections) {
    if (section.contentError || section.empty) continue;
    const { json } = await ctx.content.view(section.id);
    bodies.set(section.id, stripDisallowedLinks(json as TiptapJSON));
  }
  return exportDocumentOf(view, bodies, new Date().toISOString(), null);
}

/** A saved version as it was: its bodies, its markers with their staleness then, its name and time. */
export function versionExportDocument(version: VersionView): ExportDocument {
  const bodies = new Map(
    version.sections.map((s) => [s.id, s.json && !s.empty ? stripDisallowedLinks(s.json as TiptapJSON) : null]),
  );
  return exportDocumentOf(version, bodies, version.version.at, version.version.name);
}
