import { InvalidOptionError } from "../errors/index.js";

/** A persona described inline instead of by a built-in role's name. */
export interface RoleSpec {
  /** Who the model is, as it completes "You are ...": `a careful accountant`. */
  name: string;
  /** What it knows, as it completes "with expertise in ...". */
  expertise: string;
  /** How it speaks: `plain`, `formal`, `encouraging`. */
  tone?: string;
  /** Rules it always follows, one sentence each. */
  rules?: readonly string[];
}

/**
 * Checks that `spec` is a usable {@link RoleSpec}.
 *
 * @throws {InvalidOptionError} naming the field (`role.expertise`) that is missing or of
 * the wrong type.
 */
export function checkRoleSpec(spec: RoleSpec): void {
  for (const field of ["name", "expertise"] as const) {
    const value: unknown = spec[field];
    if (typeof value !== "string" || value.trim() === "") {
      throw new InvalidOptionError(`role.${field}`, value, "a non-empty string");
    }
  }

  if (spec.tone !== undefined && typeof spec.tone !== "string") {
    throw new InvalidOptionError("role.tone", spec.tone, "a string");
  }
  const { rules } = spec;
  if (
    rules !== undefined &&
    !(Array.isArray(rules) && rules.every((rule) => typeof rule === "string"))
  ) {
    throw new InvalidOptionError("role.rules", rules, "an array of strings");
  }
}
