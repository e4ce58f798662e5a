const THINKING = /<think>[\s\S]*?(<\/think>|$)/gi;

// A model that keeps writing after its answer often invents the next question; what
// follows such a line is not part of this answer.
const RUN_ON = /\n[ \t]*(?:Q|Question|Problem|Human|User)\s*\d*\s*[:.]/;

const NUMBER = String.raw`[-−–]?\$?\s?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:\s*\/\s*\d+)?%?`;

/** Answer markers, strongest first; each captures the answer that follows it. */
const MARKERS: RegExp[] = [
  /\\boxed\{((?:[^{}]|\{[^{}]*\})*)\}/g,
  /####\s*([^\n]+)/g,
  /\b(?:the\s+)?(?:final\s+)?answer\s+is\s*[:：]?\s*([^\n]+)/gi,
  /(?:^|\n)\s*(?:\*\*)?(?:final\s+)?answer(?:\*\*)?\s*[:：]\s*(?:\*\*)?([^\n]+)/gi,
  /(?:^|\n)\s*A\s*:\s*([^\n]+)/g,
];

const BOLD_NUMBER = new RegExp(String.raw`\*\*\s*(${NUMBER})\s*\*\*`, "g");
const ANY_NUMBER = new RegExp(NUMBER, "g");

/**
 * Finds the final answer in a model's reply. In order: `\boxed{X}`, `#### X`, "The
 * (final) answer is X", "Answer: X", "A: X", a bolded number, then the last number. A
 * thinking model's `<think>...</think>` section is ignored, and so is anything after a
 * question the model went on to invent ("Q: ..."). The answer comes back as written
 * (`$1,250.50`); `normalizeAnswer` makes it comparable.
 *
 * @returns the answer, or null when the reply has none.
 * @example
 * ```ts
 * extractAnswer("6 * 7 = 42.\nThe answer is 42."); // "42"
 * extractAnswer("I am not sure."); // null
 * ```
 */
export function extractAnswer(text: string): string | null {
  const reply = cutRunOn(text.replace(THINKING, ""));

  for (const marker of MARKERS) {
    const found = lastMatch(marker, reply);
    if (found !== undefined) return cleanAnswer(found) || null;
  }

  const bold = lastMatch(BOLD_NUMBER, reply);
  if (bold !== undefined) return cleanAnswer(bold);
  const number = lastMatch(ANY_NUMBER, reply, 0);
  return number === undefined ? null : cleanAnswer(number);
}

function cutRunOn(text: string): string {
  const runOn = RUN_ON.exec(text);
  return runOn && runOn.index > 0 ? text.slice(0, runOn.index) : text;
}

function lastMatch(pattern: RegExp, text: string, group = 1): string | undefined {
  let last: string | undefined;
  for (const match of text.matchAll(pattern)) {
    const value = match[group];
    if (value !== undefined && value.trim() !== "") last = value;
  }
  return last;
}

/** The answer without the sentence around it: markup, a trailing period, "(...)". */
function cleanAnswer(raw: string): string {
  let answer = raw
    .replace(/\*\*/g, "")
    .replace(/\\text\{([^}]*)\}/g, "$1")
    .replace(/\\\$/g, "$")
    .trim();

  // "42. I checked it by..." keeps "42"; "$18.50." keeps "$18.50".
  const sentenceEnd = /^(.*?\d|[^.]*?)\.(?:\s|$)/.exec(answer);
  if (sentenceEnd?.[1] !== undefined) answer = sentenceEnd[1];
  return answer.replace(/[.,;:!]+$/, "").trim();
}
