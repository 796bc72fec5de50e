import { createHash } from 'node:crypto';
import fs from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/**
 * The GraphiQL IDE, served entirely from this server: GraphiQL 5 with the Explorer plugin, React and
 * Monaco, bundled for the browser by ide/build.mjs into dist/ide/ (at `npm install`; no CDN), under
 * content-hashed URLs cached for a year. The page has no inline script (CSP `script-src 'self'`):
 * its settings, worker URLs included, travel in a JSON data block that the bundle reads.
 */

/** An example operation preloaded as a GraphiQL tab; it must work against the seed graph. */
export interface IdeTab {
  query: string;
  variables?: string;
}

export const IDE_EXAMPLE_TABS: IdeTab[] = [
  {
    query: `# Welcome to the Newsgraph IDE. Run an operation with Ctrl-Enter (⌘-Enter) or the ▶ button.
# Each tab holds an example. In the left bar: Docs browses the whole schema, the Explorer
# (below it) builds a query as you tick fields.
# Mutations need an API key: add {"Authorization": "Bearer <key>"} in the Headers tab below.

# Articles with the people they mention and what was said, by whom.
query ArticlesWithStatements {
  articles(first: 5) {
    totalCount
    nodes {
      id
      title
      source
      publishedAt
      people(first: 5) {
        nodes {
          name
          roles
        }
      }
      statements(first: 20) {
        nodes {
          kind
          text
          speakerText
          speaker {
            __typename
            ... on Person {
              name
            }
            ... on Organization {
              name
              kind
            }
          }
        }
      }
    }
  }
}
`,
  },
  {
    query: `# A person by canonical name or any alias ("Chairman Kim" finds Kim Jong Un), with what they said.
query PersonByName($name: String!) {
  person(name: $name) {
    id
    name
    aliases
    roles
    statements(first: 10) {
      totalCount
      nodes {
        kind
        cue
        text
        article {
          title
        }
      }
    }
  }
}
`,
    variables: JSON.stringify({ name: 'Chairman Kim' }, null, 2),
  },
  {
    query: `# Events the articles report: what happened, who did it to whom, who took part and where.
query EventsWithParticipants {
  events(first: 10) {
    totalCount
    nodes {
      id
      title
      type
      mode
      startDate
      precision
      place {
        name
      }
      sources(first: 5) {
        nodes {
          ... on Person { name }
          ... on Organization { name }
          ... on ActorGroup { name }
        }
      }
      targets(first: 5) {
        nodes {
          ... on Person { name }
          ... on Organization { name }
          ... on ActorGroup { name }
        }
      }
      participants(first: 10) {
        nodes {
          name
        }
      }
      articles {
        totalCount
      }
    }
  }
}
`,
  },
  {
    query: `# Any object by its global ID: paste an \`id\` from another tab's result into the variables.
query NodeById($id: ID!) {
  node(id: $id) {
    __typename
    id
    ... on Person {
      name
      roles
    }
    ... on Organization {
      name
      kind
    }
    ... on Article {
      title
      publishedAt
    }
    ... on Event {
      title
      startDate
    }
  }
}
`,
    variables: JSON.stringify({ id: 'paste an id here' }, null, 2),
  },
  {
    query: `# The live feed: statements as writers store them (ingest, queue workers), on every replica.
# Run it, then ingest an article (the ingestArticle mutation in another tab, \`npm run ingest\`, or
# a worker): each new statement appears below. Filters: speaker, mentioning, kind, minConfidence.
subscription LiveStatements {
  statementAdded {
    kind
    text
    speakerText
    speaker {
      __typename
      ... on Person {
        name
      }
      ... on Organization {
        name
      }
    }
    article {
      title
      source
    }
  }
}
`,
  },
];

interface Asset {
  /** URL path under which it is served, with a content hash: immutable. */
  url: string;
  type: string;
  body: Buffer;
  etag: string;
  gzip?: Buffer;
  br?: Buffer;
}

export interface IdeOptions {
  /** The GraphQL endpoint the IDE talks to (default /graphql). */
  endpoint?: string;
  tabs?: IdeTab[];
}

export interface Ide {
  /** Serves the request if it is the IDE's (the page or one of its assets); false otherwise. */
  handle(req: IncomingMessage, res: ServerResponse, url: URL): boolean;
}

const ASSET_PREFIX = '/ide/assets/';

export const IDE_CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  // Monaco's language services (GraphQL, JSON, the editor's own) run in web workers loaded from here.
  "worker-src 'self'",
  // GraphiQL's dialogs and Monaco inject <style> elements and style attributes; scripts stay 'self' only.
  "style-src 'self' 'unsafe-inline'",
  // The stylesheet embeds its fonts and icons as data: URLs.
  "font-src 'self' data:",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** The checkout (or image) root: where package.json is, from src/ or from compiled code alike. */
function packageRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!fs.existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('package.json not found above the IDE module');
    dir = parent;
  }
  return dir;
}

/** Built by ide/build.mjs (npm install runs it). */
export const IDE_BUNDLE_DIR = path.join(packageRoot(), 'dist/ide');

/** Monaco worker labels (what GraphiQL asks for) and their bundles. */
const WORKERS = { editor: 'editor.worker.js', json: 'json.worker.js', graphql: 'graphql.worker.js' } as const;

function makeAsset(name: string, type: string, text: string): Asset {
  const body = Buffer.from(text, 'utf8');
  const hash = createHash('sha256').update(body).digest('hex').slice(0, 16);
  const dot = name.indexOf('.');
  return { url: `${ASSET_PREFIX}${name.slice(0, dot)}.${hash}${name.slice(dot)}`, type, body, etag: `"${hash}"` };
}

function readAsset(name: string, type: string): Asset {
  const file = path.join(IDE_BUNDLE_DIR, name);
  if (!fs.existsSync(file)) {
    throw new Error(`The IDE bundle is missing (${file}): run \`npm run build:ide\` (npm install does), or set NEWSGRAPH_IDE=false`);
  }
  return makeAsset(name, type, fs.readFileSync(file, 'utf8'));
}

function escapeJsonForHtml(value: unknown): string {
  // Inside <script type="application/json">, only "</script" and "<!--" could end the block.
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');
}

const JS = 'text/javascript; charset=utf-8';

interface Assets {
  all: Asset[];
  css: Asset;
  script: Asset;
  workers: Record<keyof typeof WORKERS, Asset>;
}

let loaded: Assets | null = null;

/** Read once per process (servers in one process share them, and their compressed forms). */
function loadAssets(): Assets {
  if (loaded) return loaded;
  const css = readAsset('graphiql.css', 'text/css; charset=utf-8');
  const script = readAsset('graphiql.js', JS);
  const workers = Object.fromEntries(Object.entries(WORKERS).map(([label, file]) => [label, readAsset(file, JS)])) as Assets['workers'];
  return (loaded = { all: [css, script, ...Object.values(workers)], css, script, workers });
}

/** Loads the IDE's assets (at startup: a missing bundle fails fast) and returns its request handler. */
export function createIde(options: IdeOptions = {}): Ide {
  const { all, css, script, workers } = loadAssets();
  const byUrl = new Map(all.map((a) => [a.url, a]));
  const config = {
    endpoint: options.endpoint ?? '/graphql',
    tabs: options.tabs ?? IDE_EXAMPLE_TABS,
    workers: Object.fromEntries(Object.entries(workers).map(([label, asset]) => [label, asset.url])),
  };
  const page = Buffer.from(`<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Newsgraph IDE</title>
  <link rel="icon" href="data:,">
  <link rel="stylesheet" href="${css.url}">
  <style>html, body, #graphiql { height: 100%; margin: 0; }</style>
  <script id="ide-config" type="application/json">${escapeJsonForHtml(config)}</script>
  <script src="${script.url}" defer></script>
</head>
<body>
  <div id="graphiql">Loading the Newsgraph IDE…</div>
  <noscript>The IDE needs JavaScript. The API itself is at ${config.endpoint}.</noscript>
</body>
</html>
`, 'utf8');

  function sendPage(req: IncomingMessage, res: ServerResponse): void {
    res.writeHead(200, {
      'content-type': 'text/html; charset=utf-8',
      'content-length': page.length,
      'cache-control': 'no-cache',
      // /graphql answers JSON or this page depending on Accept.
      vary: 'Accept',
      'content-security-policy': IDE_CONTENT_SECURITY_POLICY,
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
    });
    res.end(req.method === 'HEAD' ? undefined : page);
  }

  function sendAsset(req: IncomingMessage, res: ServerResponse, asset: Asset): void {
    const headers: Record<string, string | number> = {
      'content-type': asset.type,
      'cache-control': 'public, max-age=31536000, immutable',
      etag: asset.etag,
      vary: 'Accept-Encoding',
      'x-content-type-options': 'nosniff',
    };
    if (req.headers['if-none-match'] === asset.etag) {
      res.writeHead(304, headers);
      return void res.end();
    }
    const accept = String(req.headers['accept-encoding'] ?? '');
    let body = asset.body;
    // Compressed once, on first request, then kept.
    if (/\bbr\b/.test(accept)) {
      body = asset.br ??= brotliCompressSync(asset.body, { params: { [constants.BROTLI_PARAM_QUALITY]: 9, [constants.BROTLI_PARAM_SIZE_HINT]: asset.body.length } });
      headers['content-encoding'] = 'br';
    } else if (/\bgzip\b/.test(accept)) {
      body = asset.gzip ??= gzipSync(asset.body, { level: 9 });
      headers['content-encoding'] = 'gzip';
    }
    headers['content-length'] = body.length;
    res.writeHead(200, headers);
    res.end(req.method === 'HEAD' ? undefined : body);
  }

  function methodNotAllowed(res: ServerResponse): void {
    const text = JSON.stringify({ errors: [{ message: 'Method not allowed', extensions: { code: 'METHOD_NOT_ALLOWED' } }] });
    res.writeHead(405, { allow: 'GET, HEAD', 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
    res.end(text);
  }

  return {
    handle(req, res, url) {
      const method = (req.method ?? 'GET').toUpperCase();
      const readOnly = method === 'GET' || method === 'HEAD';
      if (url.pathname === '/ide' || url.pathname === '/ide/') {
        if (!readOnly) methodNotAllowed(res);
        else sendPage(req, res);
        return true;
      }
      if (url.pathname.startsWith(ASSET_PREFIX)) {
        const asset = byUrl.get(url.pathname);
        if (!asset) return false; // the server's 404
        if (!readOnly) methodNotAllowed(res);
        else sendAsset(req, res, asset);
        return true;
      }
      // A browser navigating to the endpoint (no operation in the URL) gets the IDE; API clients,
      // which ask for JSON, never do.
      if (url.pathname === config.endpoint && readOnly && !url.searchParams.has('query') && acceptsHtml(req)) {
        sendPage(req, res);
        return true;
      }
      return false;
    },
  };
}

function acceptsHtml(req: IncomingMessage): boolean {
  const accept = String(req.headers.accept ?? '');
  return accept.split(',').some((part) => {
    const [type, ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    return type.trim() === 'text/html' && (q === undefined || Number(q.slice(2)) > 0);
  });
}
