/** A source that cannot be turned into an article; the batch reports it and goes on. */
export class ParseError extends Error {
  override name = 'ParseError';
  constructor(
    readonly origin: string,
    message: string,
  ) {
    // The origin is a field, not part of the message: reports print "origin: message" themselves.
    super(message);
  }
}
