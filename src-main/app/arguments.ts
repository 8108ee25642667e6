import { clockStartingAt, parseNow, systemClock, type Clock } from '../../shared/clock';

/** The value of `--NAME VALUE` or `--NAME=VALUE` on a command line, if given. */
function optionArgument(argv: readonly string[], name: string): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === `--${name}`) return argv[i + 1];
    if (arg.startsWith(`--${name}=`)) return arg.slice(name.length + 3);
  }
  return undefined;
}

/** The value of `--site FILE` or `--site=FILE`, if given. */
export const siteArgument = (argv: readonly string[]): string | undefined => optionArgument(argv, 'site');

/** The value of `--now T` or `--now=T`, if given: the console's clock starts there. */
export const nowArgument = (argv: readonly string[]): string | undefined => optionArgument(argv, 'now');

/** The clock `--now T` asks for (the system clock without it), or what is wrong with T. */
export function clockForNow(value: string | undefined): { clock: Clock } | { problem: string } {
  if (value === undefined) return { clock: systemClock };
  const at = parseNow(value);
  return at === null ? { problem: `--now is a local date and time such as 2026-12-03T09:00, not ${JSON.stringify(value)}` } : { clock: clockStartingAt(at) };
}
