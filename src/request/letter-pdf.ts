/**
 * Prints a letter's HTML to PDF with Debian's Chromium through playwright-core (a
 * development dependency: loaded only when asked, with a clear error when it or the
 * browser is missing). Headless, `--no-sandbox`, A4, the page's own margins.
 *
 * @example
 *   const pdf = await htmlToPdf(letterHtml(letter, 'ja'));
 */
import { UsageError } from '../errors.ts';

export const DEFAULTS = Object.freeze({
  /** The Chromium binary (CHROMIUM_PATH overrides). */
  executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
});

/** The PDF bytes of `html`, printed on A4 pages. */
export async function htmlToPdf(html: string, executablePath: string = DEFAULTS.executablePath): Promise<Buffer> {
  let chromium: typeof import('playwright-core').chromium;
  try {
    ({ chromium } = await import('playwright-core'));
  } catch {
    throw new UsageError(
      'request: --format pdf needs playwright-core, which is not installed (npm install playwright-core), and Chromium; use --format html and print it from a browser instead.',
      'format',
    );
  }
  const browser = await chromium
    .launch({ executablePath, headless: true, args: ['--no-sandbox'] })
    .catch((error: unknown) => {
      throw new UsageError(
        `request: cannot start Chromium at ${executablePath} (${error instanceof Error ? error.message.split('\n')[0] : String(error)}); install it (apt-get install chromium) or set CHROMIUM_PATH, or use --format html.`,
        'format',
      );
    });
  try {
    const page = await browser.newPage();
    await page.setContent(html, { waitUntil: 'load' });
    return await page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true });
  } finally {
    await browser.close();
  }
}
