import type { Generation } from "./generation.js";
import type { GenerationStream } from "./language-model.js";

/**
 * Makes a {@link GenerationStream} from a producer that emits text deltas and resolves
 * with the complete generation. The producer starts when iteration starts (or when
 * `generation` is awaited), and a failure rejects both.
 */
export function streamOf(
  produce: (emit: (delta: string) => void) => Promise<Generation>,
): GenerationStream {
  const pending: string[] = [];
  let wake: (() => void) | undefined;
  let finished = false;
  let started: Promise<Generation> | undefined;

  const start = () => {
    started ??= produce((delta) => {
      pending.push(delta);
      wake?.();
    }).finally(() => {
      finished = true;
      wake?.();
    });
    return started;
  };

  async function* iterate(): AsyncGenerator<string, Generation> {
    const generation = start();
    generation.catch(() => {});
    for (;;) {
      while (pending.length > 0) yield pending.shift() as string;
      if (finished) return await generation;
      await new Promise<void>((resolve) => {
        wake = resolve;
      });
      wake = undefined;
    }
  }

  return {
    [Symbol.asyncIterator]: iterate,
    get generation() {
      return start();
    },
  };
}
