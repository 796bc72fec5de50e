import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { corpusDir } from '../../src/config.ts';
import { extractArticle } from '../../src/extract/extract-article.ts';
import { parseArticle } from '../../src/ingest/parse-article.ts';
import { jsonlRecordToRaw } from '../../src/pipeline/read-sources.ts';
import { bbcStory, describeWithCorpus } from '../helpers/corpus.ts';

// "the General Election": a title word before a capitalised common noun names no one. Before 1.22.0
// the rules read "General" as a military title and "Election" as a person mentioned in 14 BBC
// politics stories. Every BBC story that writes "General Election" is read here.

describeWithCorpus(['bbc.jsonl'], 'capitalised words that are no names', () => {
  it('no BBC story that writes “General Election” has a person named Election', () => {
    const ids = fs.readFileSync(path.join(corpusDir()!, 'bbc.jsonl'), 'utf8').split('\n').filter((l) => l.includes('General Election')).map((l) => (JSON.parse(l) as { id: string }).id);
    expect(ids.length).toBeGreaterThanOrEqual(10);
    const named = ids.filter((id) => extractArticle(bbcStory(id)).people.some((p) => /^Elections?$/.test(p.name)));
    expect(named).toEqual([]);
  });
});

describeWithCorpus(['reuters21578.jsonl'], 'fragments of a split name', () => {
  it('no Reuters story that writes “S and P” (Standard and Poor’s, 1987 spelling) has a one-letter organisation', () => {
    const records = fs.readFileSync(path.join(corpusDir()!, 'reuters21578.jsonl'), 'utf8').split('\n').filter((l) => / S and P\b/.test(l)).map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(records.length).toBeGreaterThanOrEqual(5);
    const fragments = records.flatMap((r) => extractArticle(parseArticle(jsonlRecordToRaw(r, `reuters#${String(r.newid)}`))).organizations.filter((o) => o.name.length === 1).map((o) => `${String(r.newid)}: ${o.name}`));
    expect(fragments).toEqual([]);
  });
});

describeWithCorpus(['reuters21578.jsonl'], 'the end of a title before a name', () => {
  it('“Chancellor of the Exchequer Nigel Lawson” and “Chief of Staff Howard Baker” are Nigel Lawson and Howard Baker, with those roles', () => {
    const lines = fs.readFileSync(path.join(corpusDir()!, 'reuters21578.jsonl'), 'utf8').split('\n').filter((l) => /Exchequer Nigel Lawson|of Staff Howard Baker/.test(l));
    expect(lines.length).toBeGreaterThanOrEqual(5);
    const people = lines.flatMap((l) => { const r = JSON.parse(l) as Record<string, unknown>; return extractArticle(parseArticle(jsonlRecordToRaw(r, `reuters#${String(r.newid)}`))).people; });
    expect(people.map((p) => p.name).filter((n) => /^(?:Exchequer|Staff) /.test(n))).toEqual([]);
    expect(people.some((p) => p.name === 'Nigel Lawson' && p.roles.some((r) => r.includes('Exchequer')))).toBe(true);
    expect(people.some((p) => p.name === 'Howard Baker' && p.roles.some((r) => r.includes('Chief of Staff')))).toBe(true);
  });
});

describeWithCorpus(['bbc.jsonl'], 'analyst firms', () => {
  it('Gartner, quoted as “analyst Gartner” and “Gartner’s principal analyst”, is an organisation in every BBC story that names it, never a person', () => {
    const lines = fs.readFileSync(path.join(corpusDir()!, 'bbc.jsonl'), 'utf8').split('\n').filter((l) => /\bGartner\b/.test(l));
    expect(lines.length).toBeGreaterThanOrEqual(15);
    const read = lines.map((l) => extractArticle(bbcStory((JSON.parse(l) as { id: string }).id)));
    expect(read.filter((x) => x.people.some((p) => p.name === 'Gartner')).length).toBe(0);
    expect(read.filter((x) => x.organizations.some((o) => o.name === 'Gartner')).length).toBe(lines.length);
  });
});

describeWithCorpus(['reuters21578.jsonl'], 'a title word before a common noun', () => {
  it('no Reuters story that writes “General Agreement on Tariffs and Trade” has a person named Agreement', () => {
    const records = fs.readFileSync(path.join(corpusDir()!, 'reuters21578.jsonl'), 'utf8').split('\n').filter((l) => l.includes('General Agreement on Tariffs')).map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(records.length).toBeGreaterThanOrEqual(10);
    const named = records.filter((r) => extractArticle(parseArticle(jsonlRecordToRaw(r, `reuters#${String(r.newid)}`))).people.some((p) => p.name === 'Agreement'));
    expect(named.map((r) => r.newid)).toEqual([]);
  });
});
