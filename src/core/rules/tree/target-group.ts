/**
 * The rules of the measurement engine that make spells and the target group
 * of the focus goals out of benefit periods (measures.md M1–M6). Where the
 * guidance to § 5 gives the rule, the value cites it; where the value is the
 * project's reading of "ydelsesforløb", it is marked "fortolkning".
 */
import type { BenefitType } from '../../domain/benefit-type.js';
import type { ExemptionReason } from '../../domain/events.js';
import { BEK_1409_2019, BEK_301_2023, cite, fortolkning } from '../legal-source.js';
import { ruleNode } from '../rule-node.js';
import {
  DAYS,
  EXEMPTION_REASON_LIST,
  PERCENT,
  SPELL_CONTINUATIONS_TYPE,
  SPELL_GAP_RULES_TYPE,
  type SpellContinuation,
  type SpellGapRule,
} from '../value-types.js';

export const TARGET_GROUP_NODES = {
  /**
   * M1 — consecutive periods of the same benefit type join into one spell
   * when the gap between them (days strictly between them) satisfies the
   * rule of the type: dagpenge at most 365 days (accumulated unemployment),
   * sygedagpenge and jobafklaring no gap, the municipal benefits no whole
   * calendar month.
   */
  'measures.spell.gap_rules': ruleNode<Readonly<Record<BenefitType, SpellGapRule>>>({
    area: 'target_group',
    label: 'Mellemrum mellem perioder af samme ydelse, der holder dem i ét forløb',
    stage: 'measurement',
    type: SPELL_GAP_RULES_TYPE,
    values: [
      {
        since: 'v2019',
        value: {
          dagpenge: { kind: 'max_gap_days', days: 365 },
          sygedagpenge: { kind: 'max_gap_days', days: 0 },
          jobafklaring: { kind: 'max_gap_days', days: 0 },
          selvforsoergelse: { kind: 'no_whole_calendar_month' },
          uddannelseshjaelp: { kind: 'no_whole_calendar_month' },
          kontanthjaelp: { kind: 'no_whole_calendar_month' },
          revalidering: { kind: 'no_whole_calendar_month' },
          ressourceforloeb: { kind: 'no_whole_calendar_month' },
          ledighedsydelse: { kind: 'no_whole_calendar_month' },
        },
        source: fortolkning(
          'The guidance to § 5 says only that spell duration "følger de principper om optælling af periode for afgivelse af samtaler og tilbud, som er forudsat i LAB, dog med enkelte tekniske undtagelser". The gap lengths are the project\'s reading of those principles: accumulated unemployment for dagpenge (a year), no gap for sickness benefits, and no whole calendar month for the municipal benefits, which are paid by the month.',
          'measures.md M1',
        ),
      },
    ],
  }),

  /**
   * M2 — a change of type starts a new spell, except a spell of
   * selvforsørgelses- og hjemrejseydelse/overgangsydelse that continues into
   * uddannelseshjælp or kontanthjælp when the gap holds no whole calendar
   * month.
   */
  'measures.spell.continuations': ruleNode<readonly SpellContinuation[]>({
    area: 'target_group',
    label: 'Ydelsesskift, der fortsætter forløbet',
    stage: 'measurement',
    type: SPELL_CONTINUATIONS_TYPE,
    values: [
      {
        since: 'v2019',
        value: [
          {
            from: 'selvforsoergelse',
            into: ['uddannelseshjaelp', 'kontanthjaelp'],
            gap: { kind: 'no_whole_calendar_month' },
          },
        ],
        source: fortolkning(
          'The guidance to § 5 says a change of benefit starts a new spell "som udgangspunkt" ("Ved ydelsesskift starter der altså som udgangspunkt en ny periode for opgørelsen"). The one exception, selvforsørgelses- og hjemrejseydelse/overgangsydelse continuing into uddannelseshjælp or kontanthjælp, is the project\'s reading: the same person in the same municipal contact course.',
          'measures.md M2',
        ),
      },
    ],
  }),

  /** M4 — exemption reasons whose days are dead: they do not count as duration. */
  'measures.dead_exemption_reasons': ruleNode<readonly ExemptionReason[]>({
    area: 'target_group',
    label: 'Fritagelser, hvis dage er døde (tæller ikke som varighed)',
    stage: 'measurement',
    type: EXEMPTION_REASON_LIST,
    values: [
      {
        since: 'v2019',
        value: ['standby', 'barsel'],
        source: cite(BEK_1409_2019, '§ 5', {
          quote:
            'Hvis personer i kontaktforløbet er registreret med fritagelsesforholdet Opfølgning uden kontakt (standby ordningen), tælles denne periode som en død periode. […] Barsel tælles også som død periode i opgørelserne.',
          note: 'Vejledningen til § 5.',
        }),
      },
      {
        since: 'v2023',
        value: ['standby', 'barsel'],
        source: cite(BEK_301_2023, '§ 5', {
          quote:
            'Hvis personer i kontaktforløbet er registreret med fritagelsesforholdet Opfølgning uden kontakt (standby ordningen), tælles denne periode som en død periode. […] Barsel tælles også som død periode i opgørelserne.',
          note: 'Vejledningen til § 5.',
        }),
      },
    ],
  }),

  /**
   * M5 — the target group holds persons whose spell has lasted at least this
   * many countable days at the reference date ("12 months").
   */
  'measures.target_group.minimum_duration_days': ruleNode<number>({
    area: 'target_group',
    label: 'Forløbets varighed ved opgørelsesdatoen for at være i målgruppen (tællende dage)',
    stage: 'measurement',
    type: DAYS,
    values: [
      {
        since: 'v2019',
        value: 365,
        source: cite(BEK_1409_2019, '§ 5', {
          quote: 'borgere med mindst 12 måneders anciennitet i ydelsessystemet',
          note: 'Vejledningen til § 5. 12 months read as 365 countable days (measures.md M5).',
        }),
      },
      {
        since: 'v2023',
        value: 365,
        source: cite(BEK_301_2023, '§ 5', {
          nr: 1,
          quote: 'som har haft et ydelsesforløb med en samlet varighed på mindst 12 måneder',
          note: '12 months read as 365 countable days (measures.md M5).',
        }),
      },
    ],
  }),

  /** The window [W, R]: the last this-many countable days of the spell. */
  'measures.window_days': ruleNode<number>({
    area: 'target_group',
    label: 'Vinduet: forløbets seneste tællende dage, hvor samtaler og tilbud tæller',
    stage: 'measurement',
    type: DAYS,
    values: [
      {
        since: 'v2019',
        value: 365,
        source: cite(BEK_1409_2019, '§ 5', {
          nr: 1,
          quote:
            'som i de seneste 12 måneder af ydelsesforløbet ikke har modtaget mindst 1 beskæftigelsesrettet tilbud',
          note: '12 months read as 365 countable days (measures.md § 3).',
        }),
      },
      {
        since: 'v2023',
        value: 365,
        source: cite(BEK_301_2023, '§ 5', {
          nr: 1,
          quote:
            'som i de seneste 12 måneder af ydelsesforløbet ikke har modtaget mindst et beskæftigelsesrettet tilbud',
          note: '12 months read as 365 countable days (measures.md § 3).',
        }),
      },
    ],
  }),

  /**
   * M6 — a person whose exempt days are at least this percentage of the
   * spell's countable days up to R leaves the count (exactly 50 % leaves).
   */
  'measures.exemption_exclusion_percent': ruleNode<number>({
    area: 'target_group',
    label: 'Fritaget mindst denne andel af forløbet: personen udgår af optællingen',
    stage: 'measurement',
    type: PERCENT,
    values: [
      {
        since: 'v2019',
        value: 50,
        source: cite(BEK_1409_2019, '§ 5', {
          quote:
            'Personer, der har været fritaget mindst 50 pct. af ydelsesforløbet, udgår af optællingen.',
          note: 'Vejledningen til § 5. Measured over the whole spell up to R, not only the window.',
        }),
      },
      {
        since: 'v2023',
        value: 50,
        source: cite(BEK_301_2023, '§ 5', {
          quote:
            'Personer, der har været fritaget mindst 50 pct. af ydelsesforløbet, udgår af optællingen.',
          note: 'Vejledningen til § 5. Measured over the whole spell up to R, not only the window.',
        }),
      },
    ],
  }),
};
