/** A usage mistake: exit code 2, with the help text's pointer. */
export class UsageError extends Error {}

export interface ParsedArgs {
  command: string | null;
  positional: string[];
  options: Map<string, string | true>;
}

/** `--name value`, `--name=value` and bare `--flag`; `flags` lists the options that take no value. */
export function parseArgs(argv: readonly string[], flags: ReadonlySet<string>): ParsedArgs {
  const positional: string[] = [];
  const options = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      positional.push(...argv.slice(i + 1));
      break;
    }
    const opt = /^--([a-z][a-z-]*)(?:=(.*))?$/.exec(arg);
    if (!opt) {
      if (arg === '-h') options.set('help', true);
      else positional.push(arg);
      continue;
    }
    const name = opt[1]!;
    if (flags.has(name)) {
      if (opt[2] !== undefined) throw new UsageError(`--${name} takes no value`);
      options.set(name, true);
    } else if (opt[2] !== undefined) {
      options.set(name, opt[2]);
    } else {
      const value = argv[i + 1];
      if (value === undefined || value.startsWith('--'))
        throw new UsageError(`--${name} needs a value`);
      options.set(name, value);
      i++;
    }
  }
  return { command: positional.shift() ?? null, positional, options };
}
