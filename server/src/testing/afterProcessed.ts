import type { TestProvider } from './connectProvider.js';
import { waitFor } from './waitFor.js';

let counter = 0;

/**
 * Resolves once the server has processed everything `sender` sent so far. Hocuspocus handles
 * one connection's messages in order, so when `witness` sees an awareness marker that `sender`
 * set after its earlier messages, those earlier messages (e.g. a refused update) were handled.
 */
export async function afterProcessed(sender: TestProvider, witness: TestProvider): Promise<void> {
  const marker = `m${++counter}`;
  sender.provider.setAwarenessField('testMarker', marker);
  const senderId = sender.doc.clientID;
  await waitFor(() => {
    const state = witness.provider.awareness?.getStates().get(senderId) as { testMarker?: string } | undefined;
    return state?.testMarker === marker;
  });
}
