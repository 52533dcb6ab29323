import { type CanMatchFn, type Route, UrlSegment } from '@angular/router';
import { segmentIs } from './id-segment';

const segments = (...paths: string[]) => paths.map((path) => new UrlSegment(path, {}));

describe('segmentIs', () => {
  it.each([
    ['uuid', 1, ['providers', '8d0a4f5e-3c1b-4b7a-9f2e-1a2b3c4d5e6f'], true],
    ['uuid', 1, ['providers', 'not-a-uuid'], false],
    ['uuid', 1, ['providers', '8d0a4f5e-3c1b-4b7a-9f2e-1a2b3c4d5e6'], false],
    ['uuid', 1, ['providers'], false],
    ['number', 0, ['-30'], true],
    ['number', 0, ['x'], false],
  ] as const)('a %s at %i of %j matches: %s', (form, index, paths, matches) => {
    expect(segmentIs(index, form)({} as Route, segments(...paths), {} as Parameters<CanMatchFn>[2])).toBe(matches);
  });
});
