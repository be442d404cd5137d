import { describe, expect, it } from 'vitest';
import { appendStoredParagraph, connectProvider, useFixture, waitFor } from '../testing/index.js';

const f = useFixture();

/**
 * Connect/disconnect churn must leave the server's memory as it found it (issue 14): the
 * projection kept a rebuild generation of every plan ever loaded and the plan of every section
 * ever edited, in maps nothing pruned.
 */
describe('the projection keeps nothing of a plan or section once its document unloads', () => {
  it('after plans are opened and their sections edited and left, what it keeps is back where it started', async () => {
    const { hocuspocus, projection } = f.server.collaboration;
    const gone = (name: string) => !hocuspocus.documents.has(name) && !hocuspocus.unloadingDocuments.has(name);
    const baseline = projection.kept;
    for (let cycle = 0; cycle < 3; cycle++) {
      const plan = await f.plan({ title: `Churn ${cycle}` });
      const section = plan.section('Samarbeidsstruktur og organisering');
      const reader = connectProvider(f.url, f.token('fastlege'), plan.documentName);
      await reader.synced();
      // An edit: the projection looks up (and remembers) the section's plan to re-project it.
      await appendStoredParagraph(f.url, f.token('kommune'), f.db, section, `Runde ${cycle}.`);
      await waitFor(() => projection.kept.sections > baseline.sections || gone(section.documentName));
      reader.destroy();
      await waitFor(() => gone(plan.documentName) && gone(section.documentName));
      expect(projection.kept).toEqual(baseline);
    }
  });
});
