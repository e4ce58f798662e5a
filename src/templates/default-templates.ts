import { createTemplates, type Templates } from "./create-templates.js";

let builtIn: Templates | undefined;

/**
 * cotpot's own templates, loaded once on first use. Functions that take a `templates`
 * option fall back to these.
 */
export function defaultTemplates(): Templates {
  builtIn ??= createTemplates();
  return builtIn;
}
