import { describe, expect, it } from 'vitest';
import { anonymise } from '../../../server/anonymiser/index';
import { found, foundOf } from './helpers';

describe('street addresses', () => {
  it.each([
    'Lindenweg 12a',
    'Jülicher Straße 112',
    'Theaterstr. 5',
    'Roermonder Str. 54',
    'Mustafa-Kemal-Straße 4',
    'Mustafa Kemal Straße 2',
    'Konrad-Adenauer-Allee 22',
    'Am Lindenhof 3',
    'An der Schanz 12',
    'Im Gracht 2',
    'Hauptstr. 23a',
    'Weststraße 12b',
    'Von-Coels-Straße 210',
  ])('finds %s', (address) => {
    expect(foundOf('address', `Wir wohnen ${address}, seit Jahren.`)).toEqual([address]);
  });
  it('keeps a street without house number: it places the incident and identifies nobody', () => {
    expect(found('auf der Hauptstraße in Alsdorf, vor der Sparkasse')).toEqual([]);
    expect(found('in der Mustafa Kemal Straße')).toEqual([]);
  });
  it('does not take time phrases, lines or years for addresses', () => {
    expect(found('Am Montag 5 Leute, in der Linie 11, Am Weihnachtsmarkt 2023')).toEqual([]);
    expect(foundOf('address', 'Kaiserplatz, 14 Uhr, Bushof 3 Männer')).toEqual([]);
  });
});

describe('postcodes', () => {
  it('removes a postcode before a town and keeps the town', () => {
    expect(found('52146 Würselen')).toEqual(['postcode:52146']);
    expect(found('PLZ 52072, Straße sag ich nicht')).toEqual(['postcode:52072']);
  });
  it('leaves amounts alone', () => {
    expect(found('Er verdient 50000 Euro und 12000 € Bonus, 10115 Menschen')).toEqual([]);
  });
});

describe('what caseworkers need stays', () => {
  it('keeps municipalities, public places, institutions, nationalities, religions, slurs and the date', () => {
    const text =
      'Am 14.03.2024 im Bus 51 am Hauptbahnhof Eschweiler rief ein Mann "Kanake" und "Scheiß Polen". Jobcenter Würselen, Ausländerbehörde Aachen, ich bin Muslimin und Syrerin.';
    expect(found(text)).toEqual([]);
  });
});

describe('streets in more spellings, workplaces of two words', () => {
  it('finds streets typed in lower case, not a train after "Im"', () => {
    expect(foundOf('address', 'ich wohne in der lindenstraße 4, mein nachbar')).toEqual(['lindenstraße 4']);
    expect(foundOf('address', 'Im RE 1 nach Aachen, Wagen 7')).toEqual([]);
    expect(foundOf('address', 'den ganzen weg 4 km gelaufen')).toEqual([]);
  });
  it('removes a named business whole, kind and name, and keeps the town after it', () => {
    expect(anonymise('In der Bäckerei Schmitz in Roetgen', 'de').text).toBe('In der [Bäckerei] in Roetgen');
    expect(foundOf('organisation', 'die Hausverwaltung Immobilien Krings vermietet nicht')).toEqual([
      'Immobilien Krings',
    ]);
  });
});
