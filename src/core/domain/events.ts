/**
 * Codes of the person-level events in a data load (data.md). The order of
 * each list is fixed: stored loads encode a code as its index in the list.
 */

export const CONVERSATION_KINDS = ['jobsamtale', 'sygeopfoelgning', 'other'] as const;
export type ConversationKind = (typeof CONVERSATION_KINDS)[number];

export const CONVERSATION_FORMS = ['personligt', 'telefon', 'digitalt'] as const;
export type ConversationForm = (typeof CONVERSATION_FORMS)[number];

export const CONVERSATION_HOLDERS = ['jobcenter', 'akasse'] as const;
export type ConversationHolder = (typeof CONVERSATION_HOLDERS)[number];

export const OFFER_TYPES = [
  'virksomhedspraktik',
  'loentilskud',
  'nytteindsats',
  'vejledning_opkvalificering',
  'oevrig_vejledning_opkvalificering',
  'other',
] as const;
export type OfferType = (typeof OFFER_TYPES)[number];

/** The offer type that is LAB § 91 "øvrig vejledning og opkvalificering" (measures.md M8). */
export const SECTION_91_OFFER_TYPE: OfferType = 'oevrig_vejledning_opkvalificering';

export const EXEMPTION_REASONS = ['standby', 'barsel', 'sygdom', 'other'] as const;
export type ExemptionReason = (typeof EXEMPTION_REASONS)[number];
