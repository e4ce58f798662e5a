import { readFile } from "node:fs/promises";
import releaseSync from "@jitl/quickjs-wasmfile-release-sync";
import {
  type CustomizeVariantOptions,
  newQuickJSWASMModuleFromVariant,
  newVariant,
  type QuickJSSyncVariant,
  type QuickJSWASMModule,
} from "quickjs-emscripten-core";

/** A QuickJS WebAssembly instance whose linear memory cannot grow past a set size. */
export interface BoundedQuickJS {
  quickjs: QuickJSWASMModule;
  /** The instance's linear memory; its `maximum` is {@link BoundedQuickJS.capBytes}. */
  memory: WebAssembly.Memory;
  /** The memory the instance starts with: static data, the C stack and a first heap. */
  initialBytes: number;
  /** The most linear memory the instance can ever have. */
  capBytes: number;
}

// The variant package's types describe its CommonJS build, where the variant is the
// `default` property; imported as ESM, as here, the default export is the variant.
const RELEASE_SYNC = releaseSync as unknown as QuickJSSyncVariant;

const PAGE_BYTES = 64 * 1024;

// The build's own starting size (Emscripten's INITIAL_MEMORY): it holds the C stack
// and static data, so a program's heap is what grows beyond it.
const INITIAL_BYTES = 16 * 1024 * 1024;

let compiled: Promise<WebAssembly.Module> | undefined;

/**
 * Instantiates QuickJS with a linear memory of at most `heapBytes` beyond its starting
 * size. `setMemoryLimit` alone does not bound this build (strings and typed arrays grow
 * the heap past it), so the memory's `maximum` is the limit that holds: an allocation
 * past it fails inside QuickJS as "out of memory".
 *
 * The WebAssembly module is compiled once per thread; each call only instantiates it.
 */
export async function loadQuickJS(heapBytes: number): Promise<BoundedQuickJS> {
  const capBytes = capBytesFor(heapBytes);
  const memory = new WebAssembly.Memory({
    initial: INITIAL_BYTES / PAGE_BYTES,
    maximum: capBytes / PAGE_BYTES,
  });

  compiled ??= compileQuickJS();
  const variant = newVariant(RELEASE_SYNC, {
    wasmModule: await compiled,
    wasmMemory: memory,
    emscriptenModule: SILENT,
  });
  const quickjs = await newQuickJSWASMModuleFromVariant(variant);

  return { quickjs, memory, initialBytes: INITIAL_BYTES, capBytes };
}

/** The linear memory cap of an instance that leaves `heapBytes` to programs. */
export function capBytesFor(heapBytes: number): number {
  return INITIAL_BYTES + Math.ceil(heapBytes / PAGE_BYTES) * PAGE_BYTES;
}

// Emscripten reports aborts on stderr by default; a library prints nothing, and an
// abort reaches the caller as an exception anyway. Emscripten reads `print` and
// `printErr` from the module options, which quickjs-emscripten passes on verbatim.
type SilentModuleOptions = NonNullable<CustomizeVariantOptions["emscriptenModule"]> & {
  print: () => void;
  printErr: () => void;
};
const SILENT: SilentModuleOptions = { print: ignore, printErr: ignore };

function ignore(): void {}

async function compileQuickJS(): Promise<WebAssembly.Module> {
  const location = new URL(import.meta.resolve("@jitl/quickjs-wasmfile-release-sync/wasm"));
  return WebAssembly.compile(await readFile(location));
}
