/**
 * An explanation (measures.md § 10) as readable Danish text, for auditors,
 * job centres and the agency: the periods and spells, the duration with dead
 * and exempt days, the target-group verdict, the window, each conversation
 * and offer with the rule that decided it, the hours and the verdicts.
 */
import { formatDanishDate, isoDate } from '../calendar/iso-date.js';
import {
  BENEFIT_GROUP_LABELS,
  BENEFIT_TYPE_LABELS,
  type BenefitType,
} from '../domain/benefit-type.js';
import type { ConversationForm, ConversationKind, OfferType } from '../domain/events.js';
import type { RuleBook } from '../rules/rule-book.js';
import type {
  ExplainedConversation,
  ExplainedOffer,
  ExplainedPeriod,
  Explanation,
  JoinVerdict,
} from './explanation.js';

const KIND_LABELS: Readonly<Record<ConversationKind, string>> = {
  jobsamtale: 'jobsamtale',
  sygeopfoelgning: 'sygeopfølgningssamtale',
  other: 'anden samtale',
};

const FORM_LABELS: Readonly<Record<ConversationForm, string>> = {
  personligt: 'personligt fremmøde',
  telefon: 'telefonisk',
  digitalt: 'digitalt',
};

const OFFER_LABELS: Readonly<Record<OfferType, string>> = {
  virksomhedspraktik: 'virksomhedspraktik',
  loentilskud: 'ansættelse med løntilskud',
  nytteindsats: 'nytteindsats',
  vejledning_opkvalificering: 'vejledning og opkvalificering',
  oevrig_vejledning_opkvalificering: 'øvrig vejledning og opkvalificering (LAB § 91)',
  other: 'anden aktivitet',
};

const JOIN_LABELS: Readonly<Record<JoinVerdict, string>> = {
  first: 'første periode, nyt forløb',
  joined_same_type: 'samme ydelse, forløbet fortsætter',
  joined_continuation:
    'selvforsørgelsesydelse fortsætter i uddannelses-/kontanthjælp, forløbet fortsætter',
  new_type_change: 'ydelsesskift, nyt forløb',
  new_gap_too_long: 'for langt mellemrum, nyt forløb',
};

function date(text: string): string {
  return formatDanishDate(isoDate(text));
}

function number(value: number, decimals = 0): string {
  const fixed = value.toFixed(decimals);
  const [whole = '0', fraction] = fixed.split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return fraction === undefined ? grouped : `${grouped},${fraction}`;
}

function benefitLabel(benefit: BenefitType): string {
  return BENEFIT_TYPE_LABELS[benefit];
}

function periodLine(period: ExplainedPeriod, index: number): string {
  const span = `${period.from} – ${period.to ?? 'løbende'}`;
  const gap = period.gapBefore === null ? '' : `, mellemrum ${number(period.gapBefore)} dage`;
  const rule = period.rule === '' ? '' : `, jf. ${period.rule}`;
  return `  ${index + 1}. ${span.padEnd(25)} ${benefitLabel(period.benefit)}, kommune ${period.municipality} — forløb ${period.spell}: ${JOIN_LABELS[period.join]}${gap}${rule}`;
}

function conversationLine(book: RuleBook, conversation: ExplainedConversation): string {
  const what = `${KIND_LABELS[conversation.kind]}, ${FORM_LABELS[conversation.form]}${conversation.heldBy === 'akasse' ? ' (a-kasse)' : ''}`;
  let verdict: string;
  switch (conversation.status) {
    case 'counted':
      verdict = conversation.firstJobConversationOfSpell
        ? `tæller (forløbets første jobsamtale), jf. ${conversation.rule}`
        : 'tæller';
      break;
    case 'outside_window':
      verdict = 'uden for vinduet — tæller ikke';
      break;
    case 'kind_not_counted':
      verdict = `ikke en jobsamtale eller sygeopfølgningssamtale — tæller ikke, jf. ${conversation.rule}`;
      break;
    case 'first_not_in_person': {
      const inForce = book.entry(
        'focus.conversations.first_in_person',
        isoDate(conversation.date),
      ).from;
      verdict = `forløbets første jobsamtale, holdt ${FORM_LABELS[conversation.form]} på eller efter ${formatDanishDate(inForce)} — tæller ikke (skal holdes ved personligt fremmøde), jf. ${conversation.rule}`;
      break;
    }
  }
  return `  ${conversation.date}  ${what.padEnd(40)} ${verdict}`;
}

function offerLine(book: RuleBook, offer: ExplainedOffer): string {
  const span = `${offer.from} – ${offer.to ?? 'løbende'}`;
  let verdict: string;
  switch (offer.status) {
    case 'counted':
      verdict = 'overlapper vinduet — tæller';
      break;
    case 'outside_window':
      verdict = 'overlapper ikke vinduet — tæller ikke';
      break;
    case 'type_not_counted':
      verdict = `ikke et tilbud efter LAB kapitel 11–14 — tæller ikke, jf. ${offer.rule}`;
      break;
    case 'section_91_other_recipient': {
      const inForce = book.entry('focus.offers.section_91_recipients', isoDate(offer.from)).from;
      const benefit =
        offer.benefitOnStart === null
          ? 'ingen ydelse'
          : benefitLabel(offer.benefitOnStart).toLowerCase();
      verdict = `§ 91-tilbud startet på eller efter ${formatDanishDate(inForce)} til en modtager af ${benefit} — tæller kun for modtagere af uddannelseshjælp og overgangsydelse, jf. ${offer.rule}`;
      break;
    }
    case 'section_91_no_benefit':
      verdict = `§ 91-tilbud startet på en dag uden ydelsesperiode — tæller ikke, jf. ${offer.rule}`;
      break;
  }
  return `  ${span.padEnd(25)} ${OFFER_LABELS[offer.type].padEnd(48)} ${verdict}`;
}

/**
 * One line for the events outside the window, which cannot count: how many,
 * and from when to when. They are all in the JSON form.
 */
function notShown(what: string, dates: readonly string[]): string[] {
  if (dates.length === 0) return [];
  const sorted = [...dates].sort();
  return [
    `  (${number(dates.length)} ${what} uden for vinduet, ${sorted[0] ?? ''} … ${sorted[sorted.length - 1] ?? ''}, tæller ikke og vises ikke her; alle står i --json)`,
  ];
}

/** The explanation as Danish text. */
export function explanationText(book: RuleBook, explanation: Explanation): string {
  const lines: string[] = [];
  const rules = explanation.rules;
  lines.push(
    `Forklaring for ${explanation.month}: opgørelsesdato R = ${date(explanation.reference)}, regelversion ${explanation.ruleVersion}`,
    '',
    'Ydelsesperioder:',
  );
  if (explanation.periods.length === 0) lines.push('  ingen');
  explanation.periods.forEach((period, index) => lines.push(periodLine(period, index)));
  lines.push('', 'Forløb:');
  for (const spell of explanation.spells) {
    lines.push(
      `  Forløb ${spell.number}: ${spell.start} – ${spell.end ?? 'løbende'} (${spell.benefits.map(benefitLabel).join(', ')})`,
    );
  }
  lines.push('');
  if (
    explanation.periodAtReference === null ||
    explanation.benefit === null ||
    explanation.group === null
  ) {
    lines.push(
      'Ved R: ingen ydelsesperiode dækker R — personen er ikke i målgruppen for fokusmålene (betingelse 1: en periode skal dække R).',
      '',
    );
    return lines.join('\n');
  }
  lines.push(
    `Ved R: periode ${explanation.periodAtReference + 1} — ${benefitLabel(explanation.benefit)} (${BENEFIT_GROUP_LABELS[explanation.group]}), kommune ${explanation.municipality ?? ''}; forløb ${explanation.spell ?? ''} startet ${date(explanation.spellStart ?? explanation.reference)}`,
    `  Dage med ydelse i forløbet til og med R: ${number(explanation.coveredDays)}`,
  );
  const reasons = Object.entries(explanation.deadDays.byReason)
    .map(([reason, days]) => `${reason === 'covid19' ? 'COVID-19' : reason}: ${number(days)}`)
    .join(', ');
  lines.push(
    `  Døde dage: ${number(explanation.deadDays.total)}${reasons === '' ? '' : ` (${reasons})`}, jf. ${rules.sources.deadDays ?? ''}`,
    `  Varighed (tællende dage): ${number(explanation.countableDays)} — kræver mindst ${number(rules.minimumDurationDays)}, jf. ${rules.sources.minimumDuration ?? ''}`,
  );
  if (explanation.exemptSharePercent !== null) {
    lines.push(
      `  Fritagne dage: ${number(explanation.exemptDays)} = ${number(explanation.exemptSharePercent, 1)} % af varigheden — personen udgår ved ${number(rules.exemptionExclusionPercent)} % eller mere, jf. ${rules.sources.exemptionExclusion ?? ''}`,
    );
  }
  switch (explanation.targetGroup) {
    case 'too_short':
      lines.push('  → Ikke i målgruppen: forløbet er for kort.', '');
      break;
    case 'exempt_too_long':
      lines.push('  → Ikke i målgruppen: fritaget mindst halvdelen af forløbet.', '');
      break;
    case 'not_covered':
      lines.push('  → Ikke i målgruppen.', '');
      break;
    case 'in_target_group':
      lines.push('  → I målgruppen for fokusmålene.');
      break;
  }
  if (explanation.window === null) return lines.join('\n');
  lines.push(
    `  Vindue [W, R]: ${date(explanation.window.from)} – ${date(explanation.window.to)} (forløbets seneste ${number(rules.windowDays)} tællende dage, jf. ${rules.sources.window ?? ''})`,
    '',
    `Samtaler (kræver ${rules.conversationsRequired}, jf. ${rules.sources.conversationsRequired ?? ''}):`,
  );
  const window = explanation.window;
  if (explanation.conversations.length === 0) lines.push('  ingen');
  const shownConversations = explanation.conversations.filter(
    (conversation) =>
      (conversation.date >= window.from && conversation.date <= window.to) ||
      conversation.firstJobConversationOfSpell,
  );
  shownConversations.forEach((conversation) => lines.push(conversationLine(book, conversation)));
  lines.push(
    ...notShown(
      'samtaler',
      explanation.conversations
        .filter((conversation) => !shownConversations.includes(conversation))
        .map((conversation) => conversation.date),
    ),
  );
  lines.push(
    `  Talte samtaler i vinduet: ${explanation.conversationsCounted} → ${explanation.passiveForConversations === true ? 'PASSIV for samtaler' : 'ikke passiv for samtaler'}`,
    '',
    'Tilbud:',
  );
  if (explanation.offers.length === 0) lines.push('  ingen');
  const overlapsWindow = (offer: ExplainedOffer) =>
    offer.from <= window.to && (offer.to === null || offer.to >= window.from);
  explanation.offers.filter(overlapsWindow).forEach((offer) => lines.push(offerLine(book, offer)));
  lines.push(
    ...notShown(
      'tilbud',
      explanation.offers.filter((offer) => !overlapsWindow(offer)).map((offer) => offer.from),
    ),
  );
  lines.push(`  ${explanation.offerCounted ? 'Mindst ét tilbud tæller.' : 'Intet tilbud tæller.'}`);
  const hours = explanation.hours;
  if (hours !== null) {
    lines.push(
      `  Timer ordinær beskæftigelse ${hours.fromMonth} … ${hours.toMonth} (hele W's måned med; grænse ${number(hours.threshold)} timer, jf. ${rules.sources.hoursThreshold ?? ''}):`,
    );
    for (const month of hours.months) lines.push(`    ${month.month}: ${number(month.hours, 2)}`);
    lines.push(
      `    I alt ${number(hours.total, 2)} timer — ${hours.total < hours.threshold ? 'under grænsen' : 'på eller over grænsen'}`,
    );
  }
  lines.push(
    `  → ${explanation.passiveForOffers === true ? 'PASSIV for tilbud (intet tilbud og for få timer)' : 'ikke passiv for tilbud'}`,
    '',
  );
  return lines.join('\n');
}
