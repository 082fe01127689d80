import { z } from 'zod';
import { LIMITS, idSchema, ideaSchema, templateIdSchema } from '../../shared';
import { BACKUP_DOCUMENT_ENCODING, BACKUP_FORMAT } from './backup';
import { moderationBackupSchema } from './moderation-backup';
import { pollAnswersBackupSchema, pollDraftsBackupSchema } from './poll-backup';

/** Most votes a restore re-casts (each vote is a store operation), and most ballots it reads. */
export const MAX_RESTORED_VOTES = 500_000;
const MAX_BALLOTS = 200_000;

const ballotSchema = z
  .object({
    participantId: z.string().min(1).max(200),
    scope: z.union([z.literal(''), idSchema]),
    ideaId: idSchema,
    count: z.number().int().min(1).max(LIMITS.votesMax),
  })
  .strict();

/**
 * What a restore reads. `view` (and the vote totals, which follow from the ballots) are
 * not trusted or needed: the document and the store parts are the backup.
 *
 * Format version 1 (before the moderation state was backed up) is still read: such a board
 * is restored with an empty moderation queue, no moderator-hidden ideas and no audit log.
 * From version 2 on, `store.moderation` is required.
 */
export const backupRequestSchema = z
  .object({
    format: z.literal(BACKUP_FORMAT),
    formatVersion: z.union([z.literal(1), z.literal(2)]),
    protocolVersion: z.number().int().optional(),
    exportedAt: z.string().max(64).optional(),
    board: z
      .object({
        id: z.string().max(64).optional(),
        createdAt: z.number().optional(),
        template: templateIdSchema,
        title: z.string().max(LIMITS.boardTitle * 2).optional(),
      })
      .strict(),
    document: z
      .object({
        encoding: z.literal(BACKUP_DOCUMENT_ENCODING),
        update: z.string().min(1).regex(/^[A-Za-z0-9+/]*={0,2}$/, 'not base64'),
      })
      .strict(),
    view: z.unknown().optional(),
    store: z
      .object({
        hiddenIdeas: z.array(ideaSchema).max(LIMITS.ideasPerBoard),
        votes: z.array(ballotSchema).max(MAX_BALLOTS),
        voteTotals: z.unknown().optional(),
        moderation: moderationBackupSchema.optional(),
        /** Added with polls; a backup made before has none. */
        pollAnswers: pollAnswersBackupSchema.optional(),
        /** Added when drafts left the document; a backup made before has its drafts in the document. */
        pollDrafts: pollDraftsBackupSchema.optional(),
      })
      .strict(),
  })
  .strict()
  .superRefine((backup, ctx) => {
    if ((backup.formatVersion === 1) !== (backup.store.moderation === undefined)) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ['store', 'moderation'],
        message: backup.formatVersion === 1 ? 'A version 1 backup has no moderation state.' : 'The moderation state is missing.',
      });
    }
  });
export type BackupRequest = z.infer<typeof backupRequestSchema>;
