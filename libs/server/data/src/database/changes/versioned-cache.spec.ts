import { VersionedCache } from './versioned-cache';

describe('VersionedCache', () => {
  let version: string | null;
  let cache: VersionedCache;

  beforeEach(() => {
    version = '1.0';
    cache = new VersionedCache(500);
  });

  it('reuses an answer until a change is heard, then works it out again', async () => {
    let computed = 0;
    const compute = async () => ++computed;
    expect(await cache.get('k', version, compute)).toBe(1);
    expect(await cache.get('k', version, compute)).toBe(1);
    version = '1.1';
    expect(await cache.get('k', version, compute)).toBe(2);
    expect(await cache.get('other', version, compute)).toBe(3);
  });

  it('reuses nothing without a version (nothing listens for changes)', async () => {
    version = null;
    let computed = 0;
    const compute = async () => ++computed;
    await cache.get('k', version, compute);
    expect(await cache.get('k', version, compute)).toBe(2);
  });

  it('does not reuse an answer begun before a change that was heard while it was worked out', async () => {
    let computed = 0;
    const first = cache.get('k', version, async () => {
      version = '1.1';
      return ++computed;
    });
    expect(await first).toBe(1);
    expect(await cache.get('k', version, async () => ++computed)).toBe(2);
  });

  it('shares one computation between requests at the same time', async () => {
    let computed = 0;
    const compute = () => new Promise<number>((resolve) => setTimeout(() => resolve(++computed), 5));
    expect(await Promise.all([cache.get('k', version, compute), cache.get('k', version, compute)])).toEqual([1, 1]);
  });

  it('does not keep a failure', async () => {
    await expect(cache.get('k', version, () => Promise.reject(new Error('down')))).rejects.toThrow('down');
    expect(await cache.get('k', version, async () => 'fine')).toBe('fine');
  });

  it('forgets the least recently used answers beyond its size', async () => {
    for (let index = 0; index < 501; index++) {
      await cache.get(`k${index}`, version, async () => index);
    }
    expect(await cache.get('k0', version, async () => 'again')).toBe('again');
    expect(await cache.get('k500', version, async () => 'again')).toBe(500);
  });
});
