import { describe, expect, it } from 'vitest';
import { found, foundOf } from './helpers';

describe('e-mail', () => {
  it('removes plain, internationalised and "(at)" addresses', () => {
    expect(foundOf('email', 'Mail an ahmed.k@gmx.de bitte')).toEqual(['ahmed.k@gmx.de']);
    expect(foundOf('email', 'user@xn--80ak6aa92e.com heute')).toEqual(['user@xn--80ak6aa92e.com']);
    expect(foundOf('email', 'ibrahim_k[at]gmx.net')).toEqual(['ibrahim_k[at]gmx.net']);
  });
  it('leaves an address without top-level domain', () => {
    expect(foundOf('email', 'my email is info@presidio.')).toEqual([]);
  });
});

describe('phone', () => {
  it.each([
    ['Ruf an: 0241 / 123 45-6', '0241 / 123 45-6'],
    ['Handy 0176-23456789.', '0176-23456789'],
    ['+49 (0) 176 12345678 abends', '+49 (0) 176 12345678'],
    ['0049 241 55555 tagsüber', '0049 241 55555'],
    ['(0241) 90 17 55', '(0241) 90 17 55'],
    ['US: (415) 555-0132', '(415) 555-0132'],
  ])('finds the number in %s', (text, number) => {
    expect(foundOf('phone', text)).toEqual([number]);
  });
  it.each([
    'Am 12.03.2024 um 14:30 im Bus 51',
    'Das hat 1.200 Euro gekostet, 2,50 € das Ticket',
    'Von 2019 bis 2023, also 2019 2020 2021',
    'Linie 11, 45 und 350, Gleis 9, Zug RE 4',
    'Es waren 10 000 Menschen auf der Demo',
    'zwischen 8:40 und 9.15 Uhr',
  ])('leaves dates, prices, years and bus lines alone: %s', (text) => {
    expect(foundOf('phone', text)).toEqual([]);
  });
});

describe('IBAN and accounts', () => {
  it('removes checksum-valid IBANs of any country, grouped or compact, not the next word', () => {
    expect(foundOf('iban', 'IBAN DE89 3704 0044 0532 0130 00 bitte')).toEqual(['DE89 3704 0044 0532 0130 00']);
    expect(foundOf('iban', 'GB29NWBK60161331926819')).toEqual(['GB29NWBK60161331926819']);
    expect(foundOf('iban', 'AL47-2121-1009-0000-0002-3569-8741')).toEqual(['AL47-2121-1009-0000-0002-3569-8741']);
  });
  it('does not call a wrong checksum an IBAN, but removes it as account after "IBAN"', () => {
    expect(foundOf('iban', 'DE89 3704 0044 0532 0130 01')).toEqual([]);
    expect(foundOf('account', 'meine IBAN DE89 3704 0044 0532 0130 01')).toEqual(['DE89 3704 0044 0532 0130 01']);
  });
  it('removes a Jobcenter customer or household number as the number of a file kept on the person', () => {
    expect(foundOf('id_number', 'Kundennummer 352D012345.')).toEqual(['352D012345']);
    expect(foundOf('id_number', 'Meine BG-Nummer ist 36201BG0047113.')).toEqual(['36201BG0047113']);
  });
  it('removes customer and membership numbers of companies and clubs after their word, in any language', () => {
    expect(foundOf('account', 'Mitgliedsnummer 100-58821 falls ihr')).toEqual(['100-58821']);
    expect(foundOf('account', 'Mon numéro de compte client chez le fournisseur : 4400 19 8823.', 'fr')).toEqual([
      '4400 19 8823',
    ]);
    expect(foundOf('account', 'Üye numaram PG-20931, aidatımı', 'tr')).toEqual(['PG-20931']);
    expect(foundOf('account', 'شماره عضویت ۲۲۰۴۵۱', 'fa')).toEqual(['۲۲۰۴۵۱']);
  });
});

describe('links and handles', () => {
  it('removes links with and without scheme, without trailing punctuation', () => {
    expect(foundOf('url', 'Link: https://facebook.com/profil.123.')).toEqual(['https://facebook.com/profil.123']);
    expect(foundOf('url', 'siehe www.example.de, danke')).toEqual(['www.example.de']);
    expect(foundOf('url', 'youtube.com/watch?v=xY12 schauen')).toEqual(['youtube.com/watch?v=xY12']);
  });
  it('does not read abbreviations or missing spaces as domains', () => {
    expect(found('z.B. ca. 20 Leute, usw. Ich war da.Es war schlimm')).toEqual([]);
  });
  it('removes @handles and handles after a platform name, not e-mail local parts', () => {
    expect(foundOf('handle', 'der Account @hass_troll88 schreibt')).toEqual(['@hass_troll88']);
    expect(foundOf('handle', 'auf Insta: ahmed_92')).toEqual(['ahmed_92']);
    expect(foundOf('handle', 'auf Instagram beleidigt')).toEqual([]);
    expect(foundOf('handle', 'a.b@web.de')).toEqual([]);
  });
});

describe('licence plates', () => {
  it.each(['AC-AB 123', 'DN-X 7', 'AC X 1234', 'HS-MK 219', 'AC-MK 1802E', 'B-AB-1234', 'AC AB123', 'MIL EF 1234H'])(
    'finds %s',
    (plate) => expect(foundOf('licence_plate', `Auto ${plate} fuhr weg`)).toEqual([plate]),
  );
  it('needs a context word for lower case and ignores train and calendar abbreviations', () => {
    expect(foundOf('licence_plate', 'ich bin um 12 da')).toEqual([]);
    expect(foundOf('licence_plate', 'Kennzeichen ac ab 123')).toEqual(['ac ab 123']);
    expect(foundOf('licence_plate', 'mit dem RE 4 und der S 13, KW 14')).toEqual([]);
  });
});

describe('document, tax and insurance numbers', () => {
  it('validates check digits without context', () => {
    expect(foundOf('tax_id', '52359647589')).toEqual(['52359647589']);
    expect(foundOf('tax_id', '12345678901')).toEqual([]);
    expect(foundOf('id_number', 'C01234565')).toEqual(['C01234565']);
    // A failing check digit is still a document serial's shape: a letter and eight digits.
    expect(foundOf('id_number', 'C01234567')).toEqual(['C01234567']);
    expect(foundOf('id_number', 'Ausweisnummer L8T42FX09')).toEqual(['L8T42FX09']);
    expect(foundOf('insurance_number', '15070649C103')).toEqual(['15070649C103']);
    expect(foundOf('insurance_number', 'A123456780')).toEqual(['A123456780']);
  });
  it('takes other numbers only after a document word', () => {
    expect(foundOf('id_number', 'Aufenthaltstitel Nr. Y4J8K29LT')).toEqual(['Y4J8K29LT']);
    expect(foundOf('tax_id', 'Steuernummer 201/123/45678')).toEqual(['201/123/45678']);
    expect(found('Raum 214, Zimmer 3.14, Nummer 117')).toEqual([]);
  });
});

describe('dates of birth', () => {
  it('removes the birth date, keeps the incident date', () => {
    const text = 'Am 03.11.2023 wurde Frau Kovalenko (geb. 17.06.1989) abgewiesen.';
    expect(foundOf('date_of_birth', text)).toEqual(['17.06.1989']);
    expect(foundOf('date_of_birth', 'Ich bin am 7. Juli 1985 geboren')).toEqual(['7. Juli 1985']);
    expect(foundOf('date_of_birth', 'born 12/05/1992', 'en')).toEqual(['12/05/1992']);
    expect(foundOf('date_of_birth', 'Doğum tarihim 04.09.1987 diye', 'tr')).toEqual(['04.09.1987']);
  });
});

describe('structured data in more formats', () => {
  it('removes an IBAN wrapped over two lines', () => {
    expect(foundOf('iban', 'Konto DE56 9378 6579\n7543 2319 48, danke')).toEqual(['DE56 9378 6579\n7543 2319 48']);
  });
  it('does not take a bank code or another labelled number for a phone number', () => {
    expect(foundOf('phone', 'Kontonummer 1234567890, BLZ 390 500 00 bei der Sparkasse')).toEqual([]);
    expect(foundOf('phone', 'Tel. 0241 4711 23, BLZ 390 500 00')).toEqual(['0241 4711 23']);
  });
  it('removes police file numbers as IDs', () => {
    expect(foundOf('id_number', 'Die Anzeige hat die Vorgangsnummer 240512-1530-034871.')).toEqual([
      '240512-1530-034871',
    ]);
  });
  it('removes birth dates after a possessive', () => {
    expect(foundOf('date_of_birth', 'تاریخ تولد من 1990-05-21 است', 'fa')).toEqual(['1990-05-21']);
    expect(foundOf('date_of_birth', 'Geburtsdatum meiner Tochter: 03.04.2015')).toEqual(['03.04.2015']);
  });
});

describe('plates and file numbers, spelled loosely', () => {
  it('reads a plate with spaces around the dash', () => {
    expect(foundOf('licence_plate', 'Das Kennzeichen war AC - KL 4711, ein Golf.')).toEqual(['AC - KL 4711']);
  });
  it('finds a file number announced a few words earlier', () => {
    expect(foundOf('id_number', 'Das Aktenzeichen der Polizei lautet AC-2024-118734, seitdem nichts.')).toEqual([
      'AC-2024-118734',
    ]);
    expect(foundOf('id_number', 'Mein Aktenzeichen ist 32.1-4418/19.')).toEqual(['32.1-4418/19']);
    expect(foundOf('id_number', 'Aktenzeichen 3 Js 1234/24.')).toEqual(['3 Js 1234/24']);
  });
  it('reads file, tax and insurance numbers after cues of every language, in any digits', () => {
    expect(foundOf('id_number', 'Dosya numaram AB-5512/2018.', 'tr')).toEqual(['AB-5512/2018']);
    expect(foundOf('id_number', 'شماره پرونده‌ام ۳۴-۲۲۱۸/۲۳ است', 'fa')).toEqual(['۳۴-۲۲۱۸/۲۳']);
    expect(foundOf('tax_id', 'شماره مالیاتی من ۳۶ ۷۱۴ ۰۵۸ ۲۲۹ است', 'fa')).toEqual(['۳۶ ۷۱۴ ۰۵۸ ۲۲۹']);
    expect(foundOf('insurance_number', 'Номер пенсионного страхования 65 120458 B 019.', 'ru')).toEqual([
      '65 120458 B 019',
    ]);
    expect(foundOf('id_number', 'Numer sprawy na policji DN-2024-118402.', 'pl')).toEqual(['DN-2024-118402']);
  });
});

describe('digits of every script', () => {
  it('finds phone numbers written in Arabic-Indic and Persian digits', () => {
    expect(foundOf('phone', 'اتصلوا بي على +٤٩ ١٥٢ ٢٨٨٣٤٦١٩', 'ar')).toEqual(['+٤٩ ١٥٢ ٢٨٨٣٤٦١٩']);
    expect(foundOf('phone', 'رقمه ٠١٥١٧٧٢٠٣٤٨٩. الإدارة', 'ar')).toEqual(['٠١٥١٧٧٢٠٣٤٨٩']);
    expect(foundOf('phone', 'شماره‌اش ۰۱۵۱ ۶۳۲۲۸۰۹۷ است', 'fa')).toEqual(['۰۱۵۱ ۶۳۲۲۸۰۹۷']);
  });
  it('keeps prices and ages in Arabic-Indic digits', () => {
    expect(found('دفعنا ١٠ يورو في المرة الماضية. عمرها ١٥ سنة.', 'ar')).toEqual([]);
  });
});

describe('dates of birth in every language', () => {
  it('finds the date after a birth word, also with month names and a few words between', () => {
    expect(foundOf('date_of_birth', 'родился 12 апреля 1958 года. В', 'ru')).toEqual(['12 апреля 1958 года']);
    expect(foundOf('date_of_birth', 'народилась 2 березня 2011, у', 'uk')).toEqual(['2 березня 2011']);
    expect(foundOf('date_of_birth', 'urodzona 3 czerwca 2015, jest', 'pl')).toEqual(['3 czerwca 2015']);
    expect(foundOf('date_of_birth', 'ur. 14.08.1986, PESEL', 'pl')).toEqual(['14.08.1986']);
    expect(foundOf('date_of_birth', 'متولد ۱۲ فروردین ۱۳۶۹. در', 'fa')).toEqual(['۱۲ فروردین ۱۳۶۹']);
    expect(foundOf('date_of_birth', 'تاریخ تولد مادرم: ۱۹۵۹/۰۱/۰۱', 'fa')).toEqual(['۱۹۵۹/۰۱/۰۱']);
    expect(foundOf('date_of_birth', 'زوجي عمر، مواليد 1988/5/14، مسجل', 'ar')).toEqual(['1988/5/14']);
    expect(foundOf('date_of_birth', 'doğum tarihim 21.11.1972.', 'tr')).toEqual(['21.11.1972']);
  });
  it('keeps the date of the incident', () => {
    expect(found('Am 14.03.2024 im Bus 51 hat mich ein Mann beschimpft.')).toEqual([]);
    expect(found('Это было в понедельник, 2 октября.', 'ru')).toEqual([]);
  });
});

describe('plates of neighbouring and origin countries', () => {
  it('finds Belgian plates anywhere and Polish or Ukrainian ones after a plate word', () => {
    expect(foundOf('licence_plate', 'avec ma voiture 1-KTN-482, la police', 'fr')).toEqual(['1-KTN-482']);
    expect(foundOf('licence_plate', 'Moje auto ma polskie numery SK 4821H i', 'pl')).toEqual(['SK 4821H']);
    expect(foundOf('licence_plate', 'що українські номери AA 4521 KX «напевно', 'uk')).toEqual(['AA 4521 KX']);
  });
});

describe('user names without an @', () => {
  it('finds a user name after a word for an account, and any word joined by an underscore', () => {
    expect(foundOf('handle', 'ihr Account ist sabi.wuerselen. Bei')).toEqual(['sabi.wuerselen']);
    expect(foundOf('handle', 'Reviewer username eschweiler_klartext.', 'en')).toEqual(['eschweiler_klartext']);
    expect(foundOf('handle', 'در تیک‌تاک کاربر patriot_wuerselen ویدیوی', 'fa')).toEqual(['patriot_wuerselen']);
    expect(foundOf('url', 'TikTokta tiktok.com/@ac_realtalk_ hesabı', 'tr')).toEqual(['tiktok.com/@ac_realtalk_']);
  });
});

describe('more ways of writing addresses, dates of birth and codes', () => {
  it('reads "Nr." before a house number, a number glued to "str.", ranges, and streets in Cyrillic', () => {
    expect(foundOf('address', 'Wir wohnen Hauptstraße Nr. 12 im Erdgeschoss.')).toEqual(['Hauptstraße Nr. 12']);
    expect(foundOf('address', 'Adresse: Wilhelmstr.7, Aachen')).toEqual(['Wilhelmstr.7']);
    expect(foundOf('address', 'Kirchgasse 5–7 in Stolberg')).toEqual(['Kirchgasse 5–7']);
    expect(foundOf('address', 'Живём на Кайзерштрассе 12 в Ахене.', 'ru')).toEqual(['Кайзерштрассе 12']);
  });
  it('reads a year of birth before the word for it, and the star for "born"', () => {
    expect(foundOf('date_of_birth', 'Ben 1985 doğumluyum.', 'tr')).toEqual(['1985']);
    expect(foundOf('date_of_birth', 'Я 1979 года рождения.', 'ru')).toEqual(['1979']);
    expect(foundOf('date_of_birth', 'Meine Mutter (* 12.03.1950) war dabei.')).toEqual(['12.03.1950']);
    expect(found('Ich bin 1990 nach Deutschland gekommen.')).toEqual([]);
  });
  it('reads a code of letters and digits after a plain word for "number"', () => {
    expect(foundOf('id_number', 'Meine Matrikelnummer ist 3145926.')).toEqual(['3145926']);
    expect(foundOf('id_number', 'Bearbeitet unter Nr. KD-4471-A.')).toEqual(['KD-4471-A']);
  });
});
