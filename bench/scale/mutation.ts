import fs from 'node:fs';
import path from 'node:path';

const INGEST = /* GraphQL */ `mutation Ingest($input: IngestArticleInput!) {
  ingestArticle(input: $input) { outcome article { id title } userErrors { message } }
}`;

/**
 * `ingestArticle` requests, each a new story (a BBC text with a line naming the run and the request),
 * so that none is answered as UNCHANGED: a request with nothing to store would measure less than one.
 */
export function ingestBodies(corpusDir: string, count: number, tag: string): string[] {
  const texts = fs.readFileSync(path.join(corpusDir, 'bbc.jsonl'), 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as { title: string; body: string });
  return Array.from({ length: count }, (_, i) => {
    const a = texts[i % texts.length];
    const input = { title: `${a.title} (${tag}-${i})`, text: `${a.body}\n\nScale benchmark copy ${tag}-${i}.`, source: 'Scale Wire', url: `https://scale.bench.test/${tag}/${i}` };
    return JSON.stringify({ query: INGEST, variables: { input } });
  });
}
