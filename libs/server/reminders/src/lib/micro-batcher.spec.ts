import { ItemFailure, MicroBatcher, perGroup } from './micro-batcher';

describe('MicroBatcher', () => {
  it('runs calls made together as one batch and answers each in order', async () => {
    const batches: number[][] = [];
    const batcher = new MicroBatcher<number, number>(async (items) => {
      batches.push(items);
      return items.map((item) => item * 10);
    });
    await expect(Promise.all([batcher.add(1), batcher.add(2), batcher.add(3)])).resolves.toEqual([10, 20, 30]);
    await expect(batcher.add(4)).resolves.toBe(40);
    expect(batches).toEqual([[1, 2, 3], [4]]);
  });

  it('splits at the maximum size and fails every call of a failed batch', async () => {
    const batches: number[][] = [];
    const batcher = new MicroBatcher<number, number>(async (items) => {
      batches.push(items);
      if (items.includes(3)) {
        throw new Error('database down');
      }
      return items;
    }, 2);
    const results = await Promise.allSettled([batcher.add(1), batcher.add(2), batcher.add(3)]);
    expect(results.map((result) => result.status)).toEqual(['fulfilled', 'fulfilled', 'rejected']);
    expect(batches).toEqual([[1, 2], [3]]);
  });
});

describe('perGroup', () => {
  it('runs once per key and puts the answers back in place', async () => {
    const calls: string[] = [];
    const answers = await perGroup(
      ['a1', 'b1', 'a2'],
      (item) => item[0],
      async (group, key) => {
        calls.push(key);
        return group.map((item) => item.toUpperCase());
      },
    );
    expect(answers).toEqual(['A1', 'B1', 'A2']);
    expect(calls).toEqual(['a', 'b']);
  });

  it("settles each group on its own: one group's error fails its items only", async () => {
    const down = new Error('LSP b: transaction failed');
    const batcher = new MicroBatcher<string, string>((items) =>
      perGroup(
        items,
        (item) => item[0],
        async (group, key) => {
          if (key === 'b') {
            throw down;
          }
          return group.map((item) => item.toUpperCase());
        },
      ),
    );
    const results = await Promise.allSettled(['a1', 'b1', 'c1', 'b2'].map((item) => batcher.add(item)));
    expect(results).toEqual([
      { status: 'fulfilled', value: 'A1' },
      { status: 'rejected', reason: down },
      { status: 'fulfilled', value: 'C1' },
      { status: 'rejected', reason: down },
    ]);
    const answers = await perGroup(
      ['b1'],
      () => 'b',
      async () => Promise.reject(down),
    );
    expect(answers).toEqual([new ItemFailure(down)]);
  });
});

describe('MicroBatcher with a window', () => {
  it('gathers calls made within the window into one batch', async () => {
    const batches: number[][] = [];
    const batcher = new MicroBatcher<number, number>(
      async (items) => {
        batches.push(items);
        return items;
      },
      100,
      20,
    );
    const first = batcher.add(1);
    await new Promise((resolve) => setTimeout(resolve, 5));
    await Promise.all([first, batcher.add(2)]);
    expect(batches).toEqual([[1, 2]]);
  });
});
