/**
 * The one normaliser of a scanned or typed tape label: a barcode reader or a hurried hand gives
 * `DAILY1`, `daily 1` or ` 100803d `, and the plan's label is `DAILY 1` or `100803D`.
 */

const compact = (code: string): string => code.replace(/\s+/g, '').toUpperCase();

/** The label as the plan writes it: upper case, single spaces, and a known label's own spacing (DAILY 1). */
export function normalisedCode(code: string, known: readonly string[] = []): string {
  const plain = code.trim().replace(/\s+/g, ' ').toUpperCase();
  const bare = compact(plain);
  return known.find((label) => compact(label) === bare) ?? plain;
}

/** Whether two labels are the same tape, however they were typed. */
export function sameCode(a: string | null, b: string | null): boolean {
  return compact(a ?? '') === compact(b ?? '');
}
