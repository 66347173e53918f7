/**
 * The § each decision and each duty cites, per version: one node per kind,
 * whose value is the § ("§ 6, stk. 1") and whose source quotes it. Bek. nr.
 * 301 of 2023 renumbered the order of 2019 when it removed the sample case
 * review (§ 8); bek. nr. 564 of 2021 amends 1409 and keeps its numbering.
 *
 * Bek. nr. 1409 (v2019): § 6 selection, § 7 account, § 8 sample case review,
 * § 9 political meeting, § 10 meeting with the agency and assistance, § 11
 * end, § 12 extension, § 13 administration, § 14 end of administration.
 * Bek. nr. 301 (v2023): § 6 selection, § 7 account, § 8 meeting, § 9
 * assistance, § 10 end, § 11 extension, § 12 administration, § 13 end of
 * administration.
 */
import {
  BEK_1409_2019,
  BEK_301_2023,
  LBK_ORGANISERING_2023,
  cite,
  formatParagraph,
  fortolkning,
  type Citation,
  type LegalSource,
} from '../legal-source.js';
import { ruleNode, type RuleNodeDefinition, type RuleValueDefinition } from '../rule-node.js';
import type { RuleVersionId } from '../rule-version.js';
import { PARAGRAPH } from '../value-types.js';

const P1409 = (paragraph: string, quote?: string, stk?: number, nr?: number): Citation =>
  cite(BEK_1409_2019, paragraph, {
    ...(stk === undefined ? {} : { stk }),
    ...(nr === undefined ? {} : { nr }),
    ...(quote === undefined ? {} : { quote }),
  });
const P301 = (paragraph: string, quote?: string, stk?: number, nr?: number): Citation =>
  cite(BEK_301_2023, paragraph, {
    ...(stk === undefined ? {} : { stk }),
    ...(nr === undefined ? {} : { nr }),
    ...(quote === undefined ? {} : { quote }),
  });

/** A value of a decision node: the § its source cites (or `value` when the source is not a citation). */
function basis(
  since: RuleVersionId,
  source: LegalSource,
  value: string | null = formatParagraph(source),
): RuleValueDefinition<string | null> {
  return { since, value, source };
}

function decisionNode(
  label: string,
  values: readonly RuleValueDefinition<string | null>[],
): RuleNodeDefinition<string | null> {
  return ruleNode<string | null>({
    area: 'decisions',
    label,
    stage: 'lifecycle',
    type: PARAGRAPH,
    values,
  });
}

/**
 * Bek. nr. 301 has no sample case review: the law's § 22 c, as amended by
 * lov nr. 295 (in force the same day), asks only for the account and plan.
 */
const NO_SAMPLE_REVIEW = cite(LBK_ORGANISERING_2023, '§ 22 c', {
  quote:
    'En kommune, der er omfattet af et skærpet tilsyn, jf. § 22 b, skal sende en redegørelse til beskæftigelsesministeren om, hvilke initiativer kommunen har iværksat eller vil iværksætte for at leve op til de fastsatte fokusmål, og en plan for, hvornår målene vil være nået.',
  note: 'As amended by lov nr. 295 af 20. marts 2023 the law no longer requires an independent case review at selection (the 2019 text did: vejledningen til bek. nr. 1409, seed 004, "skal få foretaget og afholde udgifterne til en uvildig sagsgennemgang"); bek. nr. 301 has none.',
});

export const DECISION_NODES = {
  /** Selection (§ 6, stk. 1). */
  'decisions.selected': decisionNode('Udvælgelse til skærpet tilsyn', [
    basis('v2019', {
      ...P1409(
        '§ 6',
        'en kommune bliver omfattet af skærpet tilsyn, hvis kommunens faktiske ydelsesgrad overstiger kommunens forventede ydelsesgrad, og fokusmålene i § 5 ikke er opfyldt ved den årlige opgørelse af kommunernes indsats',
        1,
      ),
      note: 'Vejledningen til § 6, stk. 1 (seed 004).',
    }),
    basis(
      'v2023',
      P301(
        '§ 6',
        'En kommune bliver omfattet af skærpet tilsyn, hvis kommunens faktiske ydelsesgrad overstiger kommunens forventede ydelsesgrad, og de i § 5 nævnte fokusmål ikke er opfyldt ved den årlige opgørelse af kommunernes indsats',
        1,
      ),
    ),
  ]),

  /** Not selected (§ 6, stk. 1, read the other way). */
  'decisions.stays_out': decisionNode('Ikke udvalgt', [
    basis('v2019', P1409('§ 6', undefined, 1)),
    basis('v2023', P301('§ 6', undefined, 1)),
  ]),

  /** The notice of selection (§ 6, stk. 2). */
  'decisions.notice': decisionNode('Meddelelse om skærpet tilsyn', [
    basis('v2019', {
      ...P1409(
        '§ 6',
        'skal Beskæftigelsesministeriet hvert år inden udgangen af april give skriftlig meddelelse til de kommuner, der bliver omfattet af skærpet tilsyn, og om kravene til kommunen i den forbindelse',
        2,
      ),
      note: 'Vejledningen til § 6, stk. 2 (seed 004).',
    }),
    basis(
      'v2023',
      P301(
        '§ 6',
        'Beskæftigelsesministeriet sender hvert år inden udgangen af april meddelelse til kommuner, der omfattes af det skærpede tilsyn, og om kravene til kommunen som følge heraf',
        2,
      ),
    ),
  ]),

  /** The account and recovery plan (§ 7). */
  'decisions.account': decisionNode('Redegørelse og genopretningsplan', [
    basis('v2019', P1409('§ 7', 'senest 3 måneder efter, at kommunen har modtaget meddelelse')),
    basis(
      'v2023',
      P301(
        '§ 7',
        'Kommunen skal senest 3 måneder efter modtagelsen af meddelelse om skærpet tilsyn, jf. § 6, stk. 2, skriftligt redegøre over for Beskæftigelsesministeriet',
      ),
    ),
  ]),

  /** The independent sample case review at selection (2019 § 8); none from 2023. */
  'decisions.sample_review': decisionNode('Uvildig stikprøvegennemgang ved udvælgelse', [
    basis(
      'v2019',
      P1409(
        '§ 8',
        '15 pct. af sagerne i hver ydelsesgruppe, hvor fokusmålene ikke var opfyldt, dog minimum 20 sager fra hver ydelsesgruppe og højst 300 sager i alt',
        2,
      ),
    ),
    basis('lov2023', NO_SAMPLE_REVIEW, null),
  ]),

  /** The minister's meeting (2019 § 9, inferred; 2023 § 8). */
  'decisions.meeting': decisionNode('Politisk møde med ministeren', [
    basis(
      'v2019',
      fortolkning(
        'The guidance to bek. nr. 1409 (seed 004) describes the minister\'s meeting ("Politisk opfølgning") between § 8 and § 10 without naming its §; it names §§ 6–8 and 10–14, so the meeting is read as § 9. The order\'s own text is not among the sources.',
        'regime.md § 3',
        'bek. nr. 1409 § 9, udledt af vejledningen',
      ),
      '§ 9',
    ),
    basis('v2023', P301('§ 8', 'Mødet indkaldes med mindst en uges varsel.')),
  ]),

  /** The agency's professional assistance (2019 § 10, 2023 § 9). */
  'decisions.assistance': decisionNode(
    'Faglig bistand fra Styrelsen for Arbejdsmarked og Rekruttering',
    [
      basis(
        'v2019',
        P1409(
          '§ 10',
          'der afholdes et møde mellem kommunen og Styrelsen for Arbejdsmarked og Rekruttering, efter at kommunen har afgivet sin redegørelse, og at styrelsen yder faglig bistand',
        ),
      ),
      basis(
        'v2023',
        P301(
          '§ 9',
          'Efter kommunens afgivelse af redegørelsen, jf. § 7, yder Styrelsen for Arbejdsmarked og Rekruttering faglig bistand.',
        ),
      ),
    ],
  ),

  /** End of supervision when the goals are met at the next assessment (2019 § 11, 2023 § 10). */
  'decisions.supervision_ends': decisionNode('Skærpet tilsyn ophører', [
    basis(
      'v2019',
      P1409(
        '§ 11',
        'det skærpede tilsyn ophører, hvis kommunen ved den næste årlige opgørelse af kommunernes beskæftigelsesindsats har forbedret indsatsen tilstrækkeligt til at leve op til fokusmålene',
      ),
    ),
    basis(
      'v2023',
      P301(
        '§ 10',
        'forbedret indsatsen tilstrækkeligt til, at kommunen lever op til fokusmålene i § 5, meddeler Beskæftigelsesministeriet, at kommunen ikke længere er omfattet af skærpet tilsyn',
      ),
    ),
  ]),

  /** Extension of the recovery period (2019 § 12, 2023 § 11, 1. pkt.). */
  'decisions.extended': decisionNode('Genopretningsperioden forlænges', [
    basis(
      'v2019',
      P1409(
        '§ 12',
        'genopretningsperioden forlænges med 12 måneder, hvis kommunen har opnået mindst halvdelen af den påkrævede fremgang for at leve op til fokusmålene',
      ),
    ),
    basis(
      'v2023',
      P301(
        '§ 11',
        'ikke lever fuldt ud op til fokusmålene i § 5, men har opnået mindst halvdelen af den påkrævede fremgang i indsatsen, meddeler Beskæftigelsesministeriet, at kommunen får forlænget genopretningsperioden med yderligere 12 måneder',
      ),
    ),
  ]),

  /** End of supervision at the assessment after an extension (2023 § 11, 2. pkt.). */
  'decisions.extension_ends': decisionNode('Skærpet tilsyn ophører efter forlængelsen', [
    basis('v2019', {
      ...P1409('§ 12'),
      note: 'The guidance (seed 004) quotes only the extension itself; like bek. nr. 301 § 11, 2. pkt., § 12 ends the supervision when the goals are met at the assessment after the extension.',
    }),
    basis(
      'v2023',
      P301(
        '§ 11',
        'Lever kommunen derefter op til fokusmålene ved den næste årlige opgørelse, jf. § 2, meddeler Beskæftigelsesministeriet, at kommunen ikke længere er omfattet af skærpet tilsyn.',
      ),
    ),
  ]),

  /** Administration: minimum requirements (2019 § 13, 2023 § 12, stk. 1, nr. 1). */
  'decisions.administration': decisionNode('Kommunen sættes under administration', [
    basis(
      'v2019',
      P1409(
        '§ 13',
        'skal give mindst 1 tilbud og 4 samtaler årligt til mindst 80 pct. af den samlede gruppe af ydelsesmodtagere',
        1,
        1,
      ),
    ),
    basis(
      'v2023',
      P301(
        '§ 12',
        'Jobcenteret med virkning fra den efterfølgende måned skal give mindst 1 beskæftigelsesrettet tilbud årligt til mindst 70 pct. og 4 samtaler årligt til mindst 80 pct.',
        1,
        1,
      ),
    ),
  ]),

  /** The review of all passive cases (2019 § 13, 2023 § 12, stk. 1, nr. 2). */
  'decisions.passive_case_review': decisionNode('Uvildig gennemgang af alle passivsager', [
    basis(
      'v2019',
      P1409(
        '§ 13',
        'den uvildige sagsgennemgang skal omfatte alle kommunens sager, hvor fokusmålenes minimumskrav ikke var opfyldt ved udgangen af december i opgørelsesåret',
        1,
        2,
      ),
    ),
    basis(
      'v2023',
      P301(
        '§ 12',
        'Sagsgennemgangen skal omfatte alle sager, hvor fokusmålenes minimumskrav til indsats, jf. § 5, ikke er opfyldt ved udgangen af december måned i opgørelsesåret.',
        1,
        2,
      ),
    ),
  ]),

  /** Administration continues with a new review each year (2019 § 13, 2023 § 12, stk. 1, nr. 2). */
  'decisions.administration_continues': decisionNode('Fortsat under administration', [
    basis(
      'v2019',
      P1409(
        '§ 13',
        'Kommunens forpligtelse til at få gennemgået samtlige passivsager gælder hvert år, indtil fokusmålene er opfyldt.',
        1,
        2,
      ),
    ),
    basis(
      'v2023',
      P301(
        '§ 12',
        'Kommunen skal hvert år få foretaget en uvildig gennemgang af sager for de ydelsesgrupper, jf. § 2, stk. 2, hvor kommunen fortsat ikke lever op til de fastsatte fokusmål.',
        1,
        2,
      ),
    ),
  ]),

  /** End of administration (2019 § 14, 2023 § 13). */
  'decisions.administration_ends': decisionNode('Administration ophører', [
    basis(
      'v2019',
      P1409(
        '§ 14',
        'når fokusmålene er opfyldt ved den samlede, årlige opgørelse, så ophører både det særlige krav til indsatsen og kravet om en årlig gennemgang af passivsager',
      ),
    ),
    basis(
      'v2023',
      P301(
        '§ 13',
        'ophører, når det ved den årlige opgørelse af kommunernes beskæftigelsesindsats […] kan konstateres, at kommunen lever op til fokusmålene, jf. § 5',
      ),
    ),
  ]),

  /**
   * A decision the system does not take (issue 9 § 4): a grounding focus
   * goal that cannot be measured, or a baseline that was not recorded,
   * leaves the decision to a person. No § of the rules: `null`, with the
   * reasoning.
   */
  'decisions.requires_judgement': decisionNode('Kræver vurdering', [
    basis(
      'v2019',
      fortolkning(
        'The rules end supervision and administration only when it "kan konstateres, at kommunen lever op til fokusmålene" (bek. nr. 301 § 13; §§ 10 and 11 likewise require that the municipality lives up to the goals at the assessment), and they extend a recovery period only when at least half the required improvement is reached (§ 11) — which needs the measure at selection. When a goal that can ground the decision is not measured, or the baseline was not recorded, and the figures that are known do not settle the decision, the rules cannot be applied to the data: the system names the possible decisions and the reason, and a person decides.',
        'issue 9 § 4',
        'ingen hjemmel til en automatisk afgørelse uden tal; en person afgør',
      ),
      null,
    ),
  ]),
};
