/**
 * The server's import rules, checked in CI (`npm run check:imports`, part of `npm test`).
 *
 * Server layers. The server imports downward only. At the bottom is the leaf: `server/core/`
 * (service errors, HTTP helpers, the origin check, socket types, room and record naming,
 * role checks, the rate-limit port, tokens, per-board locks, CSV text and Copenhagen time)
 * together with `server/config.ts` and `server/log.ts`, which every layer reads and which
 * import nothing of the server but core. Above it the store (`server/store/`) and the
 * real-time rooms (`server/realtime/`, which may use the store). Above those the features,
 * in a fixed order (boards, workshop, moderation, polls, export, mail, gdpr, sensemaking,
 * installation): a feature may use a feature before it in that order, and only through that
 * feature's `index.ts`, its public face. Above the features the transports (`server/http/`,
 * `server/events/`), which mount the features' route and command tables; on top
 * `server/create-server.ts`, which builds everything in order and hands each feature what
 * it needs (store, rooms, rate limits, notifiers over the socket.io server), and
 * `server/main.ts`. No import circle anywhere in the server, type-only imports included.
 *
 * Rules (each below says why it exists):
 *  1. no-circular              no circle in server/, type-only imports included
 *  2. core-is-a-leaf           core, config.ts, log.ts import only each other, shared/, node and npm
 *  3. store-imports-down       store imports only the leaf
 *  4. realtime-imports-down    realtime imports only store and the leaf
 *  5. features-not-transports  no feature imports http/, events/, create-server.ts or main.ts
 *  6. feature-public-face      a feature reaches another feature only through its index.ts
 *  7. feature-order            ... and only a feature before it in FEATURES (no circle of features)
 *  8. transports-use-tables   http/ and events/ import a feature's route/command tables and index.ts only
 *  9. transports-not-top       http/ and events/ do not import create-server.ts or main.ts
 * 10. server-not-client        the server never imports client code
 * 11. shared-is-shared         shared/ (used by server and client) imports neither
 * 12. not-to-unresolvable      an import the checker cannot resolve would hide its edge
 */

/** The features, lowest first: each may import (through index.ts) only those before it. */
const FEATURES = ['boards', 'workshop', 'moderation', 'polls', 'export', 'mail', 'gdpr', 'sensemaking', 'installation'];

const BOTTOM = ['^server/core/', '^server/config\\.ts$', '^server/log\\.ts$'];
const TRANSPORTS_AND_TOP = ['^server/http/', '^server/events/', '^server/create-server\\.ts$', '^server/main\\.ts$'];
const anyFeature = `^server/(${FEATURES.join('|')})/`;

/** Rule 7, one rule per feature that has features after it. */
const featureOrder = FEATURES.slice(0, -1).map((feature, i) => ({
  name: 'feature-order',
  severity: 'error',
  comment:
    `${feature} may not import ${FEATURES.slice(i + 1).join(', ')}: features form a fixed order so no two ` +
    'features can depend on each other. Move what both need into server/core/, or hand it in at construction.',
  from: { path: `^server/${feature}/` },
  to: { path: `^server/(${FEATURES.slice(i + 1).join('|')})/` },
}));

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment:
        'An import circle (type-only ones included) means two modules cannot be understood, tested or moved ' +
        'apart; issue 17 found one of 24 files. Break it by moving the shared part down.',
      from: { path: '^server/' },
      to: { circular: true },
    },
    {
      name: 'core-is-a-leaf',
      severity: 'error',
      comment:
        'server/core/, config.ts and log.ts are what every layer stands on; if they imported a layer above, ' +
        'that layer could no longer import them without a circle.',
      from: { path: BOTTOM },
      to: { path: '^server/', pathNot: BOTTOM },
    },
    {
      name: 'store-imports-down',
      severity: 'error',
      comment: 'The store keeps bytes and records for everyone; it knows nothing of rooms, features or transports.',
      from: { path: '^server/store/' },
      to: { path: '^server/', pathNot: ['^server/store/', ...BOTTOM] },
    },
    {
      name: 'realtime-imports-down',
      severity: 'error',
      comment:
        'Rooms (the Yjs documents and their write rules) serve every feature; features hook into a room ' +
        '(onLoad, its hook table), the room never imports a feature or a transport.',
      from: { path: '^server/realtime/' },
      to: { path: '^server/', pathNot: ['^server/realtime/', '^server/store/', ...BOTTOM] },
    },
    {
      name: 'features-not-transports',
      severity: 'error',
      comment:
        'Features are reached over socket.io and REST; they hand their command and route tables up to the ' +
        'transports instead of importing them (the registrars importing socket-server.ts made the big circle).',
      from: { path: anyFeature },
      to: { path: TRANSPORTS_AND_TOP },
    },
    {
      name: 'feature-public-face',
      severity: 'error',
      comment:
        "A feature may use another feature only through that feature's index.ts: what index.ts exports is the " +
        "feature's contract, everything else in its folder may change without telling anyone.",
      from: { path: `^server/(${FEATURES.join('|')})/` },
      to: { path: anyFeature, pathNot: ['^server/$1/', `^server/(${FEATURES.join('|')})/index\\.ts$`] },
    },
    {
      name: 'transports-use-tables',
      severity: 'error',
      comment:
        "A transport mounts a feature's route and command tables (routes.ts, commands.ts, *-routes.ts, " +
        '*-commands.ts) and otherwise knows the feature only through its index.ts, like any other user.',
      from: { path: ['^server/http/', '^server/events/'] },
      to: { path: anyFeature, pathNot: `^server/(${FEATURES.join('|')})/(index|[^/]*routes|[^/]*commands)\\.ts$` },
    },
    ...featureOrder,
    {
      name: 'transports-not-top',
      severity: 'error',
      comment: 'create-server.ts builds the transports; a transport importing it back would close a circle through everything.',
      from: { path: ['^server/http/', '^server/events/'] },
      to: { path: ['^server/create-server\\.ts$', '^server/main\\.ts$'] },
    },
    {
      name: 'server-not-client',
      severity: 'error',
      comment: 'Wire types and schemas both sides need live in shared/; the server never loads client code.',
      from: { path: '^server/' },
      to: { path: '^client/' },
    },
    {
      name: 'shared-is-shared',
      severity: 'error',
      comment: 'shared/ is loaded by the browser and by the server; importing either side would drag it into the other.',
      from: { path: '^shared/' },
      to: { path: ['^server/', '^client/'] },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      comment: 'An import the checker cannot resolve is an edge it cannot judge: every rule above would miss it.',
      from: { path: '^server/' },
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // Type-only imports count: a circle of types is still a circle to read and to move.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.d.ts'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
