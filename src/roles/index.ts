export {
  type RolePromptOptions,
  roleNames,
  rolePrompt,
  UnknownRoleError,
} from "./role-prompt.js";
export { checkRoleSpec, type RoleSpec } from "./role-spec.js";
