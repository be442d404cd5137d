import { demoPartnershipSpec } from '../demo/demoPlan.js';
import type { PartnershipSpec } from '../demo/seedPartnership.js';

/**
 * The demo helsefellesskap as tests seed it: like the demo, but every section has a line of text,
 * since a party may take no stance on an empty section ([C5]) and most tests mark sections.
 */
export function testPartnershipSpec(): PartnershipSpec {
  const spec = demoPartnershipSpec();
  return {
    ...spec,
    plan: {
      ...spec.plan,
      sections: spec.plan.sections.map((s) => ({ ...s, body: s.body ?? `Utkast til ${s.title.toLowerCase()}.` })),
    },
  };
}
