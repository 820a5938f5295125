import fs from 'node:fs';
import path from 'node:path';
import { AVAILABLE_LOCALES, messagesFor } from '../../shared/i18n/catalog';
import type { MessageKey, MessageText } from '../../shared/i18n/translate';
import {
  GROUNDS,
  INCIDENT_FORMS,
  LIFE_DOMAINS,
  RACISM_FORMS,
  REPORTER_ROLES,
  REPORT_STATUSES,
} from '../../shared/taxonomy';

export const GLOSSARY_FILE = path.resolve(import.meta.dirname, '..', '..', 'shared', 'i18n', 'glossary.md');

const SECTIONS: [string, string, readonly string[]][] = [
  ['Diskriminierungsgründe', 'ground', GROUNDS],
  ['Formen von Rassismus', 'racism_form', RACISM_FORMS],
  ['Lebensbereiche', 'life_domain', LIFE_DOMAINS],
  ['Vorfallsarten', 'incident_form', INCIDENT_FORMS],
  ['Rolle der meldenden Person', 'role', REPORTER_ROLES],
  ['Bearbeitungsstand', 'status', REPORT_STATUSES],
];

/**
 * The category terms of every language side by side, made from the message files themselves: the glossary
 * cannot say one word while the portal shows another. `npm run i18n:glossary` writes it; a test compares.
 */
export function renderGlossary(): string {
  const locales = AVAILABLE_LOCALES;
  const messages = Object.fromEntries(locales.map((l) => [l, messagesFor(l)]));
  // Category terms are plain words, never counts; Leichte Sprache is set one sentence per line, a table cell
  // holds it on one.
  const cell = (text: MessageText | undefined) =>
    (typeof text === 'string' ? text : '').replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');
  let out = `# Glossar: die Kategorien in allen Sprachen\n\nErzeugt aus \`shared/i18n/messages/*.json\` mit \`npm run i18n:glossary\`; nicht von Hand ändern.\nStil und Kernbegriffe je Sprache: \`shared/i18n/style.md\`.\n`;
  for (const [title, prefix, codes] of SECTIONS) {
    out += `\n## ${title} (\`${prefix}.*\`)\n\n| code | ${locales.join(' | ')} |\n|${' --- |'.repeat(locales.length + 1)}\n`;
    for (const code of codes) {
      const key = `${prefix}.${code}` as MessageKey;
      out += `| \`${code}\` | ${locales.map((l) => cell(messages[l]![key])).join(' | ')} |\n`;
    }
  }
  return out;
}

if (process.argv[1] === import.meta.filename) {
  fs.writeFileSync(GLOSSARY_FILE, renderGlossary());
  console.log(`Wrote ${path.relative(process.cwd(), GLOSSARY_FILE)}`);
}
