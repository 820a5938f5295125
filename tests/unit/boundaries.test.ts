import { createRequire } from 'node:module';
import path from 'node:path';
import { cruise, type ICruiseResult, type IConfiguration } from 'dependency-cruiser';
import extractTSConfig from 'dependency-cruiser/config-utl/extract-ts-config';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const config = createRequire(import.meta.url)(path.join(ROOT, '.dependency-cruiser.cjs')) as IConfiguration;

/** The rules' findings for a tree, as "rule: from → to". */
async function violations(baseDir: string, roots: string[]): Promise<string[]> {
  const { output } = await cruise(
    roots,
    { ...config.options, baseDir, ruleSet: { forbidden: config.forbidden ?? [] }, validate: true },
    {},
    { tsConfig: extractTSConfig(path.join(ROOT, 'tsconfig.json')) },
  );
  return (output as ICruiseResult).summary.violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`);
}

describe('the boundaries of the layout', () => {
  it('hold: web/ never imports server/, the server reaches web/ through its renderers only, shared/ stands alone', async () => {
    expect(await violations(ROOT, ['server', 'web', 'shared', 'db'])).toEqual([]);
  });

  it('are kept by rules that find a forbidden import, also a type-only one', async () => {
    const fixture = path.join(ROOT, 'tests', 'fixtures', 'boundaries');
    expect((await violations(fixture, ['server', 'web', 'shared'])).sort()).toEqual([
      'server-to-web-through-renderers: server/service.ts → web/components/Button.tsx',
      'shared-stands-alone: shared/view.ts → server/service.ts',
      'web-not-to-server: web/pages/Page.tsx → server/service.ts',
    ]);
  });
});
