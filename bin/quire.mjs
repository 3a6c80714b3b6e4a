#!/usr/bin/env node
// The `quire` command: runs the TypeScript CLI in src-main/cli through tsx, so the CLI and
// the app always run the very same src-core code, with no separate build to fall out of date.
import { register } from 'tsx/esm/api';

register();
const { runCli } = await import('../src-main/cli/main.ts');
process.exitCode = await runCli(process.argv.slice(2), {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
});
