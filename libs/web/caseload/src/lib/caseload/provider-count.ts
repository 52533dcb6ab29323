/** "3 providers", "1 provider". */
export function providerCount(count: number): string {
  return `${count} ${count === 1 ? 'provider' : 'providers'}`;
}
