import type { Span } from '../ingest/types.ts';
import type { Mention } from './types.ts';
import type { ActorRef } from './events/actors.ts';

/** What linking needs of an event: where its triggers are written and the sentences that report it. */
export interface LinkableEvent {
  mentions: Mention[];
  sentences: (Span & { paragraph?: number })[];
  /** The sentence that first reports it (its other sentences name it again). */
  sentence?: Span & { paragraph?: number };
  /** The event's type and source parties: a speech act's author following it up is still talking about it. */
  type?: string;
  mode?: string | null;
  sources?: ActorRef[];
}
