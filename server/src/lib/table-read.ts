import { Worker } from 'node:worker_threads';
import { UnreadableFile, type Encoding } from './table-parse.js';

// Reads an office table into rows of text cells (table-parse.ts) in a worker thread of its own, so
// the event loop goes on answering other requests while a file at the row cap is parsed (half a
// second of CPU and more). One short-lived worker per file: imports are rare staff actions, and
// the routes refuse files beyond the row and size caps (import-limits.ts) before they get here.

export { fromExcelSerial, normalizeText, UnreadableFile, type Encoding } from './table-parse.js';

// The worker is the sibling module: .ts when the source runs under tsx (tests, `npm start`,
// which the worker inherits through execArgv), .js when built (dist/).
const WORKER = new URL(`./table-read.worker.${import.meta.url.endsWith('.ts') ? 'ts' : 'js'}`, import.meta.url);

/** What one parse may use: a file at the caps needs a fraction of either. */
const PARSE_LIMITS = { maxOldGenerationSizeMb: 512 };
const PARSE_TIMEOUT_MS = 60_000;

type Outcome =
  { cells: string[][]; encoding: Encoding } | { unreadable: { message: string; params: Record<string, unknown> } };

/** The file's rows of text cells, its first sheet for XLSX; throws UnreadableFile with a catalogue key. */
export function readCells(data: Buffer): Promise<{ cells: string[][]; encoding: Encoding }> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER, { workerData: new Uint8Array(data), resourceLimits: PARSE_LIMITS });
    const timer = setTimeout(() => {
      reject(new UnreadableFile('the file takes too long to read'));
      void worker.terminate();
    }, PARSE_TIMEOUT_MS);
    worker.once('message', (read: Outcome) => {
      clearTimeout(timer);
      if ('unreadable' in read) reject(new UnreadableFile(read.unreadable.message, read.unreadable.params));
      else resolve(read);
    });
    worker.once('error', (err: Error & { code?: string }) => {
      clearTimeout(timer);
      // A file that needs more memory than any real table does (the limits above) is unreadable.
      reject(err.code === 'ERR_WORKER_OUT_OF_MEMORY' ? new UnreadableFile('the file is too large to read') : err);
    });
    worker.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the table reader stopped (exit code ${code})`)); // no-op once settled
    });
  });
}
