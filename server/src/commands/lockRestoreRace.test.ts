import { DomainError, type SectionsLockInput } from '@fellesplan/domain';
import { describe, expect, it } from 'vitest';
import { findSessionUser } from '../auth/sessions.js';
import { storedSectionText, useFixture } from '../testing/index.js';
import { runCommand } from './pipeline.js';
import { sectionsLockDefinition } from './sectionsLock.js';

const f = useFixture();
const TITLE = 'Samarbeidsstruktur og organisering';

describe('a lock racing a change the server makes to the text', () => {
  it('[L1] a restore committed between the lock’s check and its transaction makes the lock refuse: it never holds unagreed text', async () => {
    const plan = await f.plan();
    const { id: sectionId } = plan.section(TITLE);
    await plan.agreeAll(TITLE);
    const actor = await findSessionUser(f.db, f.token('sekretariat'));
    if (!actor) throw new Error('no sekretariat session');
    const ctx = f.server.context;
    let checks = 0;
    // The real lock, except that after its last check (connections frozen) the server changes
    // the text, as a restore committing just then would.
    const racing = {
      ...sectionsLockDefinition,
      async check(...args: Parameters<NonNullable<typeof sectionsLockDefinition.check>>) {
        const checked = await sectionsLockDefinition.check!(...args);
        checks += 1;
        if (checks === 2) {
          const body = await ctx.content.open(sectionId);
          try {
            body.replace(
              {
                type: 'doc',
                content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Tekst ingen har sagt ja til.' }] }],
              },
              { userId: actor.userId, partyId: actor.partyId },
            );
          } finally {
            await body.close();
          }
        }
        return checked;
      },
    };
    const input: SectionsLockInput = { sectionId };
    await expect(runCommand(racing, ctx, actor, input)).rejects.toSatisfy(
      (error) => error instanceof DomainError && error.code === 'stale_revision',
    );
    expect(checks).toBe(2);
    const view = await plan.sectionView(TITLE, 'kommune');
    expect(view.locked).toBe(false);
    expect(view.status).not.toBe('consensus');
    expect(await storedSectionText(f.db, sectionId)).toBe('Tekst ingen har sagt ja til.');
  });
});
