import type { Disposable, QuickJSContext, QuickJSHandle } from "quickjs-emscripten-core";
import type { OutputBuffer } from "./output-buffer.js";

const METHODS = ["log", "info", "warn", "error", "debug"] as const;

/** Where a guest's console lines go; nowhere while `output` is unset. */
export interface ConsoleSink {
  output?: OutputBuffer;
}

/**
 * Gives the guest a `console` whose methods write one line each to `sink.output`. The
 * arguments are formatted on the host: strings as they are, other primitives as
 * JavaScript prints them, objects as JSON. A string longer than the output budget has
 * left is copied out only as far as the budget reaches.
 *
 * Call it on a context no program has run in: it keeps the context's own
 * `String.prototype.slice` for that cut, before a program could replace it.
 *
 * @returns the handle to dispose of before the context.
 */
export function installConsole(context: QuickJSContext, sink: ConsoleSink): Disposable {
  const slice = context
    .getProp(context.global, "String")
    .consume((string) =>
      context
        .getProp(string, "prototype")
        .consume((prototype) => context.getProp(prototype, "slice")),
    );

  const log = context.newFunction("log", (...args) => {
    const output = sink.output;
    if (!output || output.exceeded) return;

    // Every UTF-16 unit is at least one UTF-8 byte, so one unit past the budget is
    // enough to know a string overflows it.
    let budget = output.remainingBytes + 1;
    const parts: string[] = [];
    for (const arg of args) {
      if (budget <= 0) break;
      const part = formatArgument(context, arg, { slice, maxUnits: budget });
      parts.push(part);
      budget -= part.length + 1;
    }
    output.write(parts.join(" "));
  });

  const console = context.newObject();
  for (const method of METHODS) context.setProp(console, method, log);
  context.setProp(context.global, "console", console);

  console.dispose();
  log.dispose();
  return slice;
}

interface Cut {
  slice: QuickJSHandle;
  maxUnits: number;
}

function formatArgument(context: QuickJSContext, handle: QuickJSHandle, cut: Cut): string {
  switch (context.typeof(handle)) {
    case "string":
      return readPrefix(context, handle, cut);
    case "number":
      return formatNumber(context.getNumber(handle));
    case "bigint":
      return `${context.getBigInt(handle)}n`;
    case "function":
      return "[Function]";
    case "symbol":
      return "[Symbol]";
    case "object":
      return formatObject(context, handle);
    default:
      return String(context.dump(handle));
  }
}

/** The string, or its first `cut.maxUnits` UTF-16 units when it is longer. */
function readPrefix(context: QuickJSContext, handle: QuickJSHandle, cut: Cut): string {
  const length = context.getProp(handle, "length").consume((value) => context.getNumber(value));
  if (length <= cut.maxUnits) return context.getString(handle);

  const start = context.newNumber(0);
  const end = context.newNumber(cut.maxUnits);
  const prefix = context.callFunction(cut.slice, handle, start, end);
  start.dispose();
  end.dispose();

  if (prefix.error) {
    prefix.error.dispose();
    return "";
  }
  return prefix.value.consume((value) => context.getString(value));
}

function formatNumber(value: number): string {
  return Object.is(value, -0) ? "-0" : String(value);
}

function formatObject(context: QuickJSContext, handle: QuickJSHandle): string {
  try {
    // dump gives JSON for plain data, and falls back to String(value) for what JSON
    // cannot hold (a circular object prints as "[object Object]").
    const dumped: unknown = context.dump(handle);
    if (typeof dumped === "string") return dumped;
    return isErrorDump(dumped) ? `${dumped.name}: ${dumped.message}` : JSON.stringify(dumped);
  } catch {
    return "[object]";
  }
}

function isErrorDump(value: unknown): value is { name: string; message: string } {
  return (
    typeof value === "object" &&
    value !== null &&
    "name" in value &&
    "message" in value &&
    "stack" in value
  );
}
