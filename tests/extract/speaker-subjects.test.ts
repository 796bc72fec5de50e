import { expect, it } from 'vitest';
import { extractArticle } from '../../src/extract/extract-article.ts';
import { bbcStory, describeWithCorpus } from '../helpers/corpus.ts';
import { extractPolnear as polnear, speakerName, statementWith } from '../helpers/test-article.ts';
import { corpusText } from '../helpers/corpus-text.ts';

// Who a statement's subject is, on PolNeAR train and BBC articles (extractor 1.33.0): sentences that
// end at an abbreviation, compound given names, chains of descriptions after a name, fronted phrases
// and quotations named by a verb of naming. Each case was a wrong or missing speaker before.

describeWithCorpus(['polnear-traindev.jsonl', 'bbc.jsonl'], 'the subject who speaks', () => {
  it('a sentence ends at "U.S." before "He says": the next one is its own statement, said by "He" (Chris Cox)', () => {
    const x = polnear('breitbart_2016-01-05_the-latest-cruz-to-give-away-eng');
    const he = statementWith(x, 'emotional, condescending lectures');
    expect(he.text).not.toContain('Obama is trying to distract');
    expect(he.speakerText).toBe('He');
    expect(speakerName(x, he)).toBe('Chris Cox');
    // A title-case headline is not cut at "U.S. As".
    const headline = polnear('huff-post_2016-07-26_obama-administration-to-expand-p');
    expect(headline.statements.some((s) => s.text.startsWith(corpusText('polnear:huff-post_2016-07-26_obama-administration-to-expand-p', 'Program To', 'As Refugees')))).toBe(true);
  });

  it('a compound given name stays whole ("Jean-Pierre Garnier", "Anne-Marie Slaughter"), two names joined by a hyphen do not', () => {
    const bbc = extractArticle(bbcStory('business/115'));
    expect(bbc.people.map((p) => p.name)).toContain('Jean-Pierre Garnier');
    const x = polnear('politico_2016-02-19_more-hillary-clinton-emails-rele');
    expect(speakerName(x, statementWith(x, 'Turning POTUS around on this'))).toBe('Anne-Marie Slaughter');
    expect(x.people.map((p) => p.name)).not.toContain('Marie Slaughter');
  });

  it('a name followed by descriptions set off by commas is the subject, not a name inside them', () => {
    const x = polnear('wash-post_2016-04-20_beyond-victory-clinton-faces-dee');
    const s = statementWith(x, 'the primaries have reinforced perceptions');
    expect(s.speakerText).toBe('Geoff Garin');
  });

  it('a phrase put before the subject is no speaker: the name it ends with, or no one', () => {
    const afl = polnear('politico_2016-06-10_afl-cio-to-endorse-clinton');
    const s = statementWith(afl, 'the Trans-Pacific Partnership');
    expect(s.speakerText).toBe('Clinton');
    expect(speakerName(afl, s)).toBe('Hillary Clinton');
    const nyt = polnear('nyt_2016-06-03_no-love-lost-between-trump-and-t');
    expect(nyt.statements.map((st) => st.speakerText)).not.toContain('For all these reasons');
  });

  it('a noun after a determiner is not a verb of saying ("the remarks"); the quotation’s naming verb has the subject', () => {
    const x = polnear('wash-post_2016-08-10_philippine-lawmaker-wants-trump-');
    const s = statementWith(x, 'widespread dissemination');
    expect(s.speakerText).toBe('Salceda');
    expect(x.statements.map((st) => st.speakerText)).not.toContain("said Trump's");
  });
});

describeWithCorpus(['polnear-traindev.jsonl'], 'quotations in the layouts of transcripts, testimonials and block quotes', () => {
  it('a transcript turn in quotation marks is said by its label’s speaker, without the label, and a stage direction keeps the run going', () => {
    const x = polnear('breitbart_2016-09-25_pence-gennifer-flowers-won-t-be-');
    const turn = statementWith(x, 'Gennifer Flowers will not be attending the debate');
    expect(turn.text.startsWith('Gennifer Flowers will not')).toBe(true);
    expect(turn.speakerText).toBe('PENCE');
    expect(speakerName(x, turn)).toBe('Mike Pence');
    // After "(CROSSTALK.)" the turns are still quotations; neither it nor "Well" is a person. The
    // article never names Wallace in full, so his turns have the label and no entity.
    expect(statementWith(x, 'Do you really see those two as equivalent').speakerText).toBe('WALLACE');
    expect(x.people.map((p) => p.name)).not.toContain('CROSSTALK');
    expect(x.people.map((p) => p.name)).not.toContain('Well');
    const benghazi = polnear('breitbart_2016-03-09_hillary-benghazi-victim-mother-a');
    expect(statementWith(benghazi, 'did you lie to them?').speakerText).toBe('RAMOS');
    expect(benghazi.statements.map((s) => s.speakerText)).not.toContain('VIDEO');
  });

  it('a right mark opening a quotation (” … they are so not like him,”) is a quotation of its speaker', () => {
    const x = polnear('west-journal_2016-08-11_reagan-s-daughter-makes-strong-s');
    expect(speakerName(x, statementWith(x, 'they are so not like him'))).toBe('Patti Davis');
  });

  it('a straight-quoted paragraph holding a curly quotation is one quotation, introduced by the paragraph before ("Dr. Ward stated:")', () => {
    const x = polnear('breitbart_2016-05-14_mccain-challenger-kelli-ward-imp');
    const s = statementWith(x, 'Equal Justice Under Law');
    expect(s.text).toContain('fundamentally transforming our nation');
    expect(speakerName(x, s)).toBe('Kelli Ward');
  });

  it('a quotation that is sung is its singer’s (“…,” Blige sings)', () => {
    const x = polnear('breitbart_2016-09-28_mary-j-blige-sings-to-hillary-cl');
    expect(speakerName(x, statementWith(x, 'Promise mama you’ll keep your hands in sight'))).toBe('Mary J. Blige');
  });

  it('an inverted attribution whose name follows a description ("…, said Ohio State University professor Paul Beck.") is that person’s, and the name is no content', () => {
    const x = polnear('politico_2016-03-07_how-donald-trump-scrambles-the-g');
    expect(speakerName(x, statementWith(x, 'drew quite well from white, working-class Democrats'))).toBe('Paul Beck');
    expect(x.statements.some((s) => s.text === 'Ohio State University professor Paul Beck')).toBe(false);
  });

  it('", adding that …" ends the first content: the participle’s words are a statement of their own', () => {
    const x = polnear('breitbart_2016-02-20_the-latest-hillary-clinton-tells');
    const said = statementWith(x, corpusText('polnear:breitbart_2016-02-20_the-latest-hillary-clinton-tells', 'only one', 'this race'));
    expect(said.text).not.toContain('adding');
    const added = statementWith(x, 'relentlessly attacks us and ignores the other candidates');
    expect(added).not.toBe(said);
    expect(speakerName(x, added)).toBe('Ted Cruz');
  });

  it('a quotation set off by commas inside the writer’s sentence and attributed right after it is its speaker’s (…, "I think he will do it," said Kunin)', () => {
    const x = polnear('usa-today_2016-04-26_sanders-will-back-clinton-eventu');
    const s = statementWith(x, 'I think he will do it');
    expect(s.kind).toBe('DIRECT');
    expect(s.text.startsWith('I think he will do it')).toBe(true);
    expect(speakerName(x, s)).toBe('Madeleine Kunin');
  });
});
