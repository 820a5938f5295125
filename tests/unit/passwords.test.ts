import { describe, expect, it } from 'vitest';
import { nativeArgon2id } from '../../server/auth/native-argon2';
import { portableArgon2id } from '../../server/auth/passwords';

// Node hashes natively, Workers in JavaScript: one database must work with either.
describe('staff password hashes', () => {
  it('are argon2id with the OWASP minimum cost', async () => {
    expect(await nativeArgon2id.hash('correct horse')).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await portableArgon2id.hash('correct horse')).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  });

  it('written by one implementation are checked by the other', async () => {
    const fromNative = await nativeArgon2id.hash('Lärm & Ruhe 2026');
    const fromPortable = await portableArgon2id.hash('Lärm & Ruhe 2026');
    expect(await portableArgon2id.verify(fromNative, 'Lärm & Ruhe 2026')).toBe(true);
    expect(await nativeArgon2id.verify(fromPortable, 'Lärm & Ruhe 2026')).toBe(true);
    expect(await portableArgon2id.verify(fromNative, 'Lärm & Ruhe 2027')).toBe(false);
    expect(await nativeArgon2id.verify(fromPortable, 'lärm & ruhe 2026')).toBe(false);
  });

  it('refuse what is not a hash of theirs', async () => {
    expect(await portableArgon2id.verify('not a hash', 'x')).toBe(false);
    expect(await nativeArgon2id.verify('not a hash', 'x')).toBe(false);
  });
});
