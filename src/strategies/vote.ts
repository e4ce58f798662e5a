import { normalizeAnswer } from "../answers/index.js";

/** The votes one answer got. */
export interface Vote {
  /** The answer as the first sample that gave it wrote it. */
  answer: string;
  /** The form answers were compared in. */
  normalized: string;
  count: number;
  /** Which samples gave it, by position. */
  samples: number[];
}

/**
 * Counts answers that mean the same (`$18`, `18.00` and `18 dollars` are one answer),
 * most votes first. A tie goes to the answer a sample gave first, so the same samples
 * always give the same winner. Samples without an answer do not vote.
 */
export function vote(answers: readonly (string | null)[]): Vote[] {
  const votes = new Map<string, Vote>();
  answers.forEach((answer, index) => {
    if (answer === null) return;
    const normalized = normalizeAnswer(answer);
    const existing = votes.get(normalized);
    if (existing) {
      existing.count += 1;
      existing.samples.push(index);
    } else {
      votes.set(normalized, { answer, normalized, count: 1, samples: [index] });
    }
  });
  return [...votes.values()].sort(
    (a, b) => b.count - a.count || (a.samples[0] ?? 0) - (b.samples[0] ?? 0),
  );
}
