/** Something a caller may want to know, not an error: an option a server ignores, say. */
export interface ModelWarning {
  /** A stable identifier (`unsupported-top-k`). */
  code: string;
  message: string;
  /** The model's name. */
  model: string;
}
