const FENCE = /(`{3,}|~{3,})[ \t]*([\w+#.-]*)[^\n]*\n([\s\S]*?)(?:\n[ \t]*\1[ \t]*(?=\n|$)|$)/g;
const JAVASCRIPT = new Set([
  "",
  "js",
  "javascript",
  "jsx",
  "mjs",
  "cjs",
  "node",
  "ts",
  "typescript",
]);
const DEFINES_SOLUTION = /\b(?:function\s+solution\s*\(|(?:const|let|var)\s+solution\s*=)/;
const CODE_START = /^[ \t]*(?:async\s+function|function|const|let|var|class|\/\/|\/\*)\b/m;

/**
 * Finds the program in a model's reply: a fenced block (```` ```js ````, ```` ```javascript ````,
 * ```` ``` ````, `~~~`, or one the model never closed), preferring the last block that
 * defines `solution`; else a bare program, from its first line of code. Blocks in other
 * languages (Python, JSON, shell) are passed over.
 *
 * @returns the program, or null when the reply has none.
 */
export function extractProgram(reply: string): string | null {
  const blocks = [...reply.matchAll(FENCE)]
    .filter((match) => JAVASCRIPT.has((match[2] ?? "").toLowerCase()))
    .map((match) => (match[3] ?? "").trim())
    .filter((code) => code !== "");

  if (blocks.length > 0) {
    return blocks.findLast((code) => DEFINES_SOLUTION.test(code)) ?? (blocks.at(-1) as string);
  }
  if (/(`{3,}|~{3,})/.test(reply)) return null;

  const start = CODE_START.exec(reply);
  if (!start || !DEFINES_SOLUTION.test(reply)) return null;
  return reply.slice(start.index).trim();
}
