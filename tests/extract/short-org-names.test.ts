import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../src/extract/extract-article.ts';
import { orgShortened } from '../../src/extract/ner/short-org-names.ts';
import type { OrgDraft } from '../../src/extract/entity-drafts.ts';
import { corpusRecords, corpusStory, describeWithCorpus } from '../helpers/corpus.ts';

// Wire copy names an institution in full once, then by its head noun ("the Bank of England … the
// Bank said"). Before 1.37.0 the head noun was an organisation of its own: "Bank" in 150 Reuters
// stories, "Commission" in 146, "Community" in 54.

const org = (name: string, kind: OrgDraft['kind'] = 'OTHER'): OrgDraft => ({ name, kind, aliases: new Set([name]), roles: new Set(), mentions: [] });

describe('orgShortened', () => {
  it('joins a head noun to the one organisation it heads, by last word or before “of”', () => {
    const boe = org('Bank of England');
    expect(orgShortened(org('Bank'), [boe, org('Reuters')])).toBe(boe);
    expect(orgShortened(org("Bank's"), [boe])).toBe(boe);
    const ec = org('European Commission');
    expect(orgShortened(org('Commission'), [ec])).toBe(ec);
  });
  it('leaves it alone when two organisations could be meant, or none', () => {
    expect(orgShortened(org('Bank'), [org('Bank of Japan'), org('World Bank')])).toBeNull();
    expect(orgShortened(org('Bank'), [org('Reuters')])).toBeNull();
  });
  it('never reads a country, a government, “the House” as the White House, or a word after “and” as a short form', () => {
    expect(orgShortened(org('Japan'), [org('Bank of Japan')])).toBeNull();
    expect(orgShortened(org('Japan', 'GOVERNMENT'), [org('Bank of Japan')])).toBeNull();
    expect(orgShortened(org('House'), [org('White House')])).toBeNull();
    expect(orgShortened(org('USSR'), [org('U.S. and USSR')])).toBeNull();
    expect(orgShortened(org('Trail'), [org("Cominco's Trail")])).toBeNull();
  });
});

describeWithCorpus(['reuters21578.jsonl'], 'head nouns of institutions in Reuters stories', () => {
  it('“the Bank” is the Bank of England in every story that names it in full and no other bank', () => {
    const records = corpusRecords('reuters21578.jsonl', /Bank of England/).filter((r) => /\bthe Bank\b/.test(String(r.body)) && !/\b(?:[A-Z][a-z]+ Bank|Bank of (?!England))/.test(String(r.body).replace(/Bank of England/g, '')));
    expect(records.length).toBeGreaterThanOrEqual(20);
    const left = records.filter((r) => extractArticle(corpusStory('reuters21578.jsonl', r)).organizations.some((o) => /^Bank(?:['’]s)?$/.test(o.name)));
    expect(left.map((r) => r.newid)).toEqual([]);
    const joined = records.filter((r) => extractArticle(corpusStory('reuters21578.jsonl', r)).organizations.some((o) => o.name === 'Bank of England' && o.aliases.includes('Bank')));
    // The rest never tag "the Bank" as a name at all.
    expect(joined.length).toBeGreaterThanOrEqual(records.length / 2);
  });
  it('“the House” never joins the White House', () => {
    const records = corpusRecords('reuters21578.jsonl', /White House/).filter((r) => /\bthe House\b/.test(String(r.body)));
    expect(records.length).toBeGreaterThanOrEqual(5);
    const joined = records.filter((r) => extractArticle(corpusStory('reuters21578.jsonl', r)).organizations.some((o) => o.name === 'White House' && o.aliases.includes('House')));
    expect(joined.map((r) => r.newid)).toEqual([]);
  });
  it('a generic head noun that shortens no organisation of its story is none ("Federal funds", "Finance Minister Dilson Funaro")', () => {
    const records = corpusRecords('reuters21578.jsonl', /Federal funds|Finance Minister/).slice(0, 200);
    expect(records.length).toBeGreaterThanOrEqual(100);
    const generic = records.flatMap((r) => extractArticle(corpusStory('reuters21578.jsonl', r)).organizations.filter((o) => /^(?:Federal|Finance|Bank|Board|Commission)(?:['’]s)?$/.test(o.name)).map((o) => `${String(r.newid)}: ${o.name}`));
    expect(generic).toEqual([]);
  });
});
