import type { EventType } from '../extract/events/ontology.ts';
import { EVENT_TYPES } from '../extract/events/ontology.ts';
import type { EventKind, ExtractedEvent } from '../extract/types.ts';

/** What an account says an event is: its type and mode, whether it reads it as mutual, and how sure it is. */
export interface EventTyping {
  type: EventType;
  mode: string | null;
  symmetric: boolean;
  confidence: number;
}

const DIPLOMATIC: Partial<Record<EventKind, string>> = { MEETING: 'meeting', SUMMIT: 'summit', TALKS: 'talks', VISIT: 'visit' };
const TYPES = new Set<string>(EVENT_TYPES);

/**
 * The typing of an event the extractor typed, else (an event built by hand with only a kind) what its
 * kind and key tell, by the rule migration 20261208090000_typed_events applied to accounts stored
 * before: the diplomatic kinds are CONSULT with that mode, weapons tests and launches
 * MOBILIZE/weapons_test, a key starting with a type's group ("legal-arrest:…") that type and mode;
 * anything else CONSULT with confidence 0. An untyped account's confidence is 0.5 (none was given).
 */
export function eventTyping(e: Pick<ExtractedEvent, 'key' | 'kind' | 'type' | 'mode' | 'symmetric' | 'confidence'>): EventTyping {
  if (e.type) return { type: e.type, mode: e.mode ?? null, symmetric: e.symmetric ?? false, confidence: e.confidence ?? 0.5 };
  const legacy = (type: EventType, mode: string | null, confidence = 0.5): EventTyping => ({ type, mode, symmetric: false, confidence: e.confidence ?? confidence });
  if (DIPLOMATIC[e.kind]) return legacy('CONSULT', DIPLOMATIC[e.kind]!);
  if (e.kind === 'WEAPONS_TEST' || e.kind === 'LAUNCH') return legacy('MOBILIZE', 'weapons_test');
  const group = /^([a-z]+)[-+:]/.exec(e.key)?.[1]?.toUpperCase();
  if (group && TYPES.has(group)) return legacy(group as EventType, /^[a-z]+-([a-z_-]*[a-z_])\+*:/.exec(e.key)?.[1] ?? null);
  return legacy('CONSULT', null, 0);
}
