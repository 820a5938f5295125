import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildConfig, ConfigError, settingsSchema, type ConfigPlatform } from './config';
import { loadConfig } from './node-config';

const worker: ConfigPlatform = { name: 'worker', resolveDir: (dir) => dir };
const secrets = {
  RECEIPT_SECRET: 'r'.repeat(40),
  ENCRYPTION_KEY: 'a'.repeat(64),
  PUBLIC_BASE_URL: 'https://meldestelle.example.org',
};
const office = JSON.parse(
  fs.readFileSync(path.join(import.meta.dirname, 'office', 'staedteregion-aachen.json'), 'utf8'),
) as { name: { de: string } };
const otherOffice = JSON.stringify({ ...office, name: { ...office.name, de: 'KI Musterstadt' } });

describe('the configuration', () => {
  it('is built by one builder from the same settings on Node and on Workers', () => {
    const settings = { ...secrets, STATS_MIN_COUNT: '10', RETENTION_MONTHS: '12', LLM_ENABLED: 'false' };
    const onNode = loadConfig({ ...settings, DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'meldestelle-cfg-')) });
    const onWorker = buildConfig(settings, worker);
    const shared = ({ dataDir: _d, databaseUrl: _u, ...rest }: typeof onNode) => rest;
    expect(shared(onWorker)).toEqual(shared(onNode));
    expect(onWorker.stats.minCount).toBe(10);
    expect(onWorker.staff.secureCookies).toBe(true);
  });

  it('takes the office as JSON text on both, and as a file on Node only', () => {
    expect(buildConfig({ ...secrets, OFFICE_CONFIG_JSON: otherOffice }, worker).office.name.de).toBe('KI Musterstadt');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'meldestelle-cfg-'));
    fs.writeFileSync(path.join(dir, 'office.json'), otherOffice);
    const file = path.join(dir, 'office.json');
    expect(loadConfig({ DATA_DIR: dir, OFFICE_CONFIG: file }).office.name.de).toBe('KI Musterstadt');
    expect(loadConfig({ DATA_DIR: dir, OFFICE_CONFIG_JSON: otherOffice }).office.name.de).toBe('KI Musterstadt');
    expect(() => buildConfig({ ...secrets, OFFICE_CONFIG: file }, worker)).toThrow(
      /OFFICE_CONFIG: .*OFFICE_CONFIG_JSON/,
    );
    expect(() => loadConfig({ DATA_DIR: dir, OFFICE_CONFIG: file, OFFICE_CONFIG_JSON: otherOffice })).toThrow(
      /set one of them, not both/,
    );
    expect(() => loadConfig({ DATA_DIR: dir, OFFICE_CONFIG_JSON: '{ nope' })).toThrow(/OFFICE_CONFIG_JSON: not JSON/);
  });

  it('stops a Worker without its secrets or its address with a sentence naming the variable', () => {
    for (const missing of Object.keys(secrets)) {
      const settings: Record<string, string> = { ...secrets };
      delete settings[missing];
      expect(() => buildConfig(settings, worker), missing).toThrow(ConfigError);
      expect(() => buildConfig(settings, worker), missing).toThrow(new RegExp(missing));
    }
  });

  it('makes the secrets Node is not given, once, readable by their owner only', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'meldestelle-cfg-'));
    const first = loadConfig({ DATA_DIR: dir });
    expect(loadConfig({ DATA_DIR: dir }).receiptSecret).toBe(first.receiptSecret);
    expect(fs.statSync(path.join(dir, 'encryption-key')).mode & 0o077).toBe(0);
  });

  it('documents every setting in the README, and no other', () => {
    const readme = fs.readFileSync(path.join(import.meta.dirname, '..', 'README.md'), 'utf8');
    const table = readme.slice(readme.indexOf('## Configuration'), readme.indexOf('## Deployment'));
    // A row may name several variables that belong together ("`SMTP_USER`, `SMTP_PASSWORD`").
    const documented = [...table.matchAll(/^\| (`[A-Z_]+`(?:, `[A-Z_]+`)*)/gm)]
      .flatMap((m) => [...m[1]!.matchAll(/`([A-Z_]+)`/g)].map((n) => n[1]))
      .sort();
    expect(documented).toEqual(Object.keys(settingsSchema.shape).sort());
  });
});
