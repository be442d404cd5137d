import type { AuditEventView, PlanView, SectionContentView } from '@fellesplan/domain';
import { readProjection } from '@fellesplan/editor';
import { describe, expect, it } from 'vitest';
import { api, command, connectProvider, useFixture, waitFor, type FixturePlan } from '../testing/index.js';

const f = useFixture();

const admin = () => f.token('sekretariat');

/** Every section's content revision, as `GET /api/sections/:id/content` reports it. */
async function revisions(plan: FixturePlan): Promise<Record<string, string>> {
  const result: Record<string, string> = {};
  for (const section of plan.sections) {
    const res = await api<SectionContentView>(f.url, `/api/sections/${section.id}/content`, {
      token: f.token('kommune'),
    });
    if (res.status === 200) result[section.id] = res.body.revision;
  }
  return result;
}

async function auditTypes(plan: FixturePlan): Promise<AuditEventView[]> {
  const res = await api<AuditEventView[]>(f.url, `/api/plans/${plan.id}/audit`, { token: f.token('kommune') });
  return res.body;
}

async function verified(plan: FixturePlan): Promise<boolean> {
  const res = await api<{ ok: boolean }>(f.url, `/api/plans/${plan.id}/audit/verify`, { token: f.token('bruker') });
  return res.body.ok;
}

const titles = (view: PlanView) => view.sections.map((s) => s.title);

describe('section structure commands', () => {
  it('[PS4] sections.add puts an empty section after another one or last, with default required parties', async () => {
    const plan = await f.plan({ sections: ['Innledning og mandat', 'Barn og unge', 'Skrøpelige eldre'] });
    const before = await revisions(plan);
    const added = await command(f.url, admin(), 'sections.add', {
      planId: plan.id,
      title: 'Legevakt og KAD-senger',
      afterSectionId: plan.section('Innledning').id,
      owners: [f.party('kommune'), f.party('helseforetak')],
      tags: ['skropelige_eldre', 'barn_og_unge', 'skropelige_eldre'],
    });
    expect(added.status).toBe(200);
    const id = added.body.id as string;
    const last = await command(f.url, admin(), 'sections.add', {
      planId: plan.id,
      title: 'Evaluering',
      owners: [f.party('sekretariat')],
      requiredParties: [f.party('kommune')],
    });
    expect(last.status).toBe(200);
    const first = await command(f.url, admin(), 'sections.add', {
      planId: plan.id,
      title: 'Sammendrag',
      afterSectionId: null,
      owners: [f.party('sekretariat')],
    });
    expect(first.status).toBe(200);

    const view = await plan.view('bruker');
    expect(titles(view)).toEqual([
      'Sammendrag',
      'Innledning og mandat',
      'Legevakt og KAD-senger',
      'Barn og unge',
      'Skrøpelige eldre',
      'Evaluering',
    ]);
    expect(view.sections.map((s) => s.position)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(view.sections[2]).toMatchObject({
      id,
      owners: [f.party('kommune'), f.party('helseforetak')],
      requiredParties: [f.party('kommune'), f.party('helseforetak'), f.party('fastlege'), f.party('bruker')],
      tags: ['barn_og_unge', 'skropelige_eldre'],
      status: 'draft',
      markers: [],
    });
    expect(view.sections[5]?.requiredParties).toEqual([f.party('kommune')]);
    // The new section's body is empty and an owner can write it.
    const content = await api<SectionContentView>(f.url, `/api/sections/${id}/content`, { token: f.token('bruker') });
    expect(content.body.text).toBe('');
    const owner = connectProvider(f.url, f.token('kommune'), `section:${id}`);
    expect(await owner.ready).toBe('read-write');
    owner.destroy();
    expect(await revisions(plan)).toEqual(before);
    expect((await auditTypes(plan)).map((e) => e.type)).toEqual(['section.added', 'section.added', 'section.added']);
    expect(await verified(plan)).toBe(true);
  });

  it('[PS5] rename, move, tag and setOwners change structure only: text, revisions and markers stay', async () => {
    const plan = await f.plan({ sections: ['Innledning og mandat', 'Nasjonale og lokale føringer', 'Barn og unge'] });
    const barn = plan.section('Barn og unge');
    const mark = await command(f.url, f.token('bruker'), 'sections.mark', {
      sectionId: barn.id,
      stance: 'agree',
    });
    expect(mark.status).toBe(200);
    const before = await revisions(plan);
    const textBefore = (
      await api<SectionContentView>(f.url, `/api/sections/${barn.id}/content`, { token: f.token('kommune') })
    ).body;

    const steps: [string, Record<string, unknown>][] = [
      ['sections.rename', { sectionId: barn.id, title: 'Barn og unge (0–18 år)' }],
      ['sections.move', { sectionId: barn.id, afterSectionId: null }],
      ['sections.move', { sectionId: plan.section('Innledning').id, afterSectionId: barn.id }],
      ['sections.tag', { sectionId: barn.id, tags: ['barn_og_unge', 'psykisk_rus'] }],
      ['sections.setOwners', { sectionId: barn.id, owners: [f.party('kommune')] }],
    ];
    for (const [name, input] of steps) {
      const res = await command(f.url, admin(), name, input);
      expect(res.status, `${name}: ${JSON.stringify(res.body)}`).toBe(200);
      expect(await revisions(plan)).toEqual(before);
    }

    const view = await plan.view('kommune');
    expect(titles(view)).toEqual(['Barn og unge (0–18 år)', 'Innledning og mandat', 'Nasjonale og lokale føringer']);
    expect(view.sections[0]).toMatchObject({
      tags: ['barn_og_unge', 'psykisk_rus'],
      owners: [f.party('kommune')],
      status: 'in_review',
    });
    expect(view.sections[0]?.markers.map((m) => [m.partyId, m.stance, m.stale])).toEqual([
      [f.party('bruker'), 'agree', false],
    ]);
    const textAfter = (
      await api<SectionContentView>(f.url, `/api/sections/${barn.id}/content`, { token: f.token('kommune') })
    ).body;
    expect(textAfter).toEqual(textBefore);

    const events = await auditTypes(plan);
    expect(events.map((e) => e.type)).toEqual([
      'section.marked',
      'section.renamed',
      'section.moved',
      'section.moved',
      'section.tagged',
      'section.owners_set',
    ]);
    expect(events[1]?.payload).toEqual({ from: 'Barn og unge', to: 'Barn og unge (0–18 år)' });
    expect(events[2]?.payload).toEqual({ from: 2, to: 0, afterSectionId: null });
    expect(events[5]?.payload).toMatchObject({
      owners: [f.party('kommune')],
      previousOwners: expect.arrayContaining([f.party('kommune'), f.party('helseforetak'), f.party('fastlege')]),
    });
    expect(await verified(plan)).toBe(true);
  });

  it('[PS6] required parties no longer required keep their markers, shown, but they do not count (C3)', async () => {
    const plan = await f.plan({ sections: ['Skrøpelige eldre'] });
    const section = plan.section('Skrøpelige eldre');
    const { replies } = await plan.agreeAll('Skrøpelige eldre');
    expect(replies.map((r) => r.status)).toEqual([200, 200, 200, 200]);
    const disagree = await command(f.url, f.token('bruker'), 'sections.mark', {
      sectionId: section.id,
      stance: 'disagree',
      note: 'Brukerne er ikke hørt.',
    });
    expect(disagree.status).toBe(200);
    expect((await plan.sectionView('Skrøpelige eldre', 'kommune')).status).toBe('disagreement');

    const res = await command(f.url, admin(), 'sections.setOwners', {
      sectionId: section.id,
      owners: [f.party('kommune'), f.party('helseforetak')],
      requiredParties: [f.party('kommune'), f.party('helseforetak'), f.party('fastlege')],
    });
    expect(res.status).toBe(200);
    const view = await plan.sectionView('Skrøpelige eldre', 'kommune');
    expect(view.status).toBe('consensus');
    expect(view.markers.find((m) => m.partyId === f.party('bruker'))?.stance).toBe('disagree');
  });

  it('[PS7] sections.delete hides the section, its threads and its socket; a section with markers needs a reason', async () => {
    const plan = await f.plan({ sections: ['Innledning og mandat', 'Barn og unge', 'Skrøpelige eldre'] });
    const barn = plan.section('Barn og unge');
    const thread = await command(f.url, f.token('kommune'), 'threads.create', {
      sectionId: barn.id,
      body: 'Skal vi ta med skolehelsetjenesten?',
    });
    expect(thread.status).toBe(200);
    const reader = connectProvider(f.url, f.token('bruker'), barn.documentName);
    await reader.synced();
    expect(
      (await command(f.url, f.token('bruker'), 'sections.mark', { sectionId: barn.id, stance: 'abstain' })).status,
    ).toBe(200);

    const noReason = await command(f.url, admin(), 'sections.delete', { sectionId: barn.id });
    expect(noReason.status).toBe(409);
    expect(noReason.body.error?.code).toBe('delete_reason_required');
    const blank = await command(f.url, admin(), 'sections.delete', { sectionId: barn.id, reason: '   ' });
    expect(blank.status).toBe(409);
    expect(blank.body.error?.code).toBe('delete_reason_required');

    const deleted = await command(f.url, admin(), 'sections.delete', {
      sectionId: barn.id,
      reason: 'Slått sammen med «Skrøpelige eldre» etter SSU-møtet.',
    });
    expect(deleted.status).toBe(200);
    // The open socket is closed and cannot come back.
    await waitFor(() => !reader.provider.isAuthenticated);
    const again = connectProvider(f.url, f.token('kommune'), barn.documentName);
    await expect(again.ready).rejects.toThrow();
    again.destroy();
    reader.destroy();

    const view = await plan.view('kommune');
    expect(titles(view)).toEqual(['Innledning og mandat', 'Skrøpelige eldre']);
    expect(view.sections.map((s) => s.position)).toEqual([0, 1]);
    const threads = await api<unknown[]>(f.url, `/api/plans/${plan.id}/threads`, { token: f.token('kommune') });
    expect(threads.body).toEqual([]);
    const content = await api(f.url, `/api/sections/${barn.id}/content`, { token: f.token('kommune') });
    expect(content.status).toBe(404);
    for (const [who, name, input] of [
      [f.token('kommune'), 'sections.mark', { sectionId: barn.id, stance: 'agree' }],
      [f.token('kommune'), 'threads.reply', { threadId: thread.body.id, body: 'Svar' }],
      [admin(), 'sections.rename', { sectionId: barn.id, title: 'Tilbake' }],
      [admin(), 'sections.delete', { sectionId: barn.id, reason: 'igjen' }],
    ] as const) {
      const res = await command(f.url, who, name, input);
      expect(res.status, name).toBe(404);
    }
    const plans = await api<{ id: string; sectionCount: number }[]>(f.url, '/api/plans', { token: f.token('kommune') });
    expect(plans.body.find((p) => p.id === plan.id)?.sectionCount).toBe(2);

    const events = await auditTypes(plan);
    const deletion = events.find((e) => e.type === 'section.deleted');
    expect(deletion).toMatchObject({
      sectionId: barn.id,
      sectionTitle: 'Barn og unge',
      payload: { title: 'Barn og unge', reason: 'Slått sammen med «Skrøpelige eldre» etter SSU-møtet.', markers: 1 },
    });
    expect(await verified(plan)).toBe(true);

    // Without markers no reason is needed.
    const plain = await command(f.url, admin(), 'sections.delete', { sectionId: plan.section('Innledning').id });
    expect(plain.status).toBe(200);
  });

  it('[PS7] a locked section must be reopened before it is deleted', async () => {
    const plan = await f.plan({ sections: ['Barn og unge'] });
    const section = plan.section('Barn og unge');
    await plan.agreeAll('Barn og unge');
    expect((await command(f.url, admin(), 'sections.lock', { sectionId: section.id })).status).toBe(200);
    const res = await command(f.url, admin(), 'sections.delete', { sectionId: section.id, reason: 'Utgår' });
    expect(res.status).toBe(409);
    expect(res.body.error?.code).toBe('section_locked');
  });

  it('[PS8] an open plan page sees every structural change live', async () => {
    const plan = await f.plan({ sections: ['Innledning og mandat', 'Barn og unge'] });
    const page = connectProvider(f.url, f.token('fastlege'), plan.documentName);
    await page.synced();
    const projected = () => readProjection(page.doc);
    await waitFor(() => projected()?.sections.length === 2);

    const barn = plan.section('Barn og unge');
    await command(f.url, admin(), 'sections.rename', { sectionId: barn.id, title: 'Barn og unge i skolen' });
    await waitFor(() => projected()?.sections[1]?.title === 'Barn og unge i skolen');
    await command(f.url, admin(), 'sections.move', { sectionId: barn.id, afterSectionId: null });
    await waitFor(() => projected()?.sections[0]?.id === barn.id);
    await command(f.url, admin(), 'sections.tag', { sectionId: barn.id, tags: ['barn_og_unge'] });
    await waitFor(() => projected()?.sections[0]?.tags?.[0] === 'barn_og_unge');
    await command(f.url, admin(), 'sections.setOwners', { sectionId: barn.id, owners: [f.party('fastlege')] });
    await waitFor(() => projected()?.sections[0]?.owners.join() === f.party('fastlege'));
    const added = await command(f.url, admin(), 'sections.add', {
      planId: plan.id,
      title: 'Ny seksjon',
      owners: [f.party('kommune')],
    });
    await waitFor(() => projected()?.sections[2]?.id === added.body.id);
    await command(f.url, admin(), 'sections.delete', { sectionId: plan.section('Innledning').id });
    await waitFor(
      () =>
        projected()
          ?.sections.map((s) => s.title)
          .join('|') === 'Barn og unge i skolen|Ny seksjon',
    );
    await command(f.url, admin(), 'plans.update', { planId: plan.id, title: 'Ny tittel', period: '2027–2030' });
    await waitFor(() => projected()?.title === 'Ny tittel' && projected()?.period === '2027–2030');
    expect(projected()).toMatchObject({ ...(await plan.view('fastlege')), threads: [] });
    page.destroy();
  });

  it('[PS1] owners and required parties must take part in the plan; the after-section must be in the plan', async () => {
    const plan = await f.plan({ sections: ['Innledning og mandat'] });
    const section = plan.section('Innledning');
    const other = f.other.party('kommune');
    const refusals: [string, Record<string, unknown>, string][] = [
      ['sections.add', { planId: plan.id, title: 'X', owners: [other] }, 'not_plan_party'],
      [
        'sections.add',
        { planId: plan.id, title: 'X', owners: [f.party('kommune')], requiredParties: [other] },
        'not_plan_party',
      ],
      [
        'sections.add',
        { planId: plan.id, title: 'X', owners: [f.party('kommune')], afterSectionId: f.section('Innledning').id },
        'not_in_plan',
      ],
      ['sections.move', { sectionId: section.id, afterSectionId: f.section('Innledning').id }, 'not_in_plan'],
      ['sections.setOwners', { sectionId: section.id, owners: [other] }, 'not_plan_party'],
      [
        'sections.setOwners',
        { sectionId: section.id, owners: [f.party('kommune')], requiredParties: [other] },
        'not_plan_party',
      ],
    ];
    for (const [name, input, code] of refusals) {
      const res = await command(f.url, admin(), name, input);
      expect([name, res.status, res.body.error?.code]).toEqual([name, 409, code]);
    }
    const invalid: [string, Record<string, unknown>, string][] = [
      ['sections.add', { planId: plan.id, title: 'X', owners: [] }, 'owners_required'],
      ['sections.add', { planId: plan.id, title: '  ', owners: [f.party('kommune')] }, 'name_required'],
      ['sections.setOwners', { sectionId: section.id, owners: [] }, 'owners_required'],
      ['sections.tag', { sectionId: section.id, tags: ['eldre'] }, 'invalid_input'],
      ['sections.move', { sectionId: section.id }, 'invalid_input'],
      ['sections.rename', { sectionId: section.id, title: 'x'.repeat(301) }, 'invalid_input'],
    ];
    for (const [name, input, code] of invalid) {
      const res = await command(f.url, admin(), name, input);
      expect([name, res.status, res.body.error?.code]).toEqual([name, 400, code]);
    }
    expect(titles(await plan.view('kommune'))).toEqual(['Innledning og mandat']);
    expect(await auditTypes(plan)).toEqual([]);
  });
});
