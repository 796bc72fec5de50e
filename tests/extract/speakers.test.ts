import { expect, it } from 'vitest';
import { extractTestArticle, speakerName, speakerOf as speakerOfAny } from '../helpers/test-article.ts';
import { corpusText } from '../helpers/corpus-text.ts';
import { describeWithCorpus } from '../helpers/corpus.ts';

// The corpus files whose articles these tests read (never copied here: see tests/helpers/corpus-text.ts).
const CORPUS_FILES = ['bbc.jsonl', 'polnear-traindev.jsonl'] as const;

/** The extraction of a short article written for the test, and its statements. */
function statementsOf(body: string) {
  const ex = extractTestArticle(body);
  return { ex, statements: ex.statements };
}

/** For a short article written for the test: who said the direct statement holding `words` (undefined: no such statement). */
const speakerOf = (body: string, words: string) => speakerOfAny(body, words, { direct: true });

describeWithCorpus(CORPUS_FILES, 'speakers of quotations that stand alone in their paragraph', () => {
  it('continue the speaker quoted in the paragraph before', () => {
    // One statement across both quotations.
    expect(speakerOf('“We are ready to talk,” Foreign Minister Hiroshi Tanaka said on Thursday.\n\n“Nobody should doubt that we mean it.”', 'Nobody should doubt')).toBe('Hiroshi Tanaka');
  });

  it('take the subject of the paragraph before when nobody was quoted yet', () => {
    expect(speakerOf('Senator Maria Lopez praised the governor’s handling of the floods.\n\n“We need someone who can cut through the noise and get things done.”', 'We need someone')).toBe('Maria Lopez');
  });

  it('do not take a name that is not the subject of that paragraph', () => {
    expect(speakerOf('Crowds gathered outside the hall where Senator Maria Lopez was due to speak.\n\n“We have waited all day and we will wait longer.”', 'We have waited')).toBeNull();
  });
});

describeWithCorpus(CORPUS_FILES, 'a quotation that continues an earlier speaker', () => {
  it('continues the nearest speaker even when that speaker is only a description', () => {
    const { statements } = statementsOf(
      'Senator Maria Lopez said on Thursday that the bill would pass. “It will not pass this year,” an aide to the governor replied.\n\n“The votes are simply not there, whatever she says.”',
    );
    const later = statements.find((s) => s.text.includes('The votes are'))!;
    // Not Maria Lopez, the last speaker with a name: the aide, as written, who was quoted last.
    expect(later.speakerText).toBe('an aide to the governor');
    expect(later.speaker).toBeNull();
  });

  it('is a statement of its own after reported speech, not part of the paraphrase', () => {
    const { ex, statements } = statementsOf('Michelle Fields later said she had been yanked backward by the campaign manager.\n\n“It hurt and it frightened me, and nobody has apologised.”');
    const indirect = statements.find((s) => s.kind === 'INDIRECT')!;
    expect(indirect.text).toBe('she had been yanked backward by the campaign manager');
    const quote = statements.find((s) => s.kind === 'DIRECT')!;
    expect(quote.text).toBe('It hurt and it frightened me, and nobody has apologised.');
    expect(speakerName(ex, quote)).toBe('Michelle Fields');
  });
});

describeWithCorpus(CORPUS_FILES, 'people named by a listed given name', () => {
  it('are people even without a title or a role noun', () => {
    const { ex } = statementsOf('Corey Lewandowski ripped the FBI director on Wednesday.\n\nLongtime friend Lanny Davis appeared on television to defend her. “She did nothing illegal,” Davis said.');
    const names = ex.people.map((p) => p.name);
    expect(names).toEqual(expect.arrayContaining(['Corey Lewandowski', 'Lanny Davis']));
    const quote = ex.statements.find((s) => s.text.includes('nothing illegal'))!;
    expect(speakerName(ex, quote)).toBe('Lanny Davis');
  });

  it('are not firms, clubs, places or trophies that open with a given name', () => {
    const { ex } = statementsOf('Merrill Lynch and Chase Manhattan lent money to West Ham before the Davis Cup final in Costa Rica. Eli Lilly Co said profits rose.');
    expect(ex.people.map((p) => p.name)).toEqual([]);
  });
});

describeWithCorpus(CORPUS_FILES, 'descriptors before a name', () => {
  it('become the role, and the name after them is the person', () => {
    const { ex } = statementsOf(corpusText('polnear:breitbart_2016-07-21_trump-fever-infects-convention-f', 'House Republican', 'to support ') + 'Rand Paul, but now backs Trump. Journalist Jorge Ramos disagreed.');
    const massie = ex.people.find((p) => p.name === 'Thomas Massie');
    expect(massie?.roles).toEqual(['House Republican']);
    expect(ex.people.map((p) => p.name)).toContain('Jorge Ramos');
  });
});

describeWithCorpus(CORPUS_FILES, 'the subject of a sentence, not a name after it, speaks', () => {
  const speakerOfText = (body: string, words: string) => {
    const { ex } = statementsOf(body);
    return speakerName(ex, ex.statements.find((s) => s.text.includes(words))!);
  };

  it('around a partial quotation', () => {
    expect(speakerOfText('Corey Lewandowski' + corpusText('polnear:politico_2016-07-06_lewandowski-fbi-director-acted-a', ' ripped FBI', 'jury” in ') + 'the email case.', 'the judge and the jury')).toBe('Corey Lewandowski');
  });

  it('before a colon that introduces a quotation', () => {
    expect(speakerOfText('Donald Trump spoke on Fox News on Monday evening.\n\nHe told Sean Hannity: “We had a board meeting and it was off the record.”', 'board meeting')).toBe('Donald Trump');
  });
});

describeWithCorpus(CORPUS_FILES, 'he and she', () => {
  it('do not point at someone whose given name is listed for the other gender', () => {
    const { ex } = statementsOf('“We are fixing the pipes as fast as we can,” Governor Rick Snyder said on Tuesday. Activist Erin Brockovich was not convinced. “The water is still poisoned and the people know it,” she said.');
    const st = ex.statements.find((s) => s.text.includes('still poisoned'))!;
    expect(st.speakerText).toBe('she');
    expect(speakerName(ex, st)).toBe('Erin Brockovich');
  });

  it('still point at a family-name-first name whose first word is also a given name', () => {
    const { ex } = statementsOf('“We will meet again,” North Korean leader Kim Jong Un said on Thursday. “I am ready for talks,” he added.');
    const st = ex.statements.find((s) => s.text.includes('ready for talks'))!;
    expect(speakerName(ex, st)).toBe('Kim Jong Un');
  });
});

describeWithCorpus(CORPUS_FILES, 'a name after a dash closing the quotation', () => {
  it('is the speaker (testimonials, epigraphs)', () => {
    const { ex } = statementsOf('Readers told us what they thought of the debate.\n\n“He did not answer a single question about the economy.” ― Maria Gonzalez\n\n“It was a draw, and nobody changed their mind.” — Steve Quinlan.');
    const first = ex.statements.find((s) => s.text.includes('single question'))!;
    const second = ex.statements.find((s) => s.text.includes('a draw'))!;
    expect(first.speakerText).toBe('Maria Gonzalez');
    expect(second.speakerText).toBe('Steve Quinlan');
    expect(speakerName(ex, first)).toBe('Maria Gonzalez');
  });
});

describeWithCorpus(CORPUS_FILES, 'a quotation in straight quotes running over several paragraphs', () => {
  it('is found when a colon introduces it, and keeps its speaker', () => {
    const { ex } = statementsOf('Caddell continued his argument on the radio, and Senator Maria Lopez stated:\n\n"The health issue is a partisan issue, but that does not explain these numbers, which I will read to you now.\n\n"They show the same concern in every group of voters we asked."');
    const st = ex.statements.find((s) => s.text.includes('health issue'))!;
    expect(st.kind).toBe('DIRECT');
    expect(speakerName(ex, st)).toBe('Maria Lopez');
  });
});

describeWithCorpus(CORPUS_FILES, 'an attribution set off by commas in a sentence with a partial quotation', () => {
  it('names the speaker of the mixed statement', () => {
    const { ex } = statementsOf('Donald ' + corpusText('polnear:huff-post_2016-06-17_trump-s-supporters-may-be-the-re', 'Trump, Sexton', 'correctness-free zone.”'));
    const st = ex.statements.find((s) => s.text.includes('reality-bending'))!;
    expect(st.kind).toBe('MIXED');
    expect(st.speakerText).toBe('Sexton');
    expect(st.text).not.toContain('Sexton said');
  });
});

describeWithCorpus(CORPUS_FILES, 'the words before a cue that introduces a quotation', () => {
  it('lose trailing adverbs and a coordinated predicate', () => {
    const a = statementsOf('Mayor Jennifer Roberts repeatedly said: “The video will be released when the time is right.”');
    expect(a.statements.find((s) => s.text.includes('video'))!.speakerText).toBe('Mayor Jennifer Roberts');
    const b = statementsOf('The old friend laughed and said, “That is the best news I have heard all week long.”');
    expect(b.statements.find((s) => s.text.includes('best news'))!.speakerText).toBe('The old friend');
  });
});

describeWithCorpus(CORPUS_FILES, 'a speaker written as an apposition after a name', () => {
  it('is the name it describes, and a pronoun after it continues that name', () => {
    const { ex, statements } = statementsOf(
      'Mike Hollis, a research director at analyst firm Quantel, told reporters that the market was sealed off. “They have built a very seamless package,” he said.',
    );
    const told = statements.find((s) => s.text.includes('market was sealed'))!;
    expect(speakerName(ex, told)).toBe('Mike Hollis');
    const quote = statements.find((s) => s.kind === 'DIRECT')!;
    expect(speakerName(ex, quote)).toBe('Mike Hollis');
  });

  it('is not an aside naming someone else ("Clinton, a top aide said, …")', () => {
    const { ex, statements } = statementsOf('Hillary Clinton, a top aide said, “is very confident in the contrast” between the two candidates.');
    for (const s of statements) expect(speakerName(ex, s)).not.toBe('Hillary Clinton');
  });
});

describeWithCorpus(CORPUS_FILES, 'a speaker span on the tail of an apposition', () => {
  it('is the name the apposition follows, not a firm named inside it', () => {
    const { ex, statements } = statementsOf('Nicholas Holloway, chairman and founder of Orbital Labs, says he is developing a laptop that will sell for less than $100.');
    const says = statements.find((s) => s.text.includes('developing a laptop'))!;
    expect(speakerName(ex, says)).toBe('Nicholas Holloway');
  });
});

describeWithCorpus(CORPUS_FILES, '"he" before anyone is quoted', () => {
  it('is the subject of the sentence before, not a name later in it', () => {
    expect(speakerOf('Judge Peter Collins sentenced Tom Reilly to five years in prison on Monday. “This was a cruel and calculated fraud on people who trusted you,” he said.', 'cruel and calculated')).toBe('Peter Collins');
  });

  it('is the subject of its own sentence when nobody else is named between them', () => {
    // Not the subject of the sentence before (Hitzlsperger): its own sentence's subject comes first.
    const { ex, statements } = statementsOf(corpusText('bbc:sport/230', 'Thomas Hitzlsperger', 'David O') + '’Leary. O’' + corpusText('bbc:sport/230', 'Leary has', 'new deal ') + 'with the club and he said the news would come soon.');
    const said = statements.find((s) => s.text.includes('news would come'))!;
    expect(speakerName(ex, said)).toBe('David O’Leary');
  });
});

describeWithCorpus(CORPUS_FILES, 'a government named by its country\'s demonym', () => {
  it('is that country\'s government, not the country the story names most', () => {
    const { ex, statements } = statementsOf('Officials in the United States and Washington have raised concerns about the deal, and the United States Treasury is reviewing it. The Turkish government said the claims were false and politically motivated.');
    const said = statements.find((s) => s.text.includes('claims were false'))!;
    expect(said.speaker?.type).toBe('organization');
    expect(speakerName(ex, said)).toBe('Turkey');
  });
});

describeWithCorpus(CORPUS_FILES, 'a role written with its organisation', () => {
  it('is the person holding it, not the organisation', () => {
    const { ex, statements } = statementsOf('Labour chairman Ian McCartney opened the Labour conference in Brighton on Monday. The Labour chairman said the party was ready for the election.');
    const said = statements.find((s) => s.text.includes('ready for the election'))!;
    expect(speakerName(ex, said)).toBe('Ian McCartney');
  });
});

describeWithCorpus(CORPUS_FILES, '"he" after a name inside an apposition or an unnamed spokesman', () => {
  it('goes to the person the apposition describes, not the firm named in it', () => {
    expect(speakerOf('The deal was praised by Tim Dane' + corpusText('bbc:entertainment/326', 's, the', 'magazine Screen ') + 'Weekly. “It will change the industry,” he said.', 'change the industry')).toBe('Tim Danes');
  });

  it('continues the spokesman quoted last, not an earlier name', () => {
    const { ex, statements } = statementsOf('Home Secretary Charles Clarke announced the plans on Monday. A' + corpusText('bbc:politics/168', ' spokesman for', 'the proposals') + ' later. He said: “' + corpusText('bbc:politics/168', 'We stand', 'the Act') + '.”');
    const quote = statements.find((s) => s.text.includes('We stand by'))!;
    expect(speakerName(ex, quote)).not.toBe('Charles Clarke');
  });
});

describeWithCorpus(CORPUS_FILES, 'a clause taken for a speaker', () => {
  it('names no one ("Asked whether Clinton …")', () => {
    const { ex, statements } = statementsOf('Clinton leads among Democrats' + corpusText('polnear:breitbart_2016-02-18_poll-bernie-sanders-burns-hillar', '. Asked', 'all voters ') + 'disagreed.');
    for (const s of statements) if (/^(?:whether|if)\s/.test(s.speakerText ?? '')) expect(speakerName(ex, s)).toBeNull();
  });
});
