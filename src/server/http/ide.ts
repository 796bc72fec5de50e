import { createHash } from 'node:crypto';
import fs from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import path from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/**
 * The GraphiQL IDE, served entirely from this server: GraphiQL's browser bundle and React's UMD
 * builds come from node_modules (no CDN), under content-hashed URLs cached for a year. The page has
 * no inline script (CSP `script-src 'self'`): its settings travel in a JSON data block that the
 * served bootstrap script reads.
 */

/** An example operation preloaded as a GraphiQL tab; it must work against the seed graph. */
export interface IdeTab {
  query: string;
  variables?: string;
}

export const IDE_EXAMPLE_TABS: IdeTab[] = [
  {
    query: `# Welcome to the Newsgraph IDE. Run an operation with Ctrl-Enter (⌘-Enter) or the ▶ button.
# Each tab holds an example; the Docs panel (top left) browses the whole schema.
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
      statements(first: 5) {
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
    query: `# Events the articles report, with who took part and where.
query EventsWithParticipants {
  events(first: 10) {
    totalCount
    nodes {
      id
      title
      kind
      startDate
      precision
      place {
        name
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
  // GraphiQL's dialogs inject <style> elements (react-style-singleton); scripts stay 'self' only.
  "style-src 'self' 'unsafe-inline'",
  // GraphiQL's stylesheet embeds its fonts and icons as data: URLs.
  "font-src 'self' data:",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const require = createRequire(import.meta.url);

function packageFile(pkg: string, file: string): string {
  // React's exports map hides umd/; its package.json is always resolvable.
  return path.join(path.dirname(require.resolve(`${pkg}/package.json`)), file);
}

function makeAsset(name: string, type: string, text: string): Asset {
  const body = Buffer.from(text, 'utf8');
  const hash = createHash('sha256').update(body).digest('hex').slice(0, 16);
  const dot = name.indexOf('.');
  return { url: `${ASSET_PREFIX}${name.slice(0, dot)}.${hash}${name.slice(dot)}`, type, body, etag: `"${hash}"` };
}

function readAsset(name: string, type: string, file: string): Asset {
  // The bundles point at source maps next to them, which the hashed URL does not have.
  const text = fs.readFileSync(file, 'utf8').replace(/\n\/[/*]# sourceMappingURL=\S+(\s*\*\/)?\s*$/, '\n');
  return makeAsset(name, type, text);
}

// Reads the window-level settings the page provides and mounts GraphiQL. No inline script needed.
const BOOTSTRAP = `'use strict';
(function () {
  var config = JSON.parse(document.getElementById('ide-config').textContent);
  var baseFetcher = GraphiQL.createFetcher({ url: new URL(config.endpoint, window.location.href).toString() });
  // GraphiQL 3 can send the operation name of the previously selected tab when a new tab is run
  // right after switching (graphql/graphiql#3632): for a one-operation document, send none.
  function fetcher(params, options) {
    if (params && params.operationName) {
      try {
        var ops = GraphiQL.GraphQL.parse(params.query).definitions.filter(function (d) { return d.kind === 'OperationDefinition'; });
        var known = ops.some(function (d) { return d.name && d.name.value === params.operationName; });
        if (!known && ops.length === 1) params = Object.assign({}, params, { operationName: undefined });
      } catch (e) { /* unparsable: the server explains */ }
    }
    return baseFetcher(params, options);
  }
  var root = ReactDOM.createRoot(document.getElementById('graphiql'));
  root.render(React.createElement(GraphiQL, {
    fetcher: fetcher,
    defaultTabs: config.tabs,
    defaultEditorToolsVisibility: true,
    shouldPersistHeaders: false,
  }));
})();
`;

function escapeJsonForHtml(value: unknown): string {
  // Inside <script type="application/json">, only "</script" and "<!--" could end the block.
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');
}

let loaded: Asset[] | null = null;

/** Read once per process (servers in one process share them, and their compressed forms). */
function loadAssets(): Asset[] {
  return (loaded ??= [
    readAsset('react.production.min.js', 'text/javascript; charset=utf-8', packageFile('react', 'umd/react.production.min.js')),
    readAsset('react-dom.production.min.js', 'text/javascript; charset=utf-8', packageFile('react-dom', 'umd/react-dom.production.min.js')),
    readAsset('graphiql.min.js', 'text/javascript; charset=utf-8', packageFile('graphiql', 'graphiql.min.js')),
    readAsset('graphiql.min.css', 'text/css; charset=utf-8', packageFile('graphiql', 'graphiql.min.css')),
    makeAsset('ide.js', 'text/javascript; charset=utf-8', BOOTSTRAP),
  ]);
}

/** Loads the IDE's assets (at startup: a missing package fails fast) and returns its request handler. */
export function createIde(options: IdeOptions = {}): Ide {
  const assets = loadAssets();
  const byUrl = new Map(assets.map((a) => [a.url, a]));
  const [react, reactDom, graphiql, css, bootstrap] = assets;
  const config = { endpoint: options.endpoint ?? '/graphql', tabs: options.tabs ?? IDE_EXAMPLE_TABS };
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
  <script src="${react.url}" defer></script>
  <script src="${reactDom.url}" defer></script>
  <script src="${graphiql.url}" defer></script>
  <script src="${bootstrap.url}" defer></script>
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
