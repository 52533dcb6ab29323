interface Pending<I, O> {
  item: I;
  resolve: (output: O) => void;
  reject: (error: unknown) => void;
}

/** An item's answer that is an error: that call alone fails with `error`, the batch's other calls go on. */
export class ItemFailure {
  constructor(readonly error: unknown) {}
}

/**
 * Gathers the calls made within `windowMs` of the first one (up to `maxSize`) and runs them as one batch:
 * many concurrent send jobs then share one database round trip instead of each making its own, for at
 * most a few milliseconds of waiting. `run` answers one output per item, in order (an ItemFailure fails
 * that call alone); if it throws, every call of the batch fails with that error.
 */
export class MicroBatcher<I, O> {
  private pending: Array<Pending<I, O>> = [];
  private scheduled = false;

  constructor(
    private readonly run: (items: I[]) => Promise<Array<O | ItemFailure>>,
    private readonly maxSize = 100,
    private readonly windowMs = 0,
  ) {}

  add(item: I): Promise<O> {
    return new Promise<O>((resolve, reject) => {
      this.pending.push({ item, resolve, reject });
      if (this.pending.length >= this.maxSize) {
        this.flush();
      } else if (!this.scheduled) {
        this.schedule();
      }
    });
  }

  private schedule(): void {
    this.scheduled = true;
    if (this.windowMs > 0) {
      setTimeout(() => this.flush(), this.windowMs);
    } else {
      setImmediate(() => this.flush());
    }
  }

  private flush(): void {
    this.scheduled = false;
    const batch = this.pending.splice(0, this.maxSize);
    if (batch.length === 0) {
      return;
    }
    this.run(batch.map((entry) => entry.item)).then(
      (outputs) =>
        batch.forEach((entry, index) => {
          const output = outputs[index];
          if (output instanceof ItemFailure) {
            entry.reject(output.error);
          } else {
            entry.resolve(output);
          }
        }),
      (error: unknown) => batch.forEach((entry) => entry.reject(error)),
    );
    if (this.pending.length > 0 && !this.scheduled) {
      this.schedule();
    }
  }
}

/**
 * Runs `work` once per group of items sharing a key (e.g. the LSP), keeping each item's place in the answer.
 * Each group settles on its own: a group whose work throws answers an ItemFailure for each of its items,
 * and the other groups' answers stand (their transactions committed).
 */
export async function perGroup<I, O>(
  items: I[],
  key: (item: I) => string,
  work: (group: I[], groupKey: string) => Promise<O[]>,
): Promise<Array<O | ItemFailure>> {
  const groups = new Map<string, number[]>();
  items.forEach((item, index) => groups.set(key(item), [...(groups.get(key(item)) ?? []), index]));
  const outputs = new Array<O | ItemFailure>(items.length);
  for (const [groupKey, indexes] of groups) {
    let answers: Array<O | ItemFailure>;
    try {
      answers = await work(
        indexes.map((index) => items[index]),
        groupKey,
      );
    } catch (error) {
      answers = indexes.map(() => new ItemFailure(error));
    }
    indexes.forEach((index, position) => (outputs[index] = answers[position]));
  }
  return outputs;
}
