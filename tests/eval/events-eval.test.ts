import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { actorMatches, eventsResult, goldProblems, predictedFromExtraction, scoreEventsDocument, type GoldDoc, type GoldFile, type PredictedEvent } from '../../src/eval/events.ts';
import { loadGoldArticles, sampleEventsDocs } from '../../src/eval/events-sample.ts';
import type { Extraction } from '../../src/extract/types.ts';
import { describeWithCorpus } from '../helpers/corpus.ts';

const GOLD_DIR = path.resolve(import.meta.dirname, '../fixtures/events-gold');
const readGold = (part: string): GoldFile => JSON.parse(fs.readFileSync(path.join(GOLD_DIR, `${part}.json`), 'utf8')) as GoldFile;

// A hand-made article (no corpus text): "Kim met Putin in Vladivostok on Thursday. Floods hit Hanoi."
const TEXT = 'Kim Jong Un met Vladimir Putin in Vladivostok on Thursday. Floods hit Hanoi.';
const article = { text: TEXT, paragraphs: [{ start: 0, end: TEXT.length, text: TEXT }] };
const at = (s: string) => ({ start: TEXT.indexOf(s), end: TEXT.indexOf(s) + s.length });

const gold: GoldDoc = {
  doc: 'test:1',
  publishedAt: '2019-04-26',
  events: [
    { id: 'test:1#1', type: 'CONSULT', mode: 'meeting', sources: ['Kim Jong Un'], targets: ['Vladimir Putin|Putin'], symmetric: true, trigger: { ...at('met'), text: 'met' }, date: { precision: 'DAY', start: '2019-04-25', end: '2019-04-25' }, place: 'Vladivostok', statements: [] },
    { id: 'test:1#2', type: 'DISASTER', mode: 'flood', sources: [], targets: [], trigger: { ...at('Floods'), text: 'Floods' }, date: null, place: 'Hanoi', statements: [] },
  ],
};

const perfect: PredictedEvent[] = [
  { type: 'CONSULT', mode: 'meeting', sources: [{ name: 'Kim Jong Un', aliases: ['Kim'] }], targets: [{ name: 'Vladimir Putin', aliases: ['Putin'] }], date: { precision: 'DAY', start: '2019-04-25', end: '2019-04-25' }, place: { name: 'Vladivostok', aliases: [] }, mentions: [at('met')], statements: [] },
  { type: 'DISASTER', mode: 'flood', sources: [], targets: [], date: null, place: { name: 'Hanoi', aliases: [] }, mentions: [at('Floods')], statements: [] },
];

describe('events scorer', () => {
  it('scores a perfect prediction 1.0 on events, mode, date and place', () => {
    const r = eventsResult([scoreEventsDocument(gold, perfect, article)], 'test');
    expect(r.events).toEqual({ p: 1, r: 1, f1: 1 });
    expect(r).toMatchObject({ docs: 1, part: 'test', mode: 1, date: 1, place: 1 });
  });

  it('scores a wrong type 0', () => {
    const wrong = perfect.map((p) => ({ ...p, type: 'ACCUSE' as const }));
    const r = eventsResult([scoreEventsDocument(gold, wrong, article)], 'test');
    expect(r.events).toEqual({ p: 0, r: 0, f1: 0 });
    expect(r.mode).toBeNull();
  });

  it('needs a gold source and a gold target; accepts the swap only for symmetric events', () => {
    const onlySources = [{ ...perfect[0], sources: [...perfect[0].sources, ...perfect[0].targets], targets: [] }];
    expect(scoreEventsDocument(gold, onlySources, article).matched).toBe(0);
    const swapped = [{ ...perfect[0], sources: perfect[0].targets, targets: perfect[0].sources }];
    expect(scoreEventsDocument(gold, swapped, article).matched).toBe(1);
    const directed: GoldDoc = { ...gold, events: [{ ...gold.events[0], symmetric: false }] };
    expect(scoreEventsDocument(directed, swapped, article).matched).toBe(0);
    // The role-blind diagnostic takes both.
    expect(scoreEventsDocument(gold, onlySources, article, 'any-role').matched).toBe(1);
  });

  it('matches an event without actors by its sentence or place, and reports disagreeing date, mode and place', () => {
    const elsewhere = [{ ...perfect[1], place: null, mentions: [at('met')] }];
    expect(scoreEventsDocument(gold, elsewhere, article).matched).toBe(0);
    const off = [{ ...perfect[0], mode: 'summit', date: { precision: 'MONTH' as const, start: '2019-04-01', end: '2019-04-30' }, place: null }];
    const s = scoreEventsDocument(gold, off, article);
    expect(s.matched).toBe(1);
    expect([s.mode, s.date, s.place]).toEqual([{ agree: 0, of: 1 }, { agree: 0, of: 1 }, { agree: 0, of: 1 }]);
  });

  it('matches actor names after normalisation and through the gold alternatives', () => {
    expect(actorMatches('North Korea’s foreign ministry|Pyongyang', { name: "north korea's foreign ministry", aliases: [] })).toBe(true);
    expect(actorMatches('The Kremlin', { name: 'Kremlin', aliases: [] })).toBe(true);
    expect(actorMatches('Kim Jong Un', { name: 'Kim Chang Son', aliases: ['Kim'] })).toBe(false);
  });

  it('maps today’s event kinds to the new ontology for the baseline, participants as sources', () => {
    const x: Extraction = {
      people: [{ key: 'person:kim', name: 'Kim Jong Un', aliases: ['Kim'], roles: [], mentions: [] }],
      organizations: [],
      places: [{ key: 'place:v', name: 'Vladivostok', aliases: [], kind: 'CITY', mentions: [] }],
      events: [
        { key: 'e1', title: '', kind: 'MEETING', startDate: '2019-04-25', endDate: '2019-04-25', precision: 'DAY', placeKey: 'place:v', participantKeys: ['person:kim'], organizationKeys: [], mentions: [{ ...at('met'), text: 'met' }] },
        { key: 'e2', title: '', kind: 'ANNOUNCEMENT', startDate: null, endDate: null, precision: null, placeKey: null, participantKeys: ['person:kim'], organizationKeys: [], mentions: [] },
      ],
      statements: [],
    };
    const [p, ...rest] = predictedFromExtraction(x);
    expect(rest).toEqual([]);
    expect(p).toMatchObject({ type: 'CONSULT', mode: 'meeting', sources: [{ name: 'Kim Jong Un' }], targets: [], place: { name: 'Vladivostok' }, date: { precision: 'DAY', start: '2019-04-25' } });
  });
});

describe('events gold files', () => {
  it('have the documented shape: 42 development, 20 check and 21 second-development articles, ids unique', () => {
    const dev = readGold('dev');
    const check = readGold('check');
    const dev2 = readGold('dev2');
    expect([dev.part, dev.docs.length, check.part, check.docs.length, dev2.part, dev2.docs.length]).toEqual(['dev', 42, 'check', 20, 'dev2', 21]);
    const docs = [...dev.docs, ...check.docs, ...dev2.docs].map((d) => d.doc);
    expect(new Set(docs).size).toBe(docs.length);
    const ids = [...dev.docs, ...check.docs, ...dev2.docs].flatMap((d) => d.events.map((e) => e.id));
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describeWithCorpus(['bbc.jsonl', 'reuters21578.jsonl', 'polnear-traindev.jsonl'], 'events gold against the corpus', () => {
  it('the sample script reproduces the committed list of articles, parts and order', () => {
    const committed = ['dev', 'check', 'dev2'].flatMap((part) => readGold(part).docs.map((d) => ({ doc: d.doc, part })));
    expect(sampleEventsDocs()).toEqual(committed);
  });

  it('is well-formed: offsets inside each parsed article, trigger text at its offsets, known types and dates', () => {
    for (const part of ['dev', 'check', 'dev2']) {
      const g = readGold(part);
      const articles = loadGoldArticles(g.docs.map((d) => d.doc));
      expect(goldProblems(g, articles)).toEqual([]);
      for (const d of g.docs) expect(d.publishedAt).toBe(articles.get(d.doc)!.publishedAt);
    }
  });
});
