/**
 * Every kind of letter the regime sends (reports.md, "Letters"): selection,
 * extension, end of supervision, administration, administration continued,
 * end of administration, and the meeting invitation — each from its own
 * template, and each dated, addressed to the municipality by name and code,
 * citing its legal basis with the quoted sentence, stating the facts behind
 * the decision and every deadline it sets with its date and §. The
 * decisions are those the assessments 2021–2024 of the example aggregates
 * give; the letters are checked in the HTML a reader sees and in the PDF.
 */
import { describe, expect, it } from 'vitest';
import { formatDanishDate, isoDate, type IsoDate } from '../../src/core/calendar/iso-date.js';
import { composeLetter, LETTER_TEMPLATES } from '../../src/core/letters/compose-letter.js';
import { LETTER_KINDS, type LetterInput } from '../../src/core/letters/letter-input.js';
import { decisionLetter, meetingLetter } from '../../src/pipeline/letters.js';
import { letterHtml } from '../../src/reports/letters/letter-html.js';
import { letterPdf } from '../../src/reports/letters/letter-pdf.js';
import { loadPdfFonts } from '../../src/reports/pdf/pdf-fonts.js';
import { pdfText } from '../support/pdf-text.js';

const SOURCE = {
  kind: 'files',
  files: {
    focus: 'examples/aggregates/focus_measures.csv',
    rates: 'examples/aggregates/expected_rates.csv',
  },
} as const;

function decisionOf(municipality: number, year: number): Promise<LetterInput> {
  return decisionLetter({
    municipality,
    cwd: process.cwd(),
    assessment: { fromYear: 2021, toYear: year, cwd: process.cwd(), source: SOURCE },
  });
}

/** The letter as a reader sees it in the HTML: the text, white space made single. */
function readerText(input: LetterInput): string {
  return letterHtml(composeLetter(input))
    .replace(/<style>[^<]*<\/style>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/\s+/g, ' ');
}

const danish = (date: string) => formatDanishDate(date as IsoDate);
const oneLine = (text: string) => text.replace(/\s+/g, ' ');

/** What every letter states: its date, the municipality by name and code, and its sender. */
function expectLetterhead(text: string, input: LetterInput): void {
  expect(text).toContain(danish(input.date));
  expect(text).toContain(`${input.municipality.name} (kommunekode ${input.municipality.code})`);
  expect(text).toContain(input.sender.authority);
}

/** What every decision letter states: the §, its sentence, the figures, and each deadline with its date and §. */
function expectDecisionFacts(text: string, input: LetterInput): void {
  const decision = input.decision;
  if (decision === null) throw new Error('not a decision letter');
  expect(text).toContain(`Afgørelsen er truffet efter ${decision.rule.citation}`);
  if (decision.rule.quote !== null) expect(text).toContain(oneLine(decision.rule.quote));
  expect(text).toContain(`Kommunens resultater i ${decision.year}`);
  expect(text).toMatch(/Resultatmålet/);
  expect(text).toMatch(/Fokusmålet om tilbud/);
  expect(text).toMatch(/Fokusmålet om samtaler/);
  for (const deadline of decision.deadlines) {
    expect(text).toContain(danish(deadline.date));
    expect(text).toContain(deadline.rule.citation);
  }
}

describe('the letter of every decision', () => {
  it('has one template per kind of letter, the meeting invitation included', () => {
    expect(Object.keys(LETTER_TEMPLATES).sort()).toEqual([...LETTER_KINDS].sort());
  });

  it('selection: the requirements (account and recovery plan, the recovery period) and their deadlines', async () => {
    const input = await decisionOf(183, 2024);
    expect(input.kind).toBe('selected');
    const text = readerText(input);
    expectLetterhead(text, input);
    expectDecisionFacts(text, input);
    expect(input.decision?.deadlines.map((deadline) => deadline.kind)).toEqual(
      expect.arrayContaining(['account', 'recovery_period_start', 'recovery_period_end']),
    );
    expect(text).toContain('Kommunen skal senest 31. juli 2025 sende en skriftlig redegørelse');
  });

  it('extension: the new end of the recovery period, with its deadline and §', async () => {
    const input = await decisionOf(430, 2022);
    expect(input.kind).toBe('extended');
    const text = readerText(input);
    expectLetterhead(text, input);
    expectDecisionFacts(text, input);
    expect(input.decision?.deadlines.length).toBeGreaterThan(0);
    expect(text).toContain('forlænges derfor med 12 måneder til 31. december 2023');
  });

  it('end of supervision: the goals met, the supervision ends, and no deadline is left', async () => {
    const input = await decisionOf(153, 2022);
    expect(input.kind).toBe('supervision_ends');
    const text = readerText(input);
    expectLetterhead(text, input);
    expectDecisionFacts(text, input);
    expect(input.decision?.deadlines).toEqual([]);
    expect(text).toContain('Kommunen er derfor ikke længere omfattet af skærpet tilsyn.');
  });

  it('administration: the minimum requirements from the month after the notice, and the review of all passive cases with its deadline', async () => {
    const input = await decisionOf(330, 2023);
    expect(input.kind).toBe('administration');
    const text = readerText(input);
    expectLetterhead(text, input);
    expectDecisionFacts(text, input);
    const requirements = input.decision?.minimumRequirements;
    expect(requirements).not.toBeNull();
    expect(text).toContain(
      `mindst 1 beskæftigelsesrettet tilbud årligt til mindst ${String(requirements?.offersPercent)} pct.`,
    );
    expect(text).toContain(`til mindst ${String(requirements?.conversationsPercent)} pct.`);
    expect(input.decision?.deadlines.map((deadline) => deadline.kind)).toEqual([
      'minimum_requirements_from',
      'passive_case_review',
    ]);
    expect(text).toMatch(/passivsager/);
  });

  it('administration continued: the minimum requirements still apply, and this year’s passive-case review is due', async () => {
    const input = await decisionOf(330, 2024);
    expect(input.kind).toBe('administration_continues');
    const text = readerText(input);
    expectLetterhead(text, input);
    expectDecisionFacts(text, input);
    expect(input.decision?.deadlines.map((deadline) => deadline.kind)).toEqual([
      'passive_case_review',
    ]);
    expect(text).toMatch(/passivsager/);
    expect(input.decision?.minimumRequirements).not.toBeNull();
    expect(text).toContain(`${String(input.decision?.minimumRequirements?.offersPercent)} pct.`);
  });

  it('end of administration: the minimum requirements and the passive-case review end', async () => {
    const input = await decisionOf(430, 2024);
    expect(input.kind).toBe('administration_ends');
    const text = readerText(input);
    expectLetterhead(text, input);
    expectDecisionFacts(text, input);
    expect(text).toContain('De særlige minimumskrav til indsatsen');
    expect(text).toContain('ikke længere omfattet af skærpet tilsyn');
    expect(input.decision?.deadlines).toEqual([]);
  });

  it('meeting invitation: the meeting’s date, time and place, the § with its one week, and the notice given', async () => {
    const input = await meetingLetter({
      municipality: 461,
      cwd: process.cwd(),
      date: isoDate('2024-09-02'),
      meetingDate: isoDate('2024-09-10'),
      time: '10.00',
      place: 'i Beskæftigelsesministeriet',
    });
    expect(input.kind).toBe('meeting_invitation');
    const text = readerText(input);
    expectLetterhead(text, input);
    expect(text).toContain('10. september 2024 kl. 10.00, i Beskæftigelsesministeriet');
    expect(text).toContain(`Mødet indkaldes efter ${input.meeting?.rule.citation ?? '?'}`);
    expect(text).toContain('mindst 7 dages varsel');
    expect(text).toContain('8 dage før mødet');
  });

  it('says the same in its PDF: the date, the municipality and the legal basis of each kind', async () => {
    const fonts = await loadPdfFonts();
    const inputs = await Promise.all([
      decisionOf(183, 2024),
      decisionOf(430, 2022),
      decisionOf(153, 2022),
      decisionOf(330, 2023),
      decisionOf(330, 2024),
      decisionOf(430, 2024),
    ]);
    expect(new Set(inputs.map((input) => input.kind)).size).toBe(6);
    for (const input of inputs) {
      const text = await pdfText(await letterPdf(composeLetter(input), fonts));
      expect(text).toContain(danish(input.date));
      expect(text).toContain(`kommunekode ${String(input.municipality.code)}`);
      expect(text).toContain(input.decision?.rule.citation ?? '?');
    }
  }, 60_000);
});
