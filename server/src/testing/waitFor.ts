/**
 * Polls until `check` returns a truthy value (or stops throwing). Tests wait on state this way,
 * never on fixed sleeps; the timeout only bounds a failing test.
 */
export async function waitFor<T>(
  check: () => T | Promise<T>,
  { timeout = 5000, interval = 20 } = {},
): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeout;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value) return value as NonNullable<T>;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) {
      throw new Error(`waitFor timed out after ${timeout} ms${lastError ? `: ${String(lastError)}` : ''}`);
    }
    await new Promise((resolve) => setTimeout(resolve, interval));
  }
}
