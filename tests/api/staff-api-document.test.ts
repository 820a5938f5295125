import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { apiPathOf } from '../../server/staff/action';
import { STAFF_ACTIONS } from '../../server/staff/actions';
import { REDACTION_KINDS } from '../../shared/staff';
import { REPORT_STATUSES } from '../../shared/taxonomy';
import { startTestServer, type TestServer } from '../helpers/server';

/** The back office's JSON API in the OpenAPI document: every route the app serves, from the schemas it parses. */
describe('the staff API in the OpenAPI document', () => {
  let server: TestServer;
  let doc: { paths: Record<string, Record<string, any>>; components: { securitySchemes: object } };
  beforeAll(async () => {
    server = await startTestServer();
    doc = await (await fetch(`${server.url}/api/openapi.json`)).json();
  });
  afterAll(async () => {
    await server?.close();
  });

  const documented = (method: string, honoPath: string) =>
    doc.paths[honoPath.replace(/:(\w+)\{(?:[^{}]|\{[^{}]*\})*\}/g, '{$1}')]?.[method.toLowerCase()];

  it('has every /api/staff route of the app, and none it does not serve', () => {
    const routes = server.app.routes.filter((r) => r.method !== 'ALL' && r.path.startsWith('/api/staff'));
    const missing = routes.filter((r) => !documented(r.method, r.path)).map((r) => `${r.method} ${r.path}`);
    expect(missing).toEqual([]);
    const served = new Set(
      routes.map((r) => `${r.method.toLowerCase()} ${r.path.replace(/:(\w+)\{(?:[^{}]|\{[^{}]*\})*\}/g, '{$1}')}`),
    );
    const extra = Object.entries(doc.paths)
      .filter(([path]) => path.startsWith('/api/staff'))
      .flatMap(([path, operations]) => Object.keys(operations).map((method) => `${method} ${path}`))
      .filter((key) => !served.has(key));
    expect(extra).toEqual([]);
  });

  it("gives each action's body as the zod schema that validates it, and the roles that may use it", () => {
    for (const action of STAFF_ACTIONS) {
      const operation = documented(action.method, apiPathOf(action));
      expect(operation['x-roles'], action.path).toEqual(action.roles);
      if (!action.input) continue;
      expect(operation.requestBody.content['application/json'].schema).toEqual(
        z.toJSONSchema(action.input, { target: 'openapi-3.0', io: 'input', unrepresentable: 'any' }),
      );
    }
    const status = documented('POST', '/api/staff/reports/:id{[0-9]+}/status');
    expect(JSON.stringify(status.requestBody)).toContain(JSON.stringify([...REPORT_STATUSES]));
    expect(status.parameters).toEqual([expect.objectContaining({ name: 'id', in: 'path', required: true })]);
    const redaction = documented('POST', '/api/staff/reports/:id{[0-9]+}/redactions');
    expect(JSON.stringify(redaction.requestBody)).toContain(JSON.stringify([...REDACTION_KINDS]));
  });

  it('names the inbox filters as query parameters, and how staff sign in', () => {
    const inbox = documented('GET', '/api/staff/reports');
    expect(inbox.parameters.map((p: { name: string }) => p.name)).toEqual(
      expect.arrayContaining(['status', 'ground', 'municipality', 'q', 'page']),
    );
    expect(documented('POST', '/api/staff/session').security).toEqual([]);
    expect(Object.keys(doc.components.securitySchemes)).toEqual(['session', 'csrf']);
  });
});
