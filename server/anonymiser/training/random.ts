/** A seeded random source (mulberry32), so that the corpus and the weights are the same on every run. */
export interface Random {
  (): number;
  pick<T>(items: readonly T[]): T;
}

export function seeded(seed: number): Random {
  let a = seed >>> 0;
  const next = (() => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }) as Random;
  next.pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  return next;
}
