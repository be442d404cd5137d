import { DEFAULT_PLAN_TEMPLATE, type Forum, type PartyKind } from '@fellesplan/domain';
import type { PartnershipSpec } from './seedPartnership.js';

export const DEMO_PASSWORD = 'demo';

/** The demo helsefellesskap of DESIGN 6.1. Names and logins are part of the public contract. */
export const DEMO_PARTIES: { key: PartyKind; name: string; email: string; person: string }[] = [
  { key: 'kommune', name: 'Demo kommune', email: 'kommune@demo.no', person: 'Kari Nordmann' },
  { key: 'helseforetak', name: 'Demo HF', email: 'hf@demo.no', person: 'Ola Hansen' },
  { key: 'fastlege', name: 'Fastlegene', email: 'fastlege@demo.no', person: 'Ingrid Berg' },
  { key: 'bruker', name: 'Brukerrådet', email: 'bruker@demo.no', person: 'Per Johansen' },
  { key: 'sekretariat', name: 'Sekretariatet', email: 'sekretariat@demo.no', person: 'Siri Larsen' },
];

// Realistic opening text, written after the public documents in shared/domain/sources.
const BODIES: Record<number, string> = {
  0: `## Bakgrunn

Regjeringen og KS ble i oktober 2019 enige om å etablere 19 helsefellesskap mellom kommuner og helseforetak. Målet er mer sammenhengende og bærekraftige helse- og omsorgstjenester til pasienter som trenger tjenester fra både spesialisthelsetjenesten og den kommunale helse- og omsorgstjenesten.

## Mandat

Partnerskapsmøtet ga i møte 14. mars 2027 strategisk samarbeidsutvalg (SSU) i oppdrag å utarbeide en felles utviklingsplan for perioden 2027–2030. Planen skal beskrive hvordan partene sammen skal planlegge og utvikle tjenestene, og den skal behandles i partnerskapsmøtet før den legges fram for kommunestyrene og styret i helseforetaket.

Planen er utarbeidet i fellesskap av kommunene, helseforetaket, fastlegene og brukerrepresentantene. Beslutninger tas etter konsensusprinsippet.`,
  1: `Helse- og omsorgstjenesteloven § 6-2 krever at samarbeidsavtalen mellom kommunen og helseforetaket beskriver hvordan partene skal planlegge og utvikle tjenester sammen.

- Meld. St. 7 (2019–2020) Nasjonal helse- og sykehusplan 2020–2023
- Prop. 102 L (2020–2021) om nytt krav til samarbeidsavtalen
- Avtale mellom regjeringen og KS om etablering av helsefellesskap (23. oktober 2019)
- Regional utviklingsplan og kommunenes planstrategier

Helsefellesskapene skal prioritere fire pasientgrupper: barn og unge, personer med alvorlige psykiske lidelser og rusproblemer, skrøpelige eldre og personer med flere kroniske lidelser.`,
  2: `Andelen innbyggere over 80 år vil nesten dobles i vårt område fram mot 2040. Samtidig blir det færre i yrkesaktiv alder per eldre, og det er allerede krevende å rekruttere sykepleiere og fastleger i flere av kommunene.

Evalueringer av samarbeidsavtalene viser at de har vært viktige for å tydeliggjøre ansvar og oppgavedeling, men at dialogen ofte har handlet om ansvarsdeling og økonomiske konsekvenser framfor felles utvikling av bedre tjenester.`,
  3: `Helsefellesskapet er organisert i en tredelt struktur:

- Partnerskapsmøtet, med toppledere fra kommunene og helseforetaket, møtes årlig og staker ut kursen.
- Strategisk samarbeidsutvalg (SSU) vedtar strategier og handlingsplaner.
- Faglige samarbeidsutvalg (FSU) utarbeider prosedyrer og tjenestemodeller.

Fastleger og brukere er representert på alle nivåer. Et felles sekretariat forbereder saker, holder prosessen i gang og ivaretar åpenhet og legitimitet.`,
  4: `Barn og unge med sammensatte behov skal få koordinerte tjenester uten brudd mellom kommunen og spesialisthelsetjenesten. Partene skal i planperioden etablere felles forløp for barn og unge med psykiske plager og rusmiddelproblemer.`,
  13: `Sekretariatet lager hvert år en årsrapport til partnerskapsmøtet med status for tiltakene i planen og for de fire prioriterte pasientgruppene.

Planen evalueres når halve perioden er gått. Midtveisevalueringen legges fram for strategisk samarbeidsutvalg høsten 2028.`,
};

export const DEMO_PARTNERSHIP = 'Demo helsefellesskap';

/** The demo plan as `plans.create` makes it (DESIGN 6.1). */
export const DEMO_PLAN = {
  title: 'Felles utviklingsplan 2027–2030',
  forum: 'ssu',
  period: '2027–2030',
} as const satisfies { title: string; forum: Forum; period: string };

/** Text of the first sections, by position in the default template. */
export function demoBodies(): Readonly<Record<number, string>> {
  return BODIES;
}

/** The demo helsefellesskap as one spec, for test fixtures that seed it directly (fast, no commands). */
export function demoPartnershipSpec(): PartnershipSpec {
  return {
    name: DEMO_PARTNERSHIP,
    parties: DEMO_PARTIES.map((p) => ({
      key: p.key,
      name: p.name,
      kind: p.key,
      users: [{ name: p.person, email: p.email, password: DEMO_PASSWORD }],
    })),
    plan: {
      title: DEMO_PLAN.title,
      forum: 'Strategisk samarbeidsutvalg',
      sections: DEFAULT_PLAN_TEMPLATE.map((section, index) => ({
        title: section.title,
        owners: section.ownerKinds,
        body: BODIES[index],
      })),
    },
  };
}
