/**
 * Loaded before every test file (vitest `setupFiles`), so every file gets the cleanup hooks these
 * modules register, whether or not it imports them: when a file ends, passed or failed, the process
 * groups it started are killed, anything else still running below the worker is killed, and its temp
 * dirs are removed.
 */
import './child-process.ts';
import './temp-dir.ts';
