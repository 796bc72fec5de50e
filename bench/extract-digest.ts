import fs from 'node:fs';
import crypto from 'node:crypto';
import path from 'node:path';
const root = path.resolve(process.argv[2] ?? path.join(import.meta.dirname, '..'));
const { jsonlRecordToRaw } = await import(path.join(root, 'src/pipeline/read-sources.ts'));
const { parseArticle } = await import(path.join(root, 'src/ingest/parse-article.ts'));
const { extractArticle } = await import(path.join(root, 'src/extract/extract-article.ts'));
// DIGEST_FILES=bbc.jsonl,polnear-traindev.jsonl,reuters21578.jsonl adds Reuters (21,578 articles, a few minutes).
const files = (process.env.DIGEST_FILES ?? 'bbc.jsonl,polnear-traindev.jsonl').split(',');
for (const f of files) {
  const lines = fs.readFileSync(path.join('/work/shared/corpus', f), 'utf8').split('\n').filter((l) => l.trim());
  const h = crypto.createHash('sha256');
  let n = 0;
  for (const [i, l] of lines.entries()) {
    const rec = JSON.parse(l);
    if (f.startsWith('polnear') && rec.split && rec.split !== 'dev') continue;
    let p;
    try {
      p = parseArticle(jsonlRecordToRaw(rec, `${f}:${i}`));
    } catch {
      continue; // Reuters has empty bodies: ingest rejects them, and so does the digest.
    }
    h.update(JSON.stringify(extractArticle(p)));
    h.update('\n');
    n++;
  }
  console.log(f, n, h.digest('hex'));
}
