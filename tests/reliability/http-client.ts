/** Small HTTP helpers shared by the reliability tests. */
export interface HttpResult {
  status: number;
  headers: Headers;
  text: string;
  json: any;
}

export async function post(url: string, body: unknown, headers: Record<string, string> = {}): Promise<HttpResult> {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    // The GraphQL-over-HTTP media type: request errors keep their 4xx status (legacy application/json-only
    // clients get 200 with the errors in the body, as the spec asks).
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json;q=0.9', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  let json: any;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, headers: res.headers, text, json };
}

export const codes = (r: HttpResult): unknown[] => (r.json?.errors ?? []).map((e: any) => e.extensions?.code);
