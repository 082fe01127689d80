import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { PHASES, PRINCIPLES, TRACKS, CONTRIBUTOR_TYPES, QUEUE_STATES, MODERATION_MODES } from '../../../shared';
import { useBoardStore } from '../../state/board-store';
import { useReasonLabel } from '../queue/useReasonLabel';
import { useFormatTime } from '../time-hooks';

const TIME_FIELDS = new Set(['opensAt', 'closesAt', 'at', 'createdAt', 'decidedAt', 'hiddenAt']);
const FIELD_LABELS = new Set([
  'text',
  'questionId',
  'phase',
  'principle',
  'track',
  'state',
  'enabled',
  'opensAt',
  'closesAt',
  'moderation',
  'callId',
  'reason',
  'authorName',
  'contributorType',
  'organisation',
  'beacons',
  'ideaId',
  'excerpt',
  'device',
  // What a person's data deletion removed (counts).
  'ideas',
  'comments',
  'reactions',
  'votes',
  'emails',
  'sessions',
]);

const has = <T,>(list: readonly T[], value: unknown): value is T => list.includes(value as T);

/** A field's name in the reader's language (unknown fields as the server named them). */
export function useAuditFieldLabel(): (field: string) => string {
  const { t } = useTranslation();
  return useCallback(
    (field: string) => (FIELD_LABELS.has(field) ? t(`moderation.auditField.${field as 'text'}`) : field),
    [t],
  );
}

/** A before/after value as people read it: labels for taxonomy values, Copenhagen times, question texts. */
export function useAuditValue(): (field: string | null, value: unknown) => string {
  const { t } = useTranslation();
  const format = useFormatTime();
  const reasonLabel = useReasonLabel();
  const questions = useBoardStore((s) => s.settings?.questions);
  const beacons = useBoardStore((s) => s.settings?.beacons);

  return useCallback(
    (field: string | null, value: unknown): string => {
      if (value === null || value === undefined || value === '') return t('moderation.audit.emptyValue');
      if (typeof value === 'boolean') return value ? t('moderation.audit.yes') : t('moderation.audit.no');
      if (field && TIME_FIELDS.has(field) && typeof value === 'number') return format(value);
      if (field === 'phase' && has(PHASES, value)) return t(`taxonomy.phaseShort.${value}`);
      if (field === 'principle' && has(PRINCIPLES, value)) return t(`taxonomy.principle.${value}`);
      if (field === 'track' && has(TRACKS, value)) return t(`taxonomy.track.${value}`);
      if (field === 'contributorType' && has(CONTRIBUTOR_TYPES, value)) return t(`taxonomy.contributorType.${value}`);
      if (field === 'state' && has(QUEUE_STATES, value)) return t(`moderation.states.${value}`);
      if (field === 'moderation' && has(MODERATION_MODES, value)) return t(`moderation.call.mode.${value}.name`);
      if (field === 'reason' && typeof value === 'string') return reasonLabel(value);
      if (field === 'questionId' && typeof value === 'string') return questions?.find((q) => q.id === value)?.text ?? value;
      if (field === 'beacons' && Array.isArray(value)) {
        return value.map((id) => beacons?.find((b) => b.id === id)?.name ?? String(id)).join(', ') || t('moderation.audit.emptyValue');
      }
      if (typeof value === 'string' || typeof value === 'number') return String(value);
      return JSON.stringify(value);
    },
    [t, format, reasonLabel, questions, beacons],
  );
}
