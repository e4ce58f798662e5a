import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

/** `../shared/data`, the reference data the workplace keeps beside this project. */
export const SHARED_DATA = fileURLToPath(new URL("../../../shared/data/", import.meta.url));

/**
 * The absolute path of a file under `../shared/data`, and the reason a test must skip
 * when it is absent (on a user's machine the folder does not exist).
 */
export function sharedData(relativePath: string): { path: string; missing: string | false } {
  const path = `${SHARED_DATA}${relativePath}`;
  const missing = existsSync(path) ? false : `needs ${path}, which is not on this machine`;
  return { path, missing };
}

/** What a test's title adds when it must skip: ` (skipped: why)`, or nothing. */
export function skipNote(missing: string | false): string {
  return missing ? ` (skipped: ${missing})` : "";
}
