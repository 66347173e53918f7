/**
 * Worker thread entry: generates the units it is sent, one at a time, and
 * replies with each unit's result (unit-pool.ts).
 */
import { parentPort } from 'node:worker_threads';
import { generateUnit } from './municipality-generator.js';
import type { UnitJob, WorkerReply } from './unit-pool.js';

const port = parentPort;
if (port) {
  port.on('message', (job: UnitJob) => {
    let reply: WorkerReply;
    try {
      reply = {
        kind: 'done',
        result: generateUnit(job.settings, job.plan, job.geography, job.partsDirectory),
      };
    } catch (error) {
      reply = {
        kind: 'failed',
        message: error instanceof Error ? (error.stack ?? error.message) : String(error),
      };
    }
    port.postMessage(reply);
  });
}
