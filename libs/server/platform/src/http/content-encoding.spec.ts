import { chooseContentEncoding, PRECOMPRESSED_ENCODINGS } from './content-encoding';

const [br, gzip] = PRECOMPRESSED_ENCODINGS;

describe('chooseContentEncoding', () => {
  it.each([
    ['gzip, deflate, br, zstd', [br, gzip], 'br'],
    ['br', [br, gzip], 'br'],
    ['gzip', [br, gzip], 'gzip'],
    ['gzip, deflate', [br, gzip], 'gzip'],
    ['br;q=0.5, gzip', [br, gzip], 'gzip'],
    ['BR', [br, gzip], 'br'],
    ['*', [br, gzip], 'br'],
    ['*, br;q=0', [br, gzip], 'gzip'],
    ['gzip;q=0, br;q=0', [br, gzip], undefined],
    ['identity', [br, gzip], undefined],
    ['', [br, gzip], undefined],
    [undefined, [br, gzip], undefined],
    ['gzip, br', [gzip], 'gzip'],
    ['gzip, br', [], undefined],
    ['br;q=abc, gzip', [br, gzip], 'gzip'],
  ] as const)('%j with %j available → %s', (header, available, expected) => {
    expect(chooseContentEncoding(header, available)?.name).toBe(expected);
  });
});
