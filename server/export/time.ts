/** Moved to server/core/time.ts; this path stays until every importer uses the new one. */
export * from '../core/time';
