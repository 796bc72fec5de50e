import path from 'node:path';
import { bbcArticles } from './bbc-corpus.ts';

// CPU of the attribution tokeniser and the learned reported-speech step alone over BBC: the first
// (cold) pass and the best of four more. npx tsx bench/speech-reported.ts [SRC_ROOT]
const root = path.resolve(process.argv[2] ?? path.join(import.meta.dirname, '..'));
const { splitSentences } = await import(path.join(root, 'src/extract/sentences.ts'));
const { findQuotes } = await import(path.join(root, 'src/extract/speech/quotes.ts'));
const { tokenize } = await import(path.join(root, 'src/extract/speech/tokens.ts'));
const { findReported } = await import(path.join(root, 'src/extract/speech/reported.ts'));
const { attributionModel } = await import(path.join(root, 'src/extract/speech/model.ts'));
const parsed = await bbcArticles(root);
const prepared = parsed.map((p) => ({ text: p.text as string, sentences: splitSentences(p.text, p.paragraphs), quoted: findQuotes(p.text, p.paragraphs).map((q: { inner: unknown }) => q.inner) }));
const model = attributionModel();
const tok: number[] = [];
const rep: number[] = [];
let n = 0;
for (let r = 0; r < 5; r++) {
  let t = 0;
  let f = 0;
  n = 0;
  for (const a of prepared) {
    const c0 = process.cpuUsage().user;
    const tokens = tokenize(a.text, a.sentences, a.quoted);
    const c1 = process.cpuUsage().user;
    n += findReported(model, a.text, tokens).length;
    f += process.cpuUsage().user - c1;
    t += c1 - c0;
  }
  tok.push(t / 1e6);
  rep.push(f / 1e6);
}
const fmt = (x: number[]) => `cold ${x[0].toFixed(2)}, best warm ${Math.min(...x.slice(1)).toFixed(2)}`;
console.log(`tokenize ${fmt(tok)} CPU-s; findReported ${fmt(rep)} CPU-s (${n} reported)`);
