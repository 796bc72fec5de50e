// The floor's SQL: the article and person pages of bench/operations.ts as one hand-written statement
// each, producing the JSON our API answers (same fields, orders and global IDs), as text.

const gid = (type: string, id: string) => `encode(convert_to('${type}:' || ${id}, 'UTF8'), 'base64')`;
const list = (rows: string, orderBy: string) => `COALESCE((SELECT json_agg(x.o ORDER BY ${orderBy}) FROM (${rows}) x), '[]'::json)`;

export const ARTICLE_PAGE_SQL = `
SELECT json_build_object(
  'id', ${gid('Article', 'a.id')}, 'title', a.title, 'publishedAt', to_char(a.published_at, 'YYYY-MM-DD'), 'source', a.source, 'dateline', a.dateline,
  'people', json_build_object(
    'totalCount', (SELECT count(*) FROM article_person WHERE article_id = a.id),
    'nodes', ${list(`SELECT ap.count AS w, p.name, p.id, json_build_object('id', ${gid('Person', 'p.id')}, 'name', p.name) AS o
                      FROM article_person ap JOIN person p ON p.id = ap.person_id WHERE ap.article_id = a.id
                      ORDER BY ap.count DESC, p.name, p.id LIMIT 10`, 'x.w DESC, x.name, x.id')}),
  'statements', json_build_object(
    'totalCount', (SELECT count(*) FROM statement WHERE article_id = a.id),
    'nodes', ${list(`SELECT s.start_offset AS k, s.id, json_build_object('id', ${gid('Statement', 's.id')}, 'text', s.text, 'kind', s.kind, 'cue', s.cue,
                        'speaker', CASE
                          WHEN sp.id IS NOT NULL THEN json_build_object('__typename', 'Person', 'id', ${gid('Person', 'sp.id')}, 'name', sp.name)
                          WHEN so.id IS NOT NULL THEN json_build_object('__typename', 'Organization', 'id', ${gid('Organization', 'so.id')}, 'name', so.name)
                        END) AS o
                      FROM statement s LEFT JOIN person sp ON sp.id = s.speaker_person_id LEFT JOIN organization so ON so.id = s.speaker_organization_id
                      WHERE s.article_id = a.id ORDER BY s.start_offset, s.id LIMIT 20`, 'x.k, x.id')})
)::text AS page
FROM article a WHERE a.id = $1`;

export const PERSON_PAGE_SQL = `
SELECT json_build_object(
  'id', ${gid('Person', 'p.id')}, 'name', p.name, 'aliases', to_json(p.aliases), 'roles', to_json(p.roles),
  'statements', json_build_object(
    'totalCount', (SELECT count(*) FROM statement WHERE speaker_person_id = p.id),
    'nodes', ${list(`SELECT a.published_at AS d, s.article_id AS aid, s.start_offset AS k, s.id,
                        json_build_object('id', ${gid('Statement', 's.id')}, 'text', s.text, 'kind', s.kind,
                          'article', json_build_object('id', ${gid('Article', 'a.id')}, 'title', a.title, 'publishedAt', to_char(a.published_at, 'YYYY-MM-DD'))) AS o
                      FROM statement s JOIN article a ON a.id = s.article_id WHERE s.speaker_person_id = p.id
                      ORDER BY a.published_at DESC NULLS LAST, s.article_id DESC, s.start_offset, s.id LIMIT 10`, 'x.d DESC NULLS LAST, x.aid DESC, x.k, x.id')}),
  'events', json_build_object(
    'totalCount', (SELECT count(*) FROM event_participant WHERE person_id = p.id),
    'nodes', ${list(`SELECT e.start_date AS d, e.id, json_build_object('id', ${gid('Event', 'e.id')}, 'title', e.title, 'kind', e.kind, 'startDate', to_char(e.start_date, 'YYYY-MM-DD')) AS o
                      FROM event_participant ep JOIN event e ON e.id = ep.event_id WHERE ep.person_id = p.id
                      ORDER BY e.start_date DESC NULLS LAST, e.id DESC LIMIT 5`, 'x.d DESC NULLS LAST, x.id DESC')}),
  'coMentionedPeople', json_build_object(
    'nodes', ${list(`SELECT count(*) AS w, q.name, q.id, json_build_object('id', ${gid('Person', 'q.id')}, 'name', q.name) AS o
                      FROM article_person x JOIN article_person y ON y.article_id = x.article_id AND y.person_id <> x.person_id
                      JOIN person q ON q.id = y.person_id WHERE x.person_id = p.id
                      GROUP BY q.id ORDER BY count(*) DESC, q.name, q.id LIMIT 10`, 'x.w DESC, x.name, x.id')})
)::text AS page
FROM person p WHERE p.id = $1`;
