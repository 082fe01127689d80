import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useBoardSync } from '../../board/BoardSyncContext';
import { resultErrorText } from '../../i18n/errors';
import type { ApiResult } from '../../rest/http';
import type { CommandName, CommandPayload, CommandResult } from '../../sync/command-channel';

/**
 * Runs facilitator commands for one card of the console, with the card's own busy flag
 * and error text (shown beside the controls that caused it).
 */
export function useCommand() {
  const { t } = useTranslation();
  const sync = useBoardSync();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const run = useCallback(
    async <E extends CommandName>(event: E, ...payload: CommandPayload<E>): Promise<ApiResult<CommandResult<E>>> => {
      const session = sync.workshop;
      if (!session) return { ok: false, offline: true };
      setBusy(true);
      const result = await session.request(event, ...payload);
      setBusy(false);
      setError(result.ok ? null : resultErrorText(t, result));
      return result;
    },
    [sync, t],
  );

  return { run, busy, error, setError };
}
