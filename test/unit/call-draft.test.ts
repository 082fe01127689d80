import { describe, expect, it } from 'vitest';
import { LIMITS, contributionRequestSchema } from '../../shared';
import { EMPTY_DRAFT, nextDraft, toRequest, validateDraft, withoutEmail, type Draft } from '../../client/call/draft';
import { normalizeReceiptCode } from '../../client/call/receipt-code';
import { excerptOf } from '../../client/call/receipts';
import { parseRoute } from '../../client/app/routes';

const draft = (patch: Partial<Draft>): Draft => ({ ...EMPTY_DRAFT, ...patch });

describe('contribution draft', () => {
  it('needs an idea within the limit', () => {
    expect(validateDraft(draft({ text: '   ' }))).toEqual({ text: 'required' });
    expect(validateDraft(draft({ text: 'x'.repeat(LIMITS.ideaText) }))).toEqual({});
    expect(validateDraft(draft({ text: 'x'.repeat(LIMITS.ideaText + 1) }))).toEqual({ text: 'tooLong' });
    // Spaces around the text do not count, as on the server.
    expect(validateDraft(draft({ text: `  ${'x'.repeat(LIMITS.ideaText)}  ` }))).toEqual({});
  });

  it('asks for consent when, and only when, an e-mail is given', () => {
    expect(validateDraft(draft({ text: 'Idé', email: 'a@b.dk' }))).toEqual({ consent: 'consent' });
    expect(validateDraft(draft({ text: 'Idé', email: 'a@b.dk', consent: true }))).toEqual({});
    expect(validateDraft(draft({ text: 'Idé', email: 'not an address', consent: true }))).toEqual({ email: 'email' });
    expect(validateDraft(draft({ text: 'Idé', consent: true }))).toEqual({});
  });

  it('sends empty optional fields as null (anonymous, no e-mail) and drops consent without e-mail', () => {
    const request = toRequest(draft({ text: '  Flere bænke ved Ishøj Strand ', consent: true, name: '  ' }), 'idABCDEF', 'da', []);
    expect(request).toMatchObject({ text: 'Flere bænke ved Ishøj Strand', name: null, email: null, consent: false, organisation: null });
    expect(request).not.toHaveProperty('website');
    expect(contributionRequestSchema.safeParse(request).success).toBe(true);
  });

  it('without mail on the server, neither checks nor sends an e-mail kept on the device', () => {
    const kept = draft({ text: 'Idé', email: 'not an address', consent: false });
    expect(validateDraft(withoutEmail(kept))).toEqual({});
    expect(toRequest(withoutEmail(kept), 'idABCDEF', 'da', [])).toMatchObject({ email: null, consent: false });
    const plain = draft({ text: 'Idé' });
    expect(withoutEmail(plain)).toBe(plain);
  });

  it('keeps the question only when the call still has it, and passes the honeypot on', () => {
    const d = draft({ text: 'Idé', questionId: 'question-1', phase: 2, track: 'outward', email: 'a@b.dk', consent: true });
    expect(toRequest(d, 'idABCDEF', 'en', ['question-1']).questionId).toBe('question-1');
    expect(toRequest(d, 'idABCDEF', 'en', ['question-2']).questionId).toBeNull();
    const request = toRequest(d, 'idABCDEF', 'en', [], 'http://spam.example');
    expect(request).toMatchObject({ website: 'http://spam.example', locale: 'en', phase: 2, track: 'outward', consent: true });
    expect(contributionRequestSchema.safeParse(request).success).toBe(true);
  });

  it('starts the next idea empty but keeps who is writing and the question', () => {
    const next = nextDraft(draft({ text: 'Idé', phase: 1, name: 'Aisha', contributorType: 'citizen', questionId: 'q1' }));
    expect(next).toMatchObject({ text: '', phase: null, name: 'Aisha', contributorType: 'citizen', questionId: 'q1' });
  });
});

describe('receipt codes and routes', () => {
  it('reads a code however it is typed', () => {
    expect(normalizeReceiptCode('abcd-efgh-jkmn')).toBe('ABCD-EFGH-JKMN');
    expect(normalizeReceiptCode(' ABCD EFGH JKMN ')).toBe('ABCD-EFGH-JKMN');
    expect(normalizeReceiptCode('ABCDEFGHJKMN')).toBe('ABCD-EFGH-JKMN');
    expect(normalizeReceiptCode('ABCD-EFGH-JKM')).toBeNull();
    expect(normalizeReceiptCode('ABCD-EFGH-JK0N')).toBeNull();
    expect(normalizeReceiptCode('')).toBeNull();
  });

  it('routes /c/:callId and /r/:code', () => {
    expect(parseRoute('/c/abcDEF123')).toEqual({ name: 'call', callId: 'abcDEF123' });
    expect(parseRoute('/c/abcDEF123/')).toEqual({ name: 'call', callId: 'abcDEF123' });
    expect(parseRoute('/r/ABCD-EFGH-JKMN')).toEqual({ name: 'receipt', code: 'ABCD-EFGH-JKMN' });
    expect(parseRoute('/r')).toEqual({ name: 'receipt', code: '' });
    expect(parseRoute('/c')).toEqual({ name: 'not-found' });
  });

  it('shortens long ideas for the list of earlier contributions', () => {
    expect(excerptOf('  kort\n idé ')).toBe('kort idé');
    const long = excerptOf('ord '.repeat(100));
    expect(long.length).toBeLessThanOrEqual(120);
    expect(long.endsWith('…')).toBe(true);
  });
});
