import { Injectable } from '@nestjs/common';
import { StatisticsChanges } from './statistics-changes';

const MAX_ENTRIES = 500;

/**
 * Answers already worked out, each kept with the version of the data it came from: the count of changes
 * PostgreSQL has notified (StatisticsChanges). An answer is reused only while no change has been heard
 * since its computation began, so it is never older than the last committed change this process heard
 * of; while nothing listens, nothing is reused. Requests for the same answer at the same time share one
 * computation. Least recently used answers go first beyond 500.
 */
@Injectable()
export class FiguresCache {
  private readonly entries = new Map<string, { version: string; value: Promise<unknown> }>();

  constructor(private readonly changes: StatisticsChanges) {}

  get<T>(key: string, compute: () => Promise<T>): Promise<T> {
    const version = this.changes.version();
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
    if (this.entries.size > MAX_ENTRIES) {
      this.entries.delete(this.entries.keys().next().value as string);
    }
    return value;
  }
}
