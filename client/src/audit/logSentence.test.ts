import { AUDIT_EVENT_TYPES, type AuditEventType, type AuditEventView } from '@fellesplan/domain';
import { describe, expect, it } from 'vitest';
import { testTranslator } from '../i18n/testTranslator.js';
import { logSentence, type LogNames } from './logSentence.js';

const names: LogNames = {
  sections: [
    { id: 's1', title: 'Innledning og mandat' },
    { id: 's2', title: 'Nasjonale og lokale føringer' },
    { id: 's3', title: 'Kunnskapsgrunnlag og utfordringsbilde' },
    { id: 's4', title: 'Samarbeidsstruktur og organisering' },
    { id: 's5', title: 'Barn og unge' },
  ],
  parties: [
    { id: 'kommune', name: 'Demo kommune' },
    { id: 'hf', name: 'Demo HF' },
    { id: 'bruker', name: 'Brukerrådet' },
  ],
};

const translator = testTranslator;

/** A realistic payload of each event type, as the server writes it (docs/SPEC.md). */
const PAYLOADS: Record<AuditEventType, Record<string, unknown>> = {
  'section.marked': { stance: 'reservation', note: 'Forutsetter politisk behandling', revision: 'r1', markerId: 'm1' },
  'section.locked': { revision: 'r1' },
  'section.unlocked': { reason: 'Ny statistikk må inn', revision: 'r1' },
  'section.text_changed': {
    revision: 'r2',
    staleParties: ['kommune', 'hf', 'bruker'],
    staleMarkers: [
      { partyId: 'kommune', stance: 'agree', markerId: 'm1', revision: 'r1' },
      { partyId: 'hf', stance: 'agree', markerId: 'm2', revision: 'r1' },
      { partyId: 'bruker', stance: 'reservation', markerId: 'm3', revision: 'r1' },
    ],
  },
  'thread.created': { threadId: 't1', commentId: 'c1', quote: 'felles forløp', body: 'Hvem eier forløpet?' },
  'thread.replied': { threadId: 't1', commentId: 'c2', body: 'Kommunen, foreslår vi.' },
  'thread.resolved': { threadId: 't1' },
  'thread.reopened': { threadId: 't1' },
  'comment.edited': { threadId: 't1', commentId: 'c1', previousBody: 'Hvem eier?', body: 'Hvem eier forløpet?' },
  'comment.deleted': { threadId: 't1', commentId: 'c1', previousBody: 'Feil tråd' },
  'plan.created': { title: 'Felles utviklingsplan 2027–2030', template: 'default' },
  'plan.updated': {
    title: { from: 'Utkast', to: 'Felles utviklingsplan' },
    forum: { from: null, to: 'ssu' },
    addedParties: ['bruker'],
    removedParties: [],
  },
  'plan.archived': { title: 'Felles utviklingsplan 2027–2030' },
  'section.added': { title: 'Barn og unge', position: 4, afterSectionId: 's4', owners: ['kommune'] },
  'section.renamed': { from: 'Barn', to: 'Barn og unge' },
  'section.moved': { from: 1, to: 4, afterSectionId: 's4' },
  'section.deleted': { title: 'Gammel seksjon', reason: 'Dekket av seksjon 3', markers: 1 },
  'section.owners_set': { owners: ['kommune', 'hf'], previousOwners: ['kommune'], requiredParties: ['kommune', 'hf'] },
  'section.tagged': { tags: ['barn_og_unge'], previous: [] },
  'version.created': { versionId: 'v1', name: 'Versjon til styremøtet 12.03.2027', kind: 'named' },
  'section.restored': { versionId: 'v1', versionName: 'Høringsutkast', fromRevision: 'r2', revision: 'r1' },
  'adoption.sent': { roundId: 'a1', versionId: 'v1', versionName: 'Endelig plan', note: null },
  'adoption.recorded': {
    roundId: 'a1',
    versionId: 'v1',
    partyId: 'kommune',
    body: 'Kommunestyret',
    date: '2027-06-19',
    caseNumber: '45/27',
    outcome: 'vedtatt_med_endringer',
    note: 'Med tillegg om legevakt',
    correction: false,
  },
  'hearing.published': {
    hearingId: 'h1',
    title: 'Høring om utviklingsplanen',
    deadline: '2026-11-13T22:59:00.000Z',
    versionId: 'v1',
    publishResponses: 'after_deadline',
  },
  'hearing.extended': {
    hearingId: 'h1',
    from: '2026-11-13T22:59:00.000Z',
    to: '2026-11-18T22:59:00.000Z',
    reason: 'Kommunestyret møtes 17. november',
  },
  'hearing.closed': {
    hearingId: 'h1',
    title: 'Høring om utviklingsplanen',
    reason: null,
    deadline: '2026-11-18T22:59:00.000Z',
  },
  'hearing.publication_set': { hearingId: 'h1', from: 'after_deadline', to: 'immediately' },
  'hearing.response_received': {
    hearingId: 'h1',
    responseId: 'r1',
    reference: 'H1-001',
    name: 'Kari Nordmann',
    organisation: 'Eldrerådet',
    partyId: null,
    remarks: 2,
  },
  'response.withheld': { responseId: 'r1', hearingId: 'h1', reference: 'H1-001', reason: 'Helseopplysninger' },
  'response.redacted': {
    responseId: 'r1',
    hearingId: 'h1',
    reference: 'H1-001',
    reason: 'Navn på pasient',
    statement: true,
    remarkIds: [],
  },
  'response.published': { responseId: 'r1', hearingId: 'h1', reference: 'H1-001', reason: 'Feil ved tilbakeholding' },
  'remark.assessed': {
    remarkId: 'm1',
    hearingId: 'h1',
    assessment: 'delvis_tatt_til_folge',
    justification: 'Fristen flyttes, men ikke til 2028',
    previousAssessment: null,
    previousJustification: null,
  },
  'remark.applied': {
    remarkId: 'm1',
    hearingId: 'h1',
    quote: 'innen 2027',
    proposedText: 'innen utgangen av 2027',
    fromRevision: 'r1',
    revision: 'r2',
  },
};

/** Events of the plan or of a hearing as a whole, not of one section. */
const planWide = (type: AuditEventType) => /^(plan|hearing|response|adoption)\./.test(type);

function event(type: AuditEventType, overrides: Partial<AuditEventView> = {}): AuditEventView {
  return {
    id: 1,
    seq: 1,
    type,
    at: '2027-03-14T10:00:00.000Z',
    actor: { userId: 'u1', name: 'Per Johansen', partyId: 'bruker', partyName: 'Brukerrådet' },
    sectionId: planWide(type) ? null : 's5',
    sectionTitle: planWide(type) ? null : '5 Barn og unge',
    payload: PAYLOADS[type],
    hash: 'h',
    prevHash: 'p',
    ...overrides,
  };
}

describe('logSentence', () => {
  for (const language of ['nb', 'nn'] as const) {
    it(`says every event type as a plain sentence naming its section, never a code (${language})`, async () => {
      const t = await translator(language);
      for (const type of AUDIT_EVENT_TYPES) {
        const sentence = logSentence(event(type), names, t);
        expect(sentence, type).not.toContain(type);
        expect(sentence, type).not.toMatch(/audit\.|\{\{|undefined|NaN/);
        // A response from outside is the respondent's, who has no party in the plan.
        if (type === 'hearing.response_received') expect(sentence).toContain('Kari Nordmann, Eldrerådet');
        else expect(sentence, type).toContain('Brukerrådet');
        if (type === 'section.deleted') expect(sentence).toContain('Gammel seksjon');
        else if (type === 'section.moved') expect(sentence).toContain('«Barn og unge»');
        else if (type === 'version.created') expect(sentence).toContain('«Versjon til styremøtet 12.03.2027»');
        else if (!planWide(type)) expect(sentence, type).toContain('5 Barn og unge');
      }
    });
  }

  it('says stances, locks and reasons in bokmål', async () => {
    const t = await translator('nb');
    expect(logSentence(event('section.marked'), names, t)).toBe(
      'Brukerrådet (Per Johansen) var enig med forbehold i 5 Barn og unge: «Forutsetter politisk behandling»',
    );
    const hf = { userId: 'u2', name: 'Kari', partyId: 'hf', partyName: 'Demo HF' };
    expect(logSentence(event('section.locked', { actor: hf }), names, t)).toBe('Demo HF (Kari) låste 5 Barn og unge');
    expect(logSentence(event('section.unlocked'), names, t)).toBe(
      'Brukerrådet (Per Johansen) gjenåpnet 5 Barn og unge: «Ny statistikk må inn»',
    );
    expect(logSentence(event('thread.created'), names, t)).toBe(
      'Brukerrådet (Per Johansen) startet en kommentartråd i 5 Barn og unge: «Hvem eier forløpet?»',
    );
    expect(logSentence(event('plan.updated'), names, t)).toBe(
      'Brukerrådet (Per Johansen) endret planen: ny tittel «Felles utviklingsplan», forum Strategisk samarbeidsutvalg (SSU) og tok inn Brukerrådet',
    );
    expect(logSentence(event('section.moved'), names, t)).toBe(
      'Brukerrådet (Per Johansen) flyttet seksjonen «Barn og unge» fra nummer 2 til nummer 5',
    );
  });

  it('[AD6] says who sent which version for adoption, and each party’s decision, also when corrected', async () => {
    const t = await translator('nb');
    expect(logSentence(event('adoption.sent'), names, t)).toBe(
      'Brukerrådet (Per Johansen) sendte versjonen «Endelig plan» til vedtak hos partene',
    );
    expect(logSentence(event('adoption.recorded'), names, t)).toBe(
      'Brukerrådet (Per Johansen) registrerte vedtaket til Demo kommune: Kommunestyret vedtok planen med endringer 19.06.2027 (sak 45/27): «Med tillegg om legevakt»',
    );
    const corrected = {
      ...PAYLOADS['adoption.recorded'],
      correction: true,
      caseNumber: null,
      note: null,
      outcome: 'ikke_vedtatt',
    };
    expect(logSentence(event('adoption.recorded', { payload: corrected }), names, await translator('nn'))).toBe(
      'Brukerrådet (Per Johansen) retta vedtaket til Demo kommune: Kommunestyret vedtok ikkje planen 19.06.2027',
    );
  });

  it('says the same in nynorsk', async () => {
    const t = await translator('nn');
    expect(logSentence(event('section.marked'), names, t)).toBe(
      'Brukerrådet (Per Johansen) var samd med atterhald i 5 Barn og unge: «Forutsetter politisk behandling»',
    );
    expect(logSentence(event('section.unlocked'), names, t)).toBe(
      'Brukerrådet (Per Johansen) opna 5 Barn og unge att: «Ny statistikk må inn»',
    );
    expect(logSentence(event('comment.edited'), names, t)).toBe(
      'Brukerrådet (Per Johansen) endra ein kommentar i 5 Barn og unge frå «Hvem eier?» til «Hvem eier forløpet?»',
    );
  });

  it('tells how many parties had agreed when the text changed, and who they were', async () => {
    const kommune = { userId: 'u3', name: 'Kari Nordmann', partyId: 'kommune', partyName: 'Demo kommune' };
    const changed = event('section.text_changed', { actor: kommune });
    expect(logSentence(changed, names, await translator('nb'))).toBe(
      'Teksten i 5 Barn og unge ble endret av Demo kommune (Kari Nordmann) etter at 3 parter var enige (Demo kommune, Demo HF og Brukerrådet)',
    );
    expect(logSentence(changed, names, await translator('nn'))).toBe(
      'Teksten i 5 Barn og unge vart endra av Demo kommune (Kari Nordmann) etter at 3 partar var samde (Demo kommune, Demo HF og Brukerrådet)',
    );
    const disagreed = event('section.text_changed', {
      actor: kommune,
      payload: { revision: 'r2', staleParties: ['hf'], staleMarkers: [{ partyId: 'hf', stance: 'disagree' }] },
    });
    expect(logSentence(disagreed, names, await translator('nb'))).toBe(
      'Teksten i 5 Barn og unge ble endret av Demo kommune (Kari Nordmann) etter at 1 part hadde tatt standpunkt (Demo HF)',
    );
  });

  it('names a section that has left the plan by the title the log kept', async () => {
    const gone = event('section.locked', { sectionId: 'gone', sectionTitle: 'Gammel seksjon' });
    expect(logSentence(gone, names, await translator('nb'))).toBe('Brukerrådet (Per Johansen) låste Gammel seksjon');
  });

  it('keeps comment events from before texts were logged readable', async () => {
    const old = event('comment.edited', { payload: { threadId: 't1', commentId: 'c1' } });
    expect(logSentence(old, names, await translator('nb'))).toBe(
      'Brukerrådet (Per Johansen) endret en kommentar i 5 Barn og unge',
    );
  });
});
