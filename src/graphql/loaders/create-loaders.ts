import DataLoader from 'dataloader';
import type { Sql } from '../../db/sql.ts';
import { getRecordsByIds } from '../../services/lists.ts';
import { forwardPagedSql, groupPages, isForwardWindow, pagedSql, windowKey, windowParams, type Page, type PageWindow } from '../../services/pagination.ts';
import type { ArticleRecord, EventRecord, NodeRecord, OrganizationRecord, PersonRecord, PlaceRecord, StatementRecord, TypeName } from '../../services/records.ts';
import { RELATIONS, type RelationName } from '../../services/relations.ts';

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
export function createLoaders(sql: Sql) {
  const relationLoaders = new Map<string, DataLoader<number, Page<unknown>>>();
  const person = byIdLoader<PersonRecord>(sql, 'Person');
  const organization = byIdLoader<OrganizationRecord>(sql, 'Organization');
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
      loader = new DataLoader<number, Page<unknown>>(async (ids) => {
        type Row = { parentId: number; __pos: number; __total: number };
        const rows = await sql.query<Row>(text, [ids, ...windowParams(w)]);
        keep(rows);
        const pages = groupPages(rows, ids, w);
        // Pages past the end of a non-empty list came back without rows, hence without a total.
        const unknown = ids.filter((id) => pages.get(id)!.totalCount < 0);
        if (unknown.length) {
          const counts = new Map((await sql.query<{ parentId: number; n: number }>(spec.count, [unknown])).map((r) => [r.parentId, r.n]));
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
    place: byIdLoader<PlaceRecord>(sql, 'Place'),
    event: byIdLoader<EventRecord>(sql, 'Event'),
    statement: byIdLoader<StatementRecord>(sql, 'Statement'),
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
