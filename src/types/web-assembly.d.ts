// The WebAssembly JavaScript API as Node.js provides it. TypeScript ships these types
// only in its DOM library, which a Node.js package should not load; this declares the
// part cotpot uses.
declare namespace WebAssembly {
  interface MemoryDescriptor {
    initial: number;
    maximum?: number;
  }

  class Memory {
    constructor(descriptor: MemoryDescriptor);
    readonly buffer: ArrayBuffer;
    grow(deltaPages: number): number;
  }

  class Module {
    constructor(bytes: BufferSource);
  }

  class RuntimeError extends Error {}

  function compile(bytes: BufferSource): Promise<Module>;
}
