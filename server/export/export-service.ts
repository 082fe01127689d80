import { z } from 'zod';
import { ErrorCode, type CreateBoardResponse, type Identity, copenhagenDate } from '../../shared';
import type { BoardService } from '../boards';
import { ServiceError } from '../core/errors';
import type { Logger } from '../log';
import type { RoomRegistry } from '../realtime/room-registry';
import type { BoardStore } from '../store/board-store';
import { buildBackup } from './backup';
import { buildCsv, buildTableCsv } from './csv';
import { CSV_SEPARATORS } from '../core/csv-text';
import { pollAnswerRows, pollSummaryRows, readPollExports } from './poll-export';
import { renderHtml } from './html';
import { EXPORT_LOCALES, labelsFor } from './labels';
import { renderMarkdown } from './markdown';
import { readModeration } from './moderation-backup';
import { readPollAnswers, readPollDrafts } from './poll-backup';
import { PdfPrinter } from './pdf';
import { buildReportModel } from './report';
import { restoreBoard } from './restore';
import { RowBuilder } from './rows';
import { takeSnapshot } from './snapshot';
import { slugify } from '../core/slug';
import { buildXlsx } from './xlsx';

export const EXPORT_FORMATS = ['csv', 'xlsx', 'md', 'html', 'pdf', 'json'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  md: 'text/markdown; charset=utf-8',
  html: 'text/html; charset=utf-8',
  pdf: 'application/pdf',
  json: 'application/json; charset=utf-8',
};

export const exportQuerySchema = z
  .object({
    lang: z.enum(EXPORT_LOCALES).default('da'),
    sep: z.enum(CSV_SEPARATORS).default(';'),
    /** CSV only: the idea list (default), the poll results, or every poll answer. */
    part: z.enum(['ideas', 'polls', 'pollAnswers']).default('ideas'),
  })
  .strict();

export interface ExportFile {
  body: Buffer;
  contentType: string;
  /** ASCII only: `<slug of the title>-<Copenhagen date>.<format>`. */
  fileName: string;
}

/**
 * Who may export a board: its facilitators. (A coordinator role for the whole installation
 * will be added here, issue 5.) The export holds the board's content and, for the JSON
 * backup, hidden ideas, each participant's votes and the moderation queue and audit log, so
 * nobody else may read it.
 */
export function mayExport(identity: Identity, boardId: string): boolean {
  return identity.boardId === boardId && identity.role === 'facilitator';
}

/**
 * Board exports (CSV, XLSX, Markdown, HTML, PDF, JSON backup) and restore. Every format
 * reads the loaded board (rooms.withRoom) and builds its file in paced slices, so a
 * 10,000-idea export does not stop other people's edits from being applied and saved.
 */
export class ExportService {
  private readonly pdf: PdfPrinter;

  constructor(
    private readonly deps: { boards: BoardService; store: BoardStore; rooms: RoomRegistry; log: Logger },
  ) {
    this.pdf = new PdfPrinter(deps.log);
  }

  /** Checks the session: 401 without a valid one for this board, 403 for other roles. */
  async authorize(boardId: string, sessionToken: string | undefined): Promise<Identity> {
    const identity = await this.deps.boards.identify(sessionToken);
    if (!identity || identity.boardId !== boardId) {
      throw new ServiceError(ErrorCode.UNAUTHENTICATED, 'The session is unknown or belongs to another board.', 401);
    }
    if (!mayExport(identity, boardId)) throw new ServiceError(ErrorCode.FORBIDDEN, 'Only facilitators export a board.', 403);
    return identity;
  }

  async export(boardId: string, format: string, query: unknown): Promise<ExportFile> {
    if (!(EXPORT_FORMATS as readonly string[]).includes(format)) {
      throw new ServiceError(ErrorCode.VALIDATION_FAILED, `Unknown export format "${format}"; use one of ${EXPORT_FORMATS.join(', ')}.`);
    }
    const parsed = exportQuerySchema.safeParse(query ?? {});
    if (!parsed.success) throw ServiceError.validation(parsed.error, 'query');
    const { lang, sep, part } = parsed.data;
    const kind = format as ExportFormat;
    const record = await this.deps.boards.requireBoard(boardId);
    const labels = labelsFor(lang);

    // PDF: fail fast, before reading the board, when this server cannot print.
    if (kind === 'pdf') this.pdf.assertAvailable();

    const { snapshot, stored, polls } = await this.deps.rooms.withRoom(boardId, async (room) => {
      if (kind !== 'json') {
        const polls = await readPollExports(this.deps.store, boardId, room.doc);
        return { snapshot: await takeSnapshot(room, record, { withUpdate: false }), stored: null, polls };
      }
      // The store first, then the document: a reveal in between (which writes the hidden
      // ideas into the document, then drops them from the store) can then only make an idea
      // appear in both parts of the backup, never in neither.
      // The moderation records are written before the document too (hiding an idea keeps it
      // in the store, then takes it out of the document), so the same holds for them.
      const [hiddenIdeas, votes, voteTotals, moderation, pollAnswers, pollDrafts] = await Promise.all([
        this.deps.store.listHiddenIdeas(boardId),
        this.deps.store.listVotes(boardId),
        this.deps.store.voteTotals(boardId),
        readModeration(this.deps.store, boardId),
        readPollAnswers(this.deps.store, boardId, room.doc),
        readPollDrafts(this.deps.store, boardId, room.doc),
      ]);
      return {
        snapshot: await takeSnapshot(room, record, { withUpdate: true }),
        stored: { hiddenIdeas, votes, voteTotals, moderation, pollAnswers, pollDrafts },
        polls: [],
      };
    });
    const rows = new RowBuilder(snapshot, labels);

    let body: Buffer;
    switch (kind) {
      case 'csv':
        body =
          part === 'ideas'
            ? await buildCsv(snapshot, rows, sep)
            : buildTableCsv(part === 'polls' ? pollSummaryRows(polls, labels) : pollAnswerRows(polls, labels), sep);
        break;
      case 'xlsx':
        body = await buildXlsx(snapshot, rows, polls);
        break;
      case 'md':
        body = await renderMarkdown(await buildReportModel(snapshot, rows, polls));
        break;
      case 'html':
        body = Buffer.from(await renderHtml(await buildReportModel(snapshot, rows, polls)), 'utf8');
        break;
      case 'pdf':
        body = await this.pdf.print(await renderHtml(await buildReportModel(snapshot, rows, polls)));
        break;
      case 'json':
        body = await buildBackup(snapshot, stored!);
        break;
    }
    const suffix = kind === 'csv' && part !== 'ideas' ? `-${part === 'polls' ? 'afstemninger' : 'afstemningssvar'}` : '';
    const fileName = `${slugify(snapshot.settings.title)}${suffix}-${copenhagenDate(snapshot.takenAt)}.${kind}`;
    return { body, contentType: CONTENT_TYPES[kind], fileName };
  }

  /** `body`: the backup's raw JSON bytes (undefined without a JSON body). */
  restore(body: Uint8Array | undefined, publicBase: string): Promise<CreateBoardResponse> {
    return restoreBoard(this.deps, body, publicBase);
  }
}
