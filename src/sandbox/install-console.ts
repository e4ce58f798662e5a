import type { QuickJSContext, QuickJSHandle } from "quickjs-emscripten-core";
import type { OutputBuffer } from "./output-buffer.js";

const METHODS = ["log", "info", "warn", "error", "debug"] as const;

/** Where a guest's console lines go; nowhere while `output` is unset. */
export interface ConsoleSink {
  output?: OutputBuffer;
}

/**
 * Gives the guest a `console` whose methods write one line each to `sink.output`. The
 * arguments are formatted on the host: strings as they are, other primitives as
 * JavaScript prints them, objects as JSON.
 */
export function installConsole(context: QuickJSContext, sink: ConsoleSink): void {
  const log = context.newFunction("log", (...args) => {
    sink.output?.write(args.map((arg) => formatArgument(context, arg)).join(" "));
  });
  const console = context.newObject();

  for (const method of METHODS) context.setProp(console, method, log);
  context.setProp(context.global, "console", console);

  console.dispose();
  log.dispose();
}

function formatArgument(context: QuickJSContext, handle: QuickJSHandle): string {
  switch (context.typeof(handle)) {
    case "string":
      return context.getString(handle);
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
