import { useMemo } from 'react';
import { useT } from '../i18n/useT';
import type { AddCommentResult, IdeaStatus, Reaction, ReportTarget, Revision } from '../../shared';
import { useBoardSync } from '../board/BoardSyncContext';
import { resultErrorText } from '../i18n/errors';
import type { ApiResult } from '../rest/http';
import { useBoardStore } from '../state/board-store';

/** A command's end, as the interface needs it: the data, or a sentence to show. */
export type Outcome<T> = { ok: true; data: T } | { ok: false; error: string };

/**
 * The comment, reaction, report, status and moderation commands, each answered in the
 * reader's language. What the document does not carry (pending comments, the hidden list,
 * which ideas a moderator edited) is put into the store from the server's answer.
 */
export function useSocialCommands() {
  const sync = useBoardSync();
  const t = useT();

  return useMemo(() => {
    const store = () => useBoardStore.getState();
    const outcome = <T,>(result: ApiResult<T>): Outcome<T> =>
      result.ok ? { ok: true, data: result.data } : { ok: false, error: resultErrorText(t, result) };
    const errorOnly = (result: ApiResult<unknown>): string | null => (result.ok ? null : resultErrorText(t, result));

    return {
      /** `id` stays the same for every retry of one draft, so a lost answer never makes a second comment. */
      async addComment(id: string, ideaId: string, text: string): Promise<Outcome<AddCommentResult['state']>> {
        const result = await sync.request('comment:add', { id, ideaId, text });
        if (!result.ok) return outcome(result);
        if (result.data.state === 'pending') store().addPendingComment(result.data.comment);
        return { ok: true, data: result.data.state };
      },
      async deleteComment(commentId: string): Promise<string | null> {
        const result = await sync.request('comment:delete', { commentId });
        if (result.ok) store().dropPendingComment(commentId);
        return errorOnly(result);
      },
      async hideComment(commentId: string, reason: string): Promise<string | null> {
        return errorOnly(await sync.request('comment:hide', { commentId, reason }));
      },
      async toggleReaction(ideaId: string, reaction: Reaction): Promise<string | null> {
        return errorOnly(await sync.request('reaction:toggle', { ideaId, reaction }));
      },
      async report(target: ReportTarget, reason: string): Promise<string | null> {
        return errorOnly(await sync.request('report:create', { target, reason }));
      },
      async hideIdea(ideaId: string, reason: string): Promise<string | null> {
        const result = await sync.request('idea:hide', { ideaId, reason });
        if (result.ok) {
          const others = (store().moderatorHidden ?? []).filter((h) => h.idea.id !== ideaId);
          store().setModeratorHidden([result.data, ...others]);
        }
        return errorOnly(result);
      },
      async restoreIdea(ideaId: string): Promise<string | null> {
        const result = await sync.request('idea:restore', { ideaId });
        if (result.ok) store().setModeratorHidden((store().moderatorHidden ?? []).filter((h) => h.idea.id !== ideaId));
        return errorOnly(result);
      },
      async moderateEdit(ideaId: string, text: string, reason: string | null): Promise<string | null> {
        const result = await sync.request('idea:moderateEdit', { ideaId, text, reason });
        if (result.ok) store().setModeratorEdited(new Set([...store().moderatorEdited, ideaId]));
        return errorOnly(result);
      },
      async revisions(ideaId: string): Promise<Outcome<Revision[]>> {
        const result = await sync.request('idea:revisions', { ideaId });
        return result.ok ? { ok: true, data: result.data.revisions } : outcome(result);
      },
      async purgeIdea(ideaId: string, reason: string | null): Promise<string | null> {
        const result = await sync.request('idea:purge', { ideaId, reason });
        if (result.ok) {
          const hidden = store().moderatorHidden;
          if (hidden) store().setModeratorHidden(hidden.filter((h) => h.idea.id !== ideaId));
        }
        return errorOnly(result);
      },
      async setStatus(ideaId: string, status: IdeaStatus, rationale: string | null): Promise<string | null> {
        return errorOnly(await sync.request('idea:setStatus', { ideaId, status, rationale }));
      },
    };
  }, [sync, t]);
}

export type SocialCommands = ReturnType<typeof useSocialCommands>;
