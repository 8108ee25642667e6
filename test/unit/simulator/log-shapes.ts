/**
 * The layout of a batch log's procedure lines, for holding the simulator's logs to the fixtures
 * written from the manuals: each line reduced to its shape (dates, times, file specifications,
 * job, queue and area names and numbers replaced by placeholders), so that two logs of the same
 * procedure on different days, or with more or fewer databases, have the same set of shapes.
 */

/** The lines the procedure itself wrote: after the login's lines, before the accounting trailer. */
export function procedureLines(log: string): string[] {
  const lines = log.replace(/\r/g, '').split('\n');
  // the procedure starts at its own error handling line (the login's "$ Set NoOn" is SYLOGIN's)
  const first = lines.findIndex((line) => /^\$ (SET NOON|SET ON|ON (WARNING|ERROR|SEVERE_ERROR) THEN .+)$/.test(line));
  const trailer = lines.findIndex((line) => /^ {2}\S+ +job terminated at /.test(line));
  return lines.slice(first < 0 ? 0 : first, trailer < 0 ? lines.length : trailer).filter((line) => line.trim() !== '');
}

export function lineShape(line: string): string {
  return line
    .replace(/^Job [A-Z0-9$_]+ \(queue [A-Z0-9$_]+, entry \d+\)/, 'Job <JOB> (queue <QUEUE>, entry <N>)')
    .replace(/started on [A-Z0-9$_]+$/, 'started on <QUEUE>')
    .replace(/\b[A-Z0-9$_]+:\*\.\*;\*/g, '<INPUT>')
    .replace(/_?[A-Z0-9$_]+:\[[^\]]*\][A-Z0-9$_]*(\.[A-Z0-9$_]*)?(;\d*)?/g, '<FILE>')
    .replace(/\d{1,2}-[A-Z]{3}-\d{4}/g, '<DATE>')
    .replace(/\d{2}:\d{2}(:\d{2}(\.\d{2})?)?/g, '<TIME>')
    .replace(/\([A-Z0-9$_]+\)/g, '(<AREA>)')
    .replace(/\/QUEUE=[A-Z0-9$_]+/g, '/QUEUE=<QUEUE>')
    .replace(/after-image journal [A-Z0-9$_]+ at/g, 'after-image journal <NAME> at')
    .replace(/\$2\$MKA\d+:/g, '<TAPE>')
    .replace(/\b\d+\b/g, '<N>');
}

/** The distinct shapes of a log's procedure lines, optionally only the lines `keep` selects. */
export function shapesOf(log: string, keep: (line: string) => boolean = () => true): string[] {
  return [...new Set(procedureLines(log).filter(keep).map(lineShape))].sort();
}

/** Commands, SUBMIT's confirmations and the E and F messages with their continuation lines. */
export function commandsAndFailures(line: string): boolean {
  return line.startsWith('$ ') || line.startsWith('Job ') || /^[%-][A-Z]+-[EF]-/.test(line);
}
