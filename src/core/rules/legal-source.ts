/**
 * Where a rule value comes from. Every value of the rule tree carries one
 * `LegalSource`, of one of three kinds:
 *
 * - `citation`: a sentence of a legal instrument — the instrument, its §,
 *   stk. and nr., and the operative sentence quoted;
 * - `fortolkning`: the project's interpretation where no sentence of a rule
 *   gives the value, with the reasoning and no citation;
 * - `simulering`: a value set by an analyst for a reform simulation
 *   (`--set`), never an official value.
 */

export interface LegalInstrument {
  /** Stable identifier used in code and stored records. */
  readonly id: string;
  /** The official short citation, in Danish. */
  readonly citation: string;
  readonly title: string;
  /** Where the text is in the project's sources (shared/seeds), if present. */
  readonly seed?: string;
  /**
   * The instrument's public address (retsinformation.dk ELI), where the
   * project can establish it; absent rather than guessed.
   */
  readonly url?: string;
}

/** A sentence of a legal instrument. */
export interface Citation {
  readonly kind: 'citation';
  readonly instrument: LegalInstrument;
  /** The paragraph, e.g. "§ 5", or "overgangsregel" for a transitional rule. */
  readonly paragraph: string;
  readonly stk?: number;
  readonly nr?: number;
  /** The operative sentence, quoted. */
  readonly quote?: string;
  /** How the project reads the source, where the text leaves room (or where the quote is from). */
  readonly note?: string;
}

/** A value that no sentence of a rule gives: the project's reading, with its reasoning. */
export interface Interpretation {
  readonly kind: 'fortolkning';
  /** Why the value is what it is, in English. */
  readonly reasoning: string;
  /** Where the project's specification writes the choice down, e.g. "measures.md M1". */
  readonly spec?: string;
  /** A few Danish words for one-line contexts, e.g. "systemets praksis, ingen frist i reglerne". */
  readonly label?: string;
}

/** A value set for a reform simulation: no legal source at all. */
export interface SimulatedValue {
  readonly kind: 'simulering';
  /** The setting as the analyst gave it, e.g. "focus.offers.threshold=20". */
  readonly setting: string;
}

export type LegalSource = Citation | Interpretation | SimulatedValue;

/** Builds a citation (the `kind` is implied). */
export function cite(
  instrument: LegalInstrument,
  paragraph: string,
  details: {
    readonly stk?: number;
    readonly nr?: number;
    readonly quote?: string;
    readonly note?: string;
  } = {},
): Citation {
  return { kind: 'citation', instrument, paragraph, ...details };
}

/** Builds an interpretation. */
export function fortolkning(reasoning: string, spec?: string, label?: string): Interpretation {
  return {
    kind: 'fortolkning',
    reasoning,
    ...(spec === undefined ? {} : { spec }),
    ...(label === undefined ? {} : { label }),
  };
}

const ELI = 'https://www.retsinformation.dk/eli/lta';

/**
 * Lov om organisering og understøttelse af beskæftigelsesindsatsen m.v.,
 * kapitel 3 a, as inserted by lov nr. 551 af 7. maj 2019 (in force 1 January
 * 2020; seed 004: "ved lov nr. 551 af 7. maj 2019 indsat et nyt kapitel 3 a").
 * Seed 000 quotes §§ 22 a–f as in force from 2023; only § 22 c changed then,
 * so the other §§ are quoted from it.
 */
export const LBK_ORGANISERING = {
  id: 'lov-organisering-kap-3a',
  citation: 'lov om organisering og understøttelse af beskæftigelsesindsatsen m.v., kap. 3 a',
  title: 'Lov om organisering og understøttelse af beskæftigelsesindsatsen m.v.',
  seed: '000_02a2659a526d66dd.txt',
  url: `${ELI}/2019/551`,
} as const satisfies LegalInstrument;

/**
 * The law's chapter 3 a as amended by lov nr. 295 af 20. marts 2023 (in force
 * 22 March 2023). Seed 000: "har Folketinget ændret lovens § 22 c ved lov nr.
 * 295 af 20. marts 2023"; the seed quotes §§ 22 a–f as amended.
 */
export const LBK_ORGANISERING_2023 = {
  id: 'lov-organisering-kap-3a-2023',
  citation:
    'lov om organisering og understøttelse af beskæftigelsesindsatsen m.v., kap. 3 a, som ændret ved lov nr. 295 af 20/03/2023',
  title: 'Lov om organisering og understøttelse af beskæftigelsesindsatsen m.v.',
  seed: '000_02a2659a526d66dd.txt',
  url: `${ELI}/2023/295`,
} as const satisfies LegalInstrument;

/**
 * The first version of the rules, in force 1 January 2020. Its text is not
 * among the seeds: its quotes are the words of its guidance (vejledning nr.
 * 10190 af 19/12/2019, seed 004), which restates each §.
 */
export const BEK_1409_2019 = {
  id: 'bek-1409-2019',
  citation: 'bek. nr. 1409 af 16/12/2019',
  title: 'Bekendtgørelse om skærpet tilsyn med kommunernes beskæftigelsesindsats',
  seed: '004_57730e58cb72793d.txt',
  url: `${ELI}/2019/1409`,
} as const satisfies LegalInstrument;

/**
 * The COVID-19 amendment of bek. nr. 1409, in force 30 March 2021. Its text
 * is not among the seeds: STAR's letter of 4 May 2021 (seed 003) says what
 * it does.
 */
export const BEK_564_2021 = {
  id: 'bek-564-2021',
  citation: 'bek. nr. 564 af 30/03/2021',
  title:
    'Bekendtgørelse om ændring af bekendtgørelse om skærpet tilsyn med kommunernes beskæftigelsesindsats',
  seed: '003_b08030e2abf5edbd.txt',
  url: `${ELI}/2021/564`,
} as const satisfies LegalInstrument;

/** The revised rules, in force 22 March 2023. */
export const BEK_301_2023 = {
  id: 'bek-301-2023',
  citation: 'bek. nr. 301 af 20/03/2023',
  title: 'Bekendtgørelse om skærpet tilsyn med kommunernes beskæftigelsesindsats',
  seed: '000_02a2659a526d66dd.txt',
  url: `${ELI}/2023/301`,
} as const satisfies LegalInstrument;

/** STAR's letter of 4 May 2021 on the follow-up of the early effort. */
export const STAR_BREV_2021 = {
  id: 'star-brev-2021-05-04',
  citation: 'STAR, orientering af 4. maj 2021 (j.nr. 20/21631)',
  title:
    'Orientering om STARs opfølgning på den lovpligtige beskæftigelsesindsats og skærpet tilsyn',
  seed: '003_b08030e2abf5edbd.txt',
} as const satisfies LegalInstrument;

/** Every instrument the rule tree cites, for listings and the law index. */
export const LEGAL_INSTRUMENTS: readonly LegalInstrument[] = [
  LBK_ORGANISERING,
  LBK_ORGANISERING_2023,
  BEK_1409_2019,
  BEK_564_2021,
  BEK_301_2023,
  STAR_BREV_2021,
];

/**
 * One line for any source: "bek. nr. 301 af 20/03/2023 § 5, nr. 1";
 * "fortolkning efter measures.md M1"; "fortolkning efter regime.md § 3:
 * systemets praksis, ingen frist i reglerne"; "simulering:
 * focus.offers.threshold=20".
 */
export function formatCitation(source: LegalSource): string {
  switch (source.kind) {
    case 'citation':
      return `${source.instrument.citation} ${formatParagraph(source)}`;
    case 'fortolkning':
      return (
        'fortolkning' +
        (source.spec === undefined ? '' : ` efter ${source.spec}`) +
        (source.label === undefined ? '' : `: ${source.label}`)
      );
    case 'simulering':
      return `simulering: ${source.setting}`;
  }
}

/** "§ 5, nr. 1" — the paragraph alone, for tables where the instrument is known. */
export function formatParagraph(source: LegalSource): string {
  if (source.kind !== 'citation') return source.kind;
  let text = source.paragraph;
  if (source.stk !== undefined) text += `, stk. ${source.stk}`;
  if (source.nr !== undefined) text += `, nr. ${source.nr}`;
  return text;
}
