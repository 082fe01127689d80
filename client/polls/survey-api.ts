import type { SurveyAnswerRequest } from '../../shared';
import { deviceId } from '../call/device';
import { send } from '../rest/api';

// The public call's survey (no session): GET the open questions, POST one respondent's
// answers, with this device's id as for contributions.

const headers = (): Record<string, string> => ({ 'X-Samskab-Device': deviceId() });

export const fetchSurvey = (callId: string) => send('survey', { params: { callId }, headers: headers() });

export const postSurvey = (callId: string, body: SurveyAnswerRequest) => send('answerSurvey', { params: { callId }, body, headers: headers() });
