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

/**
 * One event per occurrence: an article naming the same meeting or the same accusation again
 * ("the talks", a second "denounced") adds mentions and sentences to the first, and a date or
 * place the first lacked. Events with no party at all are kept apart (two elections are two).
 */
// Speech acts (an accusation, a demand, a rejection, praise) are each their own occurrence even
// between the same parties; meetings, deals, elections and the like are named again and again.
const ACTS = new Set(['ACCUSE', 'REQUEST', 'REJECT', 'SUPPORT', 'THREATEN']);

export function mergeEvents(events: TypedEventDraft[]): TypedEventDraft[] {
  const byId = new Map<string, TypedEventDraft>();
  const out: TypedEventDraft[] = [];
  for (const e of events) {
    if (!e.sources.length && !e.targets.length) {
      out.push(e);
      continue;
    }
    const id = ACTS.has(e.type) ? `${identity(e)}#${e.sentence.start}` : identity(e);
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
    first.mentions.push(...e.mentions);
    if (!first.sentences.includes(e.sentence)) first.sentences.push(e.sentence);
    first.date ??= e.date;
    first.place ??= e.place;
    first.mode ??= e.mode;
    first.confidence = Math.max(first.confidence, e.confidence);
  }
  return out;
}
