/** An SVG label rasterised to PNG with resvg, using the system's fonts (DejaVu Sans on Debian). */
import { Resvg } from '@resvg/resvg-js';

/** 300 dpi: a laser printer's native resolution, and sharp enough for a scanner at the label's true size. */
export const DEFAULT_PNG_DPI = 300;
// resvg reads millimetre sizes at CSS's 96 px to the inch.
const CSS_DPI = 96;

export function svgToPng(svg: string, dpi: number = DEFAULT_PNG_DPI): Buffer {
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: dpi / CSS_DPI },
    background: '#ffffff',
    font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans', sansSerifFamily: 'DejaVu Sans' },
  });
  return resvg.render().asPng();
}
