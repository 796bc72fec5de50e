import { pathToFileURL } from 'node:url';
import { createClient } from './client.ts';
import { ArticlesWithStatementsQuery, PersonByIdQuery } from './operations.ts';

/** Who said what, per article: the typed client in use. */
export async function summarise(endpoint: string): Promise<string[]> {
  const request = createClient({ endpoint, apiKey: process.env.NEWSGRAPH_API_KEY });
  const { articles } = await request(ArticlesWithStatementsQuery, { first: 10 });
  const lines: string[] = [];
  let firstPersonId: string | null = null;
  for (const article of articles.nodes) {
    lines.push(`${article.title} (${article.publishedAt ?? 'undated'})`);
    for (const statement of article.statements.nodes) {
      const speaker = statement.speaker;
      // The union narrows on __typename: `roles` exists on Person, `kind` on Organization.
      let who: string;
      if (speaker?.__typename === 'Person') {
        who = speaker.roles.length > 0 ? `${speaker.name}, ${speaker.roles[0]}` : speaker.name;
        firstPersonId ??= speaker.id;
      } else if (speaker?.__typename === 'Organization') {
        who = `${speaker.name} (${speaker.kind.toLowerCase()})`;
      } else {
        who = statement.speakerText ?? 'unattributed';
      }
      lines.push(`  ${who}: ${statement.text}`);
    }
  }
  if (firstPersonId) {
    const { node } = await request(PersonByIdQuery, { id: firstPersonId });
    if (node?.__typename === 'Person') lines.push(`${node.name} (also ${node.aliases.join(', ') || 'no aliases'}): ${node.statements.totalCount} statements`);
  }
  return lines;
}

// npx tsx examples/typed-client/src/main.ts [endpoint]
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const endpoint = process.argv[2] ?? process.env.NEWSGRAPH_URL ?? 'http://localhost:4000/graphql';
  summarise(endpoint).then(
    (lines) => console.log(lines.join('\n')),
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
