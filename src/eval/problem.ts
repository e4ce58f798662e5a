/** One question to evaluate on, with its gold answer. */
export interface Problem {
  /** Stable across runs, so a resumed run recognizes what is done (`test.jsonl:12`). */
  id: string;
  question: string;
  /** The gold answer, as the dataset states it (`18`, `3/4`, `Paris`). */
  answer: string;
}
