/**
 * EXPLAIN (ANALYZE, BUFFERS) of the SQL that `search(query:, first: 10)` runs, per word, on a built
 * scale database: `npx tsx bench/scale/explain-search.ts [--database scale_bench] [--impl path/to/search.ts] [--summary] word...`
 * (default: the scale benchmark's common words). Prints each plan, or with --summary one line per
 * word: planning and execution ms, shared buffers hit/read, and the slowest plan nodes.
 */
import pg from 'pg';
import type { Sql } from '../../src/db/sql.ts';
import { COMMON_WORDS } from './queries.ts';

const args = process.argv.slice(2);
const flag = (name: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args.splice(i, 2)[1] : undefined;
};
const database = flag('database') ?? 'scale_bench';
// Another checkout's search module, to compare two versions side by side (e.g. `git archive` of a commit).
const { searchGraph } = (await import(flag('impl') ?? '../../src/services/search.ts')) as typeof import('../../src/services/search.ts');
const summary = args.includes('--summary');
const words = args.filter((a) => !a.startsWith('--'));
const client = new pg.Client({ connectionString: `postgresql://postgres@127.0.0.1:5432/${database}` });
await client.connect();
try {
  await client.query('SET plan_cache_mode = force_custom_plan');
  for (const word of words.length ? words : COMMON_WORDS) {
    // Capture the page statement, run it once (warm), then explain it.
    let captured: { text: string; params: unknown[] } | null = null;
    const capture: Sql = {
      async query<T>(text: string, params: unknown[] = []) {
        const rows = (await client.query(text, params)).rows as T[];
        if (!captured && text.includes('websearch_to_tsquery')) captured = { text, params };
        return rows;
      },
    };
    await searchGraph(capture, word, null, { first: 10, last: null, after: null, before: null });
    const c = captured as { text: string; params: unknown[] } | null;
    if (!c) throw new Error(`no search SQL captured for ${word}`);
    const { rows } = await client.query(`EXPLAIN (ANALYZE, BUFFERS, FORMAT ${summary ? 'JSON' : 'TEXT'}) ${c.text}`, c.params);
    if (!summary) {
      console.log(`--- ${word}\n${rows.map((r) => r['QUERY PLAN']).join('\n')}`);
      continue;
    }
    const plan = rows[0]['QUERY PLAN'][0];
    const nodes: { label: string; ms: number }[] = [];
    const walk = (n: Record<string, unknown>) => {
      const kids = (n.Plans as Record<string, unknown>[] | undefined) ?? [];
      const own = Number(n['Actual Total Time']) * Number(n['Actual Loops']) - kids.reduce((s, k) => s + Number(k['Actual Total Time']) * Number(k['Actual Loops']), 0);
      nodes.push({ label: `${n['Node Type']}${n['Index Name'] ? ` ${n['Index Name']}` : n['Relation Name'] ? ` ${n['Relation Name']}` : ''}`, ms: own });
      kids.forEach(walk);
    };
    walk(plan.Plan);
    const top = nodes.sort((a, b) => b.ms - a.ms).slice(0, 4).map((n) => `${n.label} ${n.ms.toFixed(1)}`).join('; ');
    console.log(`${word.padEnd(11)} plan ${plan['Planning Time'].toFixed(1)} exec ${plan['Execution Time'].toFixed(1)} hit ${plan.Plan['Shared Hit Blocks']} read ${plan.Plan['Shared Read Blocks']} | ${top}`);
  }
} finally {
  await client.end();
}
