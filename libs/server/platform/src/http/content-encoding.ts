/** The precompressed copies the web build writes next to each file, best first. */
export const PRECOMPRESSED_ENCODINGS = [
  { name: 'br', extension: '.br' },
  { name: 'gzip', extension: '.gz' },
] as const;

export type PrecompressedEncoding = (typeof PRECOMPRESSED_ENCODINGS)[number];

function acceptedWeights(acceptEncoding: string): Map<string, number> {
  const weights = new Map<string, number>();
  for (const part of acceptEncoding.split(',')) {
    const [name, ...parameters] = part.split(';').map((piece) => piece.trim().toLowerCase());
    if (!name) {
      continue;
    }
    const q = parameters.find((parameter) => parameter.startsWith('q='));
    const weight = q === undefined ? 1 : Number(q.slice(2));
    weights.set(name, Number.isFinite(weight) ? weight : 0);
  }
  return weights;
}

/**
 * Which of the available copies to send for an Accept-Encoding header: the one the client weights
 * highest, and on a tie the smaller (brotli before gzip), whatever order the client listed them in
 * (Chromium sends "gzip, deflate, br, zstd"). Undefined means the file as it is.
 */
export function chooseContentEncoding(
  acceptEncoding: string | undefined,
  available: readonly PrecompressedEncoding[],
): PrecompressedEncoding | undefined {
  const weights = acceptedWeights(acceptEncoding ?? '');
  let best: PrecompressedEncoding | undefined;
  let bestWeight = 0;
  for (const encoding of PRECOMPRESSED_ENCODINGS.filter((candidate) => available.includes(candidate))) {
    const weight = weights.get(encoding.name) ?? weights.get('*') ?? 0;
    if (weight > bestWeight) {
      best = encoding;
      bestWeight = weight;
    }
  }
  return best;
}
