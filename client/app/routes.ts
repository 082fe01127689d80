import { ID_PATTERN } from '../../shared';

export type Route =
  | { name: 'start' }
  | { name: 'board'; boardId: string }
  | { name: 'screen'; boardId: string }
  | { name: 'join'; code: string }
  | { name: 'call'; callId: string }
  | { name: 'receipt'; code: string }
  | { name: 'coordinator' }
  | { name: 'accessibility'; locale: 'da' | 'en' }
  | { name: 'not-found' };

/**
 * The pages: `/`, `/join` (and `/join/:code`), `/b/:boardId`, `/b/:boardId/screen`, a public
 * call's `/c/:callId`, a contribution receipt's `/r/:code` (`/r` alone: look one up) and the
 * installation coordinator's `/coordinator` (its token in the fragment, like board links),
 * and the accessibility statement at `/tilgaengelighed` (Danish) and `/accessibility` (English).
 */
export function parseRoute(pathname: string): Route {
  const path = pathname.replace(/\/+$/, '') || '/';
  if (path === '/') return { name: 'start' };
  if (path === '/coordinator') return { name: 'coordinator' };
  if (path === '/tilgaengelighed') return { name: 'accessibility', locale: 'da' };
  if (path === '/accessibility') return { name: 'accessibility', locale: 'en' };
  const join = /^\/join(?:\/([^/]*))?$/.exec(path);
  if (join) return { name: 'join', code: safeDecode(join[1] ?? '') };
  // Any id goes to the call page: a mistyped or retired link gets a page that says so.
  const call = /^\/c\/([^/]+)$/.exec(path);
  if (call) return { name: 'call', callId: safeDecode(call[1]!) };
  const receipt = /^\/r(?:\/([^/]*))?$/.exec(path);
  if (receipt) return { name: 'receipt', code: safeDecode(receipt[1] ?? '') };
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
