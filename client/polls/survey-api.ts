import type { SurveyAnswerRequest, SurveyAnswerResult, SurveyView } from '../../shared';
import { deviceId } from '../call/device';
import { sendWithHeaders, type Sent } from '../rest/http';

// The public call's survey (no session): GET the open questions, POST one respondent's answers.

function headers(): Record<string, string> {
  return { 'X-Samskab-Device': deviceId() };
}

export function fetchSurvey(callId: string): Promise<Sent<SurveyView>> {
  return sendWithHeaders('GET', `/api/calls/${encodeURIComponent(callId)}/survey`, undefined, headers());
}

export function postSurvey(callId: string, body: SurveyAnswerRequest): Promise<Sent<SurveyAnswerResult>> {
  return sendWithHeaders('POST', `/api/calls/${encodeURIComponent(callId)}/survey`, body, headers());
}
