import type { Extraction } from '../../../src/extract/types.ts';
import type { ParsedArticle } from '../../../src/ingest/types.ts';

/** What must hold of any parse + extraction, however broken the input: returns the violations. */
export function checkInvariants(parsed: ParsedArticle, x: Extraction): string[] {
  const v: string[] = [];
  const len = parsed.text.length;
  const span = (what: string, s: { start: number; end: number; text?: string }) => {
    if (!Number.isInteger(s.start) || !Number.isInteger(s.end) || s.start < 0 || s.end > len || s.start >= s.end) v.push(`${what}: span [${s.start}, ${s.end}) outside text of length ${len}`);
    else if (s.text !== undefined && parsed.text.slice(s.start, s.end) !== s.text && what.includes('mention')) v.push(`${what}: text "${s.text}" is not what the span covers`);
  };
  if (!parsed.title || parsed.title.trim() === '') v.push('empty title');
  if (!/^[0-9a-f]{64}$/.test(parsed.contentHash)) v.push('content hash is not sha256 hex');
  if (parsed.publishedAt !== null && (!/^\d{4}-\d{2}-\d{2}$/.test(parsed.publishedAt.slice(0, 10)) || Number.isNaN(Date.parse(parsed.publishedAt.slice(0, 10))))) v.push(`invalid date ${parsed.publishedAt}`);
  for (const p of parsed.paragraphs) span('paragraph', p);
  const keys = (xs: { key: string }[]) => new Set(xs.map((e) => e.key));
  for (const [kind, list] of [['person', x.people], ['organization', x.organizations], ['place', x.places]] as const) {
    if (keys(list).size !== list.length) v.push(`two ${kind}s share a key: ${list.map((e) => `${e.key}=${e.name}`).join(', ')}`);
  }
  const people = keys(x.people);
  const orgs = keys(x.organizations);
  const places = keys(x.places);
  const events = keys(x.events);
  for (const [kind, list] of [['person', x.people], ['organization', x.organizations], ['place', x.places]] as const) {
    for (const e of list) {
      if (!e.name || e.name.trim() === '') v.push(`${kind} with empty name`);
      if (e.aliases.some((a) => a.trim() === '')) v.push(`${kind} ${e.name}: empty alias`);
      for (const m of e.mentions) span(`${kind} ${e.name} mention`, m);
    }
  }
  for (const e of x.events) {
    if (!e.title || e.title.trim() === '') v.push('event with empty title');
    if (e.placeKey && !places.has(e.placeKey)) v.push(`event ${e.key}: unknown place ${e.placeKey}`);
    for (const k of e.participantKeys) if (!people.has(k)) v.push(`event ${e.key}: unknown participant ${k}`);
    for (const k of e.organizationKeys) if (!orgs.has(k)) v.push(`event ${e.key}: unknown organization ${k}`);
    for (const m of e.mentions) span(`event ${e.key} mention`, m);
  }
  for (const s of x.statements) {
    span('statement', s);
    if (!s.text || s.text.trim() === '') v.push('statement with empty text');
    if (s.speaker && !(s.speaker.type === 'person' ? people : orgs).has(s.speaker.key)) v.push(`statement speaker ${s.speaker.type} ${s.speaker.key} does not exist`);
    if (s.eventKey && !events.has(s.eventKey)) v.push(`statement event ${s.eventKey} does not exist`);
    if (!(s.confidence >= 0 && s.confidence <= 1)) v.push(`statement confidence ${s.confidence}`);
    if (!['DIRECT', 'INDIRECT', 'MIXED'].includes(s.kind)) v.push(`statement kind ${s.kind}`);
  }
  return v;
}
