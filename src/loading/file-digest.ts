/**
 * The SHA-256 of a file, computed on a worker thread so that it runs beside
 * the CSV scan on the main thread (hashing gigabytes takes seconds).
 */
import { Worker } from 'node:worker_threads';

export interface FileDigest {
  readonly sha256: string;
  readonly bytes: number;
}

// Plain JavaScript, evaluated by the worker: no build step, no TypeScript loader.
const WORKER_SOURCE = `
const { workerData, parentPort } = require('node:worker_threads');
const { createHash } = require('node:crypto');
const { createReadStream } = require('node:fs');
const hash = createHash('sha256');
let bytes = 0;
createReadStream(workerData, { highWaterMark: 1 << 20 })
  .on('data', (chunk) => { hash.update(chunk); bytes += chunk.length; })
  .on('end', () => parentPort.postMessage({ sha256: hash.digest('hex'), bytes }))
  .on('error', (error) => parentPort.postMessage({ error: String(error.message), code: error.code }));
`;

export function digestFile(path: string): Promise<FileDigest> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: path });
    worker.once(
      'message',
      (message: { sha256?: string; bytes?: number; error?: string; code?: string }) => {
        void worker.terminate();
        if (message.sha256 !== undefined && message.bytes !== undefined)
          resolve({ sha256: message.sha256, bytes: message.bytes });
        else
          // The system's code and the path, so that the user is told what to do.
          reject(
            Object.assign(
              new Error(`SHA-256 of ${path} failed: ${message.error ?? 'unknown error'}`),
              { path, ...(message.code === undefined ? {} : { code: message.code }) },
            ),
          );
      },
    );
    worker.once('error', reject);
  });
}
