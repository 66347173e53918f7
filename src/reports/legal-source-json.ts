/**
 * A legal source as it appears in JSON output: for a citation the full
 * citation, the instrument, the paragraph, and the quote and note when the
 * source has them; for the project's interpretation `kind: "fortolkning"`
 * with the reasoning; for a simulated value `kind: "simulering"` with the
 * setting. Every form has `citation`, the one-line form.
 */
import { formatCitation, type LegalSource } from '../core/rules/legal-source.js';

export type LegalSourceJson =
  | {
      readonly citation: string;
      readonly instrument: string;
      readonly paragraph: string;
      readonly quote?: string;
      readonly note?: string;
    }
  | {
      readonly citation: string;
      readonly kind: 'fortolkning';
      readonly reasoning: string;
      readonly spec?: string;
    }
  | { readonly citation: string; readonly kind: 'simulering'; readonly setting: string };

export function legalSourceJson(source: LegalSource): LegalSourceJson {
  const citation = formatCitation(source);
  switch (source.kind) {
    case 'citation':
      return {
        citation,
        instrument: source.instrument.id,
        paragraph: source.paragraph,
        ...(source.quote === undefined ? {} : { quote: source.quote }),
        ...(source.note === undefined ? {} : { note: source.note }),
      };
    case 'fortolkning':
      return {
        citation,
        kind: 'fortolkning',
        reasoning: source.reasoning,
        ...(source.spec === undefined ? {} : { spec: source.spec }),
      };
    case 'simulering':
      return { citation, kind: 'simulering', setting: source.setting };
  }
}
