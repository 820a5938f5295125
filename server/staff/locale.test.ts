import { describe, expect, it } from 'vitest';
import { pickStaffLocale } from './locale';

describe("the back office's language", () => {
  it("is the signed-in person's choice first", () => {
    expect(pickStaffLocale('en', 'de', 'de')).toBe('en');
  });

  it('else ?lang=, when it is one of the two', () => {
    expect(pickStaffLocale(undefined, 'en', 'de')).toBe('en');
    expect(pickStaffLocale(undefined, 'ar', 'en')).toBe('en');
  });

  it("else the browser's, else German", () => {
    expect(pickStaffLocale(undefined, undefined, 'en-GB, de;q=0.5')).toBe('en');
    expect(pickStaffLocale(undefined, undefined, 'tr')).toBe('de');
    expect(pickStaffLocale(undefined, undefined, undefined)).toBe('de');
  });
});
