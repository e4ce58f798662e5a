import { CotpotError } from "../errors/index.js";
import { defaultTemplates, type Templates, type TemplateVariables } from "../templates/index.js";
import { checkRoleSpec, type RoleSpec } from "./role-spec.js";

/** Options for {@link rolePrompt}. */
export interface RolePromptOptions {
  /** Where role templates come from; cotpot's own when not given. */
  templates?: Templates;
}

const ROLE_FOLDER = "roles/";
const SPEC_TEMPLATE = "roles/spec";

/**
 * Builds a system prompt from a role: a built-in role's name (`math-teacher`, or any
 * `roles/<name>.hbs` in the template folders) or a {@link RoleSpec}, which the
 * `roles/spec` template renders.
 *
 * @param variables fill a role's optional parts, such as `level` for `math-teacher`.
 * @returns the system prompt, without trailing whitespace.
 * @throws {UnknownRoleError} for a name no role template has; it lists those that exist.
 * @throws {InvalidOptionError} for a RoleSpec missing `name` or `expertise`.
 * @example
 * ```ts
 * rolePrompt("accountant");
 * rolePrompt({ name: "a careful accountant", expertise: "household budgets", tone: "plain" });
 * ```
 */
export function rolePrompt(
  role: string | RoleSpec,
  variables: TemplateVariables = {},
  options: RolePromptOptions = {},
): string {
  const templates = options.templates ?? defaultTemplates();

  if (typeof role === "string") {
    const name = `${ROLE_FOLDER}${role}`;
    if (role === "spec" || !templates.has(name))
      throw new UnknownRoleError(role, roleNames(templates));
    return templates.render(name, variables).trimEnd();
  }

  checkRoleSpec(role);
  return templates.render(SPEC_TEMPLATE, { ...variables, ...role }).trimEnd();
}

/** The names of the roles `templates` provides, for `rolePrompt` and listings. */
export function roleNames(templates: Templates = defaultTemplates()): string[] {
  return templates.names
    .filter((name) => name.startsWith(ROLE_FOLDER) && name !== SPEC_TEMPLATE)
    .map((name) => name.slice(ROLE_FOLDER.length));
}

/** A role name that no role template has. */
export class UnknownRoleError extends CotpotError {
  override name = "UnknownRoleError";
  readonly role: string;
  readonly known: readonly string[];

  constructor(role: string, known: readonly string[]) {
    super(
      `Unknown role '${role}'. Built-in roles: ${known.join(", ")}. ` +
        "Pass a RoleSpec ({ name, expertise, tone?, rules? }) for a persona of your own.",
    );
    this.role = role;
    this.known = known;
  }
}
