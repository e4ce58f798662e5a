/**
 * JavaScript the sandbox evaluates inside a program's context after the program ran.
 */

/**
 * Applies the answer conventions to a finished program: the value of `solution()` if
 * the program defines that function, else its top-level `answer` binding, else `ans`.
 * The value comes wrapped in a one-element array; `undefined` means no convention
 * applied and the script's completion value is the answer. A program's global `let` and
 * `const` bindings are visible here because scripts share the global lexical scope.
 */
export const RESOLVE_ANSWER_SOURCE = `typeof solution === "function" ? [solution()]
  : typeof answer !== "undefined" ? [answer]
  : typeof ans !== "undefined" ? [ans]
  : undefined`;

/**
 * Encodes an answer that is not a primitive into JSON text for the host, or throws a
 * `TypeError` that says where in the answer a value is not plain data.
 *
 * Every string in the text carries a one-letter tag (`s` string, `n` a number JSON
 * cannot hold, `b` bigint, `u` undefined) so values JSON cannot represent survive
 * without colliding with user strings; `decodeAnswer` reverses it. A `Date` becomes
 * its ISO string. It is only evaluated for answers that are objects, so most programs
 * never pay for compiling it.
 *
 * It runs after the program, with the built-ins the program left: a program that
 * replaces `Object.keys` or `JSON.stringify` changes how its own answer reads, or makes
 * it fail. That is the program's loss alone; the host parses what comes back as data.
 */
export const ENCODE_ANSWER_SOURCE = `(function (value) {
  "use strict";
  const getPrototypeOf = Object.getPrototypeOf;
  const objectKeys = Object.keys;
  const isArray = Array.isArray;
  const quote = JSON.stringify;
  const MAX_DEPTH = 64;

  function fail(path, what) {
    return new TypeError(
      "The answer must be plain data (number, string, boolean, null, array or plain object), but " +
        path + " is " + what + ".",
    );
  }

  function typeName(object) {
    const proto = getPrototypeOf(object);
    const name = proto && proto.constructor && proto.constructor.name;
    return typeof name === "string" && name !== "" ? "a " + name : "an object";
  }

  function encode(value, path, stack) {
    switch (typeof value) {
      case "string":
        return quote("s" + value);
      case "number":
        if (value === 0 && 1 / value < 0) return '"n-0"';
        return value - value === 0 ? "" + value : quote("n" + value);
      case "boolean":
        return value ? "true" : "false";
      case "undefined":
        return '"u"';
      case "bigint":
        return quote("b" + value);
      case "object":
        return value === null ? "null" : encodeObject(value, path, stack);
      default:
        throw fail(path, "a " + typeof value);
    }
  }

  function encodeObject(value, path, stack) {
    if (stack.length >= MAX_DEPTH) throw fail(path, "nested more than " + MAX_DEPTH + " levels deep");
    for (let i = 0; i < stack.length; i++) {
      if (stack[i] === value) throw fail(path, "a circular reference");
    }

    const proto = getPrototypeOf(value);
    if (proto === Date.prototype) return quote("s" + value.toISOString());

    stack[stack.length] = value;
    let text;
    if (isArray(value)) {
      text = "[";
      for (let i = 0; i < value.length; i++) {
        text += (i ? "," : "") + encode(value[i], path + "[" + i + "]", stack);
      }
      text += "]";
    } else if (proto === Object.prototype || proto === null) {
      const keys = objectKeys(value);
      text = "{";
      for (let i = 0; i < keys.length; i++) {
        const key = keys[i];
        text += (i ? "," : "") + quote(key) + ":" + encode(value[key], path + "." + key, stack);
      }
      text += "}";
    } else {
      throw fail(path, typeName(value));
    }
    stack.length = stack.length - 1;
    return text;
  }

  return encode(value, "the answer", []);
})`;
