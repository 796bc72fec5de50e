import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { CriticalityLevel, diff, type Change } from '@graphql-inspector/core';
import { buildSchema, type GraphQLSchema } from 'graphql';
import { buildNewsgraphSchema, printNewsgraphSchema } from '../graphql/build-schema.ts';

/**
 * Breaking-change check: the schema built from the code against the last released one
 * (schema-baseline/schema.graphql). A breaking change fails unless it is acknowledged, with a reason,
 * in schema-baseline/acknowledged-breaking-changes.json.
 *
 *   npm run schema:check      prints the diff; exit code 1 on unacknowledged breaking changes
 *   npm run schema:baseline   after a release: the current schema becomes the baseline, acks are cleared
 */

export const BASELINE_DIR = 'schema-baseline';
export const BASELINE_SCHEMA = path.join(BASELINE_DIR, 'schema.graphql');
export const ACKNOWLEDGED = path.join(BASELINE_DIR, 'acknowledged-breaking-changes.json');

/** A breaking change someone decided to ship. Matches on `path` and/or `message` (both, if given). */
export interface Acknowledgement {
  /** The change's path as reported, e.g. "Query.articles" or "Statement.speaker". */
  path?: string;
  /** The change's message as reported, e.g. "Field 'title' was removed from object type 'Event'". */
  message?: string;
  /** Why it is acceptable (who is affected, how clients migrate). Required. */
  reason: string;
}

export interface CompatReport {
  breaking: Change[];
  /** Breaking changes covered by an acknowledgement. */
  acknowledged: { change: Change; by: Acknowledgement }[];
  /** Breaking changes without one: these fail the check. */
  unacknowledged: Change[];
  dangerous: Change[];
  safe: Change[];
  /** Acknowledgements matching no breaking change (stale: remove them). */
  unused: Acknowledgement[];
}

export function parseAcknowledgements(text: string): Acknowledgement[] {
  const value: unknown = JSON.parse(text);
  if (!Array.isArray(value)) throw new Error(`${ACKNOWLEDGED} must be a JSON array of { path?, message?, reason }`);
  return value.map((entry, i) => {
    const e = entry as Partial<Acknowledgement>;
    const where = `${ACKNOWLEDGED}[${i}]`;
    if (typeof e !== 'object' || e === null) throw new Error(`${where} must be an object`);
    if (e.path === undefined && e.message === undefined) throw new Error(`${where} needs a path or a message`);
    if (e.path !== undefined && typeof e.path !== 'string') throw new Error(`${where}.path must be a string`);
    if (e.message !== undefined && typeof e.message !== 'string') throw new Error(`${where}.message must be a string`);
    if (typeof e.reason !== 'string' || e.reason.trim() === '' || /^TODO\b/i.test(e.reason.trim())) throw new Error(`${where} needs a reason`);
    return { path: e.path, message: e.message, reason: e.reason };
  });
}

function matches(ack: Acknowledgement, change: Change): boolean {
  return (ack.path === undefined || ack.path === change.path) && (ack.message === undefined || ack.message === change.message);
}

/** Diffs two schemas and sorts the changes by criticality, applying the acknowledgements. */
export async function compareSchemas(baseline: GraphQLSchema, current: GraphQLSchema, acknowledgements: Acknowledgement[] = []): Promise<CompatReport> {
  const changes = await diff(baseline, current);
  const breaking = changes.filter((c) => c.criticality.level === CriticalityLevel.Breaking);
  const acknowledged: CompatReport['acknowledged'] = [];
  const unacknowledged: Change[] = [];
  for (const change of breaking) {
    const by = acknowledgements.find((ack) => matches(ack, change));
    if (by) acknowledged.push({ change, by });
    else unacknowledged.push(change);
  }
  return {
    breaking,
    acknowledged,
    unacknowledged,
    dangerous: changes.filter((c) => c.criticality.level === CriticalityLevel.Dangerous),
    safe: changes.filter((c) => c.criticality.level === CriticalityLevel.NonBreaking),
    unused: acknowledgements.filter((ack) => !breaking.some((change) => matches(ack, change))),
  };
}

/** The code's schema against the committed baseline and acknowledgements (paths from the repo root). */
export async function checkAgainstBaseline(root = process.cwd()): Promise<CompatReport> {
  const baseline = buildSchema(fs.readFileSync(path.join(root, BASELINE_SCHEMA), 'utf8'));
  const ackFile = path.join(root, ACKNOWLEDGED);
  const acks = fs.existsSync(ackFile) ? parseAcknowledgements(fs.readFileSync(ackFile, 'utf8')) : [];
  return compareSchemas(baseline, buildNewsgraphSchema(), acks);
}

const describe = (c: Change) => `${c.message}${c.path ? ` [${c.path}]` : ''}${c.criticality.reason ? `\n      ${c.criticality.reason}` : ''}`;

export function formatReport(report: CompatReport): string {
  const lines: string[] = [];
  const section = (title: string, items: string[]) => {
    if (items.length) lines.push(`${title} (${items.length}):`, ...items.map((i) => `  - ${i}`));
  };
  section('BREAKING, not acknowledged', report.unacknowledged.map(describe));
  section('Breaking, acknowledged', report.acknowledged.map(({ change, by }) => `${describe(change)}\n      acknowledged: ${by.reason}`));
  section('Dangerous', report.dangerous.map(describe));
  section('Safe', report.safe.map(describe));
  section('Stale acknowledgements (match no breaking change; remove them)', report.unused.map((a) => JSON.stringify(a)));
  if (lines.length === 0) lines.push('No changes against the baseline.');
  if (report.unacknowledged.length) {
    lines.push('', `Unacknowledged breaking changes. Either restore compatibility, or acknowledge each one in ${ACKNOWLEDGED}:`,
      JSON.stringify(report.unacknowledged.map((c) => ({ path: c.path, message: c.message, reason: 'TODO: why this is acceptable and how clients migrate' })), null, 2));
  }
  return lines.join('\n');
}

/** After a release: the current schema becomes the baseline and the acknowledgements are cleared. */
export function writeBaseline(root = process.cwd()): void {
  fs.mkdirSync(path.join(root, BASELINE_DIR), { recursive: true });
  fs.writeFileSync(path.join(root, BASELINE_SCHEMA), printNewsgraphSchema());
  fs.writeFileSync(path.join(root, ACKNOWLEDGED), '[]\n');
}

async function main(args: string[]): Promise<number> {
  if (args.includes('--baseline')) {
    writeBaseline();
    console.log(`wrote ${BASELINE_SCHEMA} from the code and cleared ${ACKNOWLEDGED}`);
    return 0;
  }
  const report = await checkAgainstBaseline();
  console.log(formatReport(report));
  return report.unacknowledged.length > 0 || report.unused.length > 0 ? 1 : 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv.slice(2)).then(
    (code) => { process.exitCode = code; },
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exitCode = 2;
    },
  );
}
