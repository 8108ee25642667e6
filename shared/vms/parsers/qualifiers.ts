/**
 * Qualifier lists as SHOW QUEUE/FULL prints them: `/BASE_PRIORITY=4 /OWNER=[SYSTEM]
 * /PROTECTION=(S:M,O:D,G:R,W:S)` for a queue, `/KEEP /PARAM=("3") /PRIORITY=100` for a job.
 * Values may hold blanks inside quotes or parentheses, and `/AFTER=25-NOV-2026 12:00:00.00` holds
 * one bare; a new qualifier starts only at a slash that follows a blank, outside quotes and
 * parentheses. A printer queue's list also holds bare words ("Lowercase"): each is kept as a
 * qualifier without a value.
 */

export interface Qualifier {
  /** Upper case, without the slash: "BASE_PRIORITY". */
  name: string;
  /** The text after `=`, or null for a bare qualifier such as /KEEP. */
  value: string | null;
}

export function splitQualifiers(text: string): Qualifier[] {
  const pieces: string[] = [];
  let current = '';
  let depth = 0;
  let quoted = false;
  for (let index = 0; index < text.length; index += 1) {
    const char = text.charAt(index);
    if (char === '"') quoted = !quoted;
    else if (!quoted && char === '(') depth += 1;
    else if (!quoted && char === ')') depth = Math.max(0, depth - 1);
    const afterBlank = index > 0 && /\s/.test(text.charAt(index - 1));
    const free = !quoted && depth === 0 && (index === 0 || afterBlank);
    // A new piece: a qualifier, or a bare word such as "Lowercase" in a printer queue's list --
    // but not the time that follows the date in /AFTER=25-NOV-2026 12:00:00.00.
    const startsPiece = free && !/\s/.test(char) && (char === '/' || !/^\d{1,2}:\d{2}/.test(text.slice(index)));
    if (startsPiece && current.trim() !== '') {
      pieces.push(current);
      current = '';
    }
    current += char;
  }
  if (current.trim() !== '') pieces.push(current);
  return pieces
    .map((piece) => piece.trim())
    .filter((piece) => piece !== '' && piece !== '/')
    .map((piece) => {
      if (!piece.startsWith('/')) return { name: piece.toUpperCase(), value: null };
      const equals = piece.indexOf('=');
      if (equals < 0) return { name: piece.slice(1).toUpperCase(), value: null };
      return { name: piece.slice(1, equals).toUpperCase(), value: piece.slice(equals + 1).trim() };
    });
}

/**
 * The qualifier named, allowing the abbreviations DCL prints (/PARAM for /PARAMETERS, /PRIO for
 * /PRIORITY): a given name matches when it is a prefix of the full name, four letters at least.
 */
export function findQualifier(qualifiers: readonly Qualifier[], fullName: string): Qualifier | null {
  const full = fullName.toUpperCase();
  return (
    qualifiers.find((qualifier) => qualifier.name === full) ??
    qualifiers.find((qualifier) => qualifier.name.length >= Math.min(4, full.length) && full.startsWith(qualifier.name)) ??
    null
  );
}

export function qualifierNumber(qualifiers: readonly Qualifier[], fullName: string): number | null {
  const value = findQualifier(qualifiers, fullName)?.value;
  return value !== undefined && value !== null && /^\d+$/.test(value) ? Number(value) : null;
}

export function qualifierText(qualifiers: readonly Qualifier[], fullName: string): string | null {
  return findQualifier(qualifiers, fullName)?.value ?? null;
}

/** `("3")`, `("A","B")`, `(A,B)` or `"3"` as a list of plain strings; doubled quotes undone. */
export function splitValueList(value: string): string[] {
  let inner = value.trim();
  if (inner.startsWith('(') && inner.endsWith(')')) inner = inner.slice(1, -1);
  const items: string[] = [];
  let current = '';
  let quoted = false;
  for (let index = 0; index < inner.length; index += 1) {
    const char = inner.charAt(index);
    if (char === '"') {
      if (quoted && inner.charAt(index + 1) === '"') {
        current += '"';
        index += 1;
      } else {
        quoted = !quoted;
      }
    } else if (char === ',' && !quoted) {
      items.push(current.trim());
      current = '';
    } else {
      current += char;
    }
  }
  if (current.trim() !== '' || items.length > 0) items.push(current.trim());
  return items;
}
