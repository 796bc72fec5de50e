// Worker thread of the ingest pipeline: parses and extracts the articles it is sent, in order.
import { parentPort } from 'node:worker_threads';
import { prepare, type PrepareTimes } from './prepare-article.ts';
import type { WorkerReply, WorkerRequest } from './prepare.ts';

parentPort!.on('message', (request: WorkerRequest) => {
  const times: PrepareTimes = { parseMs: 0, extractMs: 0 };
  const results = request.items.map((item) => prepare(item, times));
  parentPort!.postMessage({ seq: request.seq, results, times } satisfies WorkerReply);
});
