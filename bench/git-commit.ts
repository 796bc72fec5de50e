import { execFileSync } from 'node:child_process';

/** The checkout's HEAD (short), marked when its tracked files have uncommitted changes: which code a benchmark's figures belong to. */
export function headCommit(): string {
  try {
    const git = (...args: string[]) => execFileSync('git', args, { cwd: import.meta.dirname, encoding: 'utf8' }).trim();
    const head = git('rev-parse', '--short', 'HEAD');
    return git('status', '--porcelain', '--untracked-files=no') ? `${head} with uncommitted changes` : head;
  } catch {
    return 'unknown';
  }
}
