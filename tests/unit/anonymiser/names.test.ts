import { describe, expect, it } from 'vitest';
import { found, foundOf } from './helpers';

describe('person names', () => {
  it('takes the name after a title and keeps the title', () => {
    expect(foundOf('name', 'Frau Dr. Nowak hat gesagt')).toEqual(['Nowak']);
    expect(foundOf('name', 'Herr Dr. Klaus Lange vom Amt')).toEqual(['Klaus Lange']);
    expect(foundOf('name', 'Sehr geehrte Frau Krämer,')).toEqual(['Krämer']);
    expect(foundOf('name', 'call Mr. Peter Brandt', 'en')).toEqual(['Peter Brandt']);
  });
  it('does not take "eine Frau" or "die ältere Frau" for a title', () => {
    expect(foundOf('name', 'Eine Frau Mitte 40 und die ältere Frau Meinung egal')).toEqual([]);
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
    expect(foundOf('name', 'Zeuge war Ali Deutschland, Mehmet Jobcenter')).toEqual(['Ali', 'Mehmet']);
  });
  it('removes a frequent surname on its own but not an occupation after an article', () => {
    expect(foundOf('name', 'Müller hat gesagt, der Koch hat gelacht')).toEqual(['Müller']);
  });
});

describe('small workplaces and schools', () => {
  it('keeps the kind of place and removes its proper name', () => {
    expect(foundOf('name', 'bei Bäckerei Schmitz in Stolberg')).toEqual(['Schmitz']);
    expect(foundOf('name', 'in der Grundschule am Lindenweg')).toEqual(['am Lindenweg']);
    expect(foundOf('name', 'die Heinrich-Heine-Gesamtschule')).toEqual(['Heinrich-Heine']);
    expect(foundOf('name', 'Restaurant Zum Goldenen Hirsch')).toEqual(['Zum Goldenen Hirsch']);
  });
  it('keeps a municipality after the kind of place', () => {
    expect(foundOf('name', 'am Gymnasium Alsdorf und der Realschule Eschweiler')).toEqual([]);
  });
});
