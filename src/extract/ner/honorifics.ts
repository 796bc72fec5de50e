import type { EntityDraft } from '../entity-drafts.ts';

/** Courtesy titles written before a surname ("Mr Blair", "Ms King", "Dr. Dean"). */
const HONORIFIC = /^(?:Mr|Mrs|Ms|Miss|Dr)\.?\s+/;

/**
 * "Mr King" is Graham King when the article names him in full: a person named by a courtesy title
 * and a surname joins the person named in full with that surname (the most mentioned, then the first
 * named), taking the titled name as an alias. The rules and the recogniser leave such pairs apart
 * when the surname is also a word they read otherwise ("King", "Dean", "German", "Wellington": 13 of
 * the 12,680 people of BBC), which split one speaker into two.
 */
export function joinHonorifics(people: Map<string, EntityDraft>, personSpans: { start: number; end: number; person: EntityDraft }[]): void {
  const everyone = [...people.values()];
  for (const [key, titled] of people) {
    const title = HONORIFIC.exec(titled.name);
    if (!title) continue;
    const surname = titled.name.slice(title[0].length);
    const named = everyone.filter((p) => p !== titled && !HONORIFIC.test(p.name) && p.name.endsWith(` ${surname}`));
    if (named.length === 0) continue;
    const full = named.reduce((a, b) => (b.mentions.length > a.mentions.length ? b : a));
    full.aliases.add(titled.name);
    for (const a of titled.aliases) full.aliases.add(a);
    for (const r of titled.roles) full.roles.add(r);
    full.mentions.push(...titled.mentions);
    for (const s of personSpans) if (s.person === titled) s.person = full;
    people.delete(key);
  }
}
