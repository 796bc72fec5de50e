import type { ServerResponse } from 'node:http';
import { errorBody, httpHeadersOf, HTTP_STATUS } from '../../graphql/errors.ts';
import type { AppError } from '../../services/app-error.ts';

/** Answers a request refused outside GraphQL execution: status and headers from the one table. */
export function sendError(res: ServerResponse, error: AppError): void {
  const text = JSON.stringify(errorBody(error));
  for (const [key, value] of httpHeadersOf(error)) res.setHeader(key, value);
  res.writeHead(HTTP_STATUS[error.code], { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}
