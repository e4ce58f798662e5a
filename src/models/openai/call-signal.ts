/**
 * Runs `use` with an abort signal of its own that follows `signal`, and stops following
 * when `use` settles. The openai SDK leaves a listener on the signal of every request
 * it makes (openai/openai-node#1811); on a signal shared by a long run, such as an
 * evaluation's, they would pile up by the thousand. On the call's own signal they go
 * when the call does.
 */
export async function withCallSignal<T>(
  signal: AbortSignal | undefined,
  use: (signal: AbortSignal | undefined) => Promise<T>,
): Promise<T> {
  if (signal === undefined) return use(undefined);

  const own = new AbortController();
  const follow = () => own.abort(signal.reason);
  if (signal.aborted) follow();
  else signal.addEventListener("abort", follow, { once: true });

  try {
    return await use(own.signal);
  } finally {
    signal.removeEventListener("abort", follow);
  }
}
