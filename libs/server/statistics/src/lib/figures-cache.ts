import { VersionedCache } from '@dspt/server/data';
import { Injectable } from '@nestjs/common';
import { StatisticsChanges, type StatisticsScope } from './statistics-changes';

/** Statistics answers kept until PostgreSQL notifies a change to them (see VersionedCache); 500 at most. */
@Injectable()
export class FiguresCache {
  private readonly cache = new VersionedCache(500);

  constructor(private readonly changes: StatisticsChanges) {}

  get<T>(key: string, compute: () => Promise<T>, scope: StatisticsScope = 'figures'): Promise<T> {
    return this.cache.get(`${scope}:${key}`, this.changes.version(scope), compute);
  }
}
