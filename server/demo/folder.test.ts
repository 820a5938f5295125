import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO_MARKER, isDemoFolder, prepareDemoFolder } from './folder';

const temp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'meldestelle-demo-folder-'));

describe('the demo folder', () => {
  it('is never the real data folder', () => {
    const dir = temp();
    expect(() => prepareDemoFolder(dir, { fresh: false, realDataDir: dir })).toThrow("the portal's data folder");
  });

  it('refuses a folder that holds anything but a demo, and leaves it as it was', () => {
    const dir = temp();
    fs.writeFileSync(path.join(dir, 'meldestelle.sqlite'), 'real data');
    expect(() => prepareDemoFolder(dir, { fresh: true, realDataDir: './data' })).toThrow('is not a demo folder');
    expect(fs.readdirSync(dir)).toEqual(['meldestelle.sqlite']);
  });

  it('makes a new or empty folder a demo folder, and empties only a demo folder for a fresh year', () => {
    const dir = path.join(temp(), 'demo');
    prepareDemoFolder(dir, { fresh: false, realDataDir: './data' });
    expect(isDemoFolder(dir)).toBe(true);
    fs.writeFileSync(path.join(dir, 'meldestelle.sqlite'), 'demo data');
    prepareDemoFolder(dir, { fresh: false, realDataDir: './data' });
    expect(fs.readdirSync(dir).sort()).toEqual([DEMO_MARKER, 'meldestelle.sqlite']);
    prepareDemoFolder(dir, { fresh: true, realDataDir: './data' });
    expect(fs.readdirSync(dir)).toEqual([DEMO_MARKER]);
  });
});
