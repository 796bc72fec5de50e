import { expect, it } from 'vitest';
import { extractArticle } from '../../src/extract/extract-article.ts';
import { parseArticle } from '../../src/ingest/parse-article.ts';
import { jsonlRecordToRaw } from '../../src/pipeline/read-sources.ts';
import { corpusText } from '../helpers/corpus-text.ts';
import { describeWithCorpus } from '../helpers/corpus.ts';

// The corpus files whose articles these tests read (never copied here: see tests/helpers/corpus-text.ts).
const CORPUS_FILES = ['polnear-traindev.jsonl'] as const;

/**
 * A text that opens with its headline (PolNeAR's) reports the lead's news there: an event the headline
 * gives without a date happened on the lead's news day. Headline and lead from the events gold's
 * development part (West Journal, 2016-10-04); the later dates are the report's.
 */
const HEADLINE = () => corpusText('polnear:west-journal_2016-10-04_railing-against-trump-sanders-vo', 'Railing Against', 'Estate Developers');
const LEAD = () =>
  corpusText('polnear:west-journal_2016-10-04_railing-against-trump-sanders-vo', 'If Donald', 'against it.') + '  ' + corpusText('polnear:west-journal_2016-10-04_railing-against-trump-sanders-vo', 'Based on', 'are deducted.');

const extract = (title: string, lead: string, published = '2016-10-04') =>
  extractArticle(parseArticle(jsonlRecordToRaw({ title, text: `${title}.\n\n${lead}`, publication_date: published }, 'test')));

describeWithCorpus(CORPUS_FILES, 'events a headline reports', () => {
  it('happened on the lead’s news day', () => {
    const events = extract(HEADLINE(), LEAD()).events;
    const railing = events.find((e) => e.trigger?.text === 'Railing Against');
    expect(railing, JSON.stringify(events.map((e) => e.trigger?.text))).toBeDefined();
    expect(railing).toMatchObject({ type: 'ACCUSE', precision: 'DAY', startDate: '2016-10-04', endDate: '2016-10-04' });
  });

  it('stay on or before the report without a news day in the lead', () => {
    const undated = extract(HEADLINE(), LEAD().replace('Sanders on Tuesday said', 'Sanders said')).events.find((e) => e.trigger?.text === 'Railing Against');
    expect(undated).toMatchObject({ precision: 'ON_OR_BEFORE', startDate: null, endDate: '2016-10-04' });
  });
});
