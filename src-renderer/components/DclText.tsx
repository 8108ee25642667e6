import { Fragment, type ReactNode } from 'react';

/**
 * Where a DCL command may wrap besides its spaces: before each qualifier's slash, so that a long
 * `SUBMIT/PARAMETER=3/QUEUE=TAPE_BACKUP SYS$LOGIN:INITIALIZE_TAPES.COM` breaks as a technician
 * would type it on two lines, never inside a qualifier, a queue name or a file spec. A slash inside
 * a quoted string ("A/B") is text, not a qualifier. The pieces joined give the command back.
 */
export function dclBreakOpportunities(command: string): string[] {
  const pieces: string[] = [];
  let start = 0;
  let quoted = false;
  for (let at = 0; at < command.length; at++) {
    const char = command[at];
    if (char === '"') quoted = !quoted;
    else if (char === '/' && !quoted && at > start && command[at - 1] !== ' ') {
      pieces.push(command.slice(start, at));
      start = at;
    }
  }
  pieces.push(command.slice(start));
  return pieces;
}

/** A DCL command as inline content with a <wbr> before each qualifier (see dclBreakOpportunities). */
export function wrapDcl(command: string): ReactNode {
  return dclBreakOpportunities(command).map((piece, i) => (
    <Fragment key={i}>
      {i > 0 && <wbr />}
      {piece}
    </Fragment>
  ));
}

/** A DCL command in the console's monospace, wrapping at qualifier boundaries. */
export function DclText({ command, className }: { command: string; className?: string }) {
  return <code className={className ? `dcl ${className}` : 'dcl'}>{wrapDcl(command)}</code>;
}
