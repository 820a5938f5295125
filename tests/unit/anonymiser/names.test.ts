import { describe, expect, it } from 'vitest';
import { anonymise } from '../../../server/anonymiser/index';
import { found, foundOf } from './helpers';

describe('person names', () => {
  it('takes the name after a title and keeps the title', () => {
    expect(foundOf('name', 'Frau Dr. Nowak hat gesagt')).toEqual(['Nowak']);
    expect(foundOf('name', 'Herr Dr. Klaus Lange vom Amt')).toEqual(['Klaus Lange']);
    expect(foundOf('name', 'Sehr geehrte Frau Krämer,')).toEqual(['Krämer']);
    expect(foundOf('name', 'call Mr. Peter Brandt', 'en')).toEqual(['Peter Brandt']);
  });
  it('does not take "eine Frau" or "die ältere Frau" for a title', () => {
    expect(foundOf('name', 'Eine Frau Mitte 40 und die ältere Frau Anfang 60 haben zugesehen.')).toEqual([]);
  });
  it('finds first names of many origins and the surname after them', () => {
    expect(foundOf('name', 'Ich heiße Ayşe Demir.')).toEqual(['Ayşe Demir']);
    expect(foundOf('name', 'mein Freund Chinedu Okafor kam')).toEqual(['Chinedu Okafor']);
    expect(foundOf('name', 'Tomasz Wiśniewski wurde beschimpft')).toEqual(['Tomasz Wiśniewski']);
    expect(foundOf('name', 'Fatima El Amrani arbeitet')).toEqual(['Fatima El Amrani']);
    expect(foundOf('name', 'Меня зовут Наталья Петрова, я', 'ru')).toEqual(['Наталья Петрова']);
    expect(foundOf('name', 'اسمي محمد الأحمد وصاحب البيت', 'ar')).toEqual(['محمد الأحمد']);
    expect(foundOf('name', 'اسم من مریم رضایی است', 'fa')).toEqual(['مریم رضایی']);
  });
  it('finds lower-case names in lower-case texts', () => {
    expect(foundOf('name', 'ich hab mit ahmet und zeynep gesessen')).toEqual(['ahmet', 'zeynep']);
  });
  it('treats names that are also words with care', () => {
    expect(foundOf('name', 'Eine Frau hat eine Rose auf das Grab gelegt.')).toEqual([]);
    expect(foundOf('name', 'Mein Nachbar heißt Rose Campbell.')).toEqual(['Rose Campbell']);
    expect(foundOf('name', 'Ich habe nur 5 Euro.')).toEqual([]);
    expect(found('in der Mustafa Kemal Straße 2 wohnt er')).toEqual(['address:Mustafa Kemal Straße 2']);
  });
  it('does not take municipalities, nationalities or institutions after a name for a surname', () => {
    const names = foundOf('name', 'Zeugen waren Ayşe Demir aus Eschweiler und Mehmet vom Jobcenter Alsdorf.');
    expect(names).toEqual(['Ayşe Demir', 'Mehmet']);
  });
  it('removes a frequent surname on its own but not an occupation after an article', () => {
    expect(foundOf('name', 'Müller hat gesagt, der Koch hat gelacht')).toEqual(['Müller']);
  });
});

describe('small workplaces, clubs and schools', () => {
  it('replaces a named business, club or school by its kind', () => {
    expect(anonymise('Wir kaufen bei Bäckerei Schmitz in Stolberg.', 'de').text).toBe(
      'Wir kaufen bei [Bäckerei] in Stolberg.',
    );
    expect(anonymise('Wir waren im Restaurant Zum Goldenen Hirsch essen.', 'de').text).toBe(
      'Wir waren im [Gaststätte] essen.',
    );
    expect(anonymise('Mein Sohn spielt beim SV Roetgen 1921.', 'de').text).toBe('Mein Sohn spielt beim [Sportverein].');
    expect(anonymise('My son plays for SV Roetgen 1921.', 'en').text).toBe('My son plays for [sports club].');
  });
});

describe('person names in context', () => {
  it('takes a name after a word for a relative, friend or colleague, even one that is also a word', () => {
    expect(foundOf('name', 'Meine Sozialarbeiterin Anna Reiners war dabei.')).toEqual(['Anna Reiners']);
    expect(foundOf('name', 'My friend Will saw it. Will anyone help?', 'en')).toEqual(['Will']);
    expect(foundOf('name', 'Mój syn Kuba jest w szkole.', 'pl')).toEqual(['Kuba']);
    expect(foundOf('name', 'Mon voisin Ousmane a tout vu.', 'fr')).toEqual(['Ousmane']);
    // German capitalises nouns: an unknown word after "Sohn" is a noun.
    expect(foundOf('name', 'Er hat meinem Sohn Angst gemacht.')).toEqual([]);
  });
  it('keeps a plain first name after an article, but not a name that is also a word', () => {
    expect(foundOf('name', 'Ich habe das der Anna Reiners erzählt.')).toEqual(['Anna Reiners']);
    expect(foundOf('name', 'Dann kam die Olga und hat geholfen.')).toEqual(['Olga']);
    expect(foundOf('name', 'Er hat mir die Rose weggenommen.')).toEqual([]);
  });
  it('reads "Jan" and "August" next to a day, a year or a time word as a month', () => {
    expect(foundOf('name', 'Am 3. Jan 2024 war es. Im Jan. wieder.')).toEqual([]);
    expect(foundOf('name', 'On Jan 15 at 10 pm it happened.', 'en')).toEqual([]);
    expect(foundOf('name', 'Seit August wohne ich hier.')).toEqual([]);
    expect(foundOf('name', 'Mein Kollege Jan Becker hat es gesehen.')).toEqual(['Jan Becker']);
  });
  it('finds double first names and Slavic titles written in lower case', () => {
    expect(foundOf('name', 'Die Verkäuferin Anna-Lena hat mich ignoriert.')).toEqual(['Anna-Lena']);
    expect(foundOf('name', 'Власник квартири пан Шмідт сказав', 'uk')).toEqual(['Шмідт']);
    expect(foundOf('name', 'pani powiedziała, że nie', 'pl')).toEqual([]);
  });
});
