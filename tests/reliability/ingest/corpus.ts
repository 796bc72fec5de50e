import fs from 'node:fs';
import path from 'node:path';
import { corpusDir } from '../../../src/config.ts';
import { makeTempDir, type TempDir } from '../../helpers/temp-dir.ts';

export { corpusDir };

export interface CorpusArticle {
  title: string;
  body: string;
}

/** The first `n` BBC articles with quotes (so they yield statements), or the seeds when no corpus is around. */
export function corpusArticles(n: number, offset = 0): CorpusArticle[] {
  const dir = corpusDir();
  const out: CorpusArticle[] = [];
  if (dir) {
    const lines = fs.readFileSync(path.join(dir, 'bbc.jsonl'), 'utf8').split('\n');
    let skipped = 0;
    for (const line of lines) {
      if (!line.trim()) continue;
      const r = JSON.parse(line) as { title: string; body: string };
      if (!r.body.includes('"')) continue;
      if (skipped++ < offset) continue;
      out.push({ title: r.title, body: r.body });
      if (out.length === n) break;
    }
  }
  return out;
}

/** The first `n` records of another corpus file (Reuters: dated wire copy with datelines; PolNeAR: US politics, quote-rich), as raw text. */
export function corpusTexts(file: 'reuters21578.jsonl' | 'polnear-traindev.jsonl', n: number): string[] {
  const dir = corpusDir();
  if (!dir || !fs.existsSync(path.join(dir, file))) return [];
  const out: string[] = [];
  for (const line of fs.readFileSync(path.join(dir, file), 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const r = JSON.parse(line) as { title?: string; body?: string; text?: string; date?: string; dateline?: string };
    const body = r.body ?? r.text;
    if (!body || !r.title) continue;
    out.push(`${r.title}\n\n${r.date ? `date ${r.date}\n\n` : ''}${r.dateline ? `${r.dateline} ` : ''}${body}`);
    if (out.length === n) break;
  }
  return out;
}

/** The committed seed articles (raw files). */
export function seedTexts(): string[] {
  const dir = path.resolve('seeds');
  return fs.readdirSync(dir).filter((f) => f.endsWith('.txt')).sort().map((f) => fs.readFileSync(path.join(dir, f), 'utf8'));
}

/** A fresh temp directory, removed by the returned function (or when the test file ends). */
export function tempDir(prefix: string): TempDir {
  return makeTempDir(prefix);
}

/** Writes articles as plain-text files (title line, blank line, body) in a stable order. */
export function writeArticleFiles(dir: string, articles: CorpusArticle[], prefix = 'a'): string[] {
  return articles.map((a, i) => {
    const file = path.join(dir, `${prefix}${String(i).padStart(5, '0')}.txt`);
    fs.writeFileSync(file, `${a.title}\n\n${a.body}\n`);
    return file;
  });
}
