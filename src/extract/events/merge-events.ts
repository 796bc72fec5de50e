import { actorId } from './actors.ts';
import { datesCompatible, placesCompatible } from './event-setting.ts';
import type { TypedEventDraft } from './find-events.ts';

const side = (list: TypedEventDraft['sources']) => list.map(actorId).sort().join('+');

/** Which events are the same occurrence: same type and the same parties (either way round when mutual). */
function identity(e: TypedEventDraft): string {
  const a = side(e.sources);
  const b = side(e.targets);
  const parties = e.symmetric && b < a ? `${b}>${a}` : `${a}>${b}`;
  return `${e.type}|${parties}`;
}

function absorb(first: TypedEventDraft, e: TypedEventDraft): void {
  first.mentions.push(...e.mentions);
  if (!first.sentences.includes(e.sentence)) first.sentences.push(e.sentence);
  first.date ??= e.date;
  first.place ??= e.place;
  first.mode ??= e.mode;
  first.confidence = Math.max(first.confidence, e.confidence);
}

/**
 * "Kim will visit Russia for talks with Putin": one trip, read as a visit (to Russia) and talks
 * (with Putin). Meetings of one sentence that share a party but differ in mode are one occurrence;
 * the later one's parties join the first's, so either reading of who was met is kept. Two visits
 * ("a visit to Malaysia … leaves for Indonesia") stay two.
 */
function mergeSentenceMeetings(events: TypedEventDraft[]): TypedEventDraft[] {
  const out: TypedEventDraft[] = [];
  for (const e of events) {
    const ids = new Set([...e.sources, ...e.targets].map(actorId));
    const first = e.type === 'CONSULT' ? out.find((x) => x.type === 'CONSULT' && x.mode !== e.mode && x.sentence === e.sentence && [...x.sources, ...x.targets].some((a) => ids.has(actorId(a)))) : undefined;
    if (!first) {
      out.push(e);
      continue;
    }
    const known = new Set([...first.sources, ...first.targets].map(actorId));
    for (const t of [...e.sources, ...e.targets]) if (!known.has(actorId(t))) first.targets.push(t), known.add(actorId(t));
    absorb(first, e);
  }
  return out;
}

/**
 * One event per occurrence: an article naming the same meeting or the same accusation again
 * ("the talks", a second "denounced", a headline's "slams") adds mentions and sentences to the
 * first, and a date or place the first lacked. Events with no party at all are one occurrence when
 * their type, mode, time and place agree ("local elections next week … the elections will be held"),
 * and two when their dates tell them apart (the 2012 and the 2016 election).
 */
export function mergeEvents(events: TypedEventDraft[]): TypedEventDraft[] {
  const byId = new Map<string, TypedEventDraft>();
  const out: TypedEventDraft[] = [];
  for (const e of mergeSentenceMeetings(events)) {
    const id = !e.sources.length && !e.targets.length ? `${e.type}/${e.mode}|` : identity(e);
    const first = byId.get(id);
    // Same parties in another place or at another time: another meeting ("the Hanoi summit … talks in Singapore").
    if (first && (!placesCompatible(first.place?.name ?? null, e.place?.name ?? null) || !datesCompatible(first.date, e.date))) {
      out.push(e);
      continue;
    }
    if (!first) {
      byId.set(id, e);
      out.push(e);
      continue;
    }
    absorb(first, e);
  }
  return out;
}
