import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REST_ROUTES } from '../../shared/protocol/rest-routes';
import { ROUTE_AUTH, fillPath } from '../../shared/protocol/rest-table';

// docs/PROTOCOL.md is what unseen clients are written from: its REST route index must be the
// table the server mounts and the web client calls, route for route, with the same "who".

const protocol = readFileSync(resolve(__dirname, '../../docs/PROTOCOL.md'), 'utf8');

/** The rows of PROTOCOL.md's "Route index": `METHOD /path` → who. */
function documentedIndex(): Map<string, string> {
  const start = protocol.indexOf('### Route index');
  expect(start, 'PROTOCOL.md has a "### Route index" section').toBeGreaterThan(-1);
  const section = protocol.slice(start, protocol.indexOf('\n### ', start + 1));
  const rows = new Map<string, string>();
  for (const match of section.matchAll(/^\| `(GET|POST|PUT|DELETE) (\S+)` \| ([^|]+?) \|$/gm)) {
    const key = `${match[1]} ${match[2]}`;
    expect(rows.has(key), `${key} is listed once`).toBe(false);
    rows.set(key, match[3]!);
  }
  return rows;
}

const table = Object.entries(REST_ROUTES).map(([name, spec]) => ({ name, key: `${spec.method} ${spec.path}`, auth: spec.auth as string }));

describe('the REST route table and PROTOCOL.md', () => {
  it('documents every route of the table with its method, path and who may call it', () => {
    const documented = documentedIndex();
    for (const route of table) {
      expect(documented.has(route.key), `${route.name}: ${route.key} is in PROTOCOL.md's route index`).toBe(true);
      expect(documented.get(route.key), `${route.key}: who`).toBe(route.auth);
    }
  });

  it('has every route of the index, and no two routes on one method and path', () => {
    const keys = new Set(table.map((route) => route.key));
    expect(keys.size).toBe(table.length);
    for (const key of documentedIndex().keys()) expect(keys.has(key), `${key} (PROTOCOL.md) is in shared/protocol/rest-routes.ts`).toBe(true);
  });

  it('names only routes the table has, wherever PROTOCOL.md mentions a request', () => {
    const patterns = table.map((route) => {
      const [method, path] = route.key.split(' ') as [string, string];
      // `:name`, `<name>` or a concrete id (the worked examples) all fill a parameter.
      const segments = path.split('/').map((segment) => (segment.startsWith(':') ? '[^/]+' : segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
      return new RegExp(`^${method} ${segments.join('/')}$`);
    });
    const mentions = [...protocol.matchAll(/\b(GET|POST|PUT|DELETE) (\/(?:api\/|c\/|healthz|readyz)[^\s`)?*]*)/g)].map(
      (match) => `${match[1]} ${match[2]!.replace(/:$/, '')}`,
    );
    expect(mentions.length).toBeGreaterThan(50);
    for (const mention of mentions) expect(patterns.some((pattern) => pattern.test(mention)), `${mention} is a route of the table`).toBe(true);
  });

  it('uses only the auth kinds the index explains', () => {
    for (const route of table) expect(ROUTE_AUTH).toContain(route.auth);
    for (const who of ROUTE_AUTH) expect(protocol).toContain(`*${who}*`);
  });

  it('fills path parameters URL-encoded and refuses a missing one', () => {
    expect(fillPath(REST_ROUTES.similarToIdea.path, { boardId: 'b 1', ideaId: 'i/2' })).toBe('/api/boards/b%201/ideas/i%2F2/similar');
    expect(() => fillPath(REST_ROUTES.checkSession.path, {})).toThrow(/boardId/);
  });
});
