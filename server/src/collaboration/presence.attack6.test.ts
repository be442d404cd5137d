import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import { connectProvider, MESSAGE, rawCollabClient, useFixture, waitFor } from '../testing/index.js';

const f = useFixture();

describe('an awareness state that is not an object', () => {
  // Before: an array was relayed to everyone as it was, with no `user` from the session (the
  // server set `user` on the array, which JSON drops); a number, string or boolean made the
  // presence check throw, so Hocuspocus logged a stack trace and dropped the sender's connection.
  it('[PR1] is never relayed, and the sender’s connection keeps working', async () => {
    const plan = await f.plan();
    const observer = connectProvider(f.url, f.token('kommune'), plan.documentName);
    await observer.synced();
    const visitor = await rawCollabClient(f.url, plan.documentName, f.token('bruker'));
    const seen = () => observer.provider.awareness?.getStates().get(818181);
    // Every state the server's document ever held (and so relayed) for that id, not only the last.
    const awareness = f.server.collaboration.hocuspocus.documents.get(plan.documentName)?.awareness;
    if (!awareness) throw new Error('the plan document is not loaded');
    const history: unknown[] = [];
    awareness.on('change', () => history.push(awareness.getStates().get(818181)));
    let clock = 0;
    const announceJson = (json: string) => {
      const update = encoding.createEncoder();
      encoding.writeVarUint(update, 1);
      encoding.writeVarUint(update, 818181);
      encoding.writeVarUint(update, ++clock);
      encoding.writeVarString(update, json);
      visitor.send((e) => {
        encoding.writeVarUint(e, MESSAGE.awareness);
        encoding.writeVarUint8Array(e, encoding.toUint8Array(update));
      });
    };
    for (const json of ['["Kari Nordmann","Demo HF"]', '5', '"viewing"', 'true']) {
      announceJson(json);
      // The same connection announces an honest state right after: it arrives, under the session's name.
      visitor.announce(818181, ++clock, { marker: clock });
      await waitFor(() => seen()?.marker === clock);
      expect(seen()?.user).toMatchObject({ name: 'Per Johansen' });
    }
    for (const state of history.filter((s) => s !== undefined)) {
      expect(state).toMatchObject({ user: { name: 'Per Johansen' } });
    }
    visitor.close();
    observer.destroy();
  });
});
