import { labelsFor } from '../export';
import { escapeHtml } from '../export';
import type { MailEvent } from './outbox';

/** What a mail says, once the sender has read what it needs (board title, receipt, text). */
export interface MailFacts {
  locale: 'da' | 'en';
  boardTitle: string;
  /** Absolute link to the receipt page; null without PUBLIC_URL. */
  receiptUrl: string | null;
  receipt: string | null;
  /** The contribution's text (contributor mails). */
  text: string | null;
  /** Absolute one-click unsubscribe link; null without PUBLIC_URL. */
  unsubscribeUrl: string | null;
}

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

const WORDS = {
  da: {
    hello: 'Hej',
    yourIdea: 'Din idé',
    receiptSubject: (board: string) => `Tak for din idé til ${board}`,
    receiptBody: 'Vi har modtaget din idé. Du kan følge den med din kvitteringskode',
    publishedSubject: (board: string) => `Din idé er offentliggjort på ${board}`,
    publishedBody: 'Din idé er nu offentliggjort.',
    rejectedSubject: (board: string) => `Din idé blev ikke offentliggjort på ${board}`,
    rejectedBody: 'Din idé blev ikke offentliggjort.',
    reason: 'Begrundelse',
    statusSubject: (board: string, status: string) => `Din idé på ${board}: ${status}`,
    statusBody: (status: string) => `Din idé har fået en ny status: ${status}.`,
    initiativeSubject: (board: string) => `Din idé er blevet en del af en indsats på ${board}`,
    initiativeBody: (title: string) => `Din idé er nu en del af indsatsen "${title}".`,
    digestSubject: (board: string, n: number) => `${n} ${n === 1 ? 'bidrag venter' : 'bidrag venter'} på moderation på ${board}`,
    digestBody: (board: string, n: number) => `${n} bidrag venter på moderation på ${board}.`,
    follow: 'Se status',
    code: 'Kvitteringskode',
    unsubscribe: 'Afmeld (din e-mailadresse slettes)',
    why: 'Du får denne mail, fordi du gav samtykke til opfølgning på e-mail.',
    whyDigest: 'Du får denne mail, fordi du bad om en oversigt over bidrag, der venter på moderation.',
  },
  en: {
    hello: 'Hello',
    yourIdea: 'Your idea',
    receiptSubject: (board: string) => `Thank you for your idea for ${board}`,
    receiptBody: 'We have received your idea. You can follow it with your receipt code',
    publishedSubject: (board: string) => `Your idea is published on ${board}`,
    publishedBody: 'Your idea is now published.',
    rejectedSubject: (board: string) => `Your idea was not published on ${board}`,
    rejectedBody: 'Your idea was not published.',
    reason: 'Reason',
    statusSubject: (board: string, status: string) => `Your idea on ${board}: ${status}`,
    statusBody: (status: string) => `Your idea has a new status: ${status}.`,
    initiativeSubject: (board: string) => `Your idea became part of an initiative on ${board}`,
    initiativeBody: (title: string) => `Your idea is now part of the initiative "${title}".`,
    digestSubject: (board: string, n: number) => `${n} ${n === 1 ? 'contribution waits' : 'contributions wait'} for moderation on ${board}`,
    digestBody: (board: string, n: number) => `${n} ${n === 1 ? 'contribution waits' : 'contributions wait'} for moderation on ${board}.`,
    follow: 'See its status',
    code: 'Receipt code',
    unsubscribe: 'Unsubscribe (your e-mail address is deleted)',
    why: 'You get this mail because you agreed to follow-up by e-mail.',
    whyDigest: 'You get this mail because you asked for a summary of contributions waiting for moderation.',
  },
} as const;

/** A reason from MODERATION_REASONS in words (as the receipt page shows it); a moderator's own words as written. */
const REASONS: Record<'da' | 'en', Record<string, string>> = {
  da: {
    'off-topic': 'Den handler ikke om det, indkaldelsen spørger om.',
    duplicate: 'Den samme idé er allerede på tavlen.',
    offensive: 'Den er stødende eller krænkende.',
    'personal-data': 'Den indeholder personoplysninger.',
    spam: 'Den blev vurderet som spam eller reklame.',
    other: 'Af en anden grund.',
  },
  en: {
    'off-topic': 'It is not about what the call asks.',
    duplicate: 'The same idea is already on the board.',
    offensive: 'It is offensive or hurtful.',
    'personal-data': 'It contains personal data.',
    spam: 'It was judged to be spam or advertising.',
    other: 'For another reason.',
  },
};

/** Plain text and simple HTML from the same lines: paragraphs, one quote, links. */
export function renderMail(event: MailEvent, facts: MailFacts): RenderedMail {
  const w = WORDS[facts.locale];
  const board = facts.boardTitle || 'Samskab';
  const lines: string[] = [];
  let subject: string;
  switch (event.kind) {
    case 'receipt':
      subject = w.receiptSubject(board);
      lines.push(facts.receipt ? `${w.receiptBody}: ${facts.receipt}` : w.receiptBody);
      break;
    case 'decision':
      subject = event.published ? w.publishedSubject(board) : w.rejectedSubject(board);
      lines.push(event.published ? w.publishedBody : w.rejectedBody);
      if (!event.published && event.reason) lines.push(`${w.reason}: ${REASONS[facts.locale][event.reason] ?? event.reason}`);
      break;
    case 'status': {
      const status = (labelsFor(facts.locale).status as Record<string, string>)[event.status] ?? event.status;
      subject = w.statusSubject(board, status);
      lines.push(w.statusBody(status));
      if (event.rationale) lines.push(`${w.reason}: ${event.rationale}`);
      break;
    }
    case 'initiative':
      subject = w.initiativeSubject(board);
      lines.push(w.initiativeBody(event.title));
      break;
    case 'digest':
      subject = w.digestSubject(board, event.pending);
      lines.push(w.digestBody(board, event.pending));
      break;
  }
  const quote = event.kind === 'digest' ? null : facts.text;
  const why = event.kind === 'digest' ? w.whyDigest : w.why;
  const textParts = [
    `${w.hello},`,
    ...lines,
    ...(quote ? [`${w.yourIdea}:\n> ${quote.replace(/\n/g, '\n> ')}`] : []),
    ...(event.kind !== 'digest' && facts.receipt && event.kind !== 'receipt' ? [`${w.code}: ${facts.receipt}`] : []),
    ...(facts.receiptUrl ? [`${w.follow}: ${facts.receiptUrl}`] : []),
    '--',
    why,
    ...(facts.unsubscribeUrl ? [`${w.unsubscribe}: ${facts.unsubscribeUrl}`] : []),
  ];
  const p = (s: string) => `<p>${escapeHtml(s)}</p>`;
  const a = (href: string, label: string) => `<p><a href="${escapeHtml(href)}">${escapeHtml(label)}</a></p>`;
  const html = [
    `<!doctype html><html lang="${facts.locale}"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>`,
    '<body style="font-family:sans-serif;line-height:1.5;max-width:40em">',
    p(`${w.hello},`),
    ...lines.map(p),
    ...(quote ? [`<blockquote style="border-left:3px solid #888;margin:0;padding-left:1em">${escapeHtml(quote).replace(/\n/g, '<br>')}</blockquote>`] : []),
    ...(event.kind !== 'digest' && facts.receipt && event.kind !== 'receipt' ? [p(`${w.code}: ${facts.receipt}`)] : []),
    ...(facts.receiptUrl ? [a(facts.receiptUrl, w.follow)] : []),
    '<hr>',
    `<p style="font-size:0.9em">${escapeHtml(why)}</p>`,
    ...(facts.unsubscribeUrl ? [a(facts.unsubscribeUrl, w.unsubscribe)] : []),
    '</body></html>',
  ].join('\n');
  return { subject, text: textParts.join('\n\n'), html };
}
