import type { StateCreator } from 'zustand';
import type { AuditEntry } from '../../../shared';
import type { ModerationState } from '../moderation-store';
import type { LoadStatus } from './queue';

/** The audit log's filters as typed (dates are Copenhagen calendar days, "" for none). */
export interface AuditFilters {
  action: string;
  from: string;
  to: string;
  text: string;
}

export const noAuditFilters: AuditFilters = { action: '', from: '', to: '', text: '' };

export interface AuditSlice {
  auditEntries: readonly AuditEntry[];
  auditStatus: LoadStatus;
  auditFilters: AuditFilters;
  setAuditEntries: (entries: readonly AuditEntry[]) => void;
  setAuditStatus: (status: LoadStatus) => void;
  setAuditFilters: (filters: AuditFilters) => void;
}

export const createAuditSlice: StateCreator<ModerationState, [], [], AuditSlice> = (set) => ({
  auditEntries: [],
  auditStatus: 'idle',
  auditFilters: noAuditFilters,
  setAuditEntries: (auditEntries) => set({ auditEntries, auditStatus: 'ready' }),
  setAuditStatus: (auditStatus) => set({ auditStatus }),
  setAuditFilters: (auditFilters) => set({ auditFilters }),
});
