/**
 * graphql-js parses, validates and walks documents recursively: a few thousand nested braces or
 * brackets overflow the stack ("Maximum call stack size exceeded") before any limit is checked.
 * Real operations nest a dozen levels (selection depth is capped at 12, input objects add a few), so
 * anything past this is refused before parsing.
 */
export const MAX_NESTING = 100;

/**
 * Deepest nesting of `{`, `[` and `(` in a GraphQL document, skipping strings and comments; stops
 * counting once past `limit`. One pass over the text: cheap enough to run before the parser.
 */
export function nestingDepth(text: string, limit = MAX_NESTING): number {
  let depth = 0;
  let max = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '#') {
      while (i < text.length && text[i] !== '\n' && text[i] !== '\r') i++;
    } else if (c === '"') {
      if (text.startsWith('"""', i)) {
        // Block string: ends at the next """ not escaped as \""".
        i += 3;
        while (i < text.length && !(text.startsWith('"""', i) && text[i - 1] !== '\\')) i++;
        i += 2;
      } else {
        i++;
        while (i < text.length && text[i] !== '"' && text[i] !== '\n') i += text[i] === '\\' ? 2 : 1;
      }
    } else if (c === '{' || c === '[' || c === '(') {
      depth++;
      if (depth > max) {
        max = depth;
        if (max > limit) return max;
      }
    } else if (c === '}' || c === ']' || c === ')') {
      depth = Math.max(0, depth - 1);
    }
  }
  return max;
}
