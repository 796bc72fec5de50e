/**
 * Event extraction lives in ./events/ (ontology, trigger lexicons, roles, merging; see
 * find-events.ts). This module keeps the one helper resolve imports from here.
 */
export { placesCompatible } from './events/event-setting.ts';
export { findTypedEvents, type TypedEventDraft } from './events/find-events.ts';
