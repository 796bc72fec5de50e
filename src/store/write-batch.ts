import type { Sql } from '../db/sql.ts';
import { classifyArticles, identityOf, insertArticles, naturalKeys, rekeyStored, replaceArticles, type ArticleDates, type ArticlePlan } from './article-rows.ts';
import { insertLinkRows } from './insert-links.ts';
import { linkRows, type LinkRows } from './link-rows.ts';
import { nodesOfArticles, removeOrphans, type NodeIds } from './remove-orphans.ts';
import { batchEventMerges, mergeStoredEvents, withFinalEvents } from './merge-events.ts';
import { refreshEvents } from './refresh-events.ts';
import { batchRenames, renameStored, withFinalNames } from './rename-nodes.ts';
import { emptyCounts, type StoreArticle, type StoreResult, type Upserted } from './types.ts';
import { upsertNodes, type UpsertedNodes } from './upsert-nodes.ts';

/**
 * Splits a batch where a natural key comes again: a story and its correction in one batch are written
 * one after the other (the correction must find the first version stored), each part set-based.
 */
function segments(articles: StoreArticle[], keys: string[]): number[][] {
  const parts: number[][] = [[]];
  let seen = new Set<string>();
  keys.forEach((key, i) => {
    if (seen.has(key)) {
      parts.push([]);
      seen = new Set();
    }
    seen.add(key);
    parts[parts.length - 1].push(i);
  });
  return parts.filter((p) => p.length > 0);
}

/** Per article, what its upserts did: the first article of the batch naming a new node created it. */
function countsOf(nodes: UpsertedNodes, links: LinkRows[]) {
  const fresh = (list: Upserted[]) => new Set(list.filter((r) => r.inserted).map((r) => r.name));
  const created = { people: fresh(nodes.returned.people), organizations: fresh(nodes.returned.organizations), places: fresh(nodes.returned.places), events: fresh(nodes.returned.events) };
  const tally = (names: string[], set: Set<string>) => {
    const n = names.filter((name) => set.delete(name)).length;
    return { created: n, updated: names.length - n };
  };
  return nodes.rows.map((rows, i) => {
    const counts = emptyCounts();
    counts.people = tally(rows.people.map((r) => r.name), created.people);
    counts.organizations = tally(rows.organizations.map((r) => r.name), created.organizations);
    counts.places = tally(rows.places.map((r) => r.name), created.places);
    counts.events = tally(rows.events.map((r) => r.key), created.events);
    counts.statements = links[i].statements.length;
    return counts;
  });
}

/** The article rows of a segment: duplicates recorded, corrections replaced, new rows inserted. */
async function writeArticleRows(sql: Sql, articles: StoreArticle[], keys: string[], extractorVersion: string) {
  const plans = await classifyArticles(sql, articles, keys);
  const pick = (kind: ArticlePlan['kind']) => plans.flatMap((p, i) => (p.kind === kind ? [i] : []));
  const [createdAt, updatedAt] = [pick('created'), pick('updated')];
  const correctedIds = updatedAt.map((i) => (plans[i] as { id: number }).id);
  const formerNodes = correctedIds.length ? await nodesOfArticles(sql, correctedIds) : null;
  const dates: ArticleDates = new Map();
  await replaceArticles(sql, updatedAt.map((i) => articles[i]), correctedIds, extractorVersion, dates);
  const identity = identityOf(plans, keys);
  const newIds = await insertArticles(sql, createdAt.map((i) => ({ ...articles[identity.get(i)!], resolved: articles[i].resolved })), createdAt.map((i) => keys[identity.get(i)!]), extractorVersion, dates);
  for (const [id, date] of await rekeyStored(sql, articles, plans, keys)) dates.set(id, date);
  const articleId = new Map<number, number>([...createdAt.map((i, j) => [i, newIds[j]] as const), ...updatedAt.map((i, j) => [i, correctedIds[j]] as const)]);
  return { plans, articleId, formerNodes, dates };
}

/**
 * The nodes and links of the written articles (`articles`, of all the segment's `resolved`): renames and
 * event merges first, then one upsert per table and one insert per link table; orphans among the corrected articles' former nodes removed and
 * the touched events recomputed from their accounts.
 */
async function writeGraphRows(sql: Sql, resolved: StoreArticle[], articles: StoreArticle[], ids: number[], dates: ArticleDates, formerNodes: NodeIds | null) {
  // What resolution decided for every article, duplicates included: later articles resolved after it.
  const renames = batchRenames(resolved);
  await renameStored(sql, renames);
  const eventMerges = batchEventMerges(resolved);
  const mergedInto = await mergeStoredEvents(sql, eventMerges);
  const named = withFinalEvents(withFinalNames(articles, renames), eventMerges);
  const nodes = await upsertNodes(sql, named);
  const links = named.map((a, j) => linkRows({ id: ids[j], publishedAt: dates.get(ids[j]) ?? null }, a.resolved, nodes.ids[j]));
  const all: LinkRows = { articlePerson: [], articleOrganization: [], articlePlace: [], eventArticle: [], eventParticipant: [], eventOrganization: [], eventActor: [], statements: [] };
  for (const link of links) for (const k of Object.keys(all) as (keyof LinkRows)[]) (all[k] as unknown[]).push(...link[k]);
  await insertLinkRows(sql, all);
  const gone = formerNodes ? await removeOrphans(sql, formerNodes) : null;
  const touched = new Set([...nodes.returned.events.map((e) => e.id), ...mergedInto, ...(formerNodes?.events ?? [])]);
  for (const id of gone?.events ?? []) touched.delete(id);
  await refreshEvents(sql, [...touched]);
  return { nodes, links };
}

/** Writes one segment (no natural key twice); the result per article as writing them one by one would report. */
async function writeSegment(sql: Sql, articles: StoreArticle[], keys: string[], extractorVersion: string): Promise<StoreResult[]> {
  const { plans, articleId, formerNodes, dates } = await writeArticleRows(sql, articles, keys, extractorVersion);
  const written = plans.flatMap((p, i) => (p.kind === 'duplicate' ? [] : [i]));
  const { nodes, links } = await writeGraphRows(sql, articles, written.map((i) => articles[i]), written.map((i) => articleId.get(i)!), dates, formerNodes);
  const counts = countsOf(nodes, links);
  const position = new Map(written.map((i, j) => [i, j]));
  return plans.map((p, i) => {
    if (p.kind !== 'duplicate') return { outcome: p.kind, articleId: articleId.get(i)!, counts: counts[position.get(i)!] };
    return { outcome: 'duplicate', articleId: p.id ?? articleId.get(p.of!)!, counts: emptyCounts() };
  });
}

/**
 * The one writer of the graph. Writes a batch of resolved articles — new, duplicates (same content
 * hash) or corrections (same natural key) — inside the caller's transaction, with one statement per
 * table; the result per article is what writing them one after the other would report. A batch of
 * one is just a small batch.
 */
export async function writeBatch(sql: Sql, articles: StoreArticle[], extractorVersion: string): Promise<StoreResult[]> {
  const keys = naturalKeys(articles);
  const results: StoreResult[] = [];
  for (const part of segments(articles, keys)) {
    results.push(...(await writeSegment(sql, part.map((i) => articles[i]), part.map((i) => keys[i]), extractorVersion)));
  }
  return results;
}
