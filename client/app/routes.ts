import { ID_PATTERN } from '../../shared';

export type Route =
  | { name: 'start' }
  | { name: 'board'; boardId: string }
  | { name: 'screen'; boardId: string }
  | { name: 'join'; code: string }
  | { name: 'not-found' };

/** The pages: `/`, `/join` (and `/join/:code`), `/b/:boardId` and `/b/:boardId/screen`. */
export function parseRoute(pathname: string): Route {
  const path = pathname.replace(/\/+$/, '') || '/';
  if (path === '/') return { name: 'start' };
  const join = /^\/join(?:\/([^/]*))?$/.exec(path);
  if (join) return { name: 'join', code: safeDecode(join[1] ?? '') };
  const match = /^\/b\/([^/]+)(\/screen)?$/.exec(path);
  if (!match?.[1] || !ID_PATTERN.test(match[1])) return { name: 'not-found' };
  return match[2] ? { name: 'screen', boardId: match[1] } : { name: 'board', boardId: match[1] };
}

function safeDecode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return '';
  }
}
