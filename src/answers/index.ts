export { answersMatch } from "./answers-match.js";
export { extractAnswer } from "./extract-answer.js";
export { normalizeAnswer, numericValue } from "./normalize-answer.js";
