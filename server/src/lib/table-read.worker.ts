import { parentPort, workerData } from 'node:worker_threads';
import { parseCells, UnreadableFile } from './table-parse.js';

// One parse, off the main thread (see table-read.ts): the file arrives as workerData, the cells
// or the reason the file is unreadable leave as one message. Any other failure is the worker's
// error event in the parent.
const data = Buffer.from(workerData as Uint8Array);
const read = await parseCells(data).catch((err: unknown) => {
  if (!(err instanceof UnreadableFile)) throw err;
  return { unreadable: { message: err.message, params: err.params } };
});
parentPort!.postMessage(read);
