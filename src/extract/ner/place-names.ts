import type { EntityDraft, PlaceDraft } from '../entity-drafts.ts';
import { placeInfo } from '../gazetteer.ts';
import { opensWithGivenName } from '../given-names.ts';
import { gazetteerCandidates } from '../../geo/table.ts';
import { US_STATES } from '../../geo/us-states.ts';

/** A town this size or larger is what its name means; from a city's size on, even after a given name ("Milton Keynes"). */
const TOWN_POPULATION = 15_000;
const CITY_POPULATION = 100_000;
/** Last words of town names that no person's name ends with ("Beverly Hills", "Alice Springs"). */
const TOWN_HEADS = new Set(['Hills', 'Springs', 'Beach', 'Heights', 'Falls', 'Island', 'Bay', 'Valley', 'Creek', 'Lake', 'Harbor', 'Harbour', 'City']);

/** A US state's AP abbreviation after a town ("Natchitoches, La.", "Atlanta, Ga."): the state. */
const STATE_BY_AP = new Map(US_STATES.filter(([, , ap]) => ap !== null).map(([state, , ap]) => [ap!, state]));

/**
 * The place a "person" is: a US state's AP abbreviation ("La.", 6 Reuters stories); one word only when a country or region; of two or more words, a country or region ("Costa Rica", "Burkina Faso",
 * "Rhode Island") or a town of the gazetteer ("Milton Keynes"); a town whose name opens with a given
 * name only when its last word is no surname ("Beverly Hills", "Alice Springs"; not "Vera Cruz"). The recogniser, trained on 1996 wire copy, read 74
 * such names in BBC + Reuters as people. Never a name with a title or role; null when it is no place.
 */
export function placeNamedAsPerson(person: EntityDraft): Pick<PlaceDraft, 'name' | 'kind' | 'country'> | null {
  const name = person.name;
  const state = STATE_BY_AP.get(name);
  if (state) return { name: state, kind: 'REGION', country: 'United States' };
  const oneWord = !name.includes(' ');
  // One word: only a country or a region ("Louisiana", 22 Reuters stories), never after a given name's
  // reading ("Georgia"), and never a town ("Jackson", "Denver" are surnames too). (A given name is
  // ruled out before the gazetteer is asked.)
  if (oneWord && opensWithGivenName([name])) return null;
  const known = placeInfo(name);
  const candidates = gazetteerCandidates(name);
  const area = candidates.find((g) => g.kind === 'COUNTRY' || g.kind === 'REGION');
  if (oneWord) return known?.kind === 'COUNTRY' || known?.kind === 'REGION' || area ? (known ?? { name, kind: area!.kind, country: null }) : null;
  if (known?.kind === 'COUNTRY' || known?.kind === 'REGION') return known;
  if (area) return { name, kind: area.kind, country: null };
  if (person.roles.size > 0) return null;
  if (known) return known;
  const words = name.split(' ');
  const size = Math.max(0, ...candidates.filter((g) => g.kind === 'CITY').map((g) => g.population ?? 0));
  if (opensWithGivenName(words) && !TOWN_HEADS.has(words[words.length - 1])) return size >= CITY_POPULATION ? { name, kind: 'CITY', country: null } : null;
  return size >= TOWN_POPULATION ? { name, kind: 'CITY', country: null } : null;
}
