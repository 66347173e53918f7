/**
 * Where a rule value comes from: the legal instrument, its § and stk./nr.,
 * and the operative sentence. Every parameter value carries one, so that any
 * figure the system uses can be traced to the law.
 */

export interface LegalInstrument {
  /** Stable identifier used in code and stored records. */
  readonly id: string;
  /** The official short citation, in Danish. */
  readonly citation: string;
  readonly title: string;
  /** Where the text is in the project's sources (shared/seeds), if present. */
  readonly seed?: string;
}

export interface LegalSource {
  readonly instrument: LegalInstrument;
  /** The paragraph, e.g. "§ 5", or "overgangsregel" for a transitional rule. */
  readonly paragraph: string;
  readonly stk?: number;
  readonly nr?: number;
  /** The operative sentence, quoted. */
  readonly quote?: string;
  /** How the project reads the source, where the text leaves room. */
  readonly note?: string;
}

/** Lov om organisering og understøttelse af beskæftigelsesindsatsen m.v., kapitel 3 a. */
export const LBK_ORGANISERING = {
  id: 'lov-organisering-kap-3a',
  citation: 'lov om organisering og understøttelse af beskæftigelsesindsatsen m.v., kap. 3 a',
  title: 'Lov om organisering og understøttelse af beskæftigelsesindsatsen m.v.',
  seed: '000_02a2659a526d66dd.txt',
} as const satisfies LegalInstrument;

/** The first version of the rules, in force 1 January 2020. */
export const BEK_1409_2019 = {
  id: 'bek-1409-2019',
  citation: 'bek. nr. 1409 af 16/12/2019',
  title: 'Bekendtgørelse om skærpet tilsyn med kommunernes beskæftigelsesindsats',
  seed: '004_57730e58cb72793d.txt',
} as const satisfies LegalInstrument;

/** The COVID-19 amendment of bek. nr. 1409, in force 30 March 2021. */
export const BEK_564_2021 = {
  id: 'bek-564-2021',
  citation: 'bek. nr. 564 af 30/03/2021',
  title:
    'Bekendtgørelse om ændring af bekendtgørelse om skærpet tilsyn med kommunernes beskæftigelsesindsats',
  seed: '003_b08030e2abf5edbd.txt',
} as const satisfies LegalInstrument;

/** The revised rules, in force 22 March 2023. */
export const BEK_301_2023 = {
  id: 'bek-301-2023',
  citation: 'bek. nr. 301 af 20/03/2023',
  title: 'Bekendtgørelse om skærpet tilsyn med kommunernes beskæftigelsesindsats',
  seed: '000_02a2659a526d66dd.txt',
} as const satisfies LegalInstrument;

/** STAR's letter of 4 May 2021 on the follow-up of the early effort. */
export const STAR_BREV_2021 = {
  id: 'star-brev-2021-05-04',
  citation: 'STAR, orientering af 4. maj 2021 (j.nr. 20/21631)',
  title:
    'Orientering om STARs opfølgning på den lovpligtige beskæftigelsesindsats og skærpet tilsyn',
  seed: '003_b08030e2abf5edbd.txt',
} as const satisfies LegalInstrument;

/** "bek. nr. 301 af 20/03/2023 § 5, nr. 1" */
export function formatCitation(source: LegalSource): string {
  const parts = [source.instrument.citation, source.paragraph];
  let text = parts.join(' ');
  if (source.stk !== undefined) text += `, stk. ${source.stk}`;
  if (source.nr !== undefined) text += `, nr. ${source.nr}`;
  return text;
}

/** "§ 5, nr. 1" — the paragraph alone, for tables where the instrument is known. */
export function formatParagraph(source: LegalSource): string {
  let text = source.paragraph;
  if (source.stk !== undefined) text += `, stk. ${source.stk}`;
  if (source.nr !== undefined) text += `, nr. ${source.nr}`;
  return text;
}
