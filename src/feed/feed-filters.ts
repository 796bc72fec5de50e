import type { FeedArticle, FeedEvent, FeedStatement } from './feed-items.ts';
import { expectGlobalId } from '../services/global-id.ts';

/** Subscription filters as clients send them (global IDs), every one optional. */
export interface StatementFilter {
  speaker?: string | null;
  mentioning?: string | null;
  kind?: string | null;
  minConfidence?: number | null;
}
export interface ArticleFilter {
  source?: string | null;
  person?: string | null;
  organization?: string | null;
  place?: string | null;
}
export interface EventFilter {
  /** Event types (`Event.type`); absent or empty: every type. */
  type?: string[] | null;
  /** The legacy kind. */
  kind?: string | null;
  actor?: string | null;
  place?: string | null;
}

type Ids = { personIds: number[]; organizationIds: number[]; placeIds?: number[] };

/** Whether an item's linked nodes include the node named by a global ID (checked when subscribing). */
function linkTest(id: string | null | undefined, arg: string, types: ('Person' | 'Organization' | 'Place')[]): (x: Ids) => boolean {
  if (!id) return () => true;
  const { type, rowId } = expectGlobalId(id, types, arg);
  const key = type === 'Person' ? 'personIds' : type === 'Organization' ? 'organizationIds' : 'placeIds';
  return (x) => (x[key] ?? []).includes(rowId);
}

export function statementMatcher(f: StatementFilter = {}): (x: FeedStatement) => boolean {
  const speaker = f.speaker ? expectGlobalId(f.speaker, ['Person', 'Organization'], 'filter.speaker') : null;
  const mentioning = linkTest(f.mentioning, 'filter.mentioning', ['Person', 'Organization', 'Place']);
  return (x) =>
    (!speaker || (speaker.type === 'Person' ? x.node.speakerPersonId : x.node.speakerOrganizationId) === speaker.rowId) &&
    (!f.kind || x.node.kind === f.kind) &&
    (f.minConfidence === null || f.minConfidence === undefined || x.node.confidence >= f.minConfidence) &&
    mentioning(x);
}

export function articleMatcher(f: ArticleFilter = {}): (x: FeedArticle) => boolean {
  const tests = [linkTest(f.person, 'filter.person', ['Person']), linkTest(f.organization, 'filter.organization', ['Organization']), linkTest(f.place, 'filter.place', ['Place'])];
  // As the articles list filters by source: case-insensitive, anywhere in the publisher line.
  const source = f.source?.toLowerCase();
  return (x) => (!source || (x.node.source ?? '').toLowerCase().includes(source)) && tests.every((t) => t(x));
}

export function eventMatcher(f: EventFilter = {}): (x: FeedEvent) => boolean {
  const actor = linkTest(f.actor, 'filter.actor', ['Person', 'Organization']);
  const place = f.place ? expectGlobalId(f.place, ['Place'], 'filter.place').rowId : null;
  const types = f.type?.length ? new Set(f.type) : null;
  return (x) => (!types || types.has(x.node.type)) && (!f.kind || x.node.kind === f.kind) && (place === null || x.node.placeId === place) && actor(x);
}
