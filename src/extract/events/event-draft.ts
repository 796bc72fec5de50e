import type { DateRange } from '../dates.ts';
import type { PlaceDraft } from '../entity-drafts.ts';
import type { Sentence } from '../sentences.ts';
import type { Mention } from '../types.ts';
import type { ActorRef } from './actors.ts';
import type { EventType } from './ontology.ts';

/** An event found in one article, before keys are assigned. */
export interface TypedEventDraft {
  type: EventType;
  mode: string | null;
  symmetric: boolean;
  sources: ActorRef[];
  targets: ActorRef[];
  /** The first trigger; `mentions` holds every trigger merged into the event. */
  trigger: Mention;
  sentence: Sentence;
  mentions: Mention[];
  sentences: Sentence[];
  date: DateRange | null;
  place: PlaceDraft | null;
  confidence: number;
}
