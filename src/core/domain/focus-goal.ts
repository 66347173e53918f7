/**
 * The two focus goals, bek. nr. 301 af 20/03/2023 § 5 (bek. nr. 1409 af
 * 16/12/2019 § 5): nr. 1 offers (beskæftigelsesrettede tilbud or hours of
 * ordinary work), nr. 2 conversations.
 */

export const FOCUS_GOALS = ['offers', 'conversations'] as const;

export type FocusGoal = (typeof FOCUS_GOALS)[number];

export function isFocusGoal(value: string): value is FocusGoal {
  return (FOCUS_GOALS as readonly string[]).includes(value);
}

export const FOCUS_GOAL_LABELS: Readonly<Record<FocusGoal, string>> = {
  offers: 'Tilbud mv.',
  conversations: 'Samtaler',
};
