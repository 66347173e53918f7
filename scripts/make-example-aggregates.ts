/**
 * Writes the example aggregated files (examples/aggregates/) and the
 * per-person file of the case-sample example (examples/case-sample/),
 * deterministically: the same script always writes the same bytes.
 *
 *   npx tsx scripts/make-example-aggregates.ts
 *
 * All 98 municipalities, months 2019-01 … 2025-12, rates 2019 … 2025. The
 * named scenario municipalities (scripts/example-scenarios.ts) walk through
 * every decision; the others have invented figures that meet the focus goals.
 * March–June 2020 carry very high passive shares, which the 12-month averages
 * leave out (COVID-19).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as prettier from 'prettier';
import { BENEFIT_TYPES, type BenefitType } from '../src/core/domain/benefit-type.js';
import { FOCUS_GOALS, type FocusGoal } from '../src/core/domain/focus-goal.js';
import { monthRange, yearMonth, yearOf, type YearMonth } from '../src/core/calendar/year-month.js';
import { SeededRandom } from '../src/core/random/seeded-random.js';
import { readMunicipalities } from '../src/reference/municipalities.js';
import {
  EXAMPLE_FIRST_YEAR,
  EXAMPLE_LAST_YEAR,
  PER_TYPE_CONVERSATIONS_2021,
  PER_TYPE_FACTOR,
  PER_TYPE_MUNICIPALITY,
  PER_TYPE_WEIGHTS,
  SCENARIOS,
  type Scenario,
} from './example-scenarios.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const AGGREGATES = join(ROOT, 'examples', 'aggregates');
const CASE_SAMPLE = join(ROOT, 'examples', 'case-sample');
const SEED = 2019;
/** Added to every passive share (per 1000) in the months the averages leave out. */
const COVID_EXTRA = 250;
const COVID_MONTHS = new Set(['2020-03', '2020-04', '2020-05', '2020-06']);
const SAMPLE_YEAR = 2021;

/** Residents 16–66 of the large municipalities; the others are drawn. */
const KNOWN_RESIDENTS: Readonly<Record<number, number>> = {
  101: 452000,
  751: 243000,
  461: 137000,
  851: 141000,
  360: 24000,
};

interface Row {
  readonly municipality: number;
  readonly month: YearMonth;
  readonly goal: FocusGoal;
  readonly scope: string;
  readonly target: number;
  readonly passive: number;
}

async function main(): Promise<void> {
  const municipalities = (await readMunicipalities()).map((m) => m.code).sort((a, b) => a - b);
  const scenarios = new Map(SCENARIOS.map((scenario) => [scenario.code, scenario]));
  const months = monthRange(
    yearMonth(`${EXAMPLE_FIRST_YEAR}-01`),
    yearMonth(`${EXAMPLE_LAST_YEAR}-12`),
  );
  const focusRows: Row[] = [];
  const rateLines: string[] = [];
  for (const code of municipalities) {
    const random = new SeededRandom(SEED, code);
    const residents = KNOWN_RESIDENTS[code] ?? 9000 + random.nextInt(110000);
    const scenario = scenarios.get(code);
    const target = scenario
      ? Math.max(1000, Math.round((residents * 0.03) / 1000) * 1000)
      : Math.max(200, Math.round(residents * 0.03));
    const base = { offers: 80 + random.nextInt(81), conversations: 80 + random.nextInt(81) };
    const expectedShare = 8 + random.next() * 10;
    for (const month of months) {
      if (code === PER_TYPE_MUNICIPALITY) {
        focusRows.push(...perTypeRows(code, month, scenario));
        continue;
      }
      for (const goal of FOCUS_GOALS) {
        const permille = scenario
          ? (scenario.years[yearOf(month)]?.[goal] ?? 0)
          : base[goal] + random.nextInt(21) - 10;
        const share = permille + (COVID_MONTHS.has(month) ? COVID_EXTRA : 0);
        focusRows.push({
          municipality: code,
          month,
          goal,
          scope: 'all',
          target,
          passive: Math.round((target * share) / 1000),
        });
      }
    }
    for (let year = EXAMPLE_FIRST_YEAR; year <= EXAMPLE_LAST_YEAR; year += 1) {
      const expectedCount = Math.round((residents * (expectedShare + (year - 2019) * 0.05)) / 100);
      const plan = scenario?.years[year];
      const difference =
        plan?.resultPersons ??
        Math.round(
          (expectedCount * (plan?.resultPercent ?? Math.round(random.next() * 60 - 30) / 10)) / 100,
        );
      const actualCount = expectedCount + difference;
      rateLines.push(
        [
          code,
          year,
          expectedCount,
          actualCount,
          ((expectedCount / residents) * 100).toFixed(6),
          ((actualCount / residents) * 100).toFixed(6),
        ].join(','),
      );
    }
  }
  await mkdir(AGGREGATES, { recursive: true });
  await mkdir(CASE_SAMPLE, { recursive: true });
  await writeFile(
    join(AGGREGATES, 'focus_measures.csv'),
    [
      'municipality,month,goal,scope,target,passive',
      ...focusRows.map((row) =>
        [row.municipality, row.month, row.goal, row.scope, row.target, row.passive].join(','),
      ),
      '',
    ].join('\n'),
  );
  await writeFile(
    join(AGGREGATES, 'expected_rates.csv'),
    [
      'municipality,year,expected_count,actual_count,expected_share,actual_share',
      ...rateLines,
      '',
    ].join('\n'),
  );
  await writeFile(
    join(CASE_SAMPLE, `target_group_${SAMPLE_YEAR}_${PER_TYPE_MUNICIPALITY}.csv`),
    targetGroupFile(),
  );
  await writeMarkdown(join(AGGREGATES, 'README.md'), aggregatesReadme(municipalities.length));
  await writeMarkdown(join(CASE_SAMPLE, 'README.md'), caseSampleReadme());
}

/** Per benefit type, with the `all` row as their sum. */
function perTypeRows(code: number, month: YearMonth, scenario: Scenario | undefined): Row[] {
  const year = yearOf(month);
  const extra = COVID_MONTHS.has(month) ? COVID_EXTRA : 0;
  const rows: Row[] = [];
  const totals = { offers: { target: 0, passive: 0 }, conversations: { target: 0, passive: 0 } };
  for (const benefit of BENEFIT_TYPES) {
    const target = PER_TYPE_WEIGHTS[benefit];
    const shares = typeShares(benefit, year, scenario);
    for (const goal of FOCUS_GOALS) {
      const passive = Math.round((target * (shares[goal] + extra)) / 1000);
      rows.push({ municipality: code, month, goal, scope: benefit, target, passive });
      totals[goal].target += target;
      totals[goal].passive += passive;
    }
  }
  return [
    ...FOCUS_GOALS.map((goal) => ({
      municipality: code,
      month,
      goal,
      scope: 'all',
      ...totals[goal],
    })),
    ...rows,
  ];
}

function typeShares(
  benefit: BenefitType,
  year: number,
  scenario: Scenario | undefined,
): Record<FocusGoal, number> {
  return {
    offers: scenario?.years[year]?.offers ?? 150,
    conversations: PER_TYPE_CONVERSATIONS_2021[benefit] * (PER_TYPE_FACTOR[year] ?? 1),
  };
}

/** The target group at 31 December 2021, one person per row, passive counts as in December's aggregates. */
function targetGroupFile(): string {
  const random = new SeededRandom(SEED, 1_000_000 + PER_TYPE_MUNICIPALITY);
  const people: string[] = [];
  const total = BENEFIT_TYPES.reduce((sum, benefit) => sum + PER_TYPE_WEIGHTS[benefit], 0);
  const ids = random.sample(
    Array.from(
      { length: total },
      (_, index) => `p${PER_TYPE_MUNICIPALITY}-${String(index + 1).padStart(5, '0')}`,
    ),
    total,
  );
  let next = 0;
  const scenario = SCENARIOS.find((candidate) => candidate.code === PER_TYPE_MUNICIPALITY);
  for (const benefit of BENEFIT_TYPES) {
    const count = PER_TYPE_WEIGHTS[benefit];
    const shares = typeShares(benefit, SAMPLE_YEAR, scenario);
    const passiveConversations = Math.round((count * shares.conversations) / 1000);
    const passiveOffers = Math.round((count * shares.offers) / 1000);
    const conversationsFlags = random.sample(
      Array.from({ length: count }, (_, index) => index < passiveConversations),
      count,
    );
    const offersFlags = random.sample(
      Array.from({ length: count }, (_, index) => index < passiveOffers),
      count,
    );
    for (let index = 0; index < count; index += 1) {
      const id = ids[next] ?? '';
      next += 1;
      people.push(
        [
          id,
          PER_TYPE_MUNICIPALITY,
          benefit,
          offersFlags[index] ? 'true' : 'false',
          conversationsFlags[index] ? 'true' : 'false',
        ].join(','),
      );
    }
  }
  people.sort();
  return [
    'person_id,municipality,benefit,passive_offers,passive_conversations',
    ...people,
    '',
  ].join('\n');
}

function aggregatesReadme(count: number): string {
  const years = Object.keys(SCENARIOS[0]?.decisions ?? {});
  const rows = SCENARIOS.map(
    (scenario) =>
      `| ${scenario.code} | ${scenario.title} | ${years
        .map((year) => `\`${scenario.decisions[Number(year)] ?? 'stays_out'}\``)
        .join(' | ')} |`,
  );
  return `# Example aggregated files

Generated by \`npx tsx scripts/make-example-aggregates.ts\` (deterministic: the
same bytes every time). **The figures are invented**; they do not describe the
real municipalities whose codes they use.

- \`focus_measures.csv\` — all ${count} municipalities, months ${EXAMPLE_FIRST_YEAR}-01 … ${EXAMPLE_LAST_YEAR}-12,
  both goals (\`offers\`, \`conversations\`), \`target\` and \`passive\` per month.
  Municipality ${PER_TYPE_MUNICIPALITY} also has rows per benefit type (\`scope\`), the
  others only \`all\`. March–June 2020 carry passive shares ${COVID_EXTRA / 10} points higher
  than the rest of the year: the 12-month averages leave those months out
  (COVID-19), so they change no decision.
- \`expected_rates.csv\` — expected and actual full-time persons and benefit
  rates (percent of residents 16–66) for every municipality, ${EXAMPLE_FIRST_YEAR} … ${EXAMPLE_LAST_YEAR}.

Run the assessments of 2021–2025 (\`npm start\` does this):

\`\`\`sh
tilsyn assess --from 2021 --to 2025 --focus examples/aggregates/focus_measures.csv --rates examples/aggregates/expected_rates.csv
\`\`\`

The risk view of December 2024 shows municipality 183 "on the border":

\`\`\`sh
tilsyn risk --month 2024-12 --focus examples/aggregates/focus_measures.csv --rates examples/aggregates/expected_rates.csv
\`\`\`

## Scenario municipalities and their decisions

The municipalities not listed meet the focus goals every year and are never
selected. Assessment year → decision (the \`decision.kind\` of \`tilsyn assess --json\`):

| code | scenario | ${years.join(' | ')} |
| --- | --- | ${years.map(() => '---').join(' | ')} |
${rows.join('\n')}

${SCENARIOS.map((scenario) => `**${scenario.code} — ${scenario.title}.** ${scenario.story}`).join('\n\n')}

\`test/cli/example-aggregates.test.ts\` runs \`tilsyn assess --from 2020 --to 2025\`
on these files and checks every decision in this table.
`;
}

function caseSampleReadme(): string {
  return `# Example: the 2019 § 8 case sample

\`target_group_${SAMPLE_YEAR}_${PER_TYPE_MUNICIPALITY}.csv\` is the (invented) target group of municipality
${PER_TYPE_MUNICIPALITY} at 31 December ${SAMPLE_YEAR}, one person per row: \`person_id\`
(a pseudonym), \`municipality\`, \`benefit\`, \`passive_offers\`,
\`passive_conversations\`. Its counts match the December ${SAMPLE_YEAR} rows per benefit
type in \`../aggregates/focus_measures.csv\`. Generated by
\`npx tsx scripts/make-example-aggregates.ts\`.

The municipality is selected at the assessment of ${SAMPLE_YEAR} (under bek. nr. 564, with
the sample review of bek. nr. 1409 § 8). Draw its sample:

\`\`\`sh
tilsyn sample --persons examples/case-sample/target_group_${SAMPLE_YEAR}_${PER_TYPE_MUNICIPALITY}.csv \\
  --municipality ${PER_TYPE_MUNICIPALITY} --year ${SAMPLE_YEAR} --focus examples/aggregates/focus_measures.csv \\
  --seed 20220401 --out stikproeve-${PER_TYPE_MUNICIPALITY}-${SAMPLE_YEAR}.json
\`\`\`
`;
}

async function writeMarkdown(path: string, text: string): Promise<void> {
  const options = (await prettier.resolveConfig(path)) ?? {};
  await writeFile(path, await prettier.format(text, { ...options, parser: 'markdown' }));
}

await main();
