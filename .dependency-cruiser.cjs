/**
 * Which part of the code may import which: the boundaries of the layout, kept by a rule instead of a
 * comment. Checked by tests/unit/boundaries.test.ts (part of npm test) and by `npm run lint:boundaries`.
 * Type-only imports count: a type from the wrong room ties the rooms together as much as a value does.
 */

/** The only doors from the server into web/: the two renderers, their page registries, the assets manifest reader. */
const WEB_ENTRIES = '^web/(render[.]tsx|staff/render[.]tsx|pages/index[.]ts|staff/pages/index[.]ts|assets[.]ts)$';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'web-not-to-server',
      comment:
        'Pages and components run in the browser too: they take types and words from shared/, never from server/.',
      severity: 'error',
      from: { path: '^web/' },
      to: { path: '^server/' },
    },
    {
      name: 'web-not-to-db',
      comment:
        'Pages render the views the services return (shared/case-views.ts, shared/stats-views.ts), not table rows.',
      severity: 'error',
      from: { path: '^web/' },
      to: { path: '^db/' },
    },
    {
      name: 'server-to-web-through-renderers',
      comment:
        'The server reaches web/ only through its rendering entries, never into a page, a component or the messages.',
      severity: 'error',
      from: { path: '^server/' },
      to: { path: '^web/', pathNot: WEB_ENTRIES },
    },
    {
      name: 'shared-stands-alone',
      comment: 'shared/ is where server and browser meet: it imports neither of them.',
      severity: 'error',
      from: { path: '^shared/' },
      to: { path: '^(server|web)/' },
    },
    {
      name: 'shared-to-schema-types-only',
      comment: "Views are picked from the schema's row types; nothing of db/ runs in the browser.",
      severity: 'error',
      from: { path: '^shared/' },
      to: { path: '^db/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'shared-to-schema-only',
      severity: 'error',
      from: { path: '^shared/' },
      to: { path: '^db/', pathNot: '^db/schema[.]ts$' },
    },
    {
      name: 'db-below-the-app',
      comment: 'Schema, migrations and dialects know nothing of the app (the migration command line reads its config).',
      severity: 'error',
      from: { path: '^db/', pathNot: '^db/migrate-cli[.]ts$' },
      to: { path: '^(server|web)/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(node_modules|dist)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js', '.json'] },
  },
};
