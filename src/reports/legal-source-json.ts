/**
 * A legal source as it appears in JSON output: the full citation, and the
 * quote and note when the source has them.
 */
import { formatCitation, type LegalSource } from '../core/rules/legal-source.js';

export interface LegalSourceJson {
  readonly citation: string;
  readonly instrument: string;
  readonly paragraph: string;
  readonly quote?: string;
  readonly note?: string;
}

export function legalSourceJson(source: LegalSource): LegalSourceJson {
  return {
    citation: formatCitation(source),
    instrument: source.instrument.id,
    paragraph: source.paragraph,
    ...(source.quote === undefined ? {} : { quote: source.quote }),
    ...(source.note === undefined ? {} : { note: source.note }),
  };
}
