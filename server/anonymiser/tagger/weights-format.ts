import { TAGS, type Weights } from './model';

/**
 * The weights as text: a first line of JSON (format version, tags, transitions, where they came from),
 * then one line per feature: the feature, a tab, and its weight per tag in hundredths. Kept in a
 * TypeScript module (weights.ts) so that Node, the Worker bundle and the tests load it alike.
 */
export interface WeightsHeader {
  version: 1;
  trainedOn: string;
  tags: readonly string[];
  transitions: number[][];
}

export function serialiseWeights(header: WeightsHeader, features: Map<string, ArrayLike<number>>): string {
  const lines = [JSON.stringify(header)];
  for (const [f, w] of [...features].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    lines.push(`${f}\t${Array.from(w, (x) => Math.round(x * 100)).join(',')}`);
  }
  return lines.join('\n');
}

export function parseWeights(text: string): Weights & { header: WeightsHeader } {
  const lines = text.split('\n');
  const header = JSON.parse(lines[0]!) as WeightsHeader;
  if (header.version !== 1 || header.tags.join() !== TAGS.join()) throw new Error('tagger weights of another format');
  const features = new Map<string, Float32Array>();
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!;
    const tab = line.lastIndexOf('\t');
    const parts = line.slice(tab + 1).split(',');
    const w = new Float32Array(TAGS.length);
    for (let k = 0; k < TAGS.length; k++) w[k] = Number(parts[k]) / 100;
    features.set(line.slice(0, tab), w);
  }
  return { header, transitions: header.transitions, features };
}
