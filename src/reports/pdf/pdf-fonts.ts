/**
 * The fonts embedded in every PDF: DejaVu Sans Condensed (regular and bold)
 * from the `dejavu-fonts-ttf` npm package — installed by `npm ci`, no system
 * font or package needed at run time; it covers æ, ø, å and the other
 * letters of Danish names. Read once by the shell and passed to the
 * renderers, which do no I/O themselves.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';

export interface PdfFonts {
  readonly regular: Uint8Array;
  readonly bold: Uint8Array;
}

const require = createRequire(import.meta.url);

let loaded: Promise<PdfFonts> | undefined;

export function loadPdfFonts(): Promise<PdfFonts> {
  loaded ??= (async () => {
    const [regular, bold] = await Promise.all([
      readFile(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSansCondensed.ttf')),
      readFile(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSansCondensed-Bold.ttf')),
    ]);
    return { regular, bold };
  })();
  return loaded;
}
