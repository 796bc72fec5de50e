// The Newsgraph IDE in the browser: GraphiQL 5 with the Explorer plugin, bundled by ide/build.mjs.
// Everything it needs comes from the page's server; settings come from the page's JSON data block
// (the CSP allows no inline script).
import { explorerPlugin } from '@graphiql/plugin-explorer';
import { createGraphiQLFetcher } from '@graphiql/toolkit';
import { GraphiQL } from 'graphiql';
import { parse } from 'graphql';
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import 'graphiql/style.css';
import '@graphiql/plugin-explorer/style.css';

const config = JSON.parse(document.getElementById('ide-config').textContent);

// Monaco runs its language services in web workers, served next to this bundle (worker-src 'self').
globalThis.MonacoEnvironment = {
  getWorker(_id, label) {
    return new Worker(config.workers[label] ?? config.workers.editor, { name: label });
  },
};

const endpoint = new URL(config.endpoint, window.location.href);
// Subscriptions run over graphql-ws on the same endpoint (ws:// or wss:// as the page's scheme).
const socketEndpoint = new URL(endpoint);
socketEndpoint.protocol = endpoint.protocol === 'https:' ? 'wss:' : 'ws:';
const baseFetcher = createGraphiQLFetcher({ url: endpoint.toString(), subscriptionUrl: socketEndpoint.toString() });

// Right after a tab switch GraphiQL can send the previous tab's operation name and document
// (graphql/graphiql#3632). The fetcher tells a subscription (sent over WebSocket) from a query by
// that document and name, so both are taken from the query actually sent: its parsed document, and
// for a one-operation document that operation's own name.
function fetcher(params, options) {
  if (params && typeof params.query === 'string') {
    try {
      const documentAST = parse(params.query);
      const ops = documentAST.definitions.filter((d) => d.kind === 'OperationDefinition');
      const known = ops.some((d) => d.name && d.name.value === params.operationName);
      if (!known && ops.length === 1) params = { ...params, operationName: ops[0].name?.value };
      options = { ...options, documentAST };
    } catch {
      // Unparsable: the server explains.
    }
  }
  return baseFetcher(params, options);
}

createRoot(document.getElementById('graphiql')).render(createElement(GraphiQL, {
  fetcher,
  defaultTabs: config.tabs,
  defaultEditorToolsVisibility: true,
  shouldPersistHeaders: false,
  plugins: [explorerPlugin()],
}));
