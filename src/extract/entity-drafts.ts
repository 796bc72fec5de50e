import type { Mention, OrganizationKind, PlaceKind } from './types.ts';

/** An entity found in one article, before keys are assigned. */
export interface EntityDraft {
  name: string;
  aliases: Set<string>;
  roles: Set<string>;
  mentions: Mention[];
}
export interface OrgDraft extends EntityDraft {
  kind: OrganizationKind;
}
export interface PlaceDraft extends EntityDraft {
  kind: PlaceKind;
  country: string | null;
}

export interface EntityIndexLocal {
  people: EntityDraft[];
  organizations: OrgDraft[];
  places: PlaceDraft[];
  /** Country name → government organisation standing for it ("Pyongyang said"). */
  governmentFor(country: string, mention: Mention | null): OrgDraft;
  /** The organisation of that name, created on first use (a campaign, a party's members as a group). */
  organizationFor(name: string, kind: OrganizationKind, mention: Mention | null): OrgDraft;
  personAt(start: number, end: number): EntityDraft | null;
  /** Person mentions in text order (for pronoun resolution). */
  personSpans: { start: number; end: number; person: EntityDraft }[];
  orgSpans: { start: number; end: number; org: OrgDraft }[];
  placeSpans: { start: number; end: number; place: PlaceDraft }[];
  orgAt(start: number, end: number): OrgDraft | null;
  placeAt(start: number, end: number): PlaceDraft | null;
}
