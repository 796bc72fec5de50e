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

const baseFetcher = createGraphiQLFetcher({ url: new URL(config.endpoint, window.location.href).toString() });

// GraphiQL can send the operation name of the previously selected tab when a new tab is run right
// after switching (graphql/graphiql#3632): for a one-operation document, send none.
function fetcher(params, options) {
  if (params && params.operationName) {
    try {
      const ops = parse(params.query).definitions.filter((d) => d.kind === 'OperationDefinition');
      const known = ops.some((d) => d.name && d.name.value === params.operationName);
      if (!known && ops.length === 1) params = { ...params, operationName: undefined };
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
