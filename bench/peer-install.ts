import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { promisify } from 'node:util';

/**
 * The benchmark's own packages (PostGraphile, autocannon) live in bench/peer/, not in the app's
 * dependencies: they want Node >= 22 and add ~240 packages a newcomer never needs. `npm run bench`
 * (and the bench smoke test) install them here on first use, from bench/peer/package-lock.json, and
 * again only when that lockfile changes.
 */

export const PEER_DIR = path.join(import.meta.dirname, 'peer');
const STAMP = path.join(PEER_DIR, 'node_modules', '.newsgraph-lock-sha256');
const run = promisify(execFile);

function lockHash(): string {
  return createHash('sha256').update(fs.readFileSync(path.join(PEER_DIR, 'package.json'))).update(fs.readFileSync(path.join(PEER_DIR, 'package-lock.json'))).digest('hex');
}

export function peerInstalled(): boolean {
  return fs.existsSync(STAMP) && fs.readFileSync(STAMP, 'utf8') === lockHash();
}

/** Installs bench/peer's locked packages unless they already are. Returns whether it installed. */
export async function ensurePeerInstalled(log: (line: string) => void = console.log): Promise<boolean> {
  if (peerInstalled()) return false;
  log('installing the benchmark packages (bench/peer: PostGraphile, autocannon) from bench/peer/package-lock.json');
  const started = performance.now();
  // Settings of an enclosing `npm run`/`npm test` (prefix, omit, …) must not leak into this install;
  // the registry and cache settings may.
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('npm_') || /^npm_config_(registry|cache|userconfig|globalconfig)$/i.test(k)));
  try {
    // PostGraphile declares Node >= 22 and works on 20 with the shim in peer/with-resolvers.mjs:
    // --loglevel=error keeps those engine warnings out of the benchmark's output.
    await run('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: PEER_DIR, env, maxBuffer: 16 * 1024 * 1024 });
  } catch (error) {
    const e = error as { stderr?: string; stdout?: string; message: string };
    throw new Error(`installing bench/peer failed: ${(e.stderr || e.stdout || e.message).trim()}`);
  }
  fs.writeFileSync(STAMP, lockHash());
  log(`  installed in ${Math.round((performance.now() - started) / 1000)} s`);
  return true;
}

/** A bench/peer package, for code outside bench/peer (it is not in the app's node_modules). */
export function requirePeer<T>(name: string): T {
  return createRequire(path.join(PEER_DIR, 'package.json'))(name) as T;
}
