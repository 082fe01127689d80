import type { Idea } from '../../shared';
import { positionBetween } from '../../shared/model/position';
import type { IdeaPatch } from '../sync/idea-writes';
import { placementFor, type IdeaGroup, type Placed } from './grouping';

/**
 * The patch that moves `idea` into `group`, just before the idea `beforeId` (null: at the
 * end). Only placement fields change, so anyone who may write may do it.
 */
export function moveIntoGroup(idea: Idea, group: IdeaGroup<Placed>, beforeId: string | null): IdeaPatch {
  const others = group.ideas.filter((i) => i.id !== idea.id);
  const found = beforeId === null ? -1 : others.findIndex((i) => i.id === beforeId);
  const at = found < 0 ? others.length : found;
  const prev = others[at - 1]?.position ?? null;
  const next = others[at]?.position ?? null;
  return { ...placementFor(group.id), position: positionBetween(prev, next) };
}

/** Moves an idea one place up or down within its group; null at either end. */
export function moveWithinGroup(idea: Idea, group: IdeaGroup<Placed>, delta: -1 | 1): IdeaPatch | null {
  const index = group.ideas.findIndex((i) => i.id === idea.id);
  if (index < 0) return null;
  const target = index + delta;
  if (target < 0 || target >= group.ideas.length) return null;
  // Up: before the previous idea. Down: before the idea after the next one (or at the end).
  const beforeId = delta === -1 ? group.ideas[target]!.id : (group.ideas[target + 1]?.id ?? null);
  return { position: moveIntoGroup(idea, group, beforeId).position };
}
