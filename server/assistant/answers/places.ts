import type { Office } from '../../office/schema';
import { tokenise } from '../text/normalise';
import { nameMatcher, type Named } from './names';

/** Where online harassment happens, by the names people type (any script is read by sound). */
const ONLINE: string[] = [
  'internet',
  'online',
  'instagram',
  'insta',
  'facebook',
  'tiktok',
  'whatsapp',
  'telegram',
  'youtube',
  'twitter',
  'snapchat',
  'discord',
  'reddit',
  'linkedin',
  'threads',
  'internette',
  'internecie',
  'en ligne',
  'soziale medien',
  'social media',
  'réseaux sociaux',
  'sieci',
  'интернет',
  'інтернет',
  'соцсети',
  'соцмережі',
  'اونلاين',
  'آنلاین',
  'انترنت',
  'اینترنت',
  'مجازی',
  'çevrimiçi',
  'sosyal medya',
];

/** Places beyond the region people name: other German cities, the neighbours, countries. */
const OUTSIDE: string[] = [
  'Köln',
  'Cologne',
  'Kolonia',
  'Düsseldorf',
  'Bonn',
  'Berlin',
  'Hamburg',
  'München',
  'Munich',
  'Frankfurt',
  'Stuttgart',
  'Dortmund',
  'Essen',
  'Duisburg',
  'Bochum',
  'Wuppertal',
  'Bielefeld',
  'Münster',
  'Mönchengladbach',
  'Krefeld',
  'Neuss',
  'Leverkusen',
  'Düren',
  'Jülich',
  'Heinsberg',
  'Erkelenz',
  'Geilenkirchen',
  'Hückelhoven',
  'Übach-Palenberg',
  'Euskirchen',
  'Leipzig',
  'Dresden',
  'Hannover',
  'Bremen',
  'Nürnberg',
  'Maastricht',
  'Heerlen',
  'Kerkrade',
  'Eupen',
  'Lüttich',
  'Liège',
  'Brüssel',
  'Brussels',
  'Amsterdam',
  'Belgien',
  'Belgium',
  'Niederlande',
  'Holland',
  'Netherlands',
  'Polen',
  'Poland',
  'Polska',
  'Türkei',
  'Turkey',
  'Türkiye',
  'Syrien',
  'Syria',
  'Ukraine',
  'Russland',
  'Russia',
  'Afghanistan',
  'Iran',
  'Irak',
  'Iraq',
  'Frankreich',
  'France',
  'außerhalb',
  'woanders',
  'andere stadt',
  'anderen stadt',
  'other city',
  'another city',
  'another town',
  'outside the region',
  'autre ville',
  'inne miasto',
  'innym mieście',
  'другой город',
  'другом городе',
  'інше місто',
  'іншому місті',
  'başka şehir',
  'başka bir şehir',
  'مدينة تانية',
  'مدينة أخرى',
  'شهر دیگه',
  'شهر دیگر',
];

export type PlaceValue = string;

/** Words that say a place is not the one meant: before it ("nicht in Stolberg", "not Stolberg"), or after it in Turkish and Persian ("Stolberg değil"). */
const NOT_BEFORE = new Set(['nicht', 'kein', 'not', 'no', 'pas', 'nie', 'не', 'ні', 'نه', 'مو', 'مش', 'لا', 'ما']);
const NOT_AFTER = new Set(['degil', 'نه']);

/** The office's towns and districts, the rest of its region, online, and elsewhere: what a typed place is. */
export function placeMatcher(office: Office) {
  const entries: Named<PlaceValue>[] = [
    ...office.municipalities.map((m) => ({ value: m.code, names: [m.name, ...m.aliases] })),
    { value: 'elsewhere_in_region', names: office.regionPlaces },
    { value: 'online', names: ONLINE },
    { value: 'outside_region', names: OUTSIDE },
  ];
  const named = nameMatcher(entries);
  const towns = nameMatcher(entries.filter((e) => e.value !== 'outside_region'));
  return {
    /** What a reply to "where did it happen?" names, the closest match first; whether it matched exactly. */
    answer: (text: string): { value: PlaceValue; exact: boolean } | null => {
      const [best] = named(text);
      return best ? { value: best.value, exact: best.closeness === 0 } : null;
    },
    /**
     * A place a story names without doubt: one of the region's, or online; null when it names several or
     * none. Of several, one that is not denied ("nicht in Stolberg, sondern in Eschweiler") is meant.
     */
    inStory: (text: string): PlaceValue | null => {
      // Among the many words of a story, only a name as it is spelled (or with a case ending) counts.
      const found = towns(text).filter((f) => f.closeness <= 1);
      if (found.length <= 1) return found[0]?.value ?? null;
      const words = tokenise(text);
      const denied = (at: number) =>
        [at - 2, at - 1].some((i) => NOT_BEFORE.has(words[i] ?? '')) || NOT_AFTER.has(words[at + 1] ?? '');
      const meant = found.filter((f) => !denied(f.at));
      return meant.length === 1 ? meant[0]!.value : null;
    },
  };
}
