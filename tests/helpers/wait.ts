/**
 * Polls `probe` until it returns a truthy value and resolves with it. Tests wait on a condition,
 * not on a clock: on a loaded machine anything can take many times longer than usual, so the
 * deadline is generous and only there to turn a hang into a readable failure.
 */
export async function waitFor<T>(probe: () => T | Promise<T>, what: string, { timeoutMs = 60_000, intervalMs = 25, detail }: { timeoutMs?: number; intervalMs?: number; detail?: () => string } = {}): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value as NonNullable<T>;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${detail ? `:\n${detail()}` : ''}`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}
