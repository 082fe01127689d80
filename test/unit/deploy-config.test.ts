import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RESTORE_BODY_LIMIT } from '../../server/export/routes';

/**
 * Docker cannot run where the tests run, so the deployment files are checked as text for
 * the promises README "Docker" makes about them (issue 13, bug 11).
 */
const dockerfile = readFileSync('Dockerfile', 'utf8');
const compose = readFileSync('docker-compose.yml', 'utf8');
const nginx = readFileSync('deploy/nginx.conf', 'utf8');

/** The lines of one top-level service in docker-compose.yml (two-space indented block). */
function service(name: string): string {
  const start = compose.indexOf(`\n  ${name}:\n`);
  expect(start).toBeGreaterThan(-1);
  const rest = compose.slice(start + 1);
  const end = rest.slice(1).search(/\n {2}[a-z0-9-]+:\n|\n[a-z]/);
  return end === -1 ? rest : rest.slice(0, end + 1);
}

describe('deployment files', () => {
  it('installs Chromium and fonts in the runtime stage, where PDF export runs', () => {
    const runtime = dockerfile.slice(dockerfile.indexOf(' AS runtime'));
    expect(runtime).toMatch(/apt-get install[^\n]*(\\\n[^\n]*)*\bchromium\b/);
    expect(runtime).toMatch(/fonts-dejavu-core|fonts-liberation/);
    expect(runtime).toContain('CHROMIUM_PATH=/usr/bin/chromium');
    // Installed as root, before the image drops to the node user.
    expect(runtime.indexOf('apt-get install')).toBeLessThan(runtime.indexOf('USER node'));
  });

  it('lets both app processes believe X-Forwarded-For from the load balancer, and only from it', () => {
    const lbAddress = /ipv4_address:\s*([\d.]+)/.exec(service('lb'))?.[1];
    expect(lbAddress).toBeDefined();
    for (const app of ['app', 'app2']) {
      const trust = /TRUST_PROXY:\s*(\S+)/.exec(service(app))?.[1] ?? '';
      expect(trust).toContain(lbAddress!);
      expect(trust).not.toMatch(/uniquelocal|^\$\{TRUST_PROXY:-loopback\}$/);
    }
  });

  it('passes Host with its port and takes restore-sized bodies through nginx', () => {
    expect(nginx).toMatch(/proxy_set_header Host \$http_host;/);
    expect(nginx).not.toMatch(/proxy_set_header Host \$host;/);
    const body = /client_max_body_size (\d+)m;/.exec(nginx)?.[1];
    expect(Number(body)).toBeGreaterThanOrEqual(Number.parseInt(RESTORE_BODY_LIMIT, 10));
  });
});
