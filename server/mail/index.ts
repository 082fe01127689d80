import nodemailer from 'nodemailer';
import type { ServerConfig } from '../config';
import type { Logger } from '../log';
import type { RoomRegistry } from '../realtime/room-registry';
import type { BoardStore } from '../store/board-store';
import { Records } from '../core/records';
import { FollowUp } from './follow-up';
import { Housekeeping } from './housekeeping';
import { Outbox } from './outbox';
import { DEFAULT_SENDER_OPTIONS, MailSender, systemClock, type Clock, type SenderOptions } from './sender';
import { UnsubscribeTokens } from './tokens';

export interface Mail {
  followUp: FollowUp;
  outbox: Outbox;
  sender: MailSender | null;
  housekeeping: Housekeeping;
  /** Starts the sender and the periodic jobs (digests each minute, housekeeping each hour). */
  start(): void;
  stop(): Promise<void>;
}

export interface MailOptions {
  clock?: Clock;
  sender?: Partial<SenderOptions>;
  /** How often digests are considered; housekeeping runs every 60th time. 0: no periodic jobs (tests call them). */
  jobIntervalMs?: number;
}

/**
 * E-mail follow-up (issue 16): the outbox, its sender, facilitators' digests and the
 * housekeeping of personal data. Without SMTP_URL nothing is queued or sent, and the log
 * says so at start; housekeeping runs either way.
 */
export function createMail(deps: { store: BoardStore; rooms: RoomRegistry; config: ServerConfig; log: Logger; options?: MailOptions }): Mail {
  const { store, rooms, config, log } = deps;
  const clock = deps.options?.clock ?? systemClock;
  const records = new Records(store);
  const outbox = new Outbox(records);
  const tokens = new UnsubscribeTokens(records);
  let sender: MailSender | null = null;
  if (config.mail) {
    const transport = nodemailer.createTransport({
      url: config.mail.smtpUrl,
      connectionTimeout: 15_000,
      greetingTimeout: 15_000,
      socketTimeout: 30_000,
    } as unknown as Parameters<typeof nodemailer.createTransport>[0]);
    sender = new MailSender({
      records,
      rooms,
      outbox,
      tokens,
      transport,
      from: config.mail.from,
      publicUrl: config.publicUrl,
      log,
      clock,
      options: { ...DEFAULT_SENDER_OPTIONS, ...deps.options?.sender },
      soleSender: store.cluster === null,
    });
  }
  const followUp = new FollowUp({ records, outbox, tokens, sender, clock, log });
  const housekeeping = new Housekeeping({
    store,
    records,
    outbox,
    clock,
    sessionTtlMs: config.sessionTtlMs,
    contactRetentionMs: config.contactRetentionMs,
    log,
  });
  const jobIntervalMs = deps.options?.jobIntervalMs ?? 60_000;
  let jobs: NodeJS.Timeout | null = null;
  let running: Promise<unknown> | null = null;
  let round = 0;
  const runJobs = () => {
    if (running) return;
    const housekeepingNow = round++ % 60 === 0;
    running = (async () => {
      await followUp.digests();
      if (housekeepingNow) await housekeeping.run();
    })()
      .catch((error: unknown) => log.warn({ err: error }, 'mail: periodic job failed (will run again)'))
      .finally(() => {
        running = null;
      });
  };
  return {
    followUp,
    outbox,
    sender,
    housekeeping,
    start() {
      if (!config.mail) {
        log.warn('E-mail is off: SMTP_URL is not set, so contributors get no follow-up mail and facilitators no digest.');
      } else if (!config.publicUrl) {
        log.warn('E-mail is on, but PUBLIC_URL is not set: mails go out without receipt and unsubscribe links (no host is invented).');
      } else {
        log.info({ from: config.mail.from }, 'E-mail follow-up is on');
      }
      sender?.start();
      if (jobIntervalMs > 0) {
        jobs = setInterval(runJobs, jobIntervalMs);
        jobs.unref();
        runJobs();
      }
    },
    async stop() {
      if (jobs) clearInterval(jobs);
      await running;
      await sender?.stop();
    },
  };
}

// The public face: what other features (gdpr) may use of mail.
export type { FollowUp } from './follow-up';
export { unsubscribePage } from './follow-up';
export type { Outbox } from './outbox';
export { contactSchema, SUBSCRIPTIONS_SPACE, subscriptionKey, subscriptionSchema } from './contacts';
