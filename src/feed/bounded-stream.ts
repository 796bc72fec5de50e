/**
 * An async iterator fed in bursts (one committed batch's matching nodes at a time), holding at most
 * `limit` undelivered bursts: a consumer that falls that far behind is cut off (`onOverflow`), so a
 * slow subscriber can never grow memory, while one batch of many statements never counts as slow.
 */
export class BoundedStream<T> implements AsyncIterableIterator<T> {
  private readonly bursts: T[][] = [];
  private at = 0;
  private waiting: ((r: IteratorResult<T>) => void) | null = null;
  private closed = false;

  constructor(
    private readonly limit: number,
    private readonly onOverflow: () => void,
    private readonly onClose: () => void,
  ) {}

  push(burst: T[]): void {
    if (this.closed || burst.length === 0) return;
    if (this.bursts.length >= this.limit) {
      this.close();
      this.onOverflow();
      return;
    }
    this.bursts.push(burst);
    if (this.waiting) {
      const resolve = this.waiting;
      this.waiting = null;
      resolve({ value: this.take(), done: false });
    }
  }

  private take(): T {
    const burst = this.bursts[0];
    const item = burst[this.at++];
    if (this.at === burst.length) {
      this.bursts.shift();
      this.at = 0;
    }
    return item;
  }

  next(): Promise<IteratorResult<T>> {
    if (this.bursts.length) return Promise.resolve({ value: this.take(), done: false });
    if (this.closed) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve) => (this.waiting = resolve));
  }

  return(): Promise<IteratorResult<T>> {
    this.close();
    return Promise.resolve({ value: undefined, done: true });
  }

  [Symbol.asyncIterator](): AsyncIterableIterator<T> {
    return this;
  }

  /** Ends the stream: pending items are dropped, a waiting consumer is told it is done. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.bursts.length = 0;
    this.waiting?.({ value: undefined, done: true });
    this.waiting = null;
    this.onClose();
  }
}
