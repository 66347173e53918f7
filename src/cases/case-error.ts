/**
 * A request the case system refuses, with a stable code and a Danish
 * message for the user. `kind` tells the HTTP layer the answer: `invalid`
 * 422, `not_found` 404, `conflict` 409 (the state does not allow it now),
 * `forbidden` 403.
 */
import { DomainError } from '../core/domain-error.js';

export type CaseErrorKind = 'invalid' | 'not_found' | 'conflict' | 'forbidden';

export class CaseError extends DomainError {
  constructor(
    code: string,
    message: string,
    readonly kind: CaseErrorKind = 'invalid',
  ) {
    super(code, message);
    this.name = 'CaseError';
  }
}
