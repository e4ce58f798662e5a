import type { QuickJSContext, QuickJSRuntime, QuickJSWASMModule } from "quickjs-emscripten-core";
import { type ConsoleSink, installConsole } from "./install-console.js";

/**
 * A QuickJS runtime and context in which no program has run yet, with `console`
 * installed. The engine prepares one while it waits for work, so creating it (the most
 * expensive step of a run) is off the path between a request and its result.
 */
export interface FreshGuest {
  readonly runtime: QuickJSRuntime;
  readonly context: QuickJSContext;
  /** Where the guest's console writes; the run sets it before the program starts. */
  readonly console: ConsoleSink;
  /**
   * Frees the context and runtime. QuickJS asserts that a runtime holds no live objects
   * when freed; if that fails (after a host exception unwound the interpreter, say),
   * the WebAssembly instance has aborted and must be replaced.
   *
   * @returns whether the instance is still sound.
   */
  release(): boolean;
}

/** Creates a runtime and a context on `quickjs`, ready for one program. */
export function createFreshGuest(quickjs: QuickJSWASMModule): FreshGuest {
  const runtime = quickjs.newRuntime();
  const context = runtime.newContext();
  const console: ConsoleSink = {};
  const consoleHandles = installConsole(context, console);

  return {
    runtime,
    context,
    console,
    release() {
      try {
        consoleHandles.dispose();
        context.dispose();
        runtime.dispose();
        return true;
      } catch {
        return false;
      }
    },
  };
}
