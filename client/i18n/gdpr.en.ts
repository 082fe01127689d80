import type { gdprDa } from './gdpr.da';

/** Personal data (GDPR) and e-mail digest texts, English. Spread into en.ts. */
export const gdprEn: typeof gdprDa = {
  gdpr: {
    receipt: {
      heading: 'Your data',
      intro: 'You can download everything the board keeps about your contribution (your e-mail address too), or delete all of it.',
      download: 'Download my data',
      downloading: 'Downloading…',
      delete: 'Delete my data',
      confirmHeading: 'Delete your contribution and your e-mail address?',
      confirmBody: 'Your idea and your e-mail address are deleted for good. The receipt code will then only say that the contribution was deleted. This cannot be undone.',
      confirm: 'Yes, delete everything',
      deleting: 'Deleting…',
      deleted: 'Your data is deleted. The receipt code now only says that the contribution was deleted.',
    },
    person: {
      heading: 'Personal data',
      intro: 'Find a contributor, download everything the board holds about them as JSON, or delete all of it.',
      by: 'Find by',
      byOptions: { participant: 'Participant id', receipt: 'Receipt code', email: 'E-mail address' },
      value: 'Value',
      find: 'Find',
      finding: 'Finding…',
      summary: 'Ideas: {{ideas}} · comments: {{comments}} · reactions: {{reactions}} · votes: {{votes}} · e-mail addresses: {{emails}} · sessions: {{sessions}}',
      export: 'Download as JSON',
      delete: 'Delete everything about this person',
      reason: 'Reason (kept in the log)',
      confirmHeading: 'Delete everything about this person?',
      confirmBody: 'Ideas, comments, reactions, votes, e-mail addresses and sessions are deleted for good, from the store\u2019s files too. This cannot be undone.',
      confirm: 'Yes, delete everything',
      deleted: 'Deleted – ideas: {{ideas}}, comments: {{comments}}, reactions: {{reactions}}, votes: {{votes}}.',
    },
    digest: {
      heading: 'Notice of waiting contributions',
      intro: 'Get an e-mail, at most once an hour, when contributions wait for moderation.',
      email: 'Your e-mail address',
      language: 'Language of the mail',
      subscribe: 'Notify me',
      subscribed: 'You are notified at {{email}}.',
      unsubscribe: 'Stop the notices and delete the address',
      subscribedOff: 'The address {{email}} is stored, but nothing is sent until e-mail is set up.',
      off: 'E-mail is not set up on this server, so no notice is sent. Ask your operations team to set SMTP_URL and MAIL_FROM.',
    },
  },
};
