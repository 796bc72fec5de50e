/** A command line: positional inputs, integer options and on/off switches. */
export interface CliArgs {
  inputs: string[];
  ints: Map<string, number>;
  switches: Set<string>;
}

/**
 * Reads `--name N` or `--name=N` for each integer option in `ints` (its value the least it accepts),
 * `--name` for each of `switches`, and anything else not starting with `--` as an input. An unknown
 * option or a bad number throws, with a message for the user.
 */
export function parseCliArgs(argv: string[], options: { ints: Record<string, number>; switches?: string[] }): CliArgs {
  const out: CliArgs = { inputs: [], ints: new Map(), switches: new Set() };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith('--')) {
      out.inputs.push(a);
      continue;
    }
    const [name, inline] = a.slice(2).split('=', 2);
    if (inline === undefined && options.switches?.includes(name)) {
      out.switches.add(name);
      continue;
    }
    const least = options.ints[name];
    if (least === undefined) throw new Error(`unknown option --${name}`);
    const raw = inline ?? argv[++i];
    const value = Number(raw);
    if (raw === undefined || !Number.isInteger(value) || value < least) throw new Error(`--${name} needs ${least >= 1 ? 'a positive' : 'a non-negative'} integer, got "${raw ?? ''}"`);
    out.ints.set(name, value);
  }
  return out;
}
