import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listSourceFiles, readSources } from '../../src/pipeline/read-sources.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database.ts';
import { killTrackedGroups } from '../helpers/child-process.ts';
import { runIngestCli } from './ingest-cli.ts';

const article = (title: string, who: string) =>
  `${title}\n\nThe council of ${who} met on Tuesday to discuss the new bridge. "We will build it this year," said Mayor ${who} Smith.\n\nResidents said the plan was long overdue.\n`;

/**
 * A directory holding good articles next to entries that cannot be read: a dangling symlink, two
 * symlinks pointing at each other, a symlink to an ancestor directory, and a file whose name is not
 * UTF-8. Each bad entry must get its own error line and every good article must be stored.
 */
describe('one bad directory entry does not abort an ingest', () => {
  let db: TestDatabase;
  let dir: string;
  // The name 'f\xff.txt' as raw bytes: no UTF-8 decoder accepts 0xFF.
  const badName = Buffer.from([0x66, 0xff, 0x2e, 0x74, 0x78, 0x74]);

  beforeAll(async () => {
    db = await createTestDatabase('sec_bad_entries');
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsgraph-bad-entries-'));
    fs.writeFileSync(path.join(dir, 'good-1.txt'), article('Bridge plan approved in Alderton', 'Alderton'));
    fs.writeFileSync(path.join(dir, 'good-2.txt'), article('Budget vote delayed in Brinkley', 'Brinkley'));
    fs.mkdirSync(path.join(dir, 'sub'));
    fs.writeFileSync(path.join(dir, 'sub', 'good-3.txt'), article('Library reopens in Carrow', 'Carrow'));
    fs.symlinkSync('missing.txt', path.join(dir, 'dangling.txt'));
    fs.symlinkSync('loop-b.txt', path.join(dir, 'loop-a.txt'));
    fs.symlinkSync('loop-a.txt', path.join(dir, 'loop-b.txt'));
    fs.symlinkSync('..', path.join(dir, 'sub', 'up'));
    fs.symlinkSync('good-1.txt', path.join(dir, 'same-as-good-1.txt')); // a working link is still followed
    fs.writeFileSync(Buffer.concat([Buffer.from(`${dir}/`), badName]), article('Harbour dredging starts in Dunmore', 'Dunmore'));
  });
  afterAll(async () => {
    killTrackedGroups();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
    await db?.drop();
  });

  it('lists the good files and reports each bad entry separately (library)', async () => {
    expect(listSourceFiles([dir]).map((f) => path.relative(dir, f))).toEqual(['good-1.txt', 'good-2.txt', 'same-as-good-1.txt', 'sub/good-3.txt']);
    const failures: { origin: string; error: string }[] = [];
    for await (const item of readSources([dir])) if (!item.ok) failures.push({ origin: path.relative(dir, item.origin), error: item.error });
    expect(failures.map((f) => f.origin)).toEqual(['dangling.txt', 'f\\xff.txt', 'loop-a.txt', 'loop-b.txt', 'sub/up']);
    for (const f of failures) expect(f.error).not.toMatch(/\n\s+at /);
    expect(failures[0].error).toMatch(/broken symbolic link/);
    expect(failures[1].error).toMatch(/not valid UTF-8/);
    expect(failures[2].error).toMatch(/symbolic link loop/);
    expect(failures[4].error).toMatch(/directory loop/);
  });

  it('npm run ingest stores every good article and prints one error line per bad entry', { timeout: 300_000 }, async () => {
    const run = await runIngestCli([dir], db.url);
    const lines = run.output.split('\n');
    const errorLine = (entry: string) => lines.filter((l) => l.trim().startsWith(`${path.join(dir, entry)}:`));
    expect(run.output).toContain('Ingest summary');
    expect(run.output).not.toMatch(/ingest (failed|stopped)/);
    expect(run.output).toMatch(/articles\s+3 created, 0 updated, 1 skipped duplicates, 5 failed/);
    for (const entry of ['dangling.txt', 'loop-a.txt', 'loop-b.txt', 'sub/up', 'f\\xff.txt']) expect(errorLine(entry), `${entry}\n${run.output}`).toHaveLength(1);
    // Problems make the exit status 1 (as for any article that could not be stored), not a crash.
    expect(run.code).toBe(1);
    const titles = (await db.sql.query<{ title: string }>('SELECT title FROM article ORDER BY title')).map((r) => r.title);
    expect(titles).toEqual(['Bridge plan approved in Alderton', 'Budget vote delayed in Brinkley', 'Library reopens in Carrow']);
  });
});
