import { ApplicationRef, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { preloadedResource } from './preloaded-resource';

describe('preloadedResource', () => {
  const settle = async () => {
    TestBed.tick();
    await TestBed.inject(ApplicationRef).whenStable();
  };

  /** A part of a page: `page` is the page's answer for it (undefined while it loads). */
  function part(page: () => string | null | undefined) {
    const asked: string[] = [];
    const resource = TestBed.runInInjectionContext(() =>
      preloadedResource({
        request: () => (page() === undefined ? undefined : 'p-1'),
        first: () => page() ?? undefined,
        load: async (providerId) => {
          asked.push(providerId);
          return `asked for ${providerId}`;
        },
      }),
    );
    return { resource, asked };
  }

  it("shows the page's value without asking, then asks its own endpoint on each reload", async () => {
    const page = signal<string | undefined>(undefined);
    const { resource, asked } = part(page);
    await settle();
    expect(resource.status()).toBe('idle');

    page.set('from the page');
    await settle();
    expect(resource.value()).toBe('from the page');
    expect(asked).toEqual([]);

    resource.reload();
    await settle();
    expect(resource.value()).toBe('asked for p-1');
    resource.reload();
    await settle();
    expect(asked).toEqual(['p-1', 'p-1']);

    page.set('from the next page');
    await settle();
    expect(resource.value()).toBe('from the next page');
    expect(asked).toHaveLength(2);
  });

  it('asks its own endpoint when the page came without it', async () => {
    const { resource, asked } = part(() => null);
    await settle();

    expect(resource.value()).toBe('asked for p-1');
    expect(asked).toEqual(['p-1']);
  });
});
