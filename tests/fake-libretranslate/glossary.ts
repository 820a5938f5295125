/**
 * What the fake translators "translate": words and phrases of a small glossary replaced, the rest kept, so
 * that a test knows what to search for ("Vermieter" in the German of a Turkish report) without scripting
 * every text. Shared by the fake LibreTranslate server and the fake model.
 */
const GLOSSARY: Record<string, [string, string][]> = {
  'tr>de': [
    ['ev sahibi', 'Vermieter'],
    ['daireyi', 'die Wohnung'],
    ['daire', 'Wohnung'],
    ['kira', 'Miete'],
    ['komşu', 'Nachbar'],
    ['otobüs', 'Bus'],
    ['hakaret', 'Beleidigung'],
    ['türklere', 'an Türken'],
    ['bana', 'mir'],
  ],
  'ar>de': [
    ['صاحب البيت', 'Vermieter'],
    ['الشقة', 'die Wohnung'],
    ['الحافلة', 'Bus'],
  ],
  'de>tr': [
    ['vielen dank für ihre nachricht', 'Mesajınız için çok teşekkür ederiz'],
    ['wohnung', 'daire'],
    ['vermieter', 'ev sahibi'],
    ['wir rufen sie nicht an', 'sizi aramayacağız'],
  ],
  'de>ar': [
    ['vielen dank für ihre nachricht', 'شكراً جزيلاً لرسالتك'],
    ['wir melden uns bald', 'سنكتب لك قريباً'],
    ['wohnung', 'الشقة'],
  ],
};

export function glossaryTranslate(text: string, source: string, target: string): string {
  let out = text;
  for (const [from, to] of GLOSSARY[`${source}>${target}`] ?? []) {
    out = out.replace(new RegExp(escape(from), 'giu'), to);
  }
  return out;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
