import { TemplateError, type TemplateLocation } from "./template-error.js";

/**
 * A template does not parse. The message quotes the offending line with a caret under
 * the column, and reminds that a literal `{{` is written `\{{`.
 *
 * @example
 * ```ts
 * // Template 'strategies/json' (templates/strategies/json.hbs), line 3, column 9:
 * // unexpected '}}' ...
 * ```
 */
export class TemplateSyntaxError extends TemplateError {
  override name = "TemplateSyntaxError";

  /** The text of the offending line. */
  readonly sourceLine: string | undefined;

  /**
   * @param braces whether the parser choked on braces, so the message recalls how a
   * literal `{{` is written.
   */
  constructor(location: TemplateLocation, reason: string, sourceLine?: string, braces = false) {
    super(location, syntaxMessage(location, reason, sourceLine, braces));
    this.sourceLine = sourceLine;
  }
}

function syntaxMessage(
  location: TemplateLocation,
  reason: string,
  sourceLine: string | undefined,
  braces: boolean,
): string {
  const caret = " ".repeat(Math.max(0, (location.column ?? 1) - 1));
  const quote = sourceLine === undefined ? "" : `\n  ${sourceLine}\n  ${caret}^`;
  const hint = braces
    ? "\nA literal {{ in a prompt is written \\{{; {{ always starts a template expression."
    : "";
  return `${reason}${quote}${hint}`;
}
