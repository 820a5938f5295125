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
  it('removes a Jobcenter customer number after its context word', () => {
    expect(foundOf('account', 'Kundennummer 352D012345.')).toEqual(['352D012345']);
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
    expect(foundOf('id_number', 'C01234567')).toEqual([]);
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
      '2024-118734',
    ]);
  });
});
