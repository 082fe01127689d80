import type { ServerConfig } from '../config';
import { boardSession, publicBase, route, type IdentifySession, type MountedRoute } from '../core/http';
import { BOM, csvLine } from '../core/csv-text';
import { buildOverviewXlsx } from './overview-xlsx';
import { overviewLabels } from './overview-labels';
import { overviewCsvRow, overviewHeadings } from './overview-rows';
import type { Installation } from './index';

/** Coordinator sessions, the overview and its export, the installation's beacons, new rounds. */
export function installationRoutes(deps: { config: ServerConfig; identify: IdentifySession; installation: Installation }): MountedRoute[] {
  const { config, identify, installation } = deps;
  const { coordinator, overview, rounds } = installation;
  const asCoordinator = ({ token }: { token: string | undefined }) => coordinator.requireSession(token);
  return [
    route('coordinatorSession', { handle: ({ body }) => coordinator.createSession(body.token) }),
    route('rotateCoordinatorLink', { admit: asCoordinator, handle: () => coordinator.rotate() }),
    route('endCoordinatorSession', {
      // Signing out is idempotent: an unknown or expired session is already signed out.
      sessionCheckedBy: 'nobody: signing out answers the same for an unknown session',
      handle: async ({ token }) => {
        await coordinator.endSession(token);
        return { signedOut: true as const };
      },
    }),
    route('overview', { admit: asCoordinator, handle: ({ query }) => overview.overview(query) }),
    route('overviewCsv', {
      admit: asCoordinator,
      handle: async ({ query }, res) => {
        const { sep, lang, ...filters } = query;
        const { ideas } = await overview.overview(filters);
        const labels = overviewLabels(lang);
        const lines = [BOM, csvLine(overviewHeadings(labels), sep), ...ideas.map((idea) => csvLine(overviewCsvRow(idea, labels), sep))];
        res.setHeader('Content-Type', 'text/csv; charset=utf-8');
        res.setHeader('Content-Disposition', 'attachment; filename="samskab-overview.csv"');
        res.end(lines.join(''));
      },
    }),
    route('overviewXlsx', {
      admit: asCoordinator,
      handle: async ({ query }, res) => {
        const { lang, ...filters } = query;
        const body = await buildOverviewXlsx(await overview.overview(filters), lang);
        res.setHeader('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
        res.setHeader('Content-Disposition', 'attachment; filename="samskab-overview.xlsx"');
        res.setHeader('Content-Length', String(body.length));
        res.end(body);
      },
    }),
    route('installationBeacons', { handle: async () => ({ beacons: await coordinator.beacons() }) }),
    route('setInstallationBeacons', { admit: asCoordinator, handle: async ({ body }) => ({ beacons: await coordinator.setBeacons(body.beacons) }) }),
    route('startRound', {
      admit: ({ params, token }) => boardSession(identify, token, params.boardId, 'Only facilitators start a new round.'),
      handle: ({ admitted, body }) => rounds.start(admitted, body, publicBase(config)),
    }),
  ];
}
