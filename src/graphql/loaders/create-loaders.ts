import DataLoader from 'dataloader';
import { GENERIC_PLAN, type Sql } from '../../db/sql.ts';
import { getRecordsByIds } from '../../services/lists.ts';
import { forwardPagedSql, groupPages, isForwardWindow, pagedSql, windowKey, windowParams, type Page, type PageWindow } from '../../services/pagination.ts';
import type { ArticleRecord, EventRecord, NodeRecord, OrganizationRecord, PersonRecord, PlaceRecord, StatementRecord, TypeName } from '../../services/records.ts';
import { RELATIONS, type RelationName } from '../../services/relations.ts';

/**
 * Sends the statements issued in the same turn of the event loop (the loaders of one level of a query:
 * an article's people and statements, a person's statements, events and co-mentions) as one statement,
 * each part's rows as JSON: one round trip instead of several. On a small machine a round trip to
 * PostgreSQL costs more CPU than the query itself. Only for statements whose rows come back the same
 * through JSON (numbers, text, arrays, dates as text; no timestamps). Rows keep each part's order.
 */
function mergingSql(sql: Sql): Sql {
  type Pending = { text: string; params: unknown[]; resolve: (rows: unknown[]) => void; reject: (error: unknown) => void };
  let pending: Pending[] = [];
  const flush = async () => {
    const batch = pending;
    pending = [];
    if (batch.length === 1) {
      const [only] = batch;
      return sql.query(only.text, only.params).then(only.resolve, only.reject);
    }
    const params: unknown[] = [];
    const parts = batch.map((b, i) => {
      const offset = params.length;
      params.push(...b.params);
      return `SELECT ${i} AS "__q", to_json(t) AS "__r" FROM (${b.text.replace(/\$(\d+)/g, (_, n) => `$${Number(n) + offset}`)}) t`;
    });
    try {
      const rows = await sql.query<{ __q: number; __r: unknown }>(parts.join('\nUNION ALL\n'), params);
      const results = batch.map((): unknown[] => []);
      for (const r of rows) results[r.__q].push(r.__r);
      batch.forEach((b, i) => b.resolve(results[i]));
    } catch (error) {
      for (const b of batch) b.reject(error);
    }
  };
  return {
    query<T>(text: string, params: unknown[] = []) {
      return new Promise<T[]>((resolve, reject) => {
        if (pending.length === 0) setImmediate(flush);
        pending.push({ text, params, resolve: resolve as (rows: unknown[]) => void, reject });
      });
    },
  };
}

/** The loaders' statements are planned once per connection (see GENERIC_PLAN). */
function genericPlans(sql: Sql): Sql {
  return { query: (text, params) => sql.query(text.startsWith(GENERIC_PLAN) ? text : GENERIC_PLAN + text, params) };
}

function byIdLoader<T extends NodeRecord>(sql: Sql, type: TypeName): DataLoader<number, T | null> {
  return new DataLoader<number, T | null>(async (ids) => {
    const rows = (await getRecordsByIds(sql, type, ids)) as T[];
    const map = new Map(rows.map((r) => [r.rowId, r]));
    return ids.map((id) => map.get(id) ?? null);
  }, { maxBatchSize: 1000 });
}

/**
 * One set per request (never shared: it caches rows the request has seen). Each nested connection
 * shape (relation + page window) gets one loader, so a level of the query costs one SQL statement
 * however many parents it has.
 */
export function createLoaders(requestSql: Sql) {
  const sql = genericPlans(requestSql);
  const relationLoaders = new Map<string, DataLoader<number, Page<unknown>>>();
  // Article rows carry timestamps (createdAt/updatedAt), which JSON would turn into strings: their
  // statements go alone.
  const merged = mergingSql(sql);
  const person = byIdLoader<PersonRecord>(merged, 'Person');
  const organization = byIdLoader<OrganizationRecord>(merged, 'Organization');
  /** Rows a relation brought along (statement speakers): later look-ups of them need no query. */
  const keep = (rows: readonly object[]) => {
    for (const row of rows) {
      const r = row as { __speakerPerson?: PersonRecord | null; __speakerOrganization?: OrganizationRecord | null };
      if (r.__speakerPerson) person.prime(r.__speakerPerson.rowId, r.__speakerPerson);
      if (r.__speakerOrganization) organization.prime(r.__speakerOrganization.rowId, r.__speakerOrganization);
    }
  };

  function relation<T>(name: RelationName, w: PageWindow): DataLoader<number, Page<T>> {
    const key = `${name}|${windowKey(w)}`;
    let loader = relationLoaders.get(key);
    if (!loader) {
      const spec = RELATIONS[name];
      // A forward page takes each parent's first rows (top-N per parent) instead of numbering all children.
      const text = (isForwardWindow(w) ? forwardPagedSql(spec.inner, spec.orderBy, spec.count) : null) ?? pagedSql(spec.inner, spec.orderBy);
      const db = spec.inner.includes('"createdAt"') ? sql : merged;
      loader = new DataLoader<number, Page<unknown>>(async (ids) => {
        type Row = { parentId: number; __pos: number; __total: number };
        const rows = await db.query<Row>(text, [ids, ...windowParams(w)]);
        // In position order per parent (merged statements keep it too; this does not rely on it).
        rows.sort((a, b) => (a.__pos ?? Infinity) - (b.__pos ?? Infinity));
        keep(rows);
        const pages = groupPages(rows, ids, w);
        // Pages past the end of a non-empty list came back without rows, hence without a total.
        const unknown = ids.filter((id) => pages.get(id)!.totalCount < 0);
        if (unknown.length) {
          const counts = new Map((await merged.query<{ parentId: number; n: number }>(spec.count, [unknown])).map((r) => [r.parentId, r.n]));
          for (const id of unknown) pages.get(id)!.totalCount = counts.get(id) ?? 0;
        }
        return ids.map((id) => pages.get(id)!);
      }, { maxBatchSize: 1000 });
      relationLoaders.set(key, loader);
    }
    return loader as DataLoader<number, Page<T>>;
  }

  return {
    article: byIdLoader<ArticleRecord>(sql, 'Article'),
    person,
    organization,
    place: byIdLoader<PlaceRecord>(merged, 'Place'),
    event: byIdLoader<EventRecord>(merged, 'Event'),
    statement: byIdLoader<StatementRecord>(merged, 'Statement'),
    relation,
  };
}

export type Loaders = ReturnType<typeof createLoaders>;

export function loaderFor(loaders: Loaders, type: TypeName): DataLoader<number, NodeRecord | null> {
  const map: Record<TypeName, DataLoader<number, NodeRecord | null>> = {
    Article: loaders.article as DataLoader<number, NodeRecord | null>,
    Person: loaders.person as DataLoader<number, NodeRecord | null>,
    Organization: loaders.organization as DataLoader<number, NodeRecord | null>,
    Place: loaders.place as DataLoader<number, NodeRecord | null>,
    Event: loaders.event as DataLoader<number, NodeRecord | null>,
    Statement: loaders.statement as DataLoader<number, NodeRecord | null>,
  };
  return map[type];
}
