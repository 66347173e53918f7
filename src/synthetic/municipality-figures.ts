/**
 * Approximate real figures behind the synthetic municipalities.
 *
 * `residents` is the number of residents aged 16–66 around 2020, rounded to
 * hundreds. The figures are the author's approximation of Statistics
 * Denmark's FOLK1A (population by municipality and age), not an official
 * extract: close enough that municipalities are sized like the real ones
 * (København ≈ 460 000 … Læsø ≈ 1 000; Denmark ≈ 3.7 million).
 *
 * `urbanity` (0 rural island … 1 capital) and `deprivation` (−2 affluent …
 * +2 deprived) are a rough classification by the author, used only to draw
 * the synthetic framework conditions (framework-conditions.ts): they are not
 * statistics. `jobHub` marks municipalities with many more jobs than
 * residents (airport, large employers).
 */
import type { MunicipalityCode } from '../core/domain/municipality.js';

export interface MunicipalityFigures {
  readonly code: MunicipalityCode;
  readonly residents: number;
  readonly urbanity: number;
  readonly deprivation: number;
  readonly jobHub?: number;
}

const figure = (
  code: number,
  residents: number,
  urbanity: number,
  deprivation: number,
  jobHub?: number,
): MunicipalityFigures => ({
  code,
  residents,
  urbanity,
  deprivation,
  ...(jobHub === undefined ? {} : { jobHub }),
});

/** The 98 municipalities, in code order. */
export const MUNICIPALITY_FIGURES: readonly MunicipalityFigures[] = [
  figure(101, 460_000, 1.0, 0.3, 0.12),
  figure(147, 75_000, 1.0, -0.6),
  figure(151, 31_000, 0.8, 0.3, 0.2),
  figure(153, 23_000, 0.85, 1.6),
  figure(155, 8_700, 0.6, -1.4),
  figure(157, 45_000, 0.85, -2.0),
  figure(159, 45_500, 0.85, 0.1),
  figure(161, 15_000, 0.85, 0.3, 0.35),
  figure(163, 18_500, 0.8, 0.4),
  figure(165, 18_500, 0.8, 1.3),
  figure(167, 35_000, 0.85, 0.4),
  figure(169, 33_000, 0.75, 0.9, 0.2),
  figure(173, 37_000, 0.8, -1.6),
  figure(175, 26_000, 0.85, 0.4),
  figure(183, 15_000, 0.8, 1.6),
  figure(185, 27_500, 0.8, 0.0, 0.3),
  figure(187, 10_400, 0.75, -0.6),
  figure(190, 25_000, 0.65, -1.4),
  figure(201, 15_500, 0.55, -1.6),
  figure(210, 25_000, 0.55, -0.2),
  figure(217, 38_000, 0.65, 0.5),
  figure(219, 32_000, 0.6, -0.5),
  figure(223, 14_000, 0.7, -1.9),
  figure(230, 33_500, 0.7, -2.0),
  figure(240, 27_000, 0.5, -1.2),
  figure(250, 27_500, 0.45, 0.1),
  figure(253, 31_000, 0.7, -0.3),
  figure(259, 38_500, 0.6, 0.2),
  figure(260, 18_500, 0.4, 1.0),
  figure(265, 57_000, 0.65, -0.6),
  figure(269, 14_300, 0.6, -1.3),
  figure(270, 24_500, 0.35, -0.3),
  figure(306, 19_000, 0.2, 1.2),
  figure(316, 45_000, 0.45, 0.5),
  figure(320, 22_500, 0.3, 0.5),
  figure(326, 30_000, 0.35, 0.9),
  figure(329, 22_500, 0.45, 0.4),
  figure(330, 50_000, 0.5, 1.0),
  figure(336, 13_500, 0.25, 0.3),
  figure(340, 18_600, 0.35, 0.4),
  figure(350, 17_000, 0.3, -1.1),
  figure(360, 24_500, 0.2, 2.0),
  figure(370, 52_000, 0.5, 0.7),
  figure(376, 36_000, 0.3, 1.4),
  figure(390, 27_000, 0.25, 1.1),
  figure(400, 23_500, 0.25, 1.0),
  figure(410, 24_500, 0.4, -0.5),
  figure(420, 25_000, 0.25, 0.3),
  figure(430, 31_500, 0.3, 0.5),
  figure(440, 14_400, 0.3, 0.5),
  figure(450, 20_000, 0.35, 0.6),
  figure(461, 141_000, 0.85, 0.9, 0.08),
  figure(479, 36_000, 0.45, 0.7),
  figure(480, 18_000, 0.25, 0.3),
  figure(482, 7_000, 0.1, 1.8),
  figure(492, 3_300, 0.05, 0.6),
  figure(510, 35_000, 0.4, 0.4),
  figure(530, 17_000, 0.3, -1.3, 0.4),
  figure(540, 46_000, 0.45, 0.3),
  figure(550, 23_000, 0.2, 0.4),
  figure(561, 75_000, 0.65, 0.5, 0.05),
  figure(563, 1_900, 0.15, -0.2),
  figure(573, 31_000, 0.25, -0.7),
  figure(575, 27_000, 0.25, -0.3),
  figure(580, 36_500, 0.35, 0.4),
  figure(607, 32_500, 0.55, 0.5, 0.1),
  figure(615, 59_000, 0.6, 0.1),
  figure(621, 60_500, 0.6, -0.3, 0.1),
  figure(630, 74_000, 0.55, -0.3, 0.05),
  figure(657, 56_000, 0.5, -0.4, 0.1),
  figure(661, 37_000, 0.45, 0.0),
  figure(665, 12_000, 0.15, -0.6),
  figure(671, 12_600, 0.3, 0.2),
  figure(706, 26_000, 0.25, -0.1),
  figure(707, 22_500, 0.25, 0.9),
  figure(710, 30_000, 0.35, -1.0),
  figure(727, 14_000, 0.35, -0.5),
  figure(730, 62_500, 0.55, 0.6),
  figure(740, 59_500, 0.5, -0.5),
  figure(741, 2_000, 0.05, 0.3),
  figure(746, 39_500, 0.45, -1.2),
  figure(751, 249_000, 0.9, 0.1, 0.1),
  figure(756, 26_000, 0.35, -0.3),
  figure(760, 34_500, 0.2, -0.9),
  figure(766, 29_000, 0.3, -0.7),
  figure(773, 11_800, 0.2, 0.8),
  figure(779, 28_000, 0.3, 0.3),
  figure(787, 26_500, 0.2, 0.1),
  figure(791, 61_000, 0.45, -0.3),
  figure(810, 22_300, 0.3, 0.3),
  figure(813, 35_000, 0.35, 0.9),
  figure(820, 22_000, 0.2, 0.5),
  figure(825, 1_000, 0.05, 0.6),
  figure(840, 19_000, 0.3, -0.6),
  figure(846, 25_500, 0.3, 0.4),
  figure(849, 23_500, 0.2, 0.4),
  figure(851, 148_000, 0.8, 0.4, 0.05),
  figure(860, 39_500, 0.35, 0.5),
];

/** The figures of one municipality; throws for a code not in the table. */
export function figuresOf(code: MunicipalityCode): MunicipalityFigures {
  const found = MUNICIPALITY_FIGURES.find((entry) => entry.code === code);
  if (!found) throw new RangeError(`No figures for municipality ${code}`);
  return found;
}
