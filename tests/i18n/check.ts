import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { PENDING_TRANSLATION, WRITTEN_FIRST } from '../../shared/i18n/pending-translation';
import { pluralRulesOf } from '../../shared/i18n/translate';

const ROOT = path.resolve(import.meta.dirname, '..', '..');

export interface I18nProblem {
  file: string;
  problem: string;
}

/**
 * Message sets: a folder of `<locale>.json` files, all held to the keys and placeholders of the German file.
 * The phrasebook (the office's replies in every language) is one too: every phrase in every language.
 */
const MESSAGE_SETS = ['shared/i18n/messages', 'shared/i18n/staff', 'shared/i18n/phrasebook'];

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort();
}

type Text = string | Record<string, string>;

/** The plural forms a language needs (Intl.PluralRules): exactly those, no fewer and no more. */
function pluralProblems(locale: string, key: string, source: Record<string, string>, translated: Text): string[] {
  if (typeof translated === 'string') return [`${key} holds a count: give its plural forms (${categoriesOf(locale)})`];
  const problems: string[] = [];
  const wanted = categoriesOf(locale);
  const given = Object.keys(translated).sort().join(', ');
  if (given !== wanted) problems.push(`plural forms of ${key}: ${given} instead of ${wanted}`);
  const allowed = new Set(Object.values(source).flatMap(placeholders));
  for (const [form, text] of Object.entries(translated)) {
    if (!text.trim()) problems.push(`empty text for ${key}.${form}`);
    const unknown = placeholders(text).filter((p) => !allowed.has(p));
    if (unknown.length) problems.push(`placeholders of ${key}.${form}: {${unknown.join('}, {')}} not in de.json`);
  }
  if (translated.other !== undefined && placeholders(translated.other).join() !== placeholders(source.other!).join())
    problems.push(`placeholders of ${key}.other differ from de.json`);
  return problems;
}

const categoriesOf = (locale: string) =>
  [...pluralRulesOf(locale).resolvedOptions().pluralCategories].sort().join(', ');

export function checkMessageSets(): I18nProblem[] {
  const problems: I18nProblem[] = [];
  for (const set of MESSAGE_SETS) {
    const dir = path.join(ROOT, set);
    const source = JSON.parse(fs.readFileSync(path.join(dir, 'de.json'), 'utf8')) as Record<string, Text>;
    for (const [key, text] of Object.entries(source))
      if (typeof text !== 'string')
        for (const problem of pluralProblems('de', key, text, text)) problems.push({ file: `${set}/de.json`, problem });
    for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.json') && f !== 'de.json')) {
      const rel = `${set}/${file}`;
      const locale = file.slice(0, -5);
      let messages: Record<string, Text>;
      try {
        messages = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'));
      } catch (error) {
        problems.push({ file: rel, problem: `not valid JSON: ${(error as Error).message}` });
        continue;
      }
      for (const [key, text] of Object.entries(source)) {
        const translated = messages[key];
        if (translated === undefined) {
          const pending = set === 'shared/i18n/messages' && PENDING_TRANSLATION.has(key) && !WRITTEN_FIRST.has(locale);
          if (!pending) problems.push({ file: rel, problem: `missing key ${key}` });
        } else if (typeof text !== 'string') {
          for (const problem of pluralProblems(locale, key, text, translated)) problems.push({ file: rel, problem });
        } else if (typeof translated !== 'string') {
          problems.push({ file: rel, problem: `${key} holds no count in de.json: give one text` });
        } else if (!translated.trim()) problems.push({ file: rel, problem: `empty text for ${key}` });
        else if (placeholders(translated).join() !== placeholders(text).join()) {
          problems.push({
            file: rel,
            problem: `placeholders of ${key}: {${placeholders(translated).join('}, {')}} instead of {${placeholders(text).join('}, {')}}`,
          });
        }
      }
      for (const key of Object.keys(messages))
        if (!(key in source)) problems.push({ file: rel, problem: `key ${key} is not in de.json` });
    }
  }
  return problems;
}

/** Attributes whose text a person reads or hears: they must come from the message files too. */
const TEXT_ATTRIBUTES = new Set([
  'aria-label',
  'title',
  'alt',
  'placeholder',
  'aria-description',
  'aria-roledescription',
]);

/**
 * Text in the pages' markup that does not come from `t(...)`: JSX text with letters, and readable attributes
 * given as string literals. Symbols and punctuation (✕, →, ·) are not language.
 */
export function findHardCodedText(): I18nProblem[] {
  const problems: I18nProblem[] = [];
  const files = fs
    .readdirSync(path.join(ROOT, 'web'), { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile() && d.name.endsWith('.tsx'))
    .map((d) => path.join(d.parentPath, d.name));
  for (const file of files) {
    const source = ts.createSourceFile(
      file,
      fs.readFileSync(file, 'utf8'),
      ts.ScriptTarget.Latest,
      true,
      ts.ScriptKind.TSX,
    );
    const rel = path.relative(ROOT, file);
    const visit = (node: ts.Node) => {
      if (ts.isJsxText(node) && /\p{L}/u.test(node.text)) {
        problems.push({ file: rel, problem: `text "${node.text.trim()}" (line ${line(source, node)})` });
      }
      if (
        ts.isJsxAttribute(node) &&
        TEXT_ATTRIBUTES.has(node.name.getText(source)) &&
        node.initializer &&
        ts.isStringLiteral(node.initializer) &&
        /\p{L}/u.test(node.initializer.text)
      ) {
        problems.push({
          file: rel,
          problem: `${node.name.getText(source)}="${node.initializer.text}" (line ${line(source, node)})`,
        });
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return problems;
}

function line(source: ts.SourceFile, node: ts.Node): number {
  return source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
}
