import { gazetteerKey } from './normalize.ts';

/**
 * Landmarks famous enough that naming one names its city: "beside the Forbidden City" is in Beijing, "at the White
 * House" in Washington. The gazetteer (towns and countries) knows none of them, so an event placed at one would have
 * no city and no coordinates. Only sites whose name means that one place the world over; not a building a name is
 * often shared by ("City Hall", "the Capitol": every US state has one), nor a metonym's city when it is an actor
 * ("the Kremlin said" is read as a location only where written as one, see event-place.ts).
 */
const LANDMARKS: [landmark: string, city: string][] = [
  ['White House', 'Washington'],
  ['Oval Office', 'Washington'],
  ['Capitol Hill', 'Washington'],
  ['Downing Street', 'London'],
  ['Buckingham Palace', 'London'],
  ['Westminster Abbey', 'London'],
  ['Kremlin', 'Moscow'],
  ['Red Square', 'Moscow'],
  ['Forbidden City', 'Beijing'],
  ['Tiananmen Square', 'Beijing'],
  ['Great Hall of the People', 'Beijing'],
  ['Zhongnanhai', 'Beijing'],
  ['Elysee Palace', 'Paris'],
  ['Elysee', 'Paris'],
  ['Brandenburg Gate', 'Berlin'],
  ['Reichstag', 'Berlin'],
  ['Trump Tower', 'New York'],
  ['Blue House', 'Seoul'],
];

const BY_KEY = new Map(LANDMARKS.map(([landmark, city]) => [gazetteerKey(landmark), city]));

// Answers by name as written: event places ask about every place and organisation of a trigger's sentence, and the
// key's Unicode normalisation is most of the cost. Bounded, which changes speed only.
const SEEN = new Map<string, string | null>();

/** The city a famous landmark stands in ("the Forbidden City" → Beijing), or null. */
export function landmarkCity(name: string): string | null {
  let city = SEEN.get(name);
  if (city !== undefined) return city;
  city = BY_KEY.get(gazetteerKey(name)) ?? null;
  if (SEEN.size > 50_000) SEEN.clear();
  SEEN.set(name, city);
  return city;
}
