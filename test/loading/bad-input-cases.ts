/**
 * The bad-input corpus: each case is the valid fixture load with some files
 * replaced by those in `test/fixtures/bad-input/<name>/` (or generated here,
 * when too large or binary to keep in the repository), and the exact messages
 * `tilsyn load` must answer with.
 *
 * - `file`: the file cannot be used; the load stops with "Fejl i inddata:" and
 *   exactly these lines;
 * - `rows`: rows are refused; the report lists exactly these lines under "Fejl:";
 * - `warning`: the load succeeds with exactly these warnings.
 */

export interface BadInputCase {
  readonly name: string;
  readonly outcome: 'file' | 'rows' | 'warning';
  /** Files of the valid load to remove. */
  readonly remove?: readonly string[];
  /** Files to generate: content, or a DuckDB query to write as Parquet. */
  readonly generate?: Readonly<Record<string, string | { readonly parquet: string }>>;
  readonly expected: readonly string[];
}

const NOT_UTF8 = 'filen er ikke gyldig UTF-8 (gem den som UTF-8, fx fra Excel: "CSV UTF-8")';
const PERSON_CONTROL =
  'person_id indeholder et styre- eller formateringstegn (fx NUL, et linjeskift eller en tabulator inde i værdien), så personen ikke kan kendes sikkert; værdien viser tegnets kode, ikke id’et';
const CPR =
  'ligner et CPR-nummer, som ikke må indlæses; angiv en pseudonymiseringsnøgle med $TILSYN_PSEUDONYM_KEY eller --pseudonym-key-file FIL, så erstattes CPR-numre af et nøglebaseret pseudonym';
const OFFER_TYPES =
  'gyldige koder: virksomhedspraktik, loentilskud, nytteindsats, vejledning_opkvalificering, oevrig_vejledning_opkvalificering, other';
const MALFORMED = `person_id,type,from,to\np001,other,2021-01-04,2021-01-29\n${'p002,other\n'.repeat(100_001)}`;
const LONG_LINE = `person_id,reason,from,to\np002,sygdom,2020-05-01,2020-05-31\np${'x'.repeat(1_100_000)},barsel,2021-03-01,2021-12-31\np004,standby,2022-06-01,\n`;

export const BAD_INPUT_CASES: readonly BadInputCase[] = [
  // Files that cannot be used at all.
  {
    name: 'missing-required-file',
    outcome: 'file',
    remove: ['offers.csv'],
    expected: ['offers.csv: den påkrævede fil mangler i mappen (offers.csv eller offers.parquet)'],
  },
  {
    name: 'csv-and-parquet',
    outcome: 'file',
    generate: { 'offers.parquet': 'PAR1' },
    expected: ['offers.csv: både offers.csv og offers.parquet findes; fjern den ene'],
  },
  {
    name: 'empty-file',
    outcome: 'file',
    expected: ['conversations.csv: filen er tom (der mangler en overskriftslinje)'],
  },
  {
    name: 'missing-column',
    outcome: 'file',
    expected: ['benefit_periods.csv, linje 1, kolonne "benefit": påkrævet kolonne mangler'],
  },
  {
    name: 'duplicate-header',
    outcome: 'file',
    expected: ['offers.csv, linje 1, kolonne "type": kolonnen står to gange i overskriftslinjen'],
  },
  {
    name: 'tab-separated',
    outcome: 'file',
    expected: [
      'exemptions.csv, linje 1: filen er adskilt med tabulatorer; skilletegnet skal være , eller ;',
    ],
  },
  {
    name: 'wrong-delimiter-in-rows',
    outcome: 'file',
    expected: [
      'work_hours.csv, linje 2: forkert skilletegn: overskriftslinjen bruger ";", men linjen bruger ","',
    ],
  },
  {
    name: 'latin1-encoding',
    outcome: 'file',
    expected: [`conversations.csv, linje 4: ${NOT_UTF8}`],
  },
  {
    name: 'utf16-encoding',
    outcome: 'file',
    expected: [
      'framework_conditions.csv: filen er gemt som UTF-16; gem den som UTF-8 (fx fra Excel: "CSV UTF-8")',
    ],
  },
  {
    name: 'truncated-last-line',
    outcome: 'file',
    expected: [
      'benefit_periods.csv, linje 10: filen ser afkortet ud: den sidste linje har 3 felter, men overskriften har 5, og den slutter uden linjeskift',
    ],
  },
  {
    name: 'unterminated-quote',
    outcome: 'file',
    expected: ['offers.csv, linje 7: filen slutter inde i et felt i anførselstegn (afkortet fil?)'],
  },
  {
    name: 'too-many-malformed-lines',
    outcome: 'file',
    generate: { 'offers.csv': MALFORMED },
    expected: [
      'offers.csv: filen har over 100.000 linjer med forkert antal felter eller forkert brug af anførselstegn (den første er linje 3); er det den rigtige fil og det rigtige skilletegn?',
    ],
  },
  {
    name: 'parquet-wrong-column-type',
    outcome: 'file',
    remove: ['offers.csv'],
    generate: {
      'offers.parquet': {
        parquet: `SELECT 'p001' AS person_id, 'other' AS type, 20200101 AS "from", DATE '2020-12-31' AS "to"`,
      },
    },
    expected: [
      'offers.parquet, kolonne "from": kolonnen har typen INTEGER; forventet DATE eller VARCHAR (ÅÅÅÅ-MM-DD)',
    ],
  },
  {
    name: 'parquet-corrupt',
    outcome: 'file',
    remove: ['work_hours.csv'],
    generate: { 'work_hours.parquet': 'PAR1 this is not a Parquet file' },
    expected: ['work_hours.parquet: filen kan ikke læses som Parquet (afkortet eller beskadiget?)'],
  },

  // Rows that are refused.
  {
    name: 'wrong-field-count',
    outcome: 'rows',
    expected: [
      'benefit_periods.csv, linje 4: linjen har 4 felter, men overskriften har 5',
      'benefit_periods.csv, linje 6: linjen har 6 felter, men overskriften har 5',
    ],
  },
  {
    name: 'broken-quotes',
    outcome: 'rows',
    expected: [
      'offers.csv, linje 4: tegn efter et afsluttende anførselstegn (forkert brug af anførselstegn)',
    ],
  },
  {
    name: 'line-too-long',
    outcome: 'rows',
    generate: { 'exemptions.csv': LONG_LINE },
    expected: ['exemptions.csv, linje 3: linjen er for lang (1100030 byte; højst 1048576)'],
  },
  {
    name: 'huge-field',
    outcome: 'rows',
    expected: [
      `offers.csv, linje 3, kolonne "person_id" (værdi "p${'x'.repeat(76)}..."): feltet er for langt (højst 1000 tegn)`,
    ],
  },
  {
    name: 'empty-required-field',
    outcome: 'rows',
    expected: [
      'conversations.csv, linje 3, kolonne "date": feltet er tomt',
      'conversations.csv, linje 4, kolonne "person_id": feltet er tomt',
    ],
  },
  {
    name: 'unknown-municipality',
    outcome: 'rows',
    expected: [
      'benefit_periods.csv, linje 3, kolonne "municipality" (værdi "999"): ukendt kommunekode',
      'benefit_periods.csv, linje 5, kolonne "municipality" (værdi "14"): kommunekoden skal være et tal med tre cifre',
    ],
  },
  {
    name: 'unknown-benefit',
    outcome: 'rows',
    expected: [
      'benefit_periods.csv, linje 2, kolonne "benefit" (værdi "dagpenge2"): ukendt ydelse; gyldige koder: dagpenge, sygedagpenge, jobafklaring, selvforsoergelse, uddannelseshjaelp, kontanthjaelp, revalidering, ressourceforloeb, ledighedsydelse',
    ],
  },
  {
    name: 'unknown-conversation-codes',
    outcome: 'rows',
    expected: [
      'conversations.csv, linje 2, kolonne "kind" (værdi "samtale"): ukendt samtaletype; gyldige koder: jobsamtale, sygeopfoelgning, other',
      'conversations.csv, linje 3, kolonne "form" (værdi "brev"): ukendt samtaleform; gyldige koder: personligt, telefon, digitalt',
      'conversations.csv, linje 4, kolonne "held_by" (værdi "kommune"): ukendt afholder af samtalen; gyldige koder: jobcenter, akasse',
    ],
  },
  {
    name: 'unknown-offer-type',
    outcome: 'rows',
    expected: [
      `offers.csv, linje 3, kolonne "type" (værdi "loentilskud_privat"): ukendt tilbudstype; ${OFFER_TYPES}`,
    ],
  },
  {
    name: 'unknown-exemption-reason',
    outcome: 'rows',
    expected: [
      'exemptions.csv, linje 2, kolonne "reason" (værdi "ferie"): ukendt fritagelsesårsag; gyldige koder: standby, barsel, sygdom, other',
    ],
  },
  {
    name: 'bad-date-format',
    outcome: 'rows',
    expected: [
      'offers.csv, linje 2, kolonne "from" (værdi "01-02-2020"): ikke en dato på formen ÅÅÅÅ-MM-DD',
      'offers.csv, linje 4, kolonne "from" (værdi "2022-3-1"): ikke en dato på formen ÅÅÅÅ-MM-DD',
    ],
  },
  {
    name: 'impossible-date',
    outcome: 'rows',
    expected: [
      'exemptions.csv, linje 3, kolonne "from" (værdi "2021-02-30"): datoen findes ikke i kalenderen',
    ],
  },
  {
    name: 'to-before-from',
    outcome: 'rows',
    expected: [
      'benefit_periods.csv, linje 4, kolonne "to" (værdi "2020-02-28"): slutdatoen (to) ligger før startdatoen (from)',
    ],
  },
  {
    name: 'date-out-of-range',
    outcome: 'rows',
    expected: [
      'conversations.csv, linje 3, kolonne "date" (værdi "1899-12-31"): datoen ligger uden for 1990-01-01 – 2099-12-31',
      'conversations.csv, linje 5, kolonne "date" (værdi "2101-01-01"): datoen ligger uden for 1990-01-01 – 2099-12-31',
    ],
  },
  {
    name: 'overlapping-periods',
    outcome: 'rows',
    expected: [
      'benefit_periods.csv, linje 11: ydelsesperioden overlapper samme persons periode på linje 2',
      'benefit_periods.csv, linje 12: ydelsesperioden overlapper samme persons periode på linje 2',
      'benefit_periods.csv, linje 13: ydelsesperioden overlapper samme persons periode på linje 8',
    ],
  },
  {
    name: 'duplicate-row',
    outcome: 'rows',
    expected: [
      'conversations.csv, linje 7: rækken er en gentagelse af linje 5',
      'conversations.csv, linje 8: rækken er en gentagelse af linje 2',
      'conversations.csv, linje 9: rækken er en gentagelse af linje 2',
    ],
  },
  {
    name: 'negative-hours',
    outcome: 'rows',
    expected: [
      'work_hours.csv, linje 3, kolonne "hours" (værdi "-4"): antallet af timer er negativt',
    ],
  },
  {
    name: 'non-numeric-hours',
    outcome: 'rows',
    expected: [
      'work_hours.csv, linje 2, kolonne "hours" (værdi "fire"): ikke et tal',
      'work_hours.csv, linje 4, kolonne "hours" (værdi "nan"): ikke et tal',
    ],
  },
  {
    name: 'too-many-hours',
    outcome: 'rows',
    expected: [
      'work_hours.csv, linje 3, kolonne "hours" (værdi "745"): flere timer end en måned har (højst 744)',
    ],
  },
  {
    name: 'bad-month',
    outcome: 'rows',
    expected: [
      'work_hours.csv, linje 2, kolonne "month" (værdi "2020-13"): ikke en måned på formen ÅÅÅÅ-MM',
      'work_hours.csv, linje 3, kolonne "month" (værdi "2021-1"): ikke en måned på formen ÅÅÅÅ-MM',
      'work_hours.csv, linje 4, kolonne "month" (værdi "202306"): ikke en måned på formen ÅÅÅÅ-MM',
    ],
  },
  {
    name: 'decimal-comma-in-comma-file',
    outcome: 'rows',
    expected: [
      'work_hours.csv, linje 2: linjen har 4 felter, men overskriften har 3 (decimalkomma i en kommasepareret fil? brug punktum som decimaltegn eller ; som skilletegn)',
      'work_hours.csv, linje 4, kolonne "hours" (værdi "0,25"): decimalkomma er kun tilladt i filer med ; som skilletegn',
    ],
  },
  {
    name: 'cpr-number-in-person-id',
    outcome: 'rows',
    expected: [
      `conversations.csv, linje 3, kolonne "person_id": ${CPR}`,
      `conversations.csv, linje 5, kolonne "person_id": ${CPR}`,
    ],
  },
  {
    name: 'framework-duplicate-key',
    outcome: 'rows',
    expected: [
      'framework_conditions.csv, linje 5: kommune og år står allerede på linje 2',
      'framework_conditions.csv, linje 6: rækken er en gentagelse af linje 3',
    ],
  },
  {
    name: 'framework-non-numeric-covariate',
    outcome: 'rows',
    expected: [
      'framework_conditions.csv, linje 3, kolonne "education_share" (værdi "høj"): ikke et tal',
    ],
  },
  {
    name: 'framework-residents-not-positive',
    outcome: 'rows',
    expected: [
      'framework_conditions.csv, linje 2, kolonne "residents_16_66" (værdi "0"): skal være større end 0',
      'framework_conditions.csv, linje 4, kolonne "residents_16_66" (værdi "-5"): skal være større end 0',
    ],
  },
  {
    name: 'expected-rates-out-of-range',
    outcome: 'rows',
    expected: [
      'expected_rates.csv, linje 2, kolonne "actual_count" (værdi "-1"): må ikke være negativ',
      'expected_rates.csv, linje 3, kolonne "year" (værdi "1989"): året ligger uden for 1990–2099',
      'expected_rates.csv, linje 4, kolonne "expected_share" (værdi "108.6"): en andel i procent skal ligge mellem 0 og 100',
    ],
  },
  {
    name: 'passive-above-target',
    outcome: 'rows',
    expected: [
      'focus_measures.csv, linje 2, kolonne "passive" (værdi "1300"): passive er større end target',
    ],
  },
  {
    name: 'unknown-scope-and-goal',
    outcome: 'rows',
    expected: [
      'focus_measures.csv, linje 3, kolonne "goal" (værdi "tilbud"): ukendt fokusmål; gyldige koder: offers, conversations',
      'focus_measures.csv, linje 4, kolonne "scope" (værdi "kontanthjælp"): ukendt opgørelse (scope); gyldige koder: all, a_dagpenge, sygedagpenge_mv, kontanthjaelp_mv, dagpenge, sygedagpenge, jobafklaring, selvforsoergelse, uddannelseshjaelp, kontanthjaelp, revalidering, ressourceforloeb, ledighedsydelse',
    ],
  },
  {
    name: 'municipalities-delegated-unknown',
    outcome: 'rows',
    expected: [
      'municipalities.csv, linje 7, kolonne "delegated_to" (værdi "999"): delegeret til en kommune, som ikke står i filen',
      'municipalities.csv, linje 8: rækken er en gentagelse af linje 2',
    ],
  },
  {
    name: 'quoted-line-breaks',
    outcome: 'rows',
    expected: [
      // A line break inside a person id would make another person of it.
      `offers.csv, linje 2, kolonne "person_id" (værdi "U+000A"): ${PERSON_CONTROL}`,
      `offers.csv, linje 4, kolonne "person_id" (værdi "U+000A"): ${PERSON_CONTROL}`,
      'offers.csv, linje 7, kolonne "to" (værdi "2023-02-30"): datoen findes ikke i kalenderen',
    ],
  },
  {
    name: 'mixed-line-breaks',
    outcome: 'rows',
    expected: [
      'exemptions.csv, linje 5, kolonne "to" (værdi "2021-01-01"): slutdatoen (to) ligger før startdatoen (from)',
    ],
  },
  {
    name: 'parquet-row-problems',
    outcome: 'rows',
    remove: ['offers.csv'],
    generate: {
      'offers.parquet': {
        parquet: `SELECT * FROM (VALUES ('p001', 'other', DATE '2020-01-01', NULL::DATE), ('p003', 'loentilskud', DATE '2020-02-01', DATE '2020-03-01'), ('p004', 'x', DATE '2020-02-01', DATE '2020-01-01')) t(person_id, type, "from", "to")`,
      },
    },
    expected: [
      `offers.parquet, række 3, kolonne "type" (værdi "x"): ukendt tilbudstype; ${OFFER_TYPES}`,
    ],
  },

  // Accepted, with a warning.
  {
    name: 'header-only-required-file',
    outcome: 'warning',
    expected: ['exemptions.csv: filen har ingen rækker'],
  },
  {
    name: 'unknown-column',
    outcome: 'warning',
    expected: ['offers.csv: ukendt kolonne "comment" ignoreres'],
  },
  {
    name: 'unknown-file',
    outcome: 'warning',
    // generator.json (what tilsyn generate writes beside its data) is known: no warning.
    generate: {
      'noter.txt': 'udtrukket 2026-11-01\n',
      'Offers.csv': 'person_id\n',
      'generator.json': '{ "seed": 1 }\n',
    },
    expected: ['Offers.csv: ukendt fil ignoreres', 'noter.txt: ukendt fil ignoreres'],
  },
];
