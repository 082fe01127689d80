import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Initiative, InitiativeFields } from '../../shared';
import { useBoardSync } from '../board/BoardSyncContext';
import type { Outcome } from '../comments/useSocialCommands';
import { resultErrorText } from '../i18n/errors';

/** `initiative:save` and `initiative:delete`, answered in the reader's language. */
export function useInitiativeCommands() {
  const sync = useBoardSync();
  const { t } = useTranslation();
  return useMemo(
    () => ({
      async save(id: string | null, fields: InitiativeFields): Promise<Outcome<Initiative>> {
        const result = await sync.request('initiative:save', id ? { id, fields } : { fields });
        return result.ok ? { ok: true, data: result.data } : { ok: false, error: resultErrorText(t, result) };
      },
      async remove(initiativeId: string): Promise<string | null> {
        const result = await sync.request('initiative:delete', { initiativeId });
        return result.ok ? null : resultErrorText(t, result);
      },
    }),
    [sync, t],
  );
}
