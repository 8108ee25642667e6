/** Why a label could not be rendered, as a sentence for the operator, with a code for the API layer. */
export type LabelRenderProblem = 'no-labels' | 'unknown-stock' | 'barcode-text' | 'zpl-field';

export class LabelRenderError extends Error {
  constructor(
    readonly code: LabelRenderProblem,
    message: string,
  ) {
    super(message);
    this.name = 'LabelRenderError';
  }
}
