import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DomainError } from '@fellesplan/domain';
import type { Logger } from 'pino';

export interface PdfPrinterOptions {
  /** Debian's Chromium unless `CHROMIUM_PATH` says otherwise. */
  chromiumPath?: string;
  timeoutMs?: number;
  logger: Logger;
}

/**
 * Prints HTML to PDF with headless Chromium, one process per job: each in a fresh temporary
 * directory holding its profile, page and output (removed afterwards), killed when it overruns.
 * Nothing it loads may reach the network: the page's CSP forbids fetches, and every host name
 * resolves to nothing.
 */
export class PdfPrinter {
  private readonly chromium: string;
  private readonly timeoutMs: number;

  constructor(private readonly options: PdfPrinterOptions) {
    this.chromium = options.chromiumPath ?? process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
    this.timeoutMs = options.timeoutMs ?? 30_000;
  }

  async print(html: string): Promise<Buffer> {
    const dir = await mkdtemp(path.join(tmpdir(), 'fellesplan-pdf-'));
    try {
      const page = path.join(dir, 'plan.html');
      const output = path.join(dir, 'plan.pdf');
      await writeFile(page, html, 'utf8');
      await this.runChromium([
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-dev-shm-usage',
        '--disable-extensions',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--no-default-browser-check',
        '--host-resolver-rules=MAP * ~NOTFOUND',
        '--no-pdf-header-footer',
        `--user-data-dir=${path.join(dir, 'profile')}`,
        `--print-to-pdf=${output}`,
        pathToFileURL(page).href,
      ]);
      const pdf = await readFile(output).catch(() => null);
      if (!pdf || pdf.subarray(0, 5).toString('latin1') !== '%PDF-') throw new DomainError('export_failed');
      return pdf;
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }

  private runChromium(args: string[]): Promise<void> {
    return new Promise((resolve, reject) => {
      // Its own process group, so a timeout ends the renderer and GPU helpers too.
      const child = spawn(this.chromium, args, { stdio: ['ignore', 'ignore', 'pipe'], detached: true });
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => {
        if (stderr.length < 4_000) stderr += chunk.toString();
      });
      const timer = setTimeout(() => {
        this.options.logger.warn({ timeoutMs: this.timeoutMs }, 'pdf export timed out');
        killGroup(child.pid);
      }, this.timeoutMs);
      child.on('error', (error) => {
        clearTimeout(timer);
        this.options.logger.error({ err: error }, 'chromium could not start');
        reject(new DomainError('export_failed'));
      });
      child.on('exit', (code) => {
        clearTimeout(timer);
        killGroup(child.pid);
        if (code === 0) resolve();
        else {
          this.options.logger.error({ code, stderr }, 'chromium failed to print');
          reject(new DomainError('export_failed'));
        }
      });
    });
  }
}

function killGroup(pid: number | undefined): void {
  if (pid === undefined) return;
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // Already gone.
  }
}
