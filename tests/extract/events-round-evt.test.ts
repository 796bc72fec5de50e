import { describe, expect, it } from 'vitest';
import { eventSummariesOfType as ofType } from '../helpers/test-article.ts';

// Sentences from PolNeAR and Reuters articles (the events gold's development part, and articles the
// events gold does not hold): rules of this round for reading events, each also read on BBC,
// PolNeAR train and Reuters before and after.

describe('typed events: holding someone in contempt', () => {
  it('reads the one held as the target and a chamber’s panel as the source', () => {
    expect(ofType('A House panel voted Thursday to hold Bryan Pagliano, a former technology aide to Hillary Clinton, in contempt of Congress for refusing to testify about the private email set-up Clinton used as secretary of state.', 'LEGAL')).toEqual(['LEGAL/contempt House panel → Bryan Pagliano']);
  });

  it('needs no named holder, and a hypothetical contempt is none', () => {
    expect(ofType('On Thursday, the panel held Bryan Pagliano in contempt of Congress for refusing to show up to a hearing despite a subpoena.', 'LEGAL')).toEqual(['LEGAL/contempt - → Bryan Pagliano']);
    expect(ofType('<Dittler Brothers> said a court-appointed auditor has recommended that Bally Manufacturing Corp\'s Scientific Games Inc subsidiary should be held in contempt of the Fulton County Superior Court in Georgia as a result of alleged violation of a court order.', 'LEGAL')).toEqual([]);
  });
});
