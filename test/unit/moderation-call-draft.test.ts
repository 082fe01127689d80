import { describe, expect, it } from 'vitest';
import type { PublicCall } from '../../shared';
import { callStatus, callUrl, draftFromCall, nextCallChange, payloadFromDraft } from '../../client/facilitator/call/call-draft';

const call = (over: Partial<PublicCall> = {}): PublicCall => ({
  callId: 'call123456',
  enabled: true,
  opensAt: Date.parse('2025-06-01T07:00:00Z'),
  closesAt: Date.parse('2025-06-30T21:59:00Z'),
  moderation: 'pre',
  ideas: true,
  ...over,
});

describe('the public call form', () => {
  it('starts a new call open and pre-moderated, an existing one as it is (Copenhagen time)', () => {
    expect(draftFromCall(null)).toEqual({ enabled: true, opensAt: '', closesAt: '', moderation: 'pre', ideas: true });
    expect(draftFromCall(call({ moderation: 'post' }))).toEqual({
      enabled: true,
      opensAt: '2025-06-01T09:00',
      closesAt: '2025-06-30T23:59',
      moderation: 'post',
      ideas: true,
    });
    expect(draftFromCall(call({ ideas: false })).ideas).toBe(false);
  });

  it('turns the draft into the command, or says what is wrong', () => {
    expect(payloadFromDraft({ enabled: true, opensAt: '', closesAt: '', moderation: 'pre', ideas: true })).toEqual({
      ok: true,
      payload: { enabled: true, opensAt: null, closesAt: null, moderation: 'pre', ideas: true },
    });
    expect(payloadFromDraft({ enabled: false, opensAt: '2025-12-01T09:00', closesAt: '2025-12-24T12:00', moderation: 'post', ideas: false })).toEqual({
      ok: true,
      payload: { enabled: false, opensAt: Date.parse('2025-12-01T08:00:00Z'), closesAt: Date.parse('2025-12-24T11:00:00Z'), moderation: 'post', ideas: false },
    });
    expect(payloadFromDraft({ enabled: true, opensAt: '2025-06-02T10:00', closesAt: '2025-06-01T10:00', moderation: 'pre', ideas: true })).toEqual({
      ok: false,
      field: 'closesAt',
      problem: 'order',
    });
    expect(payloadFromDraft({ enabled: true, opensAt: '2025-02-30T10:00', closesAt: '', moderation: 'pre', ideas: true })).toMatchObject({ ok: false, field: 'opensAt' });
  });

  it('tells the status and when it changes by itself', () => {
    const c = call();
    expect(callStatus(null, 0)).toBe('none');
    expect(callStatus(call({ enabled: false }), c.opensAt! + 1)).toBe('disabled');
    expect(callStatus(c, c.opensAt! - 1)).toBe('scheduled');
    expect(callStatus(c, c.opensAt!)).toBe('open');
    expect(callStatus(c, c.closesAt!)).toBe('closed');
    expect(nextCallChange(c, c.opensAt! - 1)).toBe(c.opensAt);
    expect(nextCallChange(c, c.opensAt!)).toBe(c.closesAt);
    expect(nextCallChange(c, c.closesAt!)).toBeNull();
    expect(nextCallChange(call({ enabled: false }), 0)).toBeNull();
    expect(callUrl('https://samskab.ishoj.dk', 'call123456')).toBe('https://samskab.ishoj.dk/c/call123456');
  });
});
