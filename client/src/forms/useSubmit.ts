import { useState } from 'react';

/**
 * Sends a form once at a time: `busy` while the action runs (the submit button is disabled),
 * and a refusal goes to `onError`, usually `useFormErrors().fromServer`.
 */
export function useSubmit(onError: (error: unknown) => void) {
  const [busy, setBusy] = useState(false);

  async function run(action: () => Promise<void>) {
    setBusy(true);
    try {
      await action();
    } catch (error) {
      onError(error);
    } finally {
      setBusy(false);
    }
  }

  return { busy, run };
}
