/**
 * The question navigator's state: for each question whether it is answered, flagged or the one
 * on screen. Said in words as well as colours (WCAG 1.4.1), so the labels come from here too.
 */

/** Whether an answer counts as given: null, empty text, an empty list or an object of empties do not. */
export function isAnswered(answer: unknown): boolean {
  if (answer === null || answer === undefined) return false;
  if (typeof answer === 'string') return answer.trim() !== '';
  if (typeof answer === 'number') return Number.isFinite(answer);
  if (typeof answer === 'boolean') return true;
  if (Array.isArray(answer)) return answer.some(isAnswered);
  if (typeof answer === 'object') return Object.values(answer as Record<string, unknown>).some(isAnswered);
  return false;
}

export interface NavItem {
  slot: number;
  /** 1-based number shown to the learner. */
  number: number;
  answered: boolean;
  flagged: boolean;
  current: boolean;
}

export function navigatorItems(
  slots: number[],
  answers: Record<number, unknown>,
  flags: Record<number, boolean>,
  currentSlot: number,
): NavItem[] {
  return slots.map((slot, i) => ({
    slot,
    number: i + 1,
    answered: isAnswered(answers[slot]),
    flagged: !!flags[slot],
    current: slot === currentSlot,
  }));
}

/** What the submit confirmation lists: numbers of the unanswered and of the flagged questions. */
export function openQuestions(items: NavItem[]): { unanswered: number[]; flagged: number[] } {
  return {
    unanswered: items.filter((i) => !i.answered).map((i) => i.number),
    flagged: items.filter((i) => i.flagged).map((i) => i.number),
  };
}
