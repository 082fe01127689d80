import { route, uncheckedRoute, type MountedRoute } from '../core/http';
import type { Polls } from './index';

/** The public call's survey (no session: the call's link is the invitation). docs/PROTOCOL.md §18. */
export function pollRoutes(deps: { polls: Polls }): MountedRoute[] {
  const { polls } = deps;
  return [
    route('survey', { handle: ({ params }) => polls.survey.view(params.callId) }),
    // The body is checked by the survey after the address's and device's allowances are spent.
    uncheckedRoute('answerSurvey', {
      handle: ({ params, body, ip, header }) => {
        const device = header('x-samskab-device');
        return polls.survey.answer(params.callId, body, { ip, device: device && /^[A-Za-z0-9_-]{6,64}$/.test(device) ? device : null });
      },
    }),
  ];
}
