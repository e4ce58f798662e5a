import { CotpotError } from "../errors/index.js";

/** Where in which template something went wrong. */
export interface TemplateLocation {
  /** The template's name (`roles/math-teacher`). */
  template: string;
  /** The file it was loaded from, when it came from a file. */
  file?: string | undefined;
  /** 1-based line in the template. */
  line?: number | undefined;
  /** 1-based column on that line. */
  column?: number | undefined;
}

/**
 * The base of every error about a template: its name, file, line and column are fields,
 * and the message starts with them.
 */
export class TemplateError extends CotpotError {
  override name = "TemplateError";
  readonly template: string;
  readonly file: string | undefined;
  readonly line: number | undefined;
  readonly column: number | undefined;

  constructor(location: TemplateLocation, message: string, options?: ErrorOptions) {
    super(`${describeLocation(location)}: ${message}`, options);
    this.template = location.template;
    this.file = location.file;
    this.line = location.line;
    this.column = location.column;
  }
}

function describeLocation({ template, file, line, column }: TemplateLocation): string {
  const where = line === undefined ? "" : `, line ${line}${column ? `, column ${column}` : ""}`;
  const from = file === undefined ? "" : ` (${file})`;
  return `Template '${template}'${from}${where}`;
}
