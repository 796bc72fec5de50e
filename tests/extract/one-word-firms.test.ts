import { expect, it } from 'vitest';
import { extractArticle } from '../../src/extract/extract-article.ts';
import { findEntities } from '../../src/extract/entities.ts';
import { describeWithCorpus } from '../helpers/corpus.ts';
import { corpusArticle } from '../helpers/corpus-text.ts';

// One-word "people" that their own article writes as firms (src/extract/ner/firm-cues.ts): a firm
// noun before the name ("oil firm …"), a firm's appositive, stock, profits or a stake after it, a
// ticker, a share price, a company named with it. Given names and surnames are no guard: Renault,
// Chrysler and Dell are both. Real articles, read from the shared corpus at run time.

const people = (doc: string) => extractArticle(corpusArticle(doc)).people.map((p) => p.name);
const orgs = (doc: string) => extractArticle(corpusArticle(doc)).organizations.map((o) => o.name);

describeWithCorpus(['bbc.jsonl', 'reuters21578.jsonl'], 'one-word firms read as people', () => {
  it.each([
    ['bbc:business/003', 'Rosneft', '“State-owned Rosneft”'],
    ['bbc:business/250', 'Dell', '“firms such as Dell”, “direct-sales giant Dell”'],
    ['bbc:tech/008', 'Sophos', '“anti-virus firm Sophos”'],
    ['bbc:business/117', 'Chrysler', '“the Chrysler group”, “Chrysler’s strong performance”'],
    ['bbc:business/247', 'Renault', '“Renault boost its profits”, “Renault said”'],
    ['reuters:8778', 'Citicorp', 'a ticker: “Citicorp <CCI>”'],
    ['reuters:7066', 'Swissair', 'a ticker; “…, he said” is the speaker’s'],
    ['reuters:6321', 'Labatt', '“<John Labatt Ltd>” in the same story'],
    ['reuters:4982', 'Bell', '“the regional Bell companies”'],
    ['reuters:13938', 'Chrysler', 'a share price: “Chrysler rose …”'],
    ['reuters:559', 'Brown', '“Alex. Brown and Sons Inc”'],
  ])('%s: %s is a company, not a person (%s)', (doc, name) => {
    expect(people(doc)).not.toContain(name);
    expect(orgs(doc)).toContain(name);
  });

  it('a film written "Boogeyman, which …" (bbc:entertainment/053) is no person', () => {
    expect(people('bbc:entertainment/053')).not.toContain('Boogeyman');
  });

  it('people stay people: "Mr Bell" (bbc:politics/259), "President Reagan" (reuters:10256), Denver', () => {
    expect(people('bbc:politics/259').some((n) => /Bell$/.test(n))).toBe(true);
    expect(people('reuters:10256').some((n) => /Reagan$/.test(n))).toBe(true);
    for (const doc of ['reuters:97', 'reuters:747', 'reuters:2740']) expect(people(doc)).toContain('Denver');
  });
});

it('a surname after the full name stays the person, beside the firm named after him (made-up text)', () => {
  const text = 'Dell Inc said on Tuesday that its profits rose by a fifth. Michael Dell, who founded the firm, spoke in Austin. Mr Dell said he was pleased with the results.';
  const index = findEntities(text);
  const dell = index.people.find((p) => p.name === 'Michael Dell')!;
  expect(dell.mentions.map((m) => m.text)).toContain('Dell');
  expect(index.people.map((p) => p.name)).not.toContain('Dell');
  expect(index.organizations.map((o) => o.name)).toContain('Dell Inc');
});
