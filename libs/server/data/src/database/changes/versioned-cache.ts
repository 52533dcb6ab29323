/**
 * Answers already worked out, each kept with the version of the data it came from (for example the count
 * of changes a ChangeListener has heard). An answer is reused only while the version is still the one seen
 * before its computation began, so it is never older than the last committed change this process heard
 * of; with no version (nothing listening), nothing is reused. Requests for the same answer at the same
 * time share one computation. Least recently used answers go first beyond `maxEntries`.
 */
export class VersionedCache {
  private readonly entries = new Map<string, { version: string; value: Promise<unknown> }>();

  constructor(private readonly maxEntries: number) {}

  get<T>(key: string, version: string | null, compute: () => Promise<T>): Promise<T> {
    if (version === null) {
      return compute();
    }
    const entry = this.entries.get(key);
    if (entry && entry.version === version) {
      this.entries.delete(key);
      this.entries.set(key, entry);
      return entry.value as Promise<T>;
    }
    // Kept under the version seen before it began: a change heard meanwhile makes the next request recompute.
    const value = compute();
    this.entries.set(key, { version, value });
    // A failure is not kept: the next request tries again.
    value.catch(() => {
      if (this.entries.get(key)?.value === value) {
        this.entries.delete(key);
      }
    });
    if (this.entries.size > this.maxEntries) {
      this.entries.delete(this.entries.keys().next().value as string);
    }
    return value;
  }
}
