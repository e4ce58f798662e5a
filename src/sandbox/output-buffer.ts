import type { ProgramError } from "./program-result.js";

const TRUNCATION_MARK = "…";
const MARK_BYTES = Buffer.byteLength(TRUNCATION_MARK);

/**
 * Collects a program's console lines up to a byte budget. A line that crosses the budget
 * is kept up to it and marked with "…"; everything after is dropped and
 * {@link OutputBuffer.exceeded} turns true, which the interrupt handler reads to stop
 * the program at its next check.
 */
export class OutputBuffer {
  readonly lines: string[] = [];
  exceeded = false;
  #usedBytes = 0;
  readonly #maxBytes: number;

  constructor(maxBytes: number) {
    this.#maxBytes = maxBytes;
  }

  /** Bytes left before the budget is exceeded. */
  get remainingBytes(): number {
    return this.#maxBytes - this.#usedBytes;
  }

  /** Adds one line; its size counts with a newline, as it would on a terminal. */
  write(line: string): void {
    if (this.exceeded) return;

    const bytes = Buffer.byteLength(line) + 1;

    if (this.#usedBytes + bytes <= this.#maxBytes) {
      this.lines.push(line);
      this.#usedBytes += bytes;
      return;
    }

    this.exceeded = true;
    const room = this.#maxBytes - this.#usedBytes - MARK_BYTES - 1;
    if (room > 0) this.lines.push(truncateToBytes(line, room) + TRUNCATION_MARK);
  }

  /** The failure to report once the budget was exceeded. */
  error(): ProgramError {
    return {
      kind: "output",
      message:
        `The program wrote more than ${this.#maxBytes} bytes of console output ` +
        `(maxOutputBytes); log less, or raise the limit.`,
    };
  }

  /** The failure to report when the answer alone is larger than the budget. */
  answerTooLarge(answerBytes: number): ProgramError {
    return {
      kind: "output",
      message:
        `The answer is ${answerBytes} bytes as JSON, more than maxOutputBytes ` +
        `(${this.#maxBytes}); return a smaller value.`,
    };
  }
}

function truncateToBytes(text: string, maxBytes: number): string {
  const bytes = Buffer.from(text).subarray(0, maxBytes);
  // A cut through a multi-byte character decodes to U+FFFD; drop it.
  return bytes.toString("utf8").replace(/\uFFFD$/, "");
}
