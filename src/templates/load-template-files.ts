import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { InvalidOptionError } from "../errors/index.js";

/** One `.hbs` file: its template name, where it is, and its text. */
export interface TemplateFile {
  name: string;
  path: string;
  source: string;
}

const EXTENSION = ".hbs";

/**
 * Reads every `.hbs` file under each directory, in order, so a file in a later
 * directory replaces the one of the same name from an earlier one. A template's name is
 * its path below its directory without the extension, with `/` separators.
 *
 * @throws {InvalidOptionError} when a directory does not exist.
 */
export function loadTemplateFiles(directories: readonly string[]): Map<string, TemplateFile> {
  const files = new Map<string, TemplateFile>();

  for (const directory of directories) {
    checkDirectory(directory);
    for (const path of listFiles(directory)) {
      const name = relative(directory, path).slice(0, -EXTENSION.length).split(sep).join("/");
      files.set(name, { name, path, source: readFileSync(path, "utf8") });
    }
  }
  return files;
}

function checkDirectory(directory: string): void {
  let isDirectory = false;
  try {
    isDirectory = statSync(directory).isDirectory();
  } catch {
    isDirectory = false;
  }
  if (!isDirectory) {
    throw new InvalidOptionError("directories", directory, "a folder of .hbs template files");
  }
}

function listFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(EXTENSION))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}
