import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { eventsResult, predictedFromExtraction, scoreEventsDocument, type GoldFile } from '../../src/eval/events.ts';
import { loadGoldArticles } from '../../src/eval/events-sample.ts';
import { extractArticle } from '../../src/extract/extract-article.ts';
import { describeWithCorpus } from '../helpers/corpus.ts';

const GOLD_DIR = path.resolve(import.meta.dirname, '../fixtures/events-gold');
const readGold = (part: string): GoldFile => JSON.parse(fs.readFileSync(path.join(GOLD_DIR, `${part}.json`), 'utf8')) as GoldFile;

function score(part: 'dev' | 'dev2' | 'check', only?: (doc: string) => boolean) {
  const docs = readGold(part).docs.filter((d) => !only || only(d.doc));
  const articles = loadGoldArticles(docs.map((d) => d.doc));
  const scores = docs.map((d) => scoreEventsDocument(d, predictedFromExtraction(extractArticle(articles.get(d.doc)!)), articles.get(d.doc)!));
  return eventsResult(scores, part);
}

// The floors are what the extractor reaches today (npm run eval:events, --part check; 1.18.0: development 0.727 / 0.623 / 0.671; 1.21.0: 0.764 / 0.641 / 0.697; 1.32.0: 0.779 / 0.653 / 0.710; 1.37.0: 0.780 / 0.659 / 0.714; 1.38.0: 0.804 / 0.665 / 0.728; 1.41.0: 0.822 / 0.665 / 0.735; 1.42.0: 0.830 / 0.671 / 0.742; 1.43.0: 0.833 / 0.689 / 0.754; 1.45.0: 0.827 / 0.689 / 0.752), rounded
// down: a change that loses events fails here. The development part is the one the lexicons were
// written against; the check part is only measured.
describeWithCorpus(['bbc.jsonl', 'reuters21578.jsonl', 'polnear-traindev.jsonl'], 'typed events against the gold', () => {
  it('development part: F1 and mode agreement at their floors', () => {
    const r = score('dev');
    expect(r.events.f1).toBeGreaterThanOrEqual(0.75);
    // 1.45.0 (rules judged on the second development part and on unlabelled corpus articles): precision 0.827, one event more
    // that the gold does not hold ("vied to take over … Alpha Natural Resources": its target now read, its
    // source misread); rules written to win it back touched no other article and were not kept.
    expect(r.events.p).toBeGreaterThanOrEqual(0.82);
    expect(r.events.r).toBeGreaterThanOrEqual(0.68);
    expect(r.mode!).toBeGreaterThanOrEqual(0.9);
    // Statement links of matched events: recall over the gold's links, precision of those made.
    // Issue 17, 1.18.0: 0.240 (63/262), precision 0.829 (63/76); 1.21.0: 0.275 (72/262), precision 0.828 (72/87);
    // 1.37.0: 0.332 (87/262), precision 0.843 (86/102; the statement-link rules alone 0.860, the events
    // they link to as 1.37.0 finds them 0.843); 1.41.0: 0.332 (87/262), precision 0.860 (86/100; no link to an event told in
    // the speaker's relative clause, none from one-word statements — the gold links one such misread, "China").
    // 1.43.0: 0.355 (93/262), precision 0.868.
    expect(r.statements!).toBeGreaterThanOrEqual(0.35);
    expect(r.statementPrecision!).toBeGreaterThanOrEqual(0.86);
    // Issue 17: where events happened (src/extract/events/event-place.ts), 0.700 (28/40) at 1.18.0, 0.714 (30/42) at 1.21.0,
    // 0.786 (33/42) at 1.34.0 (1.30.0's 0.810 counted a rule written from one development article and
    // firing on no other article; it was taken out), 0.810 (34/42) at 1.36.0 (a bankruptcy at the court it is filed in),
    // 0.857 (36/42) at 1.40.0 (famous landmarks stand for their city; an event named again takes the place written there),
    // 0.884 (38/43) at 1.42.0 (a visit "here" at the dateline's place; a disaster a speaker names with its place).
    expect(r.place!).toBeGreaterThanOrEqual(0.88);
    // Issue 17: dates on gold-dated matched events (value and precision), 0.851 (57/67) at 1.18.0, 0.857 (60/70) at 1.21.0,
    // 0.847 (61/72) at 1.37.0: the event newly matched there is a headline's ("Railing Against Trump, Sanders Vows …"), whose
    // sentence gives no date (the gold dates it on the day of publication); 0.863 (63/73) once a headline's event takes
    // the lead's news day; 0.877 (64/73) at 1.40.0 (the debate named again on "Monday" takes that day); 0.882 (67/76) at 1.43.0 (what came "from 88 generals and
    // admirals Tuesday" is dated Tuesday, no comparison base).
    expect(r.date!).toBeGreaterThanOrEqual(0.88);
  });

  // The second development part (issue 16, written before the extractor's events on it were read): 0.289 at 1.44.0, whose
  // rules were written against the first part only; 0.385 at 1.45.0, whose rules were judged on both and on unlabelled articles.
  it('second development part: F1 at its floor', () => {
    const r = score('dev2');
    expect(r.events.f1).toBeGreaterThanOrEqual(0.38);
  });

  // Check: 0.316 at 1.31.0, 0.296 at 1.34.0, 0.298 at 1.37.0, 0.310 on branch evt. Rules are kept or dropped by what they do on train
  // articles, never by this part (1.34.0 keeps the named-court source rule, right on train, which
  // loses one matched check event); the floor only catches a collapse.
  it('check part: F1 at its floor', () => {
    const r = score('check');
    expect(r.events.f1).toBeGreaterThanOrEqual(0.29);
  });

  it('seeds: most events recorded are the editor’s, and each has a source', () => {
    const seeds = readGold('dev').docs.filter((d) => d.doc.startsWith('seed:'));
    const r = score('dev', (d) => d.startsWith('seed:'));
    expect(r.events.p).toBeGreaterThanOrEqual(0.85);
    expect(r.events.r).toBeGreaterThanOrEqual(0.8);
    for (const a of loadGoldArticles(seeds.map((d) => d.doc)).values()) for (const e of extractArticle(a).events) expect(e.sources!.length, e.title).toBeGreaterThan(0);
  });
});
