import { createClient as createSocket } from 'graphql-ws';
import WebSocket from 'ws';
import type { TypedDocument } from './client.ts';
import { LiveQuotationsSubscription } from './operations.ts';

/**
 * Runs a typed subscription over graphql-ws (the server's /graphql, as ws:// or wss://) and hands each
 * typed result to `onResult`; returns a function that ends it. Browsers pass their own WebSocket.
 */
export function subscribe<TResult, TVariables extends Record<string, unknown>>(
  endpoint: string,
  document: TypedDocument<TResult, TVariables>,
  variables: TVariables,
  onResult: (result: TResult) => void,
  options: { apiKey?: string; onError?: (error: unknown) => void } = {},
): () => Promise<void> {
  const url = new URL(endpoint);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  const socket = createSocket({ url: url.toString(), webSocketImpl: WebSocket, connectionParams: options.apiKey ? { authorization: `Bearer ${options.apiKey}` } : undefined });
  const stop = socket.subscribe<TResult>(
    { query: document.toString(), variables },
    {
      next: (r) => (r.data ? onResult(r.data as TResult) : options.onError?.(r.errors)),
      error: (e) => options.onError?.(e),
      complete: () => {},
    },
  );
  return async () => {
    stop();
    await socket.dispose();
  };
}

/** Who is being quoted, live: "Name: words" for each new direct quotation. */
export function watchQuotations(endpoint: string, onLine: (line: string) => void): () => Promise<void> {
  return subscribe(endpoint, LiveQuotationsSubscription, {}, ({ statementAdded: s }) => {
    // The speaker union narrows on __typename, as in the query example.
    const who = s.speaker?.__typename === 'Person' || s.speaker?.__typename === 'Organization' ? s.speaker.name : 'unattributed';
    onLine(`${who}: ${s.text} (${s.article.title})`);
  });
}
