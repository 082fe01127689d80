import { ID_PATTERN } from '../../shared';
import { route, uncheckedRoute, type MountedRoute } from '../core/http';
import type { Polls } from './index';

/** The public call's survey (no session: the call's link is the invitation). docs/PROTOCOL.md §18. */
export function pollRoutes(deps: { polls: Polls }): MountedRoute[] {
  const { polls } = deps;
  // The device id the page keeps (client/call/device.ts); another shape counts as none.
  const deviceOf = (header: (name: string) => string | undefined): string | null => {
    const device = header('x-samskab-device');
    return device && ID_PATTERN.test(device) ? device : null;
  };
  return [
    route('survey', { handle: ({ params, header }) => polls.survey.view(params.callId, deviceOf(header)) }),
    // The body is checked by the survey after the address's and device's allowances are spent.
    uncheckedRoute('answerSurvey', {
      handle: ({ params, body, ip, header }) => polls.survey.answer(params.callId, body, { ip, device: deviceOf(header) }),
    }),
  ];
}
