/**
 * Text that may go into a command line.
 *
 * The brand is what keeps free text out of commands: the line assembler takes qualifier values
 * and parameters only as `DclText`, and the only place a string becomes `DclText` is `trusted`,
 * which the builders call on the output of a validator. `trusted` is not exported from the
 * package index; the line assembler re-checks the whole line anyway (see command-line.ts).
 */
declare const dclTextBrand: unique symbol;

export type DclText = string & { readonly [dclTextBrand]: true };

/** Marks a validated value (or a fixed literal of the builder) as command text. */
export function trusted(value: string): DclText {
  return value as DclText;
}
