import { CotpotError } from "../errors/index.js";

/** A dataset file that cannot be read: the message names the file, the line and what is wrong. */
export class DatasetError extends CotpotError {
  override name = "DatasetError";
  readonly file: string;
  readonly line: number | undefined;

  constructor(file: string, line: number | undefined, reason: string, options?: ErrorOptions) {
    super(`${file}${line === undefined ? "" : `:${line}`}: ${reason}`, options);
    this.file = file;
    this.line = line;
  }
}
