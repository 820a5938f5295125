import { NAME_LISTS } from '../gazetteers/regions';
import { FIRST_NAMES } from '../gazetteers/firstNames';
import { SURNAMES } from '../gazetteers/surnames';
import type { Random } from './random';

/**
 * Names for the training corpus, in the script of the text's language, composed the ways reporters write
 * them: given and family name, one of them, two given names, an initial, particles ("van den", "El",
 * "bin"). A share comes from names on no list (TRAINING_ONLY and syllable-built ones), so the classifier
 * learns to find a name by its place in the sentence, not only by knowing it.
 */
export type Script = 'latin' | 'cyrillic' | 'arabic' | 'persian';

const TRAINING_ONLY = {
  latinGiven:
    'Abrehet Ermias Tsion Yemane Samrawit Habtom Nahom Weini Sabrina Fiori Liya Abdiwali Sahro Hamse Najma Mursal Qudratullah Parwin Marzia Wasima Shukria Enayat Juma Folasade Ngozi Chibuzor Ebere Kwesi Nana Afia Yaa Mawuli Sefa Kodjo Ablavi Idrissa Mariatou Kadidja Ramata Boureima Sali Gjyle Shpresa Elvira Remzi Fadil Sevdije Djemile Ismet Fikrije Beqir Zemfira Gulnara Aizhan Bakhyt Dauren Yerlan Saule Madina Dilnoza Shokhrukh Anvar Feruza Tahmina Rustam Zarina Hovhannes Gayane Lusine Ashot Nodar Eka Tamaz Maia Kemalettin Nurgül Sultan Dursun Hayriye Sabahattin Gülten Şenay Alparslan Bünyamin Zübeyir Hamit Gyasi Dumisani Sipho Thandiwe Lerato Zodwa Amare Birtukan Eyerusalem Getachew Hailu Jemal Tirhas Wolde',
  latinFamily:
    'Gebrehiwet Tesfamariam Woldemariam Andemariam Habtemariam Ghirmay Mehreteab Tewelde Yemane Afewerki Abdulle Dirie Egal Samatar Warfa Yusufzai Karzai Mohmand Niazi Shinwari Ahmadzai Totakhil Arghandiwal Nwachukwu Obi Chukwu Adekunle Olawale Oyelaran Agyeman Ofori Danso Quaye Badu Tetteh Konaré Dembélé Cissokho Diawara Sissoko Fofana Soumaré Halilović Osmani Rexhepi Shabani Hasani Mahmutović Bekteshi Sulejmani Nurmagomedov Abdulaev Umarov Kadyrov Tashkentov Rakhimov Yusupov Petrosyan Hakobyan Grigoryan Tsiklauri Lomidze Tsereteli Yüksel Aktürk Kocabaş Gündüz Özbek Sönmez Dündar Hadžiahmetović Mehmedagić Tairi Kalderaš Ferati Czerwiński Błaszczyk Kaczmarczyk Hoang Truong Phung Mbatha Dlamini Ndlovu Kebede Alemu Woldegiorgis Hagos Kahsay Beyene Schnitzler Hüppertz Kogel Dreßen Mevissen Lersch Tillmann Neuefeind Scheuvens Krichel Flecken Plum Königs Schumacher-Krings Bremen-Zöller',
  cyrillicGiven:
    'Зарина Мадина Айгуль Бахыт Даурен Ерлан Рустам Фатима Шамиль Магомед Ахмед Зелимхан Асель Гульнара Тамара Нодар Георгий Ашот Гаяне Лусине Эльвира Фидан Ильхам Эмиль Ярина Оксана Зоя Стефания Злата Арсений Матвей Тимофей Платон Святослав Всеволод Ростислав Мирон Любомир Орест Богдана Євген Єлизавета Ілля Юліан Маріанна Хельга Райнер Дирк Гюнтер Вилли',
  cyrillicFamily:
    'Магомедов Абдулаев Умаров Кадыров Рахимов Юсупов Петросян Акопян Григорян Циклаури Ломидзе Церетели Сидоренко Гончаренко Литвиненко Мирошниченко Зинченко Пономаренко Ковальов Гуменюк Дмитрук Яковенко Семенюк Кравець Білик Гаврилюк Романюк Онищенко Федоренко Клименко Василенко Захарченко Беккерс Хюпперц Тиллманн Шумахер Кёнигс Дрессен Майвиссен',
  arabicGiven:
    'مؤمن نجلاء بشرى رزان ديمة غيث قصي أيهم براء جنى لمى ميس رغد حلا سدرة تيماء عبد الكريم عبد الرزاق عبد الحميد نبيل عادل كمال فيصل ربيع جميل نضال إياس هيثم راينر غونتر فيلي يواخيم زيغفريد إيرمغارد',
  arabicFamily:
    'الحمصي الدمشقي الإدلبي الديري الرقاوي العراقي البغدادي الموصلي الزعبي المحمد العبدالله الخليل النعيمي العساف الحاج يوسف الأيوبي قباني طرابلسي البيطار حجازي شلبي غنيم هويزر تيلمان شوماخر كونيغس دريسن',
  persianGiven:
    'قدرت‌الله ذبیح‌الله نجیب‌الله حمیدالله عزت‌الله شفیق مرسل زرمینه پروین مرضیه وسیمه شکریه عنایت جمعه فریبا مهتاب سیمین بهاره آتنا ساناز کامیار اردلان سیاوش بردیا ماهان آیسان هستی رستم زال ژاله سوسن',
  persianFamily:
    'یوسفزی کرزی مهمند نیازی شینواری احمدزی توتاخیل ارغندیوال قادری صدیقی فاضلی ملکی نادری جهانی سروری کریمیان نیک‌پور صالحی رفیعی قاسمی ابراهیمی نوروزی غلامی مختاری هوپرتس تیلمان شوماخر کونیگس درسن',
};

const SYLLABLES = {
  latin: [
    'ka',
    'ri',
    'mo',
    'sa',
    'le',
    'na',
    'to',
    'bi',
    'ze',
    'ha',
    'do',
    'mi',
    'ru',
    'fe',
    'lo',
    'an',
    'el',
    'or',
    'us',
    'in',
    'ba',
    'ye',
    'gu',
    'tsi',
    'wa',
    'ki',
    'ola',
    'em',
    'du',
    'ja',
  ],
  cyrillic: [
    'ка',
    'ри',
    'мо',
    'са',
    'ле',
    'на',
    'то',
    'би',
    'зе',
    'ха',
    'до',
    'ми',
    'ру',
    'фе',
    'ло',
    'ан',
    'ел',
    'ор',
    'ус',
    'ин',
  ],
  arabic: ['ما', 'ري', 'سا', 'لي', 'نو', 'را', 'كا', 'دي', 'فا', 'جو', 'هي', 'بو'],
  persian: ['ما', 'ری', 'سا', 'لی', 'نو', 'را', 'کا', 'دی', 'فا', 'جو', 'هی', 'بو'],
};
const SURNAME_ENDINGS = {
  latin: ['', '', 'er', 'mann', 'i', 'ović', 'ski', 'yan', 'ov', 'oğlu', 'zai', 'eh', 'ou', 'ić', 'en', 'ers'],
  cyrillic: ['', 'ов', 'ова', 'енко', 'ук', 'ян', 'швили', 'ер', 'ин', 'ська', 'ський'],
  arabic: ['', 'ي', 'ان', 'اني'],
  persian: ['', 'ی', 'زاده', 'پور', 'یان'],
};

function words(s: string): string[] {
  return s.split(/\s+/).filter(Boolean);
}

const POOLS: Record<Script, { given: string[]; family: string[] }> = {
  latin: {
    given: [
      ...Object.values(NAME_LISTS.latinGiven).flatMap(words),
      ...[...FIRST_NAMES].filter((n) => /^[A-ZÀ-ž]/.test(n)),
      ...words(TRAINING_ONLY.latinGiven),
      ...words(TRAINING_ONLY.latinGiven),
    ],
    family: [
      ...Object.values(NAME_LISTS.latinFamily).flatMap(words),
      ...[...SURNAMES].filter((n) => /^[A-ZÀ-ž]/.test(n)),
      ...words(TRAINING_ONLY.latinFamily),
      ...words(TRAINING_ONLY.latinFamily),
    ],
  },
  cyrillic: {
    given: [...NAME_LISTS.cyrillicGiven, ...words(TRAINING_ONLY.cyrillicGiven), ...words(TRAINING_ONLY.cyrillicGiven)],
    family: [
      ...NAME_LISTS.cyrillicFamily,
      ...words(TRAINING_ONLY.cyrillicFamily),
      ...words(TRAINING_ONLY.cyrillicFamily),
    ],
  },
  arabic: {
    given: [...NAME_LISTS.arabicGiven, ...words(TRAINING_ONLY.arabicGiven), ...words(TRAINING_ONLY.arabicGiven)],
    family: [...NAME_LISTS.arabicFamily, ...words(TRAINING_ONLY.arabicFamily), ...words(TRAINING_ONLY.arabicFamily)],
  },
  persian: {
    given: [...NAME_LISTS.persianGiven, ...words(TRAINING_ONLY.persianGiven), ...words(TRAINING_ONLY.persianGiven)],
    family: [...NAME_LISTS.persianFamily, ...words(TRAINING_ONLY.persianFamily), ...words(TRAINING_ONLY.persianFamily)],
  },
};

function invented(script: Script, r: Random, family: boolean): string {
  const syl = SYLLABLES[script];
  let s = '';
  const n = 2 + Math.floor(r() * 2);
  for (let i = 0; i < n; i++) s += syl[Math.floor(r() * syl.length)];
  if (family) s += r.pick(SURNAME_ENDINGS[script]);
  return script === 'latin' || script === 'cyrillic' ? s.charAt(0).toUpperCase() + s.slice(1) : s;
}

export function givenName(script: Script, r: Random): string {
  return r() < 0.1 ? invented(script, r, false) : r.pick(POOLS[script].given);
}

export function familyName(script: Script, r: Random): string {
  return r() < 0.1 ? invented(script, r, true) : r.pick(POOLS[script].family);
}

/** A person's name as people write it; `parts` says which forms the template allows. */
export function personName(script: Script, r: Random, parts: 'full' | 'given' | 'family' | 'any'): string {
  if (parts === 'given') return givenName(script, r);
  if (parts === 'family') return familyName(script, r);
  const x = r();
  if (parts === 'any' && x < 0.25) return givenName(script, r);
  if (parts === 'any' && x < 0.4) return familyName(script, r);
  if (script === 'latin') {
    if (x > 0.93) return `${givenName(script, r)[0]}. ${familyName(script, r)}`;
    if (x > 0.86)
      return `${givenName(script, r)} ${r.pick(['van den', 'van der', 'de', 'El', 'Al', 'bin', 'von', 'da', 'ben'])} ${familyName(script, r)}`;
    if (x > 0.78) return `${givenName(script, r)} ${givenName(script, r)} ${familyName(script, r)}`;
    if (x > 0.74) return `${givenName(script, r)} ${familyName(script, r)}-${familyName(script, r)}`;
  }
  if (script === 'arabic') {
    if (x > 0.9) return `${r.pick(['أبو', 'أم'])} ${givenName(script, r)}`;
    if (x > 0.8) return `${givenName(script, r)} ${givenName(script, r)} ${familyName(script, r)}`;
    if (x > 0.75) return `${givenName(script, r)} بن ${givenName(script, r)}`;
  }
  if (script === 'persian' && x > 0.85)
    return `${givenName(script, r)} ${givenName(script, r)} ${familyName(script, r)}`;
  if (script === 'cyrillic' && x > 0.9)
    return `${givenName(script, r)} ${r.pick(['Петрович', 'Ивановна', 'Степанівна', 'Олегович', 'Сергеевна', 'Миколайович'])}`;
  return `${givenName(script, r)} ${familyName(script, r)}`;
}
