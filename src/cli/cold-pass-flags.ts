import v8 from 'node:v8';

/**
 * V8 settings for a process that makes one cold pass over a corpus (the ingest CLI), set before its
 * extraction threads start (the flags are process-wide; a thread's isolate reads them when it starts).
 * In such a pass about a quarter of the process's CPU was TurboFan compiling on V8's background
 * threads (≈5 s for BBC): hundreds of functions optimised, some at hundreds of ms each because of
 * what they inline. A larger interrupt budget optimises only the functions that stay hot, and a
 * smaller inlining budget per optimised function makes each compilation cheaper; execution gets a
 * little slower, compilation much cheaper. Output is the same (JIT settings do not change what code
 * computes). Long-lived processes (server, queue worker) keep V8's defaults: they warm up once.
 */
export const COLD_PASS_V8_FLAGS = ['--interrupt-budget=300000', '--max-inlined-bytecode-size-cumulative=150'];

export function useColdPassV8Flags(): void {
  for (const flag of COLD_PASS_V8_FLAGS) v8.setFlagsFromString(flag);
}
