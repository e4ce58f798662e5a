export { CotpotError } from "./cotpot-error.js";
export { InvalidOptionError } from "./invalid-option-error.js";
