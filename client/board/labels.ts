import { useCallback } from 'react';
import { useT } from '../i18n/useT';
import type { BoardSettings } from '../../shared';
import type { GroupId } from './grouping';

/** The visible name of a group, in the current language. */
export function useGroupLabel(settings: BoardSettings | null): (id: GroupId) => string {
  const t = useT();
  return useCallback(
    (id: GroupId) => {
      switch (id.kind) {
        case 'cell':
          return t('groups.cell', {
            phase: t(`taxonomy.phaseShort.${id.phase}`),
            principle: t(`taxonomy.principle.${id.principle}`),
          });
        case 'unclassified':
          return t('groups.unclassified');
        case 'track':
          return id.track ? t(`taxonomy.track.${id.track}`) : t('groups.noTrack');
        case 'question':
          return settings?.questions.find((q) => q.id === id.questionId)?.text ?? t('groups.noQuestion');
      }
    },
    [t, settings],
  );
}
