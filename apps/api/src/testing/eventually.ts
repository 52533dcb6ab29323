/**
 * Reads until `done` holds, for up to 5 s, and answers the last value read: the api hears of a change
 * committed by another connection from PostgreSQL's notification a few milliseconds after the commit, and
 * answers from what it keeps until then. The caller asserts on the value, so a change never heard fails.
 */
export async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  const deadline = Date.now() + 5_000;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) {
      return value;
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
