/**
 * Batch anonymisation for offices and for evaluation: JSON Lines in, JSON Lines out.
 *   in:  {"text": "...", "lang": "de"}
 *   out: {"text": "<anonymised>", "entities": [{"type": "...", "start": n, "end": n}]}
 * A bad line yields {"error": "..."} and the run goes on; only I/O failure ends it non-zero.
 * This file is the module's only Node-specific part.
 */
import { createInterface } from 'node:readline';
import { DEFAULT_LOCALE, isLocale } from '../../shared/locales';
import { anonymise } from './index';

function processLine(line: string): string {
  let input: unknown;
  try {
    input = JSON.parse(line);
  } catch {
    return JSON.stringify({ error: 'line is not valid JSON' });
  }
  if (typeof input !== 'object' || input === null || typeof (input as { text?: unknown }).text !== 'string') {
    return JSON.stringify({ error: 'expected an object with a string "text"' });
  }
  const { text, lang } = input as { text: string; lang?: unknown };
  if (lang !== undefined && !isLocale(lang)) {
    return JSON.stringify({ error: `unknown lang ${JSON.stringify(lang)}` });
  }
  return JSON.stringify(anonymise(text, lang ?? DEFAULT_LOCALE));
}

const rl = createInterface({ input: process.stdin, crlfDelay: Infinity });
process.stdout.on('error', () => process.exit(1));
process.stdin.on('error', () => process.exit(1));
rl.on('line', (line) => {
  if (!line.trim()) return;
  process.stdout.write(processLine(line) + '\n');
});
