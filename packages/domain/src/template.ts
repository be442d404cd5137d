import type { PartyKind } from './types.js';

export interface TemplateSection {
  title: string;
  /** Kinds of party that write the section; every party of such a kind becomes an owner. */
  ownerKinds: PartyKind[];
}

/** The default outline of a felles utviklingsplan (BRIEF.md), in plan order. */
export const DEFAULT_PLAN_TEMPLATE: readonly TemplateSection[] = [
  { title: 'Innledning og mandat', ownerKinds: ['sekretariat'] },
  { title: 'Nasjonale og lokale føringer', ownerKinds: ['sekretariat'] },
  { title: 'Kunnskapsgrunnlag og utfordringsbilde', ownerKinds: ['kommune', 'helseforetak'] },
  { title: 'Samarbeidsstruktur og organisering', ownerKinds: ['kommune', 'helseforetak'] },
  { title: 'Barn og unge', ownerKinds: ['kommune', 'helseforetak', 'fastlege'] },
  {
    title: 'Personer med alvorlige psykiske lidelser og rusproblemer',
    ownerKinds: ['kommune', 'helseforetak', 'fastlege'],
  },
  { title: 'Skrøpelige eldre', ownerKinds: ['kommune', 'helseforetak', 'fastlege'] },
  { title: 'Personer med flere kroniske lidelser', ownerKinds: ['kommune', 'helseforetak', 'fastlege'] },
  { title: 'Akuttmedisinsk kjede', ownerKinds: ['helseforetak', 'kommune'] },
  { title: 'Digitalisering og velferdsteknologi', ownerKinds: ['kommune', 'helseforetak'] },
  { title: 'Kompetanse og rekruttering', ownerKinds: ['kommune', 'helseforetak'] },
  { title: 'Brukermedvirkning', ownerKinds: ['bruker', 'kommune', 'helseforetak'] },
  { title: 'Økonomi og samhandlingsbudsjett', ownerKinds: ['kommune', 'helseforetak'] },
  { title: 'Oppfølging, evaluering og årsrapport', ownerKinds: ['sekretariat'] },
];

/** [O1] By default every party except the sekretariat must take a stance on every section. */
export function defaultRequiredParties(parties: readonly { id: string; kind: PartyKind }[]): string[] {
  return parties.filter((p) => p.kind !== 'sekretariat').map((p) => p.id);
}
