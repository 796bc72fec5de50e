import type { Writer } from '../db/writer.ts';
import type { StoreArticle, StoreResult } from './types.ts';
import { writeBatch } from './write-batch.ts';

/** How long one batch may hold its transaction's statements before PostgreSQL cancels them. */
export const STORE_TIMEOUT_MS = 60_000;

/** Writes a batch in its own transaction: whole or not at all. */
export function storeArticles(writer: Writer, articles: StoreArticle[], extractorVersion: string): Promise<StoreResult[]> {
  return writer.transaction((sql) => writeBatch(sql, articles, extractorVersion), { timeoutMs: STORE_TIMEOUT_MS });
}
