import { NEVER_NAME, PLACE_WORDS } from '../gazetteers/words';
import type { Candidate, ScanInput } from '../types';
import { isCapitalised, tokenize } from './tokens';

/**
 * Names of small workplaces, schools and venues: in a village, "Bäckerei Schmitz" names the baker.
 * The kind of place stays ("Bäckerei [Name]"), the proper name goes. A municipality after the kind
 * ("Gymnasium Alsdorf") stays, since it identifies no person.
 */
const KINDS =
  'Bäckerei Metzgerei Konditorei Firma Fa Restaurant Café Cafe Imbiss Kiosk Friseur Friseursalon Salon Praxis Arztpraxis Kanzlei Apotheke Kita Kindertagesstätte Kindergarten Grundschule Gesamtschule Realschule Hauptschule Förderschule Sekundarschule Gymnasium Berufskolleg Altenheim Pflegeheim Seniorenheim Pflegedienst Hausverwaltung Autohaus Pizzeria Club Diskothek Disco Bar Kneipe Hotel Pension Fitnessstudio Studio Nagelstudio Fahrschule Reinigung Spedition Bistro Werkstatt Autowerkstatt Baufirma Gaststätte Supermarkt Laden Verein Sportverein Moscheegemeinde Gemeinde Jugendzentrum';
const KIND_SET = new Set(KINDS.split(' '));
const COMPOUND_RE =
  /^([A-ZÄÖÜ][\p{L}]+(?:-[A-ZÄÖÜ][\p{L}]+)*)-(Schule|Grundschule|Gesamtschule|Realschule|Gymnasium|Kita|Apotheke|Praxis)$/u;
const LEADS = new Set(['Zum', 'Zur', 'Am', 'Im', 'St', 'Sankt', 'Haus']);

export function recognizeWorkplace({ text }: ScanInput): Candidate[] {
  const tokens = tokenize(text);
  const out: Candidate[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const compound = t.text.includes('-') ? COMPOUND_RE.exec(t.text) : null;
    if (compound) {
      out.push({ type: 'name', start: t.start, end: t.start + compound[1]!.length, score: 0.55 });
      continue;
    }
    // Tokens are letters only, so no trailing full stop needs stripping.
    if (!KIND_SET.has(t.text)) continue;
    const first = tokens[i + 1];
    if (!first) continue;
    const gap = text.slice(t.end, first.start);
    if (!/^\.?\s["„“]?$/.test(gap)) continue;
    // "Grundschule am Lindenweg", "Kita an der Burg": the street names the school.
    if (/^(am|an|im|in)$/.test(first.text)) {
      const k = tokens[i + 2]?.text === 'der' || tokens[i + 2]?.text === 'den' ? i + 3 : i + 2;
      const street = tokens[k];
      if (street && isCapitalised(street.text) && !PLACE_WORDS.has(street.text) && !NEVER_NAME.has(street.text)) {
        out.push({ type: 'name', start: first.start, end: street.end, score: 0.55 });
      }
      continue;
    }
    if (
      !isCapitalised(first.text) ||
      NEVER_NAME.has(first.text) ||
      PLACE_WORDS.has(first.text) ||
      KIND_SET.has(first.text)
    ) {
      continue;
    }
    let end = first.end;
    if (LEADS.has(first.text)) {
      // "Zum Goldenen Hirsch", "St. Josef": take up to two more capitalised words.
      let k = i + 2;
      while (
        k < tokens.length &&
        k <= i + 3 &&
        isCapitalised(tokens[k]!.text) &&
        /^\.?\s$/.test(text.slice(tokens[k - 1]!.end, tokens[k]!.start))
      ) {
        end = tokens[k]!.end;
        k++;
      }
    } else {
      // "Hausverwaltung Immobilien Krings", "Firma Yılmaz Bau": a second capitalised word belongs to the name.
      const second = tokens[i + 2];
      if (
        second &&
        text.slice(first.end, second.start) === ' ' &&
        isCapitalised(second.text) &&
        !NEVER_NAME.has(second.text) &&
        !PLACE_WORDS.has(second.text) &&
        !KIND_SET.has(second.text)
      ) {
        end = second.end;
      }
    }
    out.push({ type: 'name', start: first.start, end, score: 0.55 });
  }
  return out;
}
