import { sectionDocumentName, type PlanSummaryView, type SectionContentView } from '@fellesplan/domain';
import { readTextFromYDoc } from '@fellesplan/editor';
import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  afterProcessed,
  api,
  appendParagraph,
  command,
  connectProvider,
  rawCollabClient,
  storedSectionText,
  useFixture,
  waitFor,
  type FixturePartnership,
  type TestProvider,
} from '../testing/index.js';
import { findSessionUser } from '../auth/sessions.js';
import { loadAdminSection } from './adminTarget.js';
import { defineCommand } from './pipeline.js';

const f = useFixture();

const admin = () => f.token('sekretariat');

/** Every stateless `access` message a provider receives, in order. */
function accessMessages(client: TestProvider): boolean[] {
  const told: boolean[] = [];
  client.provider.on('stateless', ({ payload }: { payload: string }) => {
    const message = JSON.parse(payload) as { type?: string; readOnly?: boolean };
    if (message.type === 'access' && typeof message.readOnly === 'boolean') told.push(message.readOnly);
  });
  return told;
}

async function revision(sectionId: string): Promise<string> {
  const res = await api<SectionContentView>(f.url, `/api/sections/${sectionId}/content`, { token: admin() });
  return res.body.revision;
}

/** A hand-made update appending one paragraph, as a client that ignores read-only sends it. */
function sendParagraph(client: Awaited<ReturnType<typeof rawCollabClient>>, text: string): void {
  const doc = new Y.Doc();
  appendParagraph(doc, text);
  client.send((e) => {
    encoding.writeVarUint(e, 0);
    encoding.writeVarUint(e, 2);
    encoding.writeVarUint8Array(e, Y.encodeStateAsUpdate(doc));
  });
}

/** Every structural command, aimed at the given plan and section. */
function structuralCommands(planId: string, sectionId: string, partyId: string): [string, Record<string, unknown>][] {
  return [
    ['plans.update', { planId, title: 'Kapret' }],
    ['plans.archive', { planId }],
    ['sections.add', { planId, title: 'Kapret', owners: [partyId] }],
    ['sections.rename', { sectionId, title: 'Kapret' }],
    ['sections.move', { sectionId, afterSectionId: null }],
    ['sections.delete', { sectionId, reason: 'Kapret' }],
    ['sections.setOwners', { sectionId, owners: [partyId] }],
    ['sections.tag', { sectionId, tags: ['barn_og_unge'] }],
  ];
}

let partnership: FixturePartnership | undefined;
/** A helsefellesskap of its own: an administrator, a sekretariat member who is not one, and a kommune «admin». */
async function roles(): Promise<FixturePartnership> {
  partnership ??= await f.partnership({
    name: 'Rollehelsefellesskap',
    parties: [
      {
        key: 'sekretariat',
        name: 'Rollesekretariatet',
        kind: 'sekretariat',
        users: [
          { name: 'Ada Admin', email: 'admin@roller.no', password: 'roller', role: 'admin' },
          { name: 'Mia Medlem', email: 'medlem@roller.no', password: 'roller', role: 'member' },
        ],
      },
      {
        key: 'kommune',
        name: 'Rollekommune',
        kind: 'kommune',
        users: [{ name: 'Kai Kommune', email: 'kommune@roller.no', password: 'roller', role: 'admin' }],
      },
    ],
    plan: { title: 'Rolleplan', sections: [{ title: 'Innledning', owners: ['kommune'] }] },
  });
  return partnership;
}

describe('structure commands from outside their rights', () => {
  it('[PS1] members who are not sekretariat administrators get 403 for every structural command', async () => {
    const plan = await f.plan({ sections: ['Barn og unge'] });
    const section = plan.section('Barn og unge');
    for (const who of ['kommune', 'helseforetak', 'fastlege', 'bruker']) {
      for (const [name, input] of structuralCommands(plan.id, section.id, f.party('kommune'))) {
        const res = await command(f.url, f.token(who), name, input);
        expect([who, name, res.status, res.body.error?.code]).toEqual([who, name, 403, 'admin_only']);
      }
      const create = await command(f.url, f.token(who), 'plans.create', { title: 'X', partyIds: [f.party('kommune')] });
      expect(create.status).toBe(403);
    }
    // The admin role outside a sekretariat party, and a sekretariat member without it, are not enough.
    const own = await roles();
    for (const who of ['kommune@roller.no', 'medlem@roller.no']) {
      for (const [name, input] of structuralCommands(own.plan.id, own.section('Innledning').id, own.party('kommune'))) {
        const res = await command(f.url, own.token(who), name, input);
        expect([who, name, res.status]).toEqual([who, name, 403]);
      }
    }
    expect((await plan.view('kommune')).sections.map((s) => s.title)).toEqual(['Barn og unge']);
    expect(await api(f.url, `/api/plans/${plan.id}/audit`, { token: admin() })).toMatchObject({ body: [] });
  });

  it('[PS1] an administrator of another helsefellesskap finds nothing here (404), not even through a copy or a party', async () => {
    const plan = await f.plan({ sections: ['Barn og unge'] });
    const section = plan.section('Barn og unge');
    const own = await roles();
    const stranger = own.token('admin@roller.no');
    for (const [name, input] of structuralCommands(plan.id, section.id, own.party('kommune'))) {
      const res = await command(f.url, stranger, name, input);
      expect([name, res.status, res.body.error?.code]).toEqual([name, 404, 'not_found']);
    }
    const theirs = [
      { title: 'X', partyIds: [f.party('kommune')] },
      { title: 'X', partyIds: [own.party('kommune')], copyFromPlanId: plan.id },
    ];
    for (const input of theirs) expect((await command(f.url, stranger, 'plans.create', input)).status).toBe(404);
    // The other way round: our administrator cannot pull their parties or sections into our plans.
    const intoOurs: [string, Record<string, unknown>][] = [
      ['plans.update', { planId: plan.id, partyIds: [f.party('kommune'), own.party('kommune')] }],
      ['sections.rename', { sectionId: own.section('Innledning').id, title: 'Kapret' }],
      ['sections.add', { planId: own.plan.id, title: 'Kapret', owners: [own.party('kommune')] }],
    ];
    for (const [name, input] of intoOurs) {
      const res = await command(f.url, admin(), name, input);
      expect([name, res.status]).toEqual([name, 404]);
    }
    expect((await plan.view('kommune')).parties).toHaveLength(5);
    expect((await own.plan.view('kommune@roller.no')).sections.map((s) => s.title)).toEqual(['Innledning']);
  });

  it('[PS13] an owner removed while their editor is open: told read-only, their next update refused and never stored', async () => {
    const plan = await f.plan({ sections: ['Barn og unge'] });
    const section = plan.section('Barn og unge');
    const fastlege = connectProvider(f.url, f.token('fastlege'), section.documentName);
    const kommune = connectProvider(f.url, f.token('kommune'), section.documentName);
    await Promise.all([fastlege.synced(), kommune.synced()]);
    expect(await fastlege.ready).toBe('read-write');
    const told = accessMessages(fastlege);
    const raw = await rawCollabClient(f.url, section.documentName, f.token('fastlege'));
    await waitFor(() => raw.received.length > 0);
    const before = await revision(section.id);

    const res = await command(f.url, admin(), 'sections.setOwners', {
      sectionId: section.id,
      owners: [f.party('kommune'), f.party('helseforetak')],
    });
    expect(res.status).toBe(200);
    // The scope was decided again before the command answered; the message travels on the socket.
    await waitFor(() => told.length > 0);
    expect(told).toEqual([true]);
    appendParagraph(fastlege.doc, 'Fastlegen skriver etter at eierskapet ble tatt bort.');
    sendParagraph(raw, 'Rå klient etter at eierskapet ble tatt bort.');
    await afterProcessed(fastlege, kommune);
    appendParagraph(kommune.doc, 'Kommunen skriver videre.');
    await waitFor(async () => (await storedSectionText(f.db, section.id)).includes('Kommunen skriver videre.'));
    const stored = await storedSectionText(f.db, section.id);
    expect(stored).not.toMatch(/etter at eierskapet/);
    expect(readTextFromYDoc(kommune.doc)).not.toMatch(/etter at eierskapet/);
    expect(await revision(section.id)).not.toBe(before); // the kommune's edit, not the refused ones

    // Owner again: the same connection may write again, and is told so.
    expect(
      (await command(f.url, admin(), 'sections.setOwners', { sectionId: section.id, owners: [f.party('fastlege')] }))
        .status,
    ).toBe(200);
    await waitFor(() => told.at(-1) === false);
    const late = connectProvider(f.url, f.token('kommune'), section.documentName);
    expect(await late.ready).toBe('read-only');
    late.destroy();
    raw.close();
    fastlege.destroy();
    kommune.destroy();
  });

  it('[PS14] a party taken out of the plan loses its open plan page and section sockets at once, and the plan from its list', async () => {
    const plan = await f.plan({ sections: ['Brukermedvirkning'] });
    const section = plan.section('Brukermedvirkning');
    const page = connectProvider(f.url, f.token('bruker'), plan.documentName);
    const editor = connectProvider(f.url, f.token('bruker'), section.documentName);
    const kommune = connectProvider(f.url, f.token('kommune'), plan.documentName);
    await Promise.all([page.synced(), editor.synced(), kommune.synced()]);
    expect(await editor.ready).toBe('read-write');
    const before = await revision(section.id);

    const res = await command(f.url, admin(), 'plans.update', {
      planId: plan.id,
      partyIds: ['kommune', 'helseforetak', 'fastlege', 'sekretariat'].map((k) => f.party(k)),
    });
    expect(res.status).toBe(200);
    await waitFor(() => !page.provider.isAuthenticated && !editor.provider.isAuthenticated);
    appendParagraph(editor.doc, 'Brukerrådet etter at parten ble tatt ut.');
    const list = await api<PlanSummaryView[]>(f.url, '/api/plans', { token: f.token('bruker') });
    expect(list.body.map((p) => p.id)).not.toContain(plan.id);
    expect((await api(f.url, `/api/plans/${plan.id}`, { token: f.token('bruker') })).status).toBe(404);
    for (const name of [plan.documentName, section.documentName]) {
      const again = connectProvider(f.url, f.token('bruker'), name);
      await expect(again.ready).rejects.toThrow('forbidden');
      again.destroy();
    }
    // The kommune's plan page stays and shows the party gone.
    expect(kommune.provider.isAuthenticated).toBe(true);
    expect(await storedSectionText(f.db, section.id)).not.toContain('etter at parten ble tatt ut');
    expect(await revision(section.id)).toBe(before);
    page.destroy();
    editor.destroy();
    kommune.destroy();
  });

  it('[PS11] archiving turns open editors read-only at once; crafted updates and new connections cannot write', async () => {
    const plan = await f.plan({ sections: ['Barn og unge'] });
    const section = plan.section('Barn og unge');
    const owner = connectProvider(f.url, f.token('kommune'), section.documentName);
    const witness = connectProvider(f.url, f.token('helseforetak'), section.documentName);
    await Promise.all([owner.synced(), witness.synced()]);
    const told = accessMessages(owner);
    const raw = await rawCollabClient(f.url, section.documentName, f.token('helseforetak'));
    await waitFor(() => raw.received.length > 0);
    const before = await revision(section.id);

    expect((await command(f.url, admin(), 'plans.archive', { planId: plan.id })).status).toBe(200);
    await waitFor(() => told.length > 0);
    expect(told).toEqual([true]);
    appendParagraph(owner.doc, 'Skrevet i en arkivert plan.');
    sendParagraph(raw, 'Rå klient i en arkivert plan.');
    await afterProcessed(owner, witness);
    await afterProcessed(witness, owner);
    expect(readTextFromYDoc(witness.doc)).not.toContain('arkivert plan');
    expect(await storedSectionText(f.db, section.id)).not.toContain('arkivert plan');
    expect(await revision(section.id)).toBe(before);
    const late = connectProvider(f.url, f.token('kommune'), section.documentName);
    expect(await late.ready).toBe('read-only');
    const page = connectProvider(f.url, f.token('bruker'), plan.documentName);
    await page.synced();
    late.destroy();
    page.destroy();
    raw.close();
    owner.destroy();
    witness.destroy();
  });

  it('[PS11] an archive racing with marks, comments and structure: nothing lands after it', async () => {
    const plan = await f.plan({ sections: ['Barn og unge', 'Skrøpelige eldre'] });
    const barn = plan.section('Barn og unge').id;
    const eldre = plan.section('Skrøpelige eldre').id;
    const racing = [
      command(f.url, f.token('bruker'), 'sections.mark', { sectionId: barn, stance: 'agree' }),
      command(f.url, f.token('kommune'), 'threads.create', { sectionId: barn, body: 'Samtidig' }),
      command(f.url, admin(), 'sections.move', { sectionId: eldre, afterSectionId: null }),
      command(f.url, admin(), 'plans.archive', { planId: plan.id }),
      command(f.url, f.token('fastlege'), 'sections.mark', { sectionId: eldre, stance: 'abstain' }),
      command(f.url, admin(), 'sections.rename', { sectionId: barn, title: 'Samtidig' }),
    ];
    const replies = await Promise.all(racing);
    for (const reply of replies) expect([200, 409]).toContain(reply.status);
    const events = (await api<{ type: string }[]>(f.url, `/api/plans/${plan.id}/audit`, { token: admin() })).body;
    const archivedAt = events.findIndex((e) => e.type === 'plan.archived');
    expect(archivedAt).toBeGreaterThanOrEqual(0);
    expect(events.slice(archivedAt + 1)).toEqual([]);
    expect(replies.filter((r) => r.status === 200)).toHaveLength(events.length);
  });

  it('[PS11] a command that loaded its plan before an archive committed is refused in its transaction', async () => {
    const plan = await f.plan({ sections: ['Barn og unge'] });
    const sectionId = plan.section('Barn og unge').id;
    const actor = await findSessionUser(f.db, admin());
    if (!actor) throw new Error('no session');
    // Any plan command: this one archives the plan between its load and its transaction.
    const archivedMeanwhile = defineCommand({
      name: 'sections.rename',
      load: (ctx, who, input) => loadAdminSection(ctx, who, input.sectionId),
      authorize: () => null,
      async check() {
        expect((await command(f.url, admin(), 'plans.archive', { planId: plan.id })).status).toBe(200);
      },
      async change(trx, { input, target: { section } }) {
        await trx.updateTable('sections').set({ title: input.title }).where('id', '=', section.id).execute();
        return { result: { ok: true }, audit: { type: 'section.renamed', sectionId: section.id, payload: {} } };
      },
    });
    await expect(
      archivedMeanwhile.run(f.server.context, actor, { sectionId, title: 'Etter arkiveringen' }),
    ).rejects.toMatchObject({ code: 'plan_archived' });
    expect((await plan.view('kommune')).sections[0]?.title).toBe('Barn og unge');
  });

  it('[PS4] concurrent moves and adds leave one order: positions 0…n-1, every section once', async () => {
    const plan = await f.plan();
    const ids = plan.sections.map((s) => s.id);
    const moves = ids.map((id, index) =>
      command(f.url, admin(), 'sections.move', {
        sectionId: id,
        afterSectionId: ids[(index * 7) % ids.length] ?? null,
      }),
    );
    const adds = [0, 1, 2].map((n) =>
      command(f.url, admin(), 'sections.add', {
        planId: plan.id,
        title: `Samtidig ${n}`,
        afterSectionId: ids[n],
        owners: [f.party('kommune')],
      }),
    );
    const replies = await Promise.all([...moves, ...adds]);
    for (const reply of replies) expect(reply.status).toBe(200);
    const sections = (await plan.view('kommune')).sections;
    expect(sections.map((s) => s.position)).toEqual([...Array(ids.length + 3).keys()]);
    expect(new Set(sections.map((s) => s.id)).size).toBe(ids.length + 3);
  });

  it('[PS10] taking a party out races with making it an owner: no section is owned by a party outside the plan', async () => {
    const plan = await f.plan({ sections: ['Barn og unge', 'Skrøpelige eldre'] });
    const withoutBruker = ['kommune', 'helseforetak', 'fastlege', 'sekretariat'].map((k) => f.party(k));
    await Promise.all([
      command(f.url, admin(), 'plans.update', { planId: plan.id, partyIds: withoutBruker }),
      ...plan.sections.map((s) =>
        command(f.url, admin(), 'sections.setOwners', {
          sectionId: s.id,
          owners: [f.party('bruker'), f.party('kommune')],
          requiredParties: [f.party('bruker')],
        }),
      ),
    ]);
    const view = await plan.view('kommune');
    expect(view.parties.map((p) => p.id)).not.toContain(f.party('bruker'));
    for (const section of view.sections) {
      expect(section.owners).not.toContain(f.party('bruker'));
      expect(section.requiredParties).not.toContain(f.party('bruker'));
    }
  });

  it('[I1] crafted inputs: unknown fields, oversized lists, foreign ids and a deleted section as an anchor are refused', async () => {
    const plan = await f.plan({ sections: ['Innledning og mandat', 'Barn og unge'] });
    const section = plan.section('Barn og unge');
    const gone = plan.section('Innledning');
    expect((await command(f.url, admin(), 'sections.delete', { sectionId: gone.id })).status).toBe(200);
    const cases: [string, unknown, number][] = [
      ['sections.rename', { sectionId: section.id, title: 'X', locked: 1 }, 400],
      ['sections.rename', JSON.parse(`{"sectionId":"${section.id}","title":"X","__proto__":{"admin":true}}`), 400],
      ['sections.tag', { sectionId: section.id, tags: 'barn_og_unge' }, 400],
      ['sections.setOwners', { sectionId: section.id, owners: Array(201).fill(f.party('kommune')) }, 400],
      ['sections.move', { sectionId: section.id, afterSectionId: gone.id }, 409],
      ['sections.add', { planId: plan.id, title: 'X', owners: [f.party('kommune')], afterSectionId: gone.id }, 409],
      ['sections.move', { sectionId: section.id, afterSectionId: f.other.section('Innledning').id }, 409],
      ['plans.create', { title: 'X', partyIds: [f.party('kommune')], copyFromPlanId: '../../etc' }, 400],
      ['plans.update', { planId: plan.id, partyIds: [] }, 400],
      ['sections.delete', { sectionId: section.id, reason: 'a\u0000b' }, 400],
    ];
    for (const [name, input, status] of cases) {
      const res = await command(f.url, admin(), name, input);
      expect([name, JSON.stringify(input).slice(0, 80), res.status]).toEqual([
        name,
        JSON.stringify(input).slice(0, 80),
        status,
      ]);
    }
    // Duplicates are one: the owner list is a set.
    const dup = await command(f.url, admin(), 'sections.setOwners', {
      sectionId: section.id,
      owners: [f.party('kommune'), f.party('kommune')],
      requiredParties: [f.party('bruker'), f.party('bruker')],
    });
    expect(dup.status).toBe(200);
    expect(await plan.sectionView('Barn og unge', 'kommune')).toMatchObject({
      title: 'Barn og unge',
      owners: [f.party('kommune')],
      requiredParties: [f.party('bruker')],
    });
    expect((await api(f.url, '/api/health')).status).toBe(200);
  });

  it('[PS7] a socket to a section that is deleted closes, and a crafted client cannot write to it afterwards', async () => {
    const plan = await f.plan({ sections: ['Barn og unge'] });
    const section = plan.section('Barn og unge');
    const raw = await rawCollabClient(f.url, section.documentName, f.token('kommune'));
    await waitFor(() => raw.received.length > 0);
    const text = await storedSectionText(f.db, section.id);
    expect((await command(f.url, admin(), 'sections.delete', { sectionId: section.id })).status).toBe(200);
    sendParagraph(raw, 'Etter slettingen.');
    const again = await rawCollabClient(f.url, sectionDocumentName(section.id), f.token('kommune'));
    sendParagraph(again, 'Ny tilkobling etter slettingen.');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await storedSectionText(f.db, section.id)).toBe(text);
    raw.close();
    again.close();
  });
});
