export {
  BUILT_IN_TEMPLATES,
  createTemplates,
  type Templates,
  type TemplatesOptions,
  type TemplateVariables,
} from "./create-templates.js";
export { defaultTemplates } from "./default-templates.js";
export type { TemplateFile } from "./load-template-files.js";
export { MissingVariableError } from "./missing-variable-error.js";
export { TemplateError, type TemplateLocation } from "./template-error.js";
export { TemplateSyntaxError } from "./template-syntax-error.js";
export { UnknownTemplateError } from "./unknown-template-error.js";
