/** Where a template failed to parse, and why, in words a prompt author can act on. */
export interface SyntaxLocation {
  line: number;
  column: number;
  reason: string;
  /** Whether the parser choked on braces, where a literal `{{` may be the cause. */
  braces: boolean;
}

const PARSE_ERROR = /^(?:Parse|Lexical) error on line (\d+)/;
const GOT_TOKEN = /got '([A-Z_]+|\w+)'/;
const LOCATED = / - (\d+):(\d+)$/;

const TOKENS: Record<string, string> = {
  CLOSE: "'}}'",
  CLOSE_UNESCAPED: "'}}}'",
  CLOSE_RAW_BLOCK: "'}}}}'",
  OPEN: "'{{'",
  OPEN_BLOCK: "'{{#'",
  OPEN_ENDBLOCK: "'{{/'",
  OPEN_INVERSE: "'{{^'",
  OPEN_PARTIAL: "'{{>'",
  OPEN_UNESCAPED: "'{{{'",
  INVALID: "a character that cannot appear inside {{ }}",
  EOF: "end of template",
  CONTENT: "text",
};

/**
 * Finds the line and column of a Handlebars parse or compile error in `source`.
 * Compile errors carry both; parse errors give the line and a snippet with a caret,
 * which is matched against that line to recover the column.
 */
export function locateSyntaxError(source: string, error: Error): SyntaxLocation {
  const located = error as Error & { lineNumber?: number; column?: number };
  if (typeof located.lineNumber === "number") {
    const reason = compileReason(error.message.replace(LOCATED, ""));
    return { line: located.lineNumber, column: (located.column ?? 0) + 1, reason, braces: false };
  }

  const [firstLine = "", snippet = "", caret = ""] = error.message.split("\n");
  const line = Number(PARSE_ERROR.exec(firstLine)?.[1] ?? 1);
  const sourceLine = source.split("\n")[line - 1] ?? "";
  const column = columnOf(sourceLine, snippet, caret.indexOf("^")) + 1;
  return { line, column, reason: reasonOf(error.message), braces: true };
}

/**
 * The parser's snippet is the last characters it consumed (newlines dropped, "..." in
 * front when cut) then the next ones, with the caret between. The column is where the
 * consumed part ends on the failing line.
 */
function columnOf(sourceLine: string, snippet: string, caretIndex: number): number {
  if (caretIndex < 0) return 0;
  const consumed = snippet.slice(0, caretIndex).replace(/^\.\.\./, "");
  const upcoming = snippet.slice(caretIndex);

  for (let column = sourceLine.length; column >= 0; column--) {
    const before = sourceLine.slice(0, column);
    const endsRight = consumed.endsWith(before) || before.endsWith(consumed);
    const after = sourceLine.slice(column);
    const startsRight = upcoming.startsWith(after) || after.startsWith(upcoming);
    if (endsRight && startsRight) return column;
  }
  return Math.min(consumed.length, sourceLine.length);
}

function reasonOf(message: string): string {
  const token = GOT_TOKEN.exec(message)?.[1];
  if (message.startsWith("Lexical")) return "unrecognized text inside {{ }}";
  if (token === "EOF") return "the template ends inside a block; close it with {{/...}}";
  if (token === "CLOSE_UNESCAPED") {
    return `unexpected '}}}'; a } right after an expression is written {{"}"}}`;
  }
  return token === undefined
    ? (message.split("\n")[0] ?? message)
    : `unexpected ${TOKENS[token] ?? token}`;
}

const UNKNOWN_HELPER = /used the unknown helper (\S+)/;

function compileReason(message: string): string {
  const helper = UNKNOWN_HELPER.exec(message)?.[1];
  if (helper === undefined) return message;
  return (
    `unknown helper '${helper}'. Helpers: json, join, numbered, indent, trim, eq, ` +
    "and Handlebars' if, unless, each, with, lookup"
  );
}
