import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';

/** A generated document (documentMode: 'string'): the operation text, typed with its result and variables. */
export type TypedDocument<TResult, TVariables> = DocumentTypeDecoration<TResult, TVariables> & { toString(): string };

export interface GraphQLErrorShape {
  message: string;
  path?: (string | number)[];
  extensions?: Record<string, unknown>;
}

export class GraphQLRequestError extends Error {
  constructor(readonly errors: GraphQLErrorShape[], readonly status: number) {
    super(errors.map((e) => e.message).join('; '));
    this.name = 'GraphQLRequestError';
  }
}

export interface ClientOptions {
  /** e.g. http://localhost:4000/graphql */
  endpoint: string;
  /** Sent as `Authorization: Bearer <key>` (needed for mutations, and for reads on private servers). */
  apiKey?: string;
  /** Automatic persisted queries: queries go out as a hash over cacheable GET (default true). */
  persistedQueries?: boolean;
}

/** No variables to pass when the operation declares none. */
type VariablesArgs<TVariables> = Record<string, never> extends TVariables ? [variables?: TVariables] : [variables: TVariables];

interface Response<TResult> {
  data?: TResult | null;
  errors?: GraphQLErrorShape[];
}

async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** A minimal fetch-based client whose results and variables are typed by the generated documents. */
export function createClient(options: ClientOptions) {
  const headers: Record<string, string> = { accept: 'application/graphql-response+json, application/json' };
  if (options.apiKey) headers.authorization = `Bearer ${options.apiKey}`;

  async function send<TResult>(init: { method: 'GET'; params: Record<string, unknown> } | { method: 'POST'; body: Record<string, unknown> }): Promise<{ status: number; body: Response<TResult> }> {
    let response: globalThis.Response;
    if (init.method === 'GET') {
      const url = new URL(options.endpoint);
      for (const [key, value] of Object.entries(init.params)) if (value !== undefined) url.searchParams.set(key, JSON.stringify(value));
      response = await fetch(url, { headers });
    } else {
      response = await fetch(options.endpoint, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify(init.body) });
    }
    return { status: response.status, body: (await response.json()) as Response<TResult> };
  }

  return async function request<TResult, TVariables>(document: TypedDocument<TResult, TVariables>, ...[variables]: VariablesArgs<TVariables>): Promise<TResult> {
    const query = document.toString();
    let result: { status: number; body: Response<TResult> };
    if (options.persistedQueries === false) {
      result = await send<TResult>({ method: 'POST', body: { query, variables } });
    } else {
      const extensions = { persistedQuery: { version: 1, sha256Hash: await sha256Hex(query) } };
      // Queries by hash over GET (a CDN can cache them); mutations must be POSTed.
      const isQuery = !/^\s*(mutation|subscription)\b/.test(query);
      result = isQuery
        ? await send<TResult>({ method: 'GET', params: { variables, extensions } })
        : await send<TResult>({ method: 'POST', body: { variables, extensions } });
      // The server has not seen this document yet: send it once with its hash, which registers it.
      if (result.body.errors?.some((e) => e.extensions?.code === 'PERSISTED_QUERY_NOT_FOUND')) {
        result = await send<TResult>({ method: 'POST', body: { query, variables, extensions } });
      }
    }
    const { status, body } = result;
    if (body.errors?.length || body.data == null) throw new GraphQLRequestError(body.errors ?? [{ message: `HTTP ${status} without data` }], status);
    return body.data;
  };
}
