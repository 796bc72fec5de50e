import { beforeAll, expect, it } from 'vitest';
import { findDates } from '../../src/extract/dates.ts';
import { eventDate, newsDay, sentenceDates } from '../../src/extract/events/event-setting.ts';
import { corpusText } from '../helpers/corpus-text.ts';
import { describeWithCorpus } from '../helpers/corpus.ts';

// The corpus files whose articles these tests read (never copied here: see tests/helpers/corpus-text.ts).
const CORPUS_FILES = ['bbc.jsonl', 'polnear-traindev.jsonl', 'reuters21578.jsonl'] as const;

/** The one date of a sentence, as [precision, start, end], against a report published on `published`. */
const only = (sentence: string, published: string | null) => {
  const found = findDates(sentence, published);
  expect(found, JSON.stringify(found)).toHaveLength(1);
  return [found[0].precision, found[0].start, found[0].end];
};

describeWithCorpus(CORPUS_FILES, 'temporal expressions against the publication date', () => {
  // 2016-09-08 is a Thursday; 2019-04-19 a Friday; 1987-10-20 a Tuesday.
  it('a month or a year opening the sentence ("In July, …", "In 2012, …")', () => {
    expect(only('In July, Gingrich dismissed NATO member Estonia.', '2016-09-10')).toEqual(['MONTH', '2016-07-01', '2016-07-31']);
    expect(only('In 2012, she was arrested after entering the venue.', '2016-09-26')).toEqual(['YEAR', '2012-01-01', '2012-12-31']);
  });

  it('AP month abbreviations before a day ("Nov. 11, 2014", "Sept. 26") and "this past weekend"', () => {
    expect(only(corpusText('polnear:nyt_2016-09-08_obama-on-climate-change-the-tren', 'On Nov.', 'quiet stroll') + ', the two sealed their agreement.', '2016-09-08')).toEqual(['DAY', '2014-11-11', '2014-11-11']);
    expect(only('HEMPSTEAD, N.Y., Sept. 26 (UPI) — the debate began.', '2016-09-26')).toEqual(['DAY', '2016-09-26', '2016-09-26']);
    expect(only(corpusText('polnear:nyt_2016-09-08_obama-on-climate-change-the-tren', 'And this', 'in Hangzhou, ') + 'the two committed their nations.', '2016-09-08')).toEqual(['RANGE', '2016-09-03', '2016-09-04']);
    // An abbreviation is a month only before a day: "Dec." alone is no date.
    expect(findDates('the Dec. contract fell', '2016-09-08')).toEqual([]);
  });

  it('a month later in the year than the report is last year’s', () => {
    expect(only('In November, the board met.', '2016-09-10')).toEqual(['MONTH', '2015-11-01', '2015-11-30']);
  });

  it('"earlier this year" runs from New Year to the report, "later this year" from the report to the year’s end', () => {
    expect(only('the collapse of a summit earlier this year', '2019-04-19')).toEqual(['RANGE', '2019-01-01', '2019-04-19']);
    expect(only('talks are planned later this year', '2019-04-19')).toEqual(['RANGE', '2019-04-19', '2019-12-31']);
    expect(only('growth this year', '2019-04-19')).toEqual(['YEAR', '2019-01-01', '2019-12-31']);
  });

  it('"this week" is its Monday to the report; "last week" the week before', () => {
    expect(only('Biegun was in Moscow this week for talks.', '2019-04-19')).toEqual(['RANGE', '2019-04-15', '2019-04-19']);
    expect(only('Last week, President Obama flew here.', '2016-09-08')).toEqual(['RANGE', '2016-08-29', '2016-09-04']);
    expect(only('Last month, the administration announced its goal.', '2016-09-12')).toEqual(['MONTH', '2016-08-01', '2016-08-31']);
  });

  it('a quarter of a year: "in late 2014", "in early 2015"', () => {
    expect(only(corpusText('polnear:nyt_2016-10-02_a-curious-plan-to-fight-climate-', 'he took', 'Jim Justice'), '2016-10-02')).toEqual(['RANGE', '2014-10-01', '2014-12-31']);
    expect(only('in early 2015 the company', '2016-10-02')).toEqual(['RANGE', '2015-01-01', '2015-03-31']);
  });

  it('two days of one month: "April 12 and 26"', () => {
    expect(only('elections will be held on April 12 and 26', '1987-03-16')).toEqual(['RANGE', '1987-04-12', '1987-04-26']);
  });

  it('two numbers after a month are a range only when both are days of it ("March 4 and 49 dlrs" is March 4)', () => {
    expect(findDates('it paid March 4 and 49 dlrs', '1987-03-16').map((d) => [d.start, d.end])).toEqual([['1987-03-04', '1987-03-04']]);
    expect(findDates('between June 30 and 1 July', '1987-07-16').every((d) => d.start <= d.end)).toBe(true);
  });

  it('a weekday looks back, unless the clause looks ahead', () => {
    expect(only('The IMF announced Tuesday that it is lowering its forecast.', '2016-10-05')).toEqual(['DAY', '2016-10-04', '2016-10-04']);
    expect(only('Duffy leaves for Indonesia on Wednesday.', '1987-10-20')).toEqual(['DAY', '1987-10-21', '1987-10-21']);
    expect(only("Monday's debate in New York will be his first.", '2016-09-23')).toEqual(['DAY', '2016-09-26', '2016-09-26']);
    expect(only('He spoke on Tuesday.', '1987-10-20')).toEqual(['DAY', '1987-10-20', '1987-10-20']);
    expect(only('The match is next Tuesday.', '1987-10-20')).toEqual(['DAY', '1987-10-27', '1987-10-27']);
  });

  it('reads a month used as a modifier, a deadline, and "more than a year ago"', () => {
    expect(only('NATO at its July summit in Warsaw ordered troops.', '2016-09-10')).toEqual(['MONTH', '2016-07-01', '2016-07-31']);
    expect(only('The May elections were close.', '2016-09-10')).toEqual(['MONTH', '2016-05-01', '2016-05-31']);
    // A deadline ahead is the next such month; one behind, this year's.
    const ahead = findDates('May said the country would declare its intention by the end of March.', '2016-10-05');
    expect(ahead.map((d) => [d.precision, d.end])).toEqual([['ON_OR_BEFORE', '2017-03-31']]);
    expect(findDates('The firm had sold the unit by the end of March.', '2016-10-05').map((d) => [d.precision, d.end])).toEqual([['ON_OR_BEFORE', '2016-03-31']]);
    expect(findDates('Before the debate in Cleveland more than a year ago, he was a novice.', '2016-09-23').map((d) => [d.precision, d.end])).toEqual([['ON_OR_BEFORE', '2015-09-23']]);
    expect(findDates('It fell over two weeks ago.', '2016-09-23').map((d) => [d.precision, d.end])).toEqual([['ON_OR_BEFORE', '2016-09-09']]);
    expect(findDates('by the end of March', null)).toEqual([]);
  });

  it('an undated report resolves only what carries its own year, and marks the rest yearless', () => {
    // A yearless date carries the leap year 2000 as a stand-in; resolve places it by other reports.
    expect(findDates('In July, the talks failed.', null)).toEqual([{ start: '2000-07-01', end: '2000-07-31', precision: 'MONTH', index: 0, yearless: true }]);
    expect(findDates('Putin flies on to an April 26-27 summit.', null).map((d) => [d.precision, d.start, d.end, d.yearless])).toEqual([['RANGE', '2000-04-26', '2000-04-27', true]]);
    expect(findDates('They met on 29 February.', null).map((d) => [d.start, d.yearless])).toEqual([['2000-02-29', true]]);
    expect(findDates('Talks resume next week.', null)).toEqual([]);
    expect(only('In July 2012, Patriot failed.', null)).toEqual(['MONTH', '2012-07-01', '2012-07-31']);
    expect(findDates('In July 2012, Patriot failed.', null)[0].yearless).toBeUndefined();
  });
});

describeWithCorpus(CORPUS_FILES, 'issue 17, part 2: days the report implies', () => {
  it('"is on a two-day visit" is under way on the report\'s day: from n-1 days before it to n-1 days after', () => {
    expect(only(corpusText('reuters:20091', 'Duffy is', 'talks in ') + 'Thailand.', '1987-10-20')).toEqual(['RANGE', '1987-10-19', '1987-10-21']);
    // A past visit is no such range.
    expect(findDates('Duffy made a two-day visit to Malaysia.', '1987-10-20')).toEqual([]);
  });

  it('a weekday whose clause looks ahead past a place\'s name ("Monday\'s debate in New York will be") is the next one', () => {
    // 2016-09-23 is a Friday.
    expect(only(corpusText('polnear:usa-today_2016-09-23_ready-for-trump-vs-clinton-his-p', 'And while', 'single opponent, ') + '…', '2016-09-23')).toEqual(['DAY', '2016-09-26', '2016-09-26']);
    expect(only("Monday's debate in New York was Trump's first.", '2016-09-23')).toEqual(['DAY', '2016-09-19', '2016-09-19']);
  });
});

describeWithCorpus(CORPUS_FILES, 'the news day of the lead', () => {
  // 2016-09-08 is a Thursday: the lead's "Wednesday" is the 7th.
  // Read when the suite runs, not when it is collected (a missing corpus skips the suite instead of failing the file).
  let text = '';
  beforeAll(() => {
    text = 'Candidates vie' + corpusText('polnear:usa-today_2016-09-08_candidates-vie-for-vets-support-', '.\n\nDonald', 'own experience') + corpusText('polnear:usa-today_2016-09-08_candidates-vie-for-vets-support-', '.\n\nDuring', 'attacked Clinton') + '.\n\nThe campaign announced the ad just hours after Trump attacked Clinton again.';
  });
  const sentenceOf = (needle: string) => {
    const start = text.indexOf(needle);
    return { start, end: text.indexOf('.', start) + 1 };
  };
  const dateOf = (sentence: string, trigger: string, published: string | null) => {
    const s = sentenceOf(sentence);
    const at = text.indexOf(trigger, s.start);
    return eventDate(text, sentenceDates(text, published)(s as never), s as never, { start: at, end: at + trigger.length });
  };

  it('is the first day the lead gives within the week before the report', () => {
    expect(newsDay(text, '2016-09-08')).toBe('2016-09-07');
    expect(newsDay(text, null)).toBeNull();
    expect(newsDay('Nothing dated here.', '2016-09-08')).toBeNull();
  });

  it('"earlier in the day" is the news day, not the report\'s', () => {
    expect(dateOf('During a national', 'attacked', '2016-09-08')).toMatchObject({ precision: 'DAY', start: '2016-09-07', end: '2016-09-07' });
  });

  it('what happened "hours after" something, undated otherwise, is on the news day; what the phrase follows is not dated by it', () => {
    expect(dateOf('The campaign announced', 'attacked', '2016-09-08')).toMatchObject({ precision: 'DAY', start: '2016-09-07' });
    expect(dateOf('The campaign announced', 'announced', '2016-09-08')).toBeNull();
  });
});

describeWithCorpus(CORPUS_FILES, 'a results period opening the sentence', () => {
  it('reads "For 1986" and "For the whole of 2004" as the year', () => {
    expect(findDates(corpusText('reuters:696', 'For 1986', 'in 1985.'), '1987-03-02').map((d) => d.start.slice(0, 4))).toEqual(['1986', '1985']);
    expect(findDates(corpusText('bbc:business/467', 'For the', 'to $193bn.'), '2005-01-27')[0]).toMatchObject({ start: '2004-01-01', end: '2004-12-31', precision: 'YEAR' });
  });
});
