import type { Sql } from '../db/sql.ts';
import type { NameChange, Renames } from '../resolve/types.ts';
import type { StoreArticle } from './types.ts';

type Kind = Exclude<keyof Renames, 'events'>;
const TABLE: Record<Kind, string> = { people: 'person', organizations: 'organization', places: 'place' };

/** A name's last spelling after the batch's renames, and the spellings it went through on the way. */
export interface FinalName {
  to: string;
  via: string[];
}

/** Follows the batch's renames in order (A → B in one article, B → C in a later one: A ends as C). */
export function finalNames(changes: NameChange[]): Map<string, FinalName> {
  const next = new Map<string, string>();
  for (const { from, to } of changes) next.set(from, to);
  const out = new Map<string, FinalName>();
  for (const from of next.keys()) {
    const via = [from];
    let to = next.get(from)!;
    while (next.has(to) && !via.includes(to)) {
      via.push(to);
      to = next.get(to)!;
    }
    out.set(from, { to, via });
  }
  return out;
}

/** Per kind, where every name the batch renames ends. */
export function batchRenames(articles: StoreArticle[]): Record<Kind, Map<string, FinalName>> {
  const all = (kind: Kind) => articles.flatMap((a) => a.resolved.renames?.[kind] ?? []);
  return { people: finalNames(all('people')), organizations: finalNames(all('organizations')), places: finalNames(all('places')) };
}

/**
 * The batch's articles with every entity under its final name (a spelling a later article of the batch
 * replaced takes the new name and keeps the old as an alias), as writing them one by one would leave them.
 */
export function withFinalNames(articles: StoreArticle[], renames: Record<Kind, Map<string, FinalName>>): StoreArticle[] {
  if (Object.values(renames).every((m) => m.size === 0)) return articles;
  const rename = <T extends { name: string; aliases: string[] }>(list: T[], kind: Kind): T[] =>
    list.map((e) => {
      const f = renames[kind].get(e.name);
      return f ? { ...e, name: f.to, aliases: [...new Set([...e.aliases, ...f.via])].filter((a) => a !== f.to) } : e;
    });
  return articles.map((a) => ({
    ...a,
    resolved: { ...a.resolved, people: rename(a.resolved.people, 'people'), organizations: rename(a.resolved.organizations, 'organizations'), places: rename(a.resolved.places, 'places') },
  }));
}

/**
 * Stored nodes take their preferred spelling before the batch's upserts find them by name; the old
 * spellings become aliases. A name already taken by another row (made before names were compared
 * normalised) is left alone.
 */
export async function renameStored(sql: Sql, renames: Record<Kind, Map<string, FinalName>>): Promise<void> {
  for (const kind of Object.keys(TABLE) as Kind[]) {
    if (renames[kind].size === 0) continue;
    const rows = [...renames[kind]].map(([from, f]) => ({ from_name: from, to_name: f.to, via: f.via }));
    const t = TABLE[kind];
    await sql.query(
      `UPDATE ${t} t SET name = r.to_name, updated_at = now(),
         aliases = ARRAY(SELECT DISTINCT a FROM unnest(t.aliases || ARRAY(SELECT jsonb_array_elements_text(r.via))) a WHERE a <> r.to_name ORDER BY a)
       FROM jsonb_to_recordset($1::jsonb) AS r(from_name text, to_name text, via jsonb)
       WHERE t.name = r.from_name AND NOT EXISTS (SELECT 1 FROM ${t} o WHERE o.name = r.to_name)`,
      [JSON.stringify(rows)],
    );
  }
}
