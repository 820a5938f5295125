import { solveChallenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/pbkdf2';
import { describe, expect, it } from 'vitest';
import { createProofOfWork, type ProofOfWork, type ProofPurpose } from './proof-of-work';

const SECRET = 'a-test-receipt-secret-of-at-least-32-characters';

/** What the widget sends: the challenge and the browser's answer, as base64 JSON. */
async function solvedPayload(pow: ProofOfWork, purpose: ProofPurpose): Promise<string> {
  const challenge = await pow.challenge(purpose);
  const solution = await solveChallenge({ challenge, deriveKey });
  return Buffer.from(JSON.stringify({ challenge, solution })).toString('base64');
}

describe('the proof of work', () => {
  const pow = createProofOfWork({ secret: SECRET, difficulty: 20 });

  it('asks for the work it was set to: a counter around the difficulty', async () => {
    const challenge = await pow.challenge('report');
    expect(challenge.parameters).toMatchObject({
      algorithm: 'PBKDF2/SHA-256',
      cost: 1000,
      data: { purpose: 'report' },
    });
    const solution = await solveChallenge({ challenge, deriveKey });
    expect(solution!.counter).toBeGreaterThanOrEqual(10);
    expect(solution!.counter).toBeLessThanOrEqual(30);
  });

  it('takes a correct answer once, for its own purpose only', async () => {
    const payload = await solvedPayload(pow, 'report');
    expect(await pow.redeem(payload, 'message')).toBe(false);
    expect(await pow.redeem(payload, 'report')).toBe(true);
    expect(await pow.redeem(payload, 'report')).toBe(false);
  });

  it('lets the turns of one conversation share an answer, up to a bound', async () => {
    const payload = await solvedPayload(pow, 'conversation');
    let accepted = 0;
    while (await pow.redeem(payload, 'conversation')) accepted++;
    expect(accepted).toBe(40);
  });

  it('refuses an answer from another server, a changed one, and anything that is not an answer', async () => {
    const foreign = await solvedPayload(createProofOfWork({ secret: `${SECRET}-other`, difficulty: 20 }), 'report');
    expect(await pow.redeem(foreign, 'report')).toBe(false);
    const decoded = JSON.parse(Buffer.from(await solvedPayload(pow, 'report'), 'base64').toString());
    decoded.solution.derivedKey = decoded.solution.derivedKey.replace(/^./, (c: string) => (c === '0' ? '1' : '0'));
    expect(await pow.redeem(Buffer.from(JSON.stringify(decoded)).toString('base64'), 'report')).toBe(false);
    decoded.challenge.parameters.data.purpose = 'conversation';
    expect(await pow.redeem(Buffer.from(JSON.stringify(decoded)).toString('base64'), 'conversation')).toBe(false);
    for (const junk of [
      undefined,
      '',
      'not base64 at all',
      Buffer.from('{"a":1}').toString('base64'),
      'x'.repeat(5000),
    ])
      expect(await pow.redeem(junk, 'report')).toBe(false);
  });
});
