import type { IncomingMessage, ServerResponse } from 'node:http';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const MIN_COMPRESS_BYTES = 1024;

/** Writes a complete response body, compressed with brotli or gzip when the client accepts it and it is worth it. */
export function sendBody(req: IncomingMessage, res: ServerResponse, body: string): void {
  const accept = String(req.headers['accept-encoding'] ?? '');
  const raw = Buffer.from(body, 'utf8');
  res.setHeader('vary', [res.getHeader('vary'), 'Accept-Encoding'].filter(Boolean).join(', '));
  if (raw.length < MIN_COMPRESS_BYTES || res.statusCode === 204) {
    res.setHeader('content-length', raw.length);
    res.end(raw);
    return;
  }
  let out: Buffer = raw;
  if (/\bbr\b/.test(accept)) {
    out = brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 4 } });
    res.setHeader('content-encoding', 'br');
  } else if (/\bgzip\b/.test(accept)) {
    out = gzipSync(raw, { level: 6 });
    res.setHeader('content-encoding', 'gzip');
  }
  res.setHeader('content-length', out.length);
  res.end(out);
}
