/**
 * Case forms of names in Russian, Ukrainian and Polish, enough for the training corpus to show names as
 * they stand in sentences ("с Олегом", "синові Маркові", "z panem Kaiserem", "córkę Zuzannę"). Rules of
 * thumb, not a grammar: the classifier needs the variety, not every exception.
 */
export type Case = 'nom' | 'gen' | 'dat' | 'acc' | 'ins';
type Lang = 'ru' | 'uk' | 'pl';

const FEMININE_RE = /[аяa]$/u;
/** Family names that keep one form in every case: Ukrainian -enko, Georgian -shvili, -yan, German names of women. */
const FIXED_RE = /(?:енко|ко|швили|ян|іч|ich|ko|i|o|е|и|у|ю)$/u;

function ru(word: string, c: Case, family: boolean): string {
  if (c === 'nom') return word;
  if (/(?:ов|ев|ёв|ин|ын)$/u.test(word)) return word + { gen: 'а', dat: 'у', acc: 'а', ins: family ? 'ым' : 'ом' }[c];
  if (/(?:ова|ева|ина|ына)$/u.test(word)) return word.slice(0, -1) + { gen: 'ой', dat: 'ой', acc: 'у', ins: 'ой' }[c];
  if (/ий$/u.test(word)) return word.slice(0, -2) + { gen: 'ия', dat: 'ию', acc: 'ия', ins: 'ием' }[c];
  if (/й$/u.test(word)) return word.slice(0, -1) + { gen: 'я', dat: 'ю', acc: 'я', ins: 'ем' }[c];
  if (/ия$/u.test(word)) return word.slice(0, -1) + { gen: 'и', dat: 'и', acc: 'ю', ins: 'ей' }[c];
  if (/я$/u.test(word)) return word.slice(0, -1) + { gen: 'и', dat: 'е', acc: 'ю', ins: 'ей' }[c];
  if (/[кгхжшчщ]а$/u.test(word)) return word.slice(0, -1) + { gen: 'и', dat: 'е', acc: 'у', ins: 'ой' }[c];
  if (/а$/u.test(word)) return word.slice(0, -1) + { gen: 'ы', dat: 'е', acc: 'у', ins: 'ой' }[c];
  if (FIXED_RE.test(word) || /ь$/u.test(word)) return word;
  return word + { gen: 'а', dat: 'у', acc: 'а', ins: /[жшчщц]$/u.test(word) ? 'ем' : 'ом' }[c];
}

function uk(word: string, c: Case): string {
  if (c === 'nom') return word;
  if (/ій$/u.test(word)) return word.slice(0, -2) + { gen: 'ія', dat: 'ієві', acc: 'ія', ins: 'ієм' }[c];
  if (/ія$/u.test(word)) return word.slice(0, -1) + { gen: 'ї', dat: 'ї', acc: 'ю', ins: 'єю' }[c];
  if (/я$/u.test(word)) return word.slice(0, -1) + { gen: 'і', dat: 'і', acc: 'ю', ins: 'ею' }[c];
  if (/(?:ова|ева|іна)$/u.test(word)) return word.slice(0, -1) + { gen: 'ої', dat: 'ій', acc: 'у', ins: 'ою' }[c];
  if (/а$/u.test(word)) return word.slice(0, -1) + { gen: 'и', dat: 'і', acc: 'у', ins: 'ою' }[c];
  if (FIXED_RE.test(word) || /ь$/u.test(word)) return word;
  return word + { gen: 'а', dat: 'ові', acc: 'а', ins: 'ом' }[c];
}

function pl(word: string, c: Case): string {
  if (c === 'nom') return word;
  if (/ski$|cki$|dzki$/u.test(word)) return word.slice(0, -1) + { gen: 'iego', dat: 'iemu', acc: 'iego', ins: 'im' }[c];
  if (/ska$|cka$|dzka$/u.test(word)) return word.slice(0, -1) + { gen: 'iej', dat: 'iej', acc: 'ą', ins: 'ą' }[c];
  if (/[kg]a$/u.test(word)) return word.slice(0, -1) + { gen: 'i', dat: 'ce', acc: 'ę', ins: 'ą' }[c];
  if (/a$/u.test(word)) return word.slice(0, -1) + { gen: 'y', dat: 'ie', acc: 'ę', ins: 'ą' }[c];
  if (/ek$/u.test(word)) return word.slice(0, -2) + { gen: 'ka', dat: 'kowi', acc: 'ka', ins: 'kiem' }[c];
  if (/[kg]$/u.test(word)) return word + { gen: 'a', dat: 'owi', acc: 'a', ins: 'iem' }[c];
  if (/[aeiouyąęó]$/u.test(word)) return word;
  return word + { gen: 'a', dat: 'owi', acc: 'a', ins: 'em' }[c];
}

/** Every word of a name in the case; a woman's foreign family name stays as it is. */
export function inflectName(name: string, c: Case, lang: Lang): string {
  const parts = name.split(' ');
  const feminine = FEMININE_RE.test(parts[0]!);
  return parts
    .map((w, i) => {
      const family = i > 0;
      if (family && feminine && !/[аяa]$/u.test(w)) return w;
      if (lang === 'ru') return ru(w, c, family);
      if (lang === 'uk') return uk(w, c);
      return pl(w, c);
    })
    .join(' ');
}
