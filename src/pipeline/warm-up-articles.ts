import type { RawArticle } from '../ingest/types.ts';

/**
 * Invented articles (no real story, no corpus text) for warm-up.ts: between them they hold what
 * extraction has a model or a rule for (a dateline, people with titles, organisations, countries and
 * cities, direct, indirect and reported speech, figures, dates, an appointment, a resignation, talks,
 * a protest, a strike, a match), so that running them loads every model and compiles the hot paths.
 */
export const WARM_UP_ARTICLES: RawArticle[] = [
  {
    origin: 'warm-up:transport',
    meta: { title: 'Harbour city council approves new transport plan after long debate', publishedAt: '2024-03-05' },
    raw: `LISBON, March 4 (Newsgraph) - The city council of Lisbon approved a new transport plan on Tuesday after a debate that lasted more than nine hours, the mayor's office said.

"This is the most important decision this council has taken in a decade," Mayor Helena Cardoso told reporters outside the town hall. "We will build the tram lines first and the bus depots second."

Opposition leader Rui Tavares said the plan would cost far more than the 1.2 billion euros the council had set aside. He argued that the European Commission should review the tender before any contract is signed.

The Portuguese transport minister, Ana Lopes, welcomed the vote and said the government would contribute 300 million euros. She is expected to meet Spanish officials in Madrid next week to discuss a rail link between the two capitals.

According to a statement from the Lisbon Chamber of Commerce, local businesses back the plan. "Every day stuck in traffic costs our members money," said its president, Jorge Almeida.

Protesters gathered in Rossio Square on Monday evening, demanding that the council keep fares unchanged. Police said about 2,000 people took part and that the protest was peaceful.`,
  },
  {
    origin: 'warm-up:carmaker',
    meta: { title: 'Carmaker names new chief executive as profits fall' },
    raw: `The German carmaker Volkswagen named Thomas Berger as its new chief executive on Friday, replacing Klaus Weber, who resigned in January after profits fell for a third year.

Berger, 54, previously ran the company's operations in China and the United States. "My first task is to win back the trust of our customers," he said in a statement.

Analysts at Deutsche Bank said the appointment was expected. Shares rose 3.5 percent in Frankfurt, while the DAX index closed 0.4 percent higher.

The company reported net profit of 2.1 billion euros for 2023, down from 3.4 billion a year earlier. Sales in Europe fell by 8 percent, it said, blaming weak demand and higher energy prices.

Union leaders at IG Metall warned they would call a strike if the new management cut jobs in Wolfsburg. A union spokesman, Peter Schulz, told Reuters that talks with the board would begin on April 12.`,
  },
  {
    origin: 'warm-up:summit',
    meta: { title: 'Leaders agree to resume border talks', dateline: 'NAIROBI' },
    raw: `Kenyan President William Ruto and Ethiopian Prime Minister Abiy Ahmed agreed on Saturday to resume talks on their shared border, a spokesman for the African Union said.

The two leaders met for three hours in Nairobi. Ruto told a news conference that both governments wanted "a lasting peace for the people who live along the border". Abiy said his country was ready to sign an agreement by the end of June.

The United Nations welcomed the meeting. Its secretary-general urged both sides to protect civilians and to let aid agencies reach the region, where fighting displaced thousands of families last year.

Critics were less hopeful. "We have heard these promises before," said Mary Wanjiru, who leads a rights group in Mombasa. She accused the police of arresting activists ahead of the visit, a charge the interior ministry denied.

In sport, Kenya beat Uganda 2-1 in a friendly match in Kampala on Sunday. Coach Engin Firat said he was pleased with the result but warned that the team still had much to learn before the Africa Cup of Nations.`,
  },
];
