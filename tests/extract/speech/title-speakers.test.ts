import { expect, it } from 'vitest';
import { describeWithCorpus } from '../../helpers/corpus.ts';
import { extractPolnear as polnear, speakerName, statementWith } from '../../helpers/test-article.ts';

// A title's full stop ends no speaker: "…,” said Sen. Tom Carper of Delaware." and "according to
// Mr. Rhodes" named "Sen" and "Mr" before (PolNeAR train articles), with no person resolved. And a
// clause opening with "Then" introduces its quotation ("Then she added a caveat: “…”").

describeWithCorpus(['polnear-traindev.jsonl'], 'speakers after a title', () => {
  it('“…,” said Sen. Name: the senator speaks, named in full', () => {
    const x = polnear('politico_2016-06-21_sanders-anti-superdelegate-push-');
    const carper = statementWith(x, 'something we should debate');
    expect(carper.speakerText).toBe('Sen. Tom Carper of Delaware');
    expect(speakerName(x, carper)).toBe('Tom Carper');
    const merkley = statementWith(x, 'get rid of superdelegates entirely');
    expect(speakerName(x, merkley)).toBe('Jeff Merkley');
    expect(x.statements.filter((s) => /^(?:Sen|Rep|Mr|Ms|Dr)$/.test(s.speakerText ?? ''))).toEqual([]);
  });

  it('according to Mr. Name / Rep. Name: the named person speaks', () => {
    const nyt = polnear('nyt_2015-11-10_netanyahu-and-obama-a-tortured-r');
    expect(statementWith(nyt, 'high-water mark').speakerText).toBe('Mr. Rhodes');
    const gowdy = polnear('west-journal_2016-05-25_trey-gowdy-benghazi-investigatio');
    const s = statementWith(gowdy, 'Congressional probing of the Benghazi scandal');
    expect(s.speakerText).toBe('Rep. Trey Gowdy');
    expect(speakerName(gowdy, s)).toBe('Trey Gowdy');
  });

  it('"Then she added a caveat: “…”" is a statement of its own, not the end of the quotation before', () => {
    const x = polnear('wash-post_2016-06-27_the-revolutionary-s-next-tactic-');
    const caveat = statementWith(x, 'Down the ballot');
    expect(caveat.text).not.toContain('write in Bernie');
    expect(caveat.speakerText).toBe('she');
    expect(speakerName(x, caveat)).toBe(speakerName(x, statementWith(x, 'write in Bernie')));
  });
});
