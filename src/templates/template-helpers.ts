/** What a helper receives: its arguments, its `key=value` options, and its block. */
export interface HelperCall {
  args: unknown[];
  hash: Record<string, unknown>;
  /** Renders the block's body, for a helper used as `{{#helper}}...{{/helper}}`. */
  block?: () => string;
}

/** A template helper: called with the evaluated arguments, returns what to write. */
export type Helper = (call: HelperCall) => unknown;

/**
 * A helper was used wrongly (a list helper given text, say); the message starts with the
 * helper's name. The compiled template turns this into a {@link TemplateError} with its
 * name, line and column.
 */
export class HelperFailure extends Error {
  override name = "HelperFailure";
}

/**
 * The helpers every template can use, besides the built-in blocks `#if`, `#unless`,
 * `#each` and `#with`:
 *
 * - `{{json value}}`: the value as JSON, indented 2 spaces (`indent=0` for one line).
 * - `{{join list}}`: the items joined by ", " (or by the second argument).
 * - `{{numbered list}}`: "1. first", "2. second", one per line (`start=0` to count from 0).
 * - `{{indent text 4}}` or `{{#indent 4}}...{{/indent}}`: every non-empty line indented.
 * - `{{trim text}}` or `{{#trim}}...{{/trim}}`: leading and trailing whitespace removed.
 * - `(eq a b)`, `(ne a b)`, `(not a)`, `(and a b)`, `(or a b)`: for `{{#if}}` conditions.
 */
export const TEMPLATE_HELPERS: Readonly<Record<string, Helper>> = Object.freeze({
  json: ({ args: [value], hash }) => {
    if (value === undefined) throw new HelperFailure("json needs a value to write");
    return JSON.stringify(value, null, numberOption("json", hash, "indent", 2));
  },

  join: ({ args: [list, separator = ", "] }) => listOf("join", list).join(String(separator)),

  numbered: ({ args: [list], hash }) => {
    const start = numberOption("numbered", hash, "start", 1);
    return listOf("numbered", list)
      .map((item, index) => `${index + start}. ${item}`)
      .join("\n");
  },

  indent: ({ args, block }) => {
    const [text, spaces = 2] = block ? [block(), args[0] ?? 2] : args;
    return String(text ?? "").replace(/^(?=.)/gm, " ".repeat(Number(spaces)));
  },

  trim: ({ args, block }) => String(block ? block() : (args[0] ?? "")).trim(),

  eq: ({ args: [left, right] }) => left === right,
  ne: ({ args: [left, right] }) => left !== right,
  not: ({ args: [value] }) => !isTruthy(value),
  and: ({ args }) => args.every(isTruthy),
  or: ({ args }) => args.some(isTruthy),
});

/**
 * Truth as Handlebars' `#if` sees it: `false`, `undefined`, `null`, `""`, `0` and an
 * empty list are false.
 */
export function isTruthy(value: unknown): boolean {
  return Array.isArray(value) ? value.length > 0 : Boolean(value);
}

function listOf(helper: string, value: unknown): string[] {
  if (!Array.isArray(value)) {
    throw new HelperFailure(`${helper} expects a list; got ${describe(value)}`);
  }
  return value.map(String);
}

function numberOption(
  helper: string,
  hash: Record<string, unknown>,
  name: string,
  fallback: number,
): number {
  const value = hash[name];
  if (value === undefined) return fallback;
  if (typeof value !== "number") throw new HelperFailure(`${helper}'s ${name}= expects a number`);
  return value;
}

function describe(value: unknown): string {
  if (value === null) return "null";
  return typeof value === "object" ? "an object" : `a ${typeof value}`;
}
