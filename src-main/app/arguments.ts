/** The value of `--site FILE` or `--site=FILE`, if given. */
export function siteArgument(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--site') return argv[i + 1];
    if (arg.startsWith('--site=')) return arg.slice('--site='.length);
  }
  return undefined;
}
