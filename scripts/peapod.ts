import { run } from '../lib/import/cli';

// `peapod import …`: the command line of lib/import/cli.ts.
const outcome = run(process.argv.slice(2));
process.stdout.write(outcome.stdout);
process.stderr.write(outcome.stderr);
process.exitCode = outcome.code;
