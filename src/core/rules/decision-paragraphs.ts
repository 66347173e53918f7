/**
 * The § each decision and each duty cites, per version. Bek. nr. 301 of 2023
 * renumbered the order of 2019 when it removed the sample case review (§ 8).
 */
import { isoDate } from '../calendar/iso-date.js';
import type { DecisionKind } from '../domain/supervision.js';
import { defineParameter } from './dated-parameter.js';
import { BEK_1409_2019, BEK_301_2023, type LegalSource } from './legal-source.js';

/**
 * Duties that follow from a decision, each with its own §, and
 * `extension_ends`: the end of supervision at the assessment after an
 * extension, which the extension paragraph itself provides for.
 */
export type DutyKind =
  | 'notice'
  | 'account'
  | 'sample_review'
  | 'meeting'
  | 'assistance'
  | 'passive_case_review'
  | 'extension_ends';

export type DecisionParagraphs = Readonly<Record<DecisionKind | DutyKind, LegalSource | undefined>>;

const P1409 = (paragraph: string, quote?: string, stk?: number, nr?: number): LegalSource => ({
  instrument: BEK_1409_2019,
  paragraph,
  ...(stk === undefined ? {} : { stk }),
  ...(nr === undefined ? {} : { nr }),
  ...(quote === undefined ? {} : { quote }),
});
const P301 = (paragraph: string, quote?: string, stk?: number, nr?: number): LegalSource => ({
  instrument: BEK_301_2023,
  paragraph,
  ...(stk === undefined ? {} : { stk }),
  ...(nr === undefined ? {} : { nr }),
  ...(quote === undefined ? {} : { quote }),
});

/**
 * Bek. nr. 1409 af 16/12/2019 (v2019; bek. nr. 564 of 2021 amends it and
 * keeps its numbering): § 6 selection, § 7 account, § 8 sample case review,
 * § 9 political meeting, § 10 meeting with the agency and assistance, § 11
 * end, § 12 extension, § 13 administration, § 14 end of administration.
 * (The guidance names §§ 6–8 and 10–14; § 9 is the remaining one, the
 * minister's meeting, which it describes without number.)
 */
const V2019_PARAGRAPHS: DecisionParagraphs = {
  selected: P1409(
    '§ 6',
    'En kommune bliver omfattet af skærpet tilsyn, hvis kommunens faktiske ydelsesgrad overstiger kommunens forventede ydelsesgrad, og de i § 5 nævnte fokusmål ikke er opfyldt',
    1,
  ),
  stays_out: P1409('§ 6', undefined, 1),
  notice: P1409(
    '§ 6',
    'sender hvert år inden udgangen af april meddelelse til kommuner, der omfattes af det skærpede tilsyn',
    2,
  ),
  account: P1409('§ 7', 'senest 3 måneder efter, at kommunen har modtaget meddelelse'),
  sample_review: P1409(
    '§ 8',
    '15 pct. af sagerne i hver ydelsesgruppe, hvor fokusmålene ikke var opfyldt, dog minimum 20 sager fra hver ydelsesgruppe og højst 300 sager i alt',
    2,
  ),
  meeting: P1409('§ 9'),
  assistance: P1409(
    '§ 10',
    'der afholdes et møde mellem kommunen og Styrelsen for Arbejdsmarked og Rekruttering, efter at kommunen har afgivet sin redegørelse, og at styrelsen yder faglig bistand',
  ),
  supervision_ends: P1409(
    '§ 11',
    'det skærpede tilsyn ophører, hvis kommunen ved den næste årlige opgørelse af kommunernes beskæftigelsesindsats har forbedret indsatsen tilstrækkeligt til at leve op til fokusmålene',
  ),
  extended: P1409(
    '§ 12',
    'genopretningsperioden forlænges med 12 måneder, hvis kommunen har opnået mindst halvdelen af den påkrævede fremgang for at leve op til fokusmålene',
  ),
  extension_ends: {
    ...P1409('§ 12'),
    note: 'The guidance (seed 004) quotes only the extension itself; like bek. nr. 301 § 11, 2. pkt., § 12 ends the supervision when the goals are met at the assessment after the extension.',
  },
  administration: P1409(
    '§ 13',
    'skal give mindst 1 tilbud og 4 samtaler årligt til mindst 80 pct. af den samlede gruppe af ydelsesmodtagere',
    1,
    1,
  ),
  passive_case_review: P1409(
    '§ 13',
    'den uvildige sagsgennemgang skal omfatte alle kommunens sager, hvor fokusmålenes minimumskrav ikke var opfyldt ved udgangen af december i opgørelsesåret',
    1,
    2,
  ),
  administration_continues: P1409(
    '§ 13',
    'Kommunens forpligtelse til at få gennemgået samtlige passivsager gælder hvert år, indtil fokusmålene er opfyldt.',
    1,
    2,
  ),
  administration_ends: P1409(
    '§ 14',
    'når fokusmålene er opfyldt ved den samlede, årlige opgørelse, så ophører både det særlige krav til indsatsen og kravet om en årlig gennemgang af passivsager',
  ),
};

/**
 * Bek. nr. 301 af 20/03/2023 (v2023): § 6 selection, § 7 account, § 8
 * meeting, § 9 assistance, § 10 end, § 11 extension, § 12 administration,
 * § 13 end of administration.
 */
const V2023_PARAGRAPHS: DecisionParagraphs = {
  selected: P301(
    '§ 6',
    'En kommune bliver omfattet af skærpet tilsyn, hvis kommunens faktiske ydelsesgrad overstiger kommunens forventede ydelsesgrad, og de i § 5 nævnte fokusmål ikke er opfyldt ved den årlige opgørelse af kommunernes indsats',
    1,
  ),
  stays_out: P301('§ 6', undefined, 1),
  notice: P301(
    '§ 6',
    'Beskæftigelsesministeriet sender hvert år inden udgangen af april meddelelse til kommuner, der omfattes af det skærpede tilsyn, og om kravene til kommunen som følge heraf',
    2,
  ),
  account: P301(
    '§ 7',
    'Kommunen skal senest 3 måneder efter modtagelsen af meddelelse om skærpet tilsyn, jf. § 6, stk. 2, skriftligt redegøre over for Beskæftigelsesministeriet',
  ),
  sample_review: undefined,
  meeting: P301('§ 8', 'Mødet indkaldes med mindst en uges varsel.'),
  assistance: P301(
    '§ 9',
    'Efter kommunens afgivelse af redegørelsen, jf. § 7, yder Styrelsen for Arbejdsmarked og Rekruttering faglig bistand.',
  ),
  supervision_ends: P301(
    '§ 10',
    'forbedret indsatsen tilstrækkeligt til, at kommunen lever op til fokusmålene i § 5, meddeler Beskæftigelsesministeriet, at kommunen ikke længere er omfattet af skærpet tilsyn',
  ),
  extended: P301(
    '§ 11',
    'ikke lever fuldt ud op til fokusmålene i § 5, men har opnået mindst halvdelen af den påkrævede fremgang i indsatsen, meddeler Beskæftigelsesministeriet, at kommunen får forlænget genopretningsperioden med yderligere 12 måneder',
  ),
  extension_ends: P301(
    '§ 11',
    'Lever kommunen derefter op til fokusmålene ved den næste årlige opgørelse, jf. § 2, meddeler Beskæftigelsesministeriet, at kommunen ikke længere er omfattet af skærpet tilsyn.',
  ),
  administration: P301(
    '§ 12',
    'Jobcenteret med virkning fra den efterfølgende måned skal give mindst 1 beskæftigelsesrettet tilbud årligt til mindst 70 pct. og 4 samtaler årligt til mindst 80 pct.',
    1,
    1,
  ),
  passive_case_review: P301(
    '§ 12',
    'Sagsgennemgangen skal omfatte alle sager, hvor fokusmålenes minimumskrav til indsats, jf. § 5, ikke er opfyldt ved udgangen af december måned i opgørelsesåret.',
    1,
    2,
  ),
  administration_continues: P301(
    '§ 12',
    'Kommunen skal hvert år få foretaget en uvildig gennemgang af sager for de ydelsesgrupper, jf. § 2, stk. 2, hvor kommunen fortsat ikke lever op til de fastsatte fokusmål.',
    1,
    2,
  ),
  administration_ends: P301(
    '§ 13',
    'ophører, når det ved den årlige opgørelse af kommunernes beskæftigelsesindsats […] kan konstateres, at kommunen lever op til fokusmålene, jf. § 5',
  ),
};

/** The § each decision and duty cites, by the version in force. */
export const DECISION_PARAGRAPHS = defineParameter<DecisionParagraphs>(
  'decision_paragraphs',
  'The legal basis each decision and duty cites.',
  [
    { from: isoDate('2020-01-01'), value: V2019_PARAGRAPHS, source: P1409('§§ 6–14') },
    { from: isoDate('2023-03-22'), value: V2023_PARAGRAPHS, source: P301('§§ 6–13') },
  ],
);
