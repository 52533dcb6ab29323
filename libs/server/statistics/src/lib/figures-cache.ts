import { Injectable } from '@nestjs/common';

const MAX_ENTRIES = 500;

/**
 * Answers already worked out, each kept with the revision of the data it came from (a token the database
 * gives: the sum of the cells' revisions, which every committed change raises). An answer is reused only
 * while the token is unchanged, so it is never stale; requests for the same answer at the same time share
 * one computation. Least recently used answers go first beyond 500.
 */
@Injectable()
export class FiguresCache {
  private readonly entries = new Map<string, { token: string; value: Promise<unknown> }>();

  get<T>(key: string, token: string, compute: () => Promise<T>): Promise<T> {
    const entry = this.entries.get(key);
    if (entry && entry.token === token) {
      this.entries.delete(key);
      this.entries.set(key, entry);
      return entry.value as Promise<T>;
    }
    const value = compute();
    this.entries.set(key, { token, value });
    // A failure is not kept: the next request tries again.
    value.catch(() => {
      if (this.entries.get(key)?.value === value) {
        this.entries.delete(key);
      }
    });
    if (this.entries.size > MAX_ENTRIES) {
      this.entries.delete(this.entries.keys().next().value as string);
    }
    return value;
  }

  clear(): void {
    this.entries.clear();
  }
}
