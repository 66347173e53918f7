/**
 * An action the rules do not allow, such as a meeting called with too short
 * notice. Pure: the CLI and the web layer turn it into a user-facing answer
 * (bad input, exit code 2 / HTTP 422).
 */
export class DomainError extends Error {
  constructor(
    /** Stable machine-readable code, e.g. `meeting_notice_too_short`. */
    readonly code: string,
    /** The user-facing message, in Danish. */
    message: string,
    /** The field of the request the message is about (e.g. a rule id), for forms. */
    readonly field?: string,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}
