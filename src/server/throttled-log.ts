import type { LogFields, Logger } from './logger.ts';

/**
 * A warn line per event, but at most `perMinute` of them: events an attacker can trigger at will
 * (failed logins) must not be able to flood the log. The next line written says how many were
 * left out.
 */
export function createThrottledWarn(logger: Logger, msg: string, perMinute: number, now: () => number = () => Date.now()): (fields: LogFields) => void {
  let windowStart = now();
  let written = 0;
  let suppressed = 0;
  return (fields) => {
    const t = now();
    if (t - windowStart >= 60_000) {
      windowStart = t;
      written = 0;
    }
    if (written >= perMinute) {
      suppressed += 1;
      return;
    }
    written += 1;
    logger.warn(msg, suppressed > 0 ? { ...fields, suppressed } : fields);
    suppressed = 0;
  };
}
