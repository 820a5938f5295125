import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatResults, personaBrain, runPersona, type PersonaResult } from './assistant';
import { PERSONAS } from './personas';
import { startFakeLlm, type FakeLlm } from '../fake-llm/server';
import { fakeLlmEnv } from '../helpers/assistant';
import { startTestServer, type TestServer } from '../helpers/server';

describe('the assistant evaluation, run against the fake model', () => {
  let fake: FakeLlm;
  let server: TestServer;
  const results: PersonaResult[] = [];
  beforeAll(async () => {
    fake = await startFakeLlm();
    personaBrain(fake, PERSONAS);
    server = await startTestServer({ env: fakeLlmEnv(fake) });
    for (const persona of PERSONAS) results.push(await runPersona(server.url, persona));
  });
  afterAll(async () => {
    await server?.close();
    await fake?.close();
  });

  it('covers at least 12 personas in 5 languages, with the cases that matter most', () => {
    expect(PERSONAS.length).toBeGreaterThanOrEqual(12);
    expect(new Set(PERSONAS.map((p) => p.locale)).size).toBeGreaterThanOrEqual(5);
    const fieldsOf = PERSONAS.map((p) => p.opening.fields);
    expect(fieldsOf.some((f) => f.reporterRole === 'witness')).toBe(true);
    expect(fieldsOf.some((f) => f.lifeDomain === 'housing' && f.ongoing)).toBe(true);
    expect(fieldsOf.some((f) => f.online)).toBe(true);
    expect(PERSONAS.some((p) => p.safety?.danger === 'acute_danger')).toBe(true);
    expect(PERSONAS.some((p) => p.injection)).toBe(true);
  });

  it('drives every persona to the end, with every field, help on time and no false alarm', () => {
    const report = formatResults(results);
    for (const r of results) {
      expect(r.errors, report).toEqual([]);
      expect(r.complete, report).toBe(true);
      expect(r.fieldsCorrect, report).toBe(r.fieldsExpected);
      expect(['ok', '–'], report).toContain(r.safety);
      expect(r.role, report).not.toBe('lost');
    }
    expect(report).toMatch(/fields correct \d+\/\d+/);
  });
});
