/**
 * The in-process job runner: measurement and assessment runs are started
 * (queued), run one at a time in the background, report progress, and end
 * `done` or `failed`. A job's state lives in its run's row (status,
 * progress, error), so the API and the CLI read it from the database; the
 * runner only holds the work in flight.
 *
 * One job at a time: a measurement run uses the machine's cores through the
 * measuring workers already, and two at once would only slow both.
 */

export type JobWork = () => Promise<void>;

export interface JobHandle {
  /** Settles when the job has ended (its row says how); never rejects. */
  readonly finished: Promise<void>;
}

export class JobRunner {
  private tail: Promise<void> = Promise.resolve();
  private readonly running = new Set<Promise<void>>();

  /**
   * Queues `work`. `work` records its own outcome in its row; an error it
   * throws anyway is passed to `onUnhandled` (default: ignored after being
   * kept as the last error).
   */
  enqueue(work: JobWork): JobHandle {
    const finished = this.tail.then(async () => {
      try {
        await work();
      } catch (error) {
        this.lastError = error;
      }
    });
    this.tail = finished;
    this.running.add(finished);
    void finished.then(() => this.running.delete(finished));
    return { finished };
  }

  /** An error a job threw after failing to record it (for diagnosis). */
  lastError: unknown = undefined;

  /** Settles when every job queued so far has ended. */
  async idle(): Promise<void> {
    while (this.running.size > 0) await Promise.all([...this.running]);
  }
}
