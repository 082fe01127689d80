import type { SurveyAnswerRequest } from '../../shared';
import { deviceId } from '../call/device';
import { send } from '../rest/api';

// The public call's survey (no session): GET the open questions and this device's answers,
// POST answers, with this device's id (client/call/device.ts) as the respondent: the server
// keeps one answer per device and poll.

const headers = (): Record<string, string> => ({ 'X-Samskab-Device': deviceId() });

// no-store: the answer holds this device's own answers, which change as it answers.
export const fetchSurvey = (callId: string) => send('survey', { params: { callId }, headers: headers(), cache: 'no-store' });

export const postSurvey = (callId: string, body: SurveyAnswerRequest) => send('answerSurvey', { params: { callId }, body, headers: headers() });
