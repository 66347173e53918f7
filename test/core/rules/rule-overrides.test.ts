import { describe, expect, it } from 'vitest';
import { isoDate } from '../../../src/core/calendar/iso-date.js';
import { DomainError } from '../../../src/core/domain-error.js';
import { OFFICIAL_RULES } from '../../../src/core/rules/official-rules.js';
import { withOverrides } from '../../../src/core/rules/rule-book.js';
import {
  measurementOverrides,
  parseRuleOverride,
  parseRuleOverrides,
  refuseMeasurementOverridesWithoutData,
  refuseOverridesOutside,
} from '../../../src/core/rules/rule-overrides.js';

const parse = (setting: string) => parseRuleOverride(OFFICIAL_RULES, setting);
const refusal = (setting: string): string => {
  try {
    parse(setting);
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    return (error as DomainError).message;
  }
  throw new Error(`${setting} was not refused`);
};

describe('an override of a rule value (--set ID=VALUE)', () => {
  it('ID=VALUE replaces the value on every date, marked as a simulation', () => {
    const book = withOverrides(OFFICIAL_RULES, [parse('focus.offers.threshold=20')]);
    for (const date of ['2020-01-01', '2023-03-21', '2023-03-22', '2030-01-01']) {
      const entry = book.entry('focus.offers.threshold', isoDate(date));
      expect(entry.value, date).toBe(20);
      expect(entry.version).toBeUndefined();
      expect(entry.source).toEqual({ kind: 'simulering', setting: 'focus.offers.threshold=20' });
    }
    expect(book.overrides.map((override) => override.setting)).toEqual([
      'focus.offers.threshold=20',
    ]);
    // The official book is untouched.
    expect(OFFICIAL_RULES.value('focus.offers.threshold', isoDate('2024-01-01'))).toBe(30);
  });

  it('ID@DATE=VALUE keeps the official values before the date and applies the value from it', () => {
    const book = withOverrides(OFFICIAL_RULES, [parse('focus.offers.threshold@2024-01-01=25')]);
    expect(book.value('focus.offers.threshold', isoDate('2021-06-01'))).toBe(20);
    const before = book.entry('focus.offers.threshold', isoDate('2023-12-31'));
    expect([before.value, before.from, before.to]).toEqual([30, '2023-03-22', '2023-12-31']);
    expect(book.value('focus.offers.threshold', isoDate('2024-01-01'))).toBe(25);
  });

  it('reads values the way the unit asks: decimal comma, yes/no, dates, code lists, null, JSON', () => {
    expect(parse('supervision.extension_improvement_fraction=0,4').value).toBe(0.4);
    expect(parse('focus.conversations.first_in_person=nej').value).toBe(false);
    expect(parse('deadlines.notice.selection=05-15').value).toEqual({ month: 5, day: 15 });
    expect(parse('covid.dead_period=2020-03-01..2020-05-31').value).toEqual({
      from: '2020-03-01',
      to: '2020-05-31',
    });
    expect(parse('focus.offers.section_91_recipients=uddannelseshjaelp').value).toEqual([
      'uddannelseshjaelp',
    ]);
    expect(parse('focus.offers.section_91_recipients=alle').value).toBeNull();
    expect(parse('early_effort.alerts.set_2021.follow_up_months=3,6,9,12').value).toEqual([
      3, 6, 9, 12,
    ]);
    expect(parse('early_effort.alerts.start.offer=2022-06').value).toBe('2022-06');
    expect(parse('measures.spell.continuations=[]').value).toEqual([]);
  });

  it.each([
    [
      'focus.offer.threshold=20',
      '--set focus.offer.threshold=20: "focus.offer.threshold" er ikke en regel i regeltræet (se tilsyn rules --json for alle id\'er); mente du focus.offers.threshold?',
    ],
    [
      'focus.offers.threshold=tyve',
      '--set focus.offers.threshold=tyve: focus.offers.threshold skal være fra 0 til 100 ("tyve" er ikke et tal)',
    ],
    [
      'focus.offers.threshold=120',
      '--set focus.offers.threshold=120: focus.offers.threshold skal være fra 0 til 100, ikke 120',
    ],
    [
      'focus.offers.ordinary_work_hours=-5',
      '--set focus.offers.ordinary_work_hours=-5: focus.offers.ordinary_work_hours skal være et antal timer fra 0 til 10.000, ikke -5',
    ],
    [
      'measures.window_days=300,5',
      '--set measures.window_days=300,5: measures.window_days skal være et heltal',
    ],
    [
      'focus.conversations.first_in_person=måske',
      '--set focus.conversations.first_in_person=måske: focus.conversations.first_in_person skal være ja eller nej ("måske" er hverken ja eller nej)',
    ],
    [
      'focus.offers.counted_types=virksomhedspraktik,kursus',
      '--set focus.offers.counted_types=virksomhedspraktik,kursus: focus.offers.counted_types indeholder "kursus", som ikke er en af virksomhedspraktik, loentilskud, nytteindsats, vejledning_opkvalificering, oevrig_vejledning_opkvalificering, other',
    ],
    [
      'decisions.selected=§ 7',
      '--set decisions.selected=§ 7: decisions.selected er en paragrafhenvisning, ikke en værdi, og kan ikke ændres',
    ],
    [
      'focus.offers.threshold@2024-02-30=25',
      '--set focus.offers.threshold@2024-02-30=25: "2024-02-30" er ikke en dato på formen ÅÅÅÅ-MM-DD',
    ],
    [
      'focus.offers.threshold',
      '--set focus.offers.threshold: skal have formen ID=VÆRDI eller ID@ÅÅÅÅ-MM-DD=VÆRDI',
    ],
  ])('%s is refused with the id and the reason', (setting, message) => {
    expect(refusal(setting)).toBe(message);
  });

  it('several settings are read in order', () => {
    const overrides = parseRuleOverrides(OFFICIAL_RULES, [
      'focus.offers.threshold=25',
      'deadlines.account_due_months=2',
    ]);
    expect(overrides.map((override) => [override.id, override.value])).toEqual([
      ['focus.offers.threshold', 25],
      ['deadlines.account_due_months', 2],
    ]);
  });
});

describe('which stage an override changes', () => {
  const overrides = parseRuleOverrides(OFFICIAL_RULES, [
    'focus.offers.threshold=25',
    'focus.offers.ordinary_work_hours=150',
  ]);

  it('a measurement rule is told apart from a rule of the assessment', () => {
    expect(measurementOverrides(OFFICIAL_RULES, overrides).map((override) => override.id)).toEqual([
      'focus.offers.ordinary_work_hours',
    ]);
  });

  it('a measurement rule is refused when only aggregated files are given', () => {
    expect(() => {
      refuseMeasurementOverridesWithoutData(OFFICIAL_RULES, overrides);
    }).toThrow(
      '--set focus.offers.ordinary_work_hours=150: focus.offers.ordinary_work_hours er en regel for målingerne fra persondata; de aggregerede fokusmålinger i --focus kan ikke genberegnes med den. Brug --load med en indlæsning for at måle igen med den ændrede regel',
    );
  });

  it('a rule the command does not read is refused, saying what it affects', () => {
    expect(() => {
      refuseOverridesOutside(OFFICIAL_RULES, overrides, ['measurement'], 'målingerne');
    }).toThrow(
      '--set focus.offers.threshold=25: focus.offers.threshold påvirker ikke målingerne, men den årlige opgørelse (tilsyn assess)',
    );
  });
});
