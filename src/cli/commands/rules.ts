/**
 * `tilsyn rules [--date D] [--json]`: the rule version and every parameter
 * value in force on a date, with its legal source.
 */
import { isoDateOf } from '../../core/calendar/iso-date.js';
import { formatCitation } from '../../core/rules/legal-source.js';
import { rulesInForce, type RulesInForce } from '../../core/rules/rules-in-force.js';
import type { DatedValue } from '../../core/rules/dated-parameter.js';
import { flag, optionalDate } from '../arguments.js';
import { EXIT_OK, type Command } from '../command.js';

export const rulesCommand: Command = {
  name: 'rules',
  summary: 'Vis reglerne (version, grænseværdier, frister, §§) der gælder på en dato',
  help: `Brug: tilsyn rules [--date ÅÅÅÅ-MM-DD] [--json]

Viser hvilken regelversion der er i kraft på datoen, og hver regelværdi med
dens hjemmel (bekendtgørelse, §, stk.).

Tilvalg:
  --date ÅÅÅÅ-MM-DD  datoen (standard: i dag)
  --json             skriv som JSON
  --help             vis denne hjælp`,
  options: { date: { type: 'string' }, json: { type: 'boolean' } },
  run(args, io) {
    const today = io.now();
    const date =
      optionalDate(args, 'date') ??
      isoDateOf(today.getFullYear(), today.getMonth() + 1, today.getDate());
    const rules = rulesInForce(date);
    io.stdout(flag(args, 'json') ? `${JSON.stringify(rules, null, 2)}\n` : describeRules(rules));
    return Promise.resolve(EXIT_OK);
  },
};

function describeRules(rules: RulesInForce): string {
  const line = (label: string, entry: DatedValue<unknown>, shown: string) =>
    `  ${label.padEnd(44)} ${shown.padEnd(22)} ${formatCitation(entry.source)}`;
  const requirements = rules.administrationRequirements.value;
  const sample = rules.sampleCaseReview.value;
  const grounding = rules.firstAssessmentYearGoalCanGround.value;
  return [
    `Regler i kraft ${rules.date}: ${rules.version.id} (${rules.version.instrument.citation}, i kraft ${rules.version.inForce})`,
    '',
    line(
      'Fokusmål tilbud: passivandel under',
      rules.goalThreshold.offers,
      `${rules.goalThreshold.offers.value} %`,
    ),
    line(
      'Timer ordinær beskæftigelse svarende til tilbud',
      rules.ordinaryWorkHoursForOffer,
      `${rules.ordinaryWorkHoursForOffer.value} timer`,
    ),
    line(
      'Fokusmål samtaler: passivandel under',
      rules.goalThreshold.conversations,
      `${rules.goalThreshold.conversations.value} %`,
    ),
    line(
      'Samtaler der kræves',
      rules.conversationsRequired,
      String(rules.conversationsRequired.value),
    ),
    line(
      'Første jobsamtale skal være personlig',
      rules.firstJobConversationInPerson,
      rules.firstJobConversationInPerson.value ? 'ja' : 'nej',
    ),
    line(
      '§ 91-tilbud tæller kun for',
      rules.section91OfferRecipients,
      rules.section91OfferRecipients.value?.join(', ') ?? 'alle',
    ),
    line(
      'Stikprøvegennemgang ved udvælgelse',
      rules.sampleCaseReview,
      sample
        ? `${sample.sharePercent} %, min ${sample.minimumPerType}, max ${sample.maximumTotal}`
        : 'nej',
    ),
    line(
      'Minimumskrav under administration',
      rules.administrationRequirements,
      `${requirements.offersMinimumSharePercent} % / ${requirements.conversationsMinimumSharePercent} %`,
    ),
    line(
      'Første opgørelsesår med udvælgelse',
      rules.firstAssessmentYearThatCanSelect,
      String(rules.firstAssessmentYearThatCanSelect.value ?? 'ingen grænse'),
    ),
    line(
      'Tilbud kan begrunde afgørelse fra år',
      rules.firstAssessmentYearGoalCanGround,
      String(grounding.offers ?? 'altid'),
    ),
    line(
      'Samtaler kan begrunde afgørelse fra år',
      rules.firstAssessmentYearGoalCanGround,
      String(grounding.conversations ?? 'altid'),
    ),
    line(
      'Redegørelse, måneder efter meddelelse',
      rules.accountDueMonths,
      String(rules.accountDueMonths.value),
    ),
    line(
      'Genopretningsperiode, måneder',
      rules.recoveryPeriodMonths,
      String(rules.recoveryPeriodMonths.value),
    ),
    line('Forlængelse, måneder', rules.extensionMonths, String(rules.extensionMonths.value)),
    line(
      'Mødeindkaldelse, mindste varsel i dage',
      rules.meetingMinimumNoticeDays,
      String(rules.meetingMinimumNoticeDays.value),
    ),
    '',
  ].join('\n');
}
