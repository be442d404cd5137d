import { PATIENT_GROUPS, type PatientGroup } from './admin/vocabulary.js';
import { defaultRequiredParties, type TemplateSection } from './template.js';
import type { PartyKind } from './types.js';

/** A party as the structure of a plan needs it. */
export interface StructureParty {
  id: string;
  kind: PartyKind;
}

/** Who writes a section and whose stance it needs. */
export interface SectionParties {
  owners: string[];
  requiredParties: string[];
}

/** [PS2] A template section in a new plan: owners are the plan's parties of its kinds; every non-sekretariat party is required (O1). */
export function templateSectionParties(section: TemplateSection, parties: readonly StructureParty[]): SectionParties {
  return {
    owners: parties.filter((p) => section.ownerKinds.includes(p.kind)).map((p) => p.id),
    requiredParties: defaultRequiredParties(parties),
  };
}

/**
 * [PS3] A section copied into a new plan keeps the owners and required parties that take part in
 * the new plan. Owners that do not are replaced by the new plan's parties of the same kinds when
 * none is left (a plan for a new period often has a renamed kommune party); a section that required
 * the old plan's default parties requires the new plan's default parties.
 */
export function copiedSectionParties(
  section: { owners: readonly string[]; requiredParties: readonly string[] },
  from: readonly StructureParty[],
  to: readonly StructureParty[],
): SectionParties {
  const chosen = new Set(to.map((p) => p.id));
  let owners = section.owners.filter((id) => chosen.has(id));
  if (owners.length === 0) {
    const kinds = new Set(from.filter((p) => section.owners.includes(p.id)).map((p) => p.kind));
    owners = to.filter((p) => kinds.has(p.kind)).map((p) => p.id);
  }
  const requiredParties = sameSet(section.requiredParties, defaultRequiredParties(from))
    ? defaultRequiredParties(to)
    : section.requiredParties.filter((id) => chosen.has(id));
  return { owners, requiredParties };
}

/**
 * The plan's section order with `id` placed right after `afterId` (first when null, last when
 * `afterId` is undefined); `id` may be new or already in the list. Null if `afterId` is not a
 * section of the list (other than `id` itself).
 */
export function placeSection(
  order: readonly string[],
  id: string,
  afterId: string | null | undefined,
): string[] | null {
  if (afterId === id) return order.includes(id) ? [...order] : null;
  const rest = order.filter((s) => s !== id);
  if (afterId === undefined) return [...rest, id];
  if (afterId === null) return [id, ...rest];
  const index = rest.indexOf(afterId);
  if (index < 0) return null;
  return [...rest.slice(0, index + 1), id, ...rest.slice(index + 1)];
}

/** Tags in their canonical order, each once: equal choices are stored and logged alike. */
export function canonicalTags(tags: readonly string[]): PatientGroup[] {
  return PATIENT_GROUPS.filter((group) => tags.includes(group));
}

/** Ids each once, in the order first given. */
export function uniqueIds(ids: readonly string[]): string[] {
  return [...new Set(ids)];
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  const setA = new Set(a);
  const setB = new Set(b);
  return setA.size === setB.size && [...setA].every((x) => setB.has(x));
}
