/**
 * Waits for `work` to settle, but at most `ms`. Closing a Prisma client whose database died in the
 * middle of a transaction never settles (the pool waits for a client that is never released), and a
 * shutdown or CLI must not hang on it.
 */
export async function settleWithin(work: Promise<unknown>[], ms: number): Promise<'settled' | 'timed out'> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timed out'>((resolve) => {
    timer = setTimeout(() => resolve('timed out'), ms);
  });
  try {
    return await Promise.race([Promise.allSettled(work).then(() => 'settled' as const), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
