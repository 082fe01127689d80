import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { cruise, type IConfiguration, type ICruiseResult } from 'dependency-cruiser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * The import check's rules (.dependency-cruiser.cjs, run by `npm run check:imports`) bite:
 * a small made-up server tree breaks each rule once, beside imports the rules allow, and
 * exactly the broken ones are reported. (The real tree is checked by the CI step itself.)
 */
const config = createRequire(import.meta.url)('../../.dependency-cruiser.cjs') as IConfiguration;

const files: Record<string, string> = {
  'server/core/leaf.ts': "import { workshop } from '../workshop';\nimport { ok } from './ok';\nexport const leaf = workshop + ok;\n",
  'server/core/ok.ts': 'export const ok = 1;\n',
  'server/config.ts': "import { ok } from './core/ok';\nexport const config = ok;\n",
  'server/store/store.ts': "import { room } from '../realtime/room';\nexport const store = room;\n",
  'server/realtime/room.ts': "import { boards } from '../boards';\nexport const room = boards;\n",
  'server/boards/index.ts': "import { ok } from '../core/ok';\nexport const boards = ok;\nexport { hidden } from './internal';\n",
  'server/boards/internal.ts': 'export const hidden = 2;\n',
  'server/boards/late.ts': "import { workshop } from '../workshop';\nexport const late = workshop;\n",
  'server/workshop/index.ts': "import { boards } from '../boards';\nexport const workshop = boards;\n",
  'server/workshop/reach.ts': "import { hidden } from '../boards/internal';\nexport const reach = hidden;\n",
  'server/workshop/commands.ts': "import { send } from '../events/send';\nexport const commands = send;\n",
  'server/polls/a.ts': "import type { B } from './b';\nexport interface A { b: B }\n",
  'server/polls/b.ts': "import type { A } from './a';\nexport interface B { a?: A }\n",
  'server/polls/routes.ts': "import type { A } from './a';\nexport const routes: A[] = [];\n",
  'server/mail/mail.ts': "import { workshop } from '../workshop';\nexport const mail = workshop;\n",
  'server/events/send.ts': 'export const send = 3;\n',
  'server/http/app.ts': "import { routes } from '../polls/routes';\nimport type { A } from '../polls/a';\nexport const app: unknown[] = routes as A[];\n",
};

let base: string;
let violations: string[];

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'samskab-layers-'));
  for (const [path, text] of Object.entries(files)) {
    await mkdir(dirname(join(base, path)), { recursive: true });
    await writeFile(join(base, path), text);
  }
  const result = await cruise(
    ['server'],
    { baseDir: base, validate: true, ruleSet: { forbidden: config.forbidden }, tsPreCompilationDeps: true },
    { extensions: ['.ts'] },
  );
  const output = result.output as ICruiseResult;
  violations = output.summary.violations.map((v) =>
    v.cycle
      ? `${v.rule.name}: ${[v.from, ...v.cycle.map((step) => step.name)].filter((name, i, all) => all.indexOf(name) === i).sort().join(' <-> ')}`
      : `${v.rule.name}: ${v.from} -> ${v.to}`,
  );
});

afterAll(async () => {
  await rm(base, { recursive: true, force: true });
});

describe('the import check', () => {
  it('reports each broken rule, and nothing the rules allow', () => {
    expect([...new Set(violations)].sort()).toEqual(
      [
        'core-is-a-leaf: server/core/leaf.ts -> server/workshop/index.ts',
        'store-imports-down: server/store/store.ts -> server/realtime/room.ts',
        'realtime-imports-down: server/realtime/room.ts -> server/boards/index.ts',
        'feature-public-face: server/workshop/reach.ts -> server/boards/internal.ts',
        'feature-order: server/boards/late.ts -> server/workshop/index.ts',
        'features-not-transports: server/workshop/commands.ts -> server/events/send.ts',
        'transports-use-tables: server/http/app.ts -> server/polls/a.ts',
        // Type-only imports count: a and b only name each other's types.
        'no-circular: server/polls/a.ts <-> server/polls/b.ts',
      ].sort(),
    );
  });
});
