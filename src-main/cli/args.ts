/** A usage mistake: exit code 2, with the help text's pointer. */
export class UsageError extends Error {}

/** One option a command accepts: a bare `--flag`, or `--name value` / `--name=value`. */
export type OptionSpec =
  | { kind: 'flag' }
  | {
      kind: 'value';
      /** The accepted values, when the set is closed (`--style apa|mla…`). */
      choices?: readonly string[];
      required?: boolean;
      /** A check of the value alone (the shared rules of src-core/validation): why it is refused, or null. */
      refuse?: (value: string) => string | null;
    };

export interface CommandSpec {
  /** The names of its positional arguments, all required (`['FILE']`). */
  positional: readonly string[];
  /** The last positional argument may be repeated (`FILE...`). */
  variadic?: boolean;
  /**
   * How many positional arguments are required; default all. Fewer make sense when an option
   * stands in for them (`parse --url URL` instead of `parse FILE`): `check` decides.
   */
  minPositional?: number;
  options: Readonly<Record<string, OptionSpec>>;
  /** Checks between options (and positional arguments), run after each one is valid alone. */
  check?: (options: ReadonlyMap<string, string | true>, positional: readonly string[]) => void;
}

export type Invocation =
  | { kind: 'help' }
  | {
      kind: 'run';
      command: string;
      positional: string[];
      options: Map<string, string | true>;
    };

/** Text from the command line, fit to quote in a message: control characters become "?". */
export function quoteArg(text: string): string {
  // eslint-disable-next-line no-control-regex
  return `"${text.replace(/[\u0000-\u001f\u007f-\u009f]/g, '?')}"`;
}

/** A value short enough to show in one line of a message. */
function shorten(value: string): string {
  return value.length > 80 ? `${value.slice(0, 80)}…` : value;
}

/** " (one of apa, mla…)" for an option with a closed set of values. */
function oneOf(spec: OptionSpec): string {
  return spec.kind === 'value' && spec.choices ? ` (one of ${spec.choices.join(', ')})` : '';
}

/**
 * Reads a command line against the commands' declared arguments and options, and refuses
 * anything else before any file is touched: an unknown command or option, a missing or extra
 * argument, a missing or invalid value. `-h` / `--help` anywhere (before `--`) asks for help.
 */
export function parseCommandLine(
  argv: readonly string[],
  commands: Readonly<Record<string, CommandSpec>>,
): Invocation {
  const end = argv.indexOf('--');
  const beforeEnd = end === -1 ? argv : argv.slice(0, end);
  if (beforeEnd.some((arg) => arg === '-h' || arg === '--help') || argv[0] === 'help') {
    return { kind: 'help' };
  }
  const command = argv[0];
  if (command === undefined || command === '--') throw new UsageError('no command given');
  if (command.startsWith('-')) {
    throw new UsageError(`${quoteArg(command)}: give the command first, e.g. quire parse FILE`);
  }
  const spec = Object.hasOwn(commands, command) ? commands[command] : undefined;
  if (!spec) throw new UsageError(`unknown command ${quoteArg(command)}`);

  const positional: string[] = [];
  const options = new Map<string, string | true>();
  for (let i = 1; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      positional.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      positional.push(arg);
      continue;
    }
    const opt = /^--([a-z][a-z-]*)(?:=([\s\S]*))?$/.exec(arg);
    const name = opt?.[1];
    const optionSpec =
      name !== undefined && Object.hasOwn(spec.options, name) ? spec.options[name] : undefined;
    if (!opt || name === undefined || !optionSpec) {
      const shown = quoteArg(arg.split('=')[0]!);
      throw new UsageError(`unknown option ${shown} for quire ${command}`);
    }
    if (options.has(name)) throw new UsageError(`--${name} is given twice`);
    if (optionSpec.kind === 'flag') {
      if (opt[2] !== undefined) throw new UsageError(`--${name} takes no value`);
      options.set(name, true);
      continue;
    }
    let value = opt[2];
    if (value === undefined) {
      const next = argv[i + 1];
      if (next === undefined || next.startsWith('--'))
        throw new UsageError(`--${name} needs a value${oneOf(optionSpec)}`);
      value = next;
      i++;
    }
    if (optionSpec.choices && !optionSpec.choices.includes(value)) {
      const choices = optionSpec.choices.join(', ');
      throw new UsageError(`--${name} must be one of ${choices}, not ${quoteArg(value)}`);
    }
    if (!value.trim()) throw new UsageError(`--${name} needs a value${oneOf(optionSpec)}`);
    const refusal = optionSpec.refuse?.(value);
    if (refusal) throw new UsageError(`--${name} ${quoteArg(shorten(value))}: ${refusal}`);
    options.set(name, value);
  }

  for (const [name, optionSpec] of Object.entries(spec.options)) {
    if (optionSpec.kind === 'value' && optionSpec.required && !options.has(name)) {
      throw new UsageError(`--${name} is missing${oneOf(optionSpec)}`);
    }
  }
  const missing = spec.positional[positional.length];
  if (missing !== undefined && positional.length < (spec.minPositional ?? spec.positional.length))
    throw new UsageError(`${missing} is missing`);
  if (positional.length > spec.positional.length && !spec.variadic) {
    const extra = positional[spec.positional.length]!;
    throw new UsageError(
      `unexpected argument ${quoteArg(extra)}: quire ${command} takes ${spec.positional.join(' ')} only`,
    );
  }
  positional.forEach((value, index) => {
    const name = spec.positional[Math.min(index, spec.positional.length - 1)];
    if (!value) throw new UsageError(`${name} is empty`);
  });
  spec.check?.(options, positional);
  return { kind: 'run', command, positional, options };
}
