import { MAX_AWARENESS_STATE_BYTES, PARTY_COLORS } from '@fellesplan/domain';
import { describe, expect, it } from 'vitest';
import { connectProvider, waitFor, rawCollabClient, useFixture } from '../testing/index.js';

const f = useFixture();

const rawClient = (documentName: string, token: string) => rawCollabClient(f.url, documentName, token);

describe('presence is bound to the person behind the connection', () => {
  it('[PR1] name, party and colour come from the session, not from the client', async () => {
    const name = f.section('Kunnskapsgrunnlag og utfordringsbilde').documentName;
    const observer = connectProvider(f.url, f.token('kommune'), name);
    const reader = connectProvider(f.url, f.token('bruker'), name);
    await Promise.all([observer.synced(), reader.synced()]);
    expect(await reader.ready).toBe('read-only');
    reader.provider.setAwarenessField('user', { name: 'Kari Nordmann', party: 'Demo HF', color: '#ff0000' });
    reader.provider.setAwarenessField('cursor', null);
    const seen = await waitFor(
      () => observer.provider.awareness?.getStates().get(reader.doc.clientID)?.user as Record<string, string>,
    );
    expect(seen).toEqual({ name: 'Per Johansen', party: 'Brukerrådet', color: PARTY_COLORS.bruker });
    observer.destroy();
    reader.destroy();
  });

  it('[PR1] nobody can overwrite another person’s presence or speak for a second client id', async () => {
    const name = f.section('Samarbeidsstruktur og organisering').documentName;
    const victim = connectProvider(f.url, f.token('helseforetak'), name);
    const observer = connectProvider(f.url, f.token('fastlege'), name);
    await Promise.all([victim.synced(), observer.synced()]);
    victim.provider.setAwarenessField('marker', 'victim');
    const victimState = () => observer.provider.awareness?.getStates().get(victim.doc.clientID);
    await waitFor(() => victimState()?.marker === 'victim');

    const attacker = await rawClient(name, f.token('bruker'));
    // First announcement claims the victim's id: refused. Then its own id, then the victim's again.
    attacker.announce(victim.doc.clientID, 1000, { marker: 'kapret', user: { name: 'Hacker' } });
    attacker.announce(424242, 1, { marker: 'attacker' });
    attacker.announce(victim.doc.clientID, 1001, { marker: 'kapret', user: { name: 'Hacker' } });
    attacker.announce(424243, 1, { marker: 'second id' });
    attacker.announce(424242, 2, { marker: 'attacker done' });
    await waitFor(() => observer.provider.awareness?.getStates().get(424242)?.marker === 'attacker done');

    expect(victimState()).toMatchObject({ marker: 'victim', user: { name: 'Ola Hansen', party: 'Demo HF' } });
    expect(observer.provider.awareness?.getStates().has(424243)).toBe(false);
    expect(observer.provider.awareness?.getStates().get(424242)?.user).toMatchObject({ name: 'Per Johansen' });
    attacker.close();
    victim.destroy();
    observer.destroy();
  });

  it('[PR1] a state larger than the cap is not relayed', async () => {
    const name = f.section('Barn og unge').documentName;
    const observer = connectProvider(f.url, f.token('kommune'), name);
    await observer.synced();
    const attacker = await rawClient(name, f.token('bruker'));
    attacker.announce(515151, 1, { padding: 'x'.repeat(MAX_AWARENESS_STATE_BYTES + 1) });
    attacker.announce(515151, 2, { marker: 'small again' });
    await waitFor(() => observer.provider.awareness?.getStates().get(515151)?.marker === 'small again');
    const everything = JSON.stringify([...(observer.provider.awareness?.getStates().values() ?? [])]);
    expect(everything).not.toContain('x'.repeat(1000));
    attacker.close();
    observer.destroy();
  });

  it('[PR2] where someone is in the plan is relayed only in its agreed shape', async () => {
    const plan = await f.plan();
    const section = plan.section('Barn og unge');
    const observer = connectProvider(f.url, f.token('kommune'), plan.documentName);
    await observer.synced();
    const visitor = await rawClient(plan.documentName, f.token('bruker'));
    const seen = () => observer.provider.awareness?.getStates().get(616161);
    const bad = [
      { sectionId: '<img src=x onerror=alert(1)>', editing: false, away: false },
      { sectionId: section.id, editing: 'yes', away: false },
      { sectionId: section.id, editing: true, away: false, extra: 'x'.repeat(2000) },
      'Barn og unge',
      null,
    ];
    let clock = 0;
    for (const viewing of bad) {
      visitor.announce(616161, ++clock, { viewing, marker: clock });
      await waitFor(() => seen()?.marker === clock);
      expect(seen()).not.toHaveProperty('viewing');
      expect(seen()?.user).toMatchObject({ name: 'Per Johansen' });
    }
    const good = { sectionId: section.id, editing: true, away: false };
    visitor.announce(616161, ++clock, { viewing: good, marker: clock });
    await waitFor(() => seen()?.marker === clock);
    expect(seen()?.viewing).toEqual(good);
    visitor.close();
    observer.destroy();
  });
});
