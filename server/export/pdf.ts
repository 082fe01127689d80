import { existsSync } from 'node:fs';
import { ErrorCode } from '../../shared';
import { ServiceError } from '../core/errors';
import type { Logger } from '../log';
import type { chromium as Chromium } from 'playwright-core';

/** Debian's Chromium (apt-get install chromium); override with CHROMIUM_PATH. */
export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
}

const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'];
/** A report of 10,000 ideas is hundreds of pages; give Chromium time. */
const RENDER_TIMEOUT_MS = 180_000;
/** Chromium is heavy: print one report at a time per process, the others wait their turn. */
const CONCURRENT_RENDERS = 1;

function unavailable(message: string): ServiceError {
  return new ServiceError(ErrorCode.EXPORT_UNAVAILABLE, message, 503);
}

/**
 * Prints the HTML report to an A4 PDF in headless Chromium (playwright-core drives the
 * system's Chromium; no browser is downloaded). The page gets no network and no JavaScript:
 * the report needs neither, and an idea's text can therefore do nothing even if escaping
 * ever failed. Without Chromium the export answers 503 EXPORT_UNAVAILABLE.
 */
export class PdfPrinter {
  private running = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(private readonly log: Logger) {}

  /** Throws EXPORT_UNAVAILABLE when there is no Chromium to print with. */
  assertAvailable(): void {
    const executablePath = chromiumPath();
    if (!existsSync(executablePath)) {
      throw unavailable(`PDF export needs Chromium at ${executablePath} (install it, or set CHROMIUM_PATH).`);
    }
  }

  async print(html: string): Promise<Buffer> {
    this.assertAvailable();
    const executablePath = chromiumPath();
    await this.turn();
    try {
      return await this.render(html, executablePath);
    } finally {
      this.running--;
      this.waiting.shift()?.();
    }
  }

  private turn(): Promise<void> {
    if (this.running < CONCURRENT_RENDERS) {
      this.running++;
      return Promise.resolve();
    }
    return new Promise((resolve) =>
      this.waiting.push(() => {
        this.running++;
        resolve();
      }),
    );
  }

  private async render(html: string, executablePath: string): Promise<Buffer> {
    let chromium: typeof Chromium;
    try {
      ({ chromium } = await import('playwright-core'));
    } catch (error) {
      this.log.error({ err: error }, 'playwright-core could not be loaded');
      throw unavailable('PDF export is not available on this server (playwright-core is missing).');
    }
    let browser;
    try {
      browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true, timeout: 30_000 });
    } catch (error) {
      this.log.error({ err: error }, 'Chromium could not be started for a PDF export');
      throw unavailable('PDF export is not available right now (Chromium could not be started).');
    }
    try {
      const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
      await context.route('**/*', (route) => route.abort());
      const page = await context.newPage();
      page.setDefaultTimeout(RENDER_TIMEOUT_MS);
      await page.setContent(html, { waitUntil: 'load' });
      await page.emulateMedia({ media: 'print' });
      return await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
    } finally {
      await browser.close().catch(() => undefined);
    }
  }
}
