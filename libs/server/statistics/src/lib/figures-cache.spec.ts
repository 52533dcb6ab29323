import { FiguresCache } from './figures-cache';

describe('FiguresCache', () => {
  it('reuses an answer while the token is unchanged and works it out again when it changes', async () => {
    const cache = new FiguresCache();
    let computed = 0;
    const compute = async () => ++computed;
    expect(await cache.get('k', 't1', compute)).toBe(1);
    expect(await cache.get('k', 't1', compute)).toBe(1);
    expect(await cache.get('k', 't2', compute)).toBe(2);
    expect(await cache.get('other', 't2', compute)).toBe(3);
  });

  it('shares one computation between requests at the same time', async () => {
    const cache = new FiguresCache();
    let computed = 0;
    const compute = () => new Promise<number>((resolve) => setTimeout(() => resolve(++computed), 5));
    expect(await Promise.all([cache.get('k', 't', compute), cache.get('k', 't', compute)])).toEqual([1, 1]);
  });

  it('does not keep a failure', async () => {
    const cache = new FiguresCache();
    await expect(cache.get('k', 't', () => Promise.reject(new Error('down')))).rejects.toThrow('down');
    expect(await cache.get('k', 't', async () => 'fine')).toBe('fine');
  });

  it('forgets the least recently used answers beyond its size', async () => {
    const cache = new FiguresCache();
    for (let index = 0; index < 501; index++) {
      await cache.get(`k${index}`, 't', async () => index);
    }
    expect(await cache.get('k0', 't', async () => 'again')).toBe('again');
    expect(await cache.get('k500', 't', async () => 'again')).toBe(500);
  });
});
