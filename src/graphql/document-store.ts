import type { DocumentStore } from '@apollo/server';
import type { DocumentNode } from 'graphql';

export const DEFAULT_DOCUMENT_STORE_BYTES = 32 * 1024 * 1024;
/** No single document may take more than this share of the budget. */
const MAX_ENTRY_SHARE = 8;
const ENTRY_OVERHEAD_BYTES = 256;

export interface BoundedDocumentStore extends DocumentStore {
  /** What the stored documents count against `maxBytes`; never above it. */
  readonly bytes: number;
  readonly size: number;
  readonly maxBytes: number;
}

/**
 * Memory a parsed document holds: its source text, which every node's `loc` keeps alive (as UTF-16,
 * the upper bound), plus the AST itself (estimated by its JSON, which leaves the source out).
 */
function documentBytes(key: string, document: DocumentNode): number {
  const source = document.loc?.source.body.length ?? 0;
  return ENTRY_OVERHEAD_BYTES + 2 * (key.length + source) + JSON.stringify(document).length;
}

/**
 * Apollo keeps parsed and validated documents so that a repeated query skips that work. Its default
 * store sizes a document by its JSON only, which leaves out the source text: 2,000 distinct ~1 MB
 * queries (a long comment each) counted a few kB apiece and held 2 GB. This store counts the text and
 * evicts the least recently used documents past `maxBytes`.
 */
export function createDocumentStore(maxBytes = DEFAULT_DOCUMENT_STORE_BYTES): BoundedDocumentStore {
  const maxEntryBytes = Math.floor(maxBytes / MAX_ENTRY_SHARE);
  // Map order is use order: the first entry is the least recently used.
  const entries = new Map<string, { document: DocumentNode; bytes: number }>();
  let bytes = 0;
  const remove = (key: string) => {
    const entry = entries.get(key);
    if (!entry) return false;
    entries.delete(key);
    bytes -= entry.bytes;
    return true;
  };
  return {
    async get(key) {
      const entry = entries.get(key);
      if (!entry) return undefined;
      entries.delete(key);
      entries.set(key, entry);
      return entry.document;
    },
    async set(key, document) {
      remove(key);
      const size = documentBytes(key, document);
      if (size > maxEntryBytes) return;
      while (bytes + size > maxBytes) remove(entries.keys().next().value!);
      entries.set(key, { document, bytes: size });
      bytes += size;
    },
    async delete(key) {
      return remove(key);
    },
    get bytes() {
      return bytes;
    },
    get size() {
      return entries.size;
    },
    maxBytes,
  };
}
