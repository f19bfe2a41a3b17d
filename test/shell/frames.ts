/** Waiting for a rendered frame instead of sleeping a fixed time. */

/** Resolves with the first frame that satisfies `accept`; rejects with the last frame after `timeoutMs`. */
export async function frameWhere(lastFrame: () => string | undefined, accept: (frame: string) => boolean, timeoutMs = 3000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const frame = lastFrame() ?? '';
    if (accept(frame)) return frame;
    if (Date.now() > deadline) throw new Error(`no matching frame within ${timeoutMs} ms; last frame:\n${frame}`);
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/** Resolves once the frame differs from `previous`. */
export function frameAfter(lastFrame: () => string | undefined, previous: string | undefined, timeoutMs = 3000): Promise<string> {
  return frameWhere(lastFrame, (f) => f !== (previous ?? ''), timeoutMs);
}

/** Strips ANSI escape sequences (colours and attributes). */
export function plain(frame: string): string {
  return frame.replace(/\u001b\[[0-9;]*m/g, '');
}
