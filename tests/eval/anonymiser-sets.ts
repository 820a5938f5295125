/**
 * The anonymiser's labelled sets: the old evaluation set (eval.jsonl, split dev/heldout/heldout2/heldout3)
 * and two sets written independently (independent/dev.jsonl to tune on, independent/frozen.jsonl to report
 * only). The independent sets give each label as a substring; offsets are computed here.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const FIXTURES = resolve(repoRoot, 'tests', 'fixtures', 'anonymiser');
export const EVAL_FILE = resolve(FIXTURES, 'eval.jsonl');
export const INDEPENDENT_DEV_FILE = resolve(FIXTURES, 'independent', 'dev.jsonl');
export const FROZEN_FILE = resolve(FIXTURES, 'independent', 'frozen.jsonl');
/** The frozen set as committed before any tuning; a changed file fails the evaluation tests. */
export const FROZEN_SHA256 = 'd0aea47b3578fc05357e53d4e776dd8fe4cbfe3ed28131d77680200412d96f99';

export interface Label {
  type: string;
  start: number;
  end: number;
  text: string;
}

export interface LabelledText {
  id: string;
  /** For the old set its split; for the independent sets "dev2" or "frozen". */
  split: string;
  lang: string;
  text: string;
  labels: Label[];
}

function readJsonl<T>(file: string): T[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as T);
}

export function loadEvalSet(): LabelledText[] {
  return readJsonl<LabelledText>(EVAL_FILE);
}

export function sha256Of(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

const WORD_CHAR = /[\p{L}\p{N}\p{M}_]/u;

function atWordBoundaries(text: string, start: number, end: number): boolean {
  return !(start > 0 && WORD_CHAR.test(text[start - 1]!)) && !(end < text.length && WORD_CHAR.test(text[end]!));
}

/**
 * Places each label on an occurrence of its text. Longer labels first (so "mehmet" does not land inside
 * an earlier "mehmets"), whole-word occurrences before others, the earliest free one. A labelled string
 * that stands once more in the text, unlabelled and as a whole word, is personal data there too: it
 * becomes a label of the same type.
 */
export function placeLabels(text: string, labels: { type: string; text: string }[]): Label[] {
  const placed: Label[] = [];
  const free = (s: number, e: number) => placed.every((p) => e <= p.start || p.end <= s);
  const order = labels.map((l, i) => ({ ...l, i })).sort((a, b) => b.text.length - a.text.length || a.i - b.i);
  for (const l of order) {
    const occurrences: number[] = [];
    for (let at = text.indexOf(l.text); at >= 0; at = text.indexOf(l.text, at + 1)) occurrences.push(at);
    const pick =
      occurrences.find((s) => free(s, s + l.text.length) && atWordBoundaries(text, s, s + l.text.length)) ??
      occurrences.find((s) => free(s, s + l.text.length));
    if (pick === undefined) throw new Error(`label "${l.text}" has no free occurrence in: ${text}`);
    placed.push({ type: l.type, start: pick, end: pick + l.text.length, text: l.text });
  }
  for (const l of [...placed]) {
    for (let at = text.indexOf(l.text); at >= 0; at = text.indexOf(l.text, at + 1)) {
      const end = at + l.text.length;
      if (free(at, end) && atWordBoundaries(text, at, end)) placed.push({ ...l, start: at, end });
    }
  }
  return placed.sort((a, b) => a.start - b.start);
}

function loadIndependent(file: string, split: string): LabelledText[] {
  return readJsonl<{ id: string; lang: string; text: string; labels: { type: string; text: string }[] }>(file).map(
    (r) => ({ id: r.id, split, lang: r.lang, text: r.text, labels: placeLabels(r.text, r.labels) }),
  );
}

/** The development set written independently: tuned on. */
export function loadIndependentDev(): LabelledText[] {
  return loadIndependent(INDEPENDENT_DEV_FILE, 'dev2');
}

/** The frozen held-out set: figures only, never its individual misses. */
export function loadFrozen(): LabelledText[] {
  return loadIndependent(FROZEN_FILE, 'frozen');
}
