/**
 * Parses the tagged JSON the guest's `encodeAnswer` produced back into plain data.
 *
 * Every string in that JSON starts with a tag: `s` a string, `n` a number JSON cannot
 * hold (`NaN`, `Infinity`, `-Infinity`, `-0`), `b` a bigint, `u` undefined. Object keys
 * are not tagged. `JSON.parse` defines keys as own properties, so a key such as
 * `__proto__` stays data.
 */
export function decodeAnswer(text: string): unknown {
  return JSON.parse(text, reviveTagged);
}

function reviveTagged(_key: string, value: unknown): unknown {
  if (typeof value !== "string") return value;

  const payload = value.slice(1);
  switch (value[0]) {
    case "s":
      return payload;
    case "n":
      return Number(payload);
    case "b":
      return BigInt(payload);
    case "u":
      return undefined;
    default:
      throw new TypeError(`Unknown tag in an encoded answer: ${JSON.stringify(value)}`);
  }
}
