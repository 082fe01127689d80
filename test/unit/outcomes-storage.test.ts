import { beforeEach, describe, expect, it, vi } from 'vitest';
import {
  forgetBoard,
  loadLinks,
  loadMyBoards,
  loadSession,
  saveBoardMeta,
  saveLinks,
  saveSession,
  updateBoardMetaTitle,
} from '../../client/session/storage';

/** localStorage as the browser has it, for a test that runs in Node. */
function memoryStorage(): Storage {
  const data = new Map<string, string>();
  return {
    get length() {
      return data.size;
    },
    key: (i) => [...data.keys()][i] ?? null,
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => void data.set(k, String(v)),
    removeItem: (k) => void data.delete(k),
    clear: () => data.clear(),
  };
}

const links = (id: string) => ({ facilitator: `/b/${id}#k=f`, participant: `/b/${id}#k=p`, observer: `/b/${id}/screen#k=o` });

beforeEach(() => {
  vi.stubGlobal('localStorage', memoryStorage());
});

describe('my boards on this device', () => {
  it('lists boards with links, with the title and date kept beside them', () => {
    saveLinks('board-new', links('board-new'));
    saveBoardMeta('board-new', { title: 'Kick-off – runde 2', createdAt: 200 });
    saveLinks('board-old', links('board-old'));
    localStorage.setItem('samskab.links.broken', '{"facilitator": 1}');
    localStorage.setItem('samskab.board.other', '{}');
    const boards = loadMyBoards().sort((a, b) => a.boardId.localeCompare(b.boardId));
    expect(boards).toEqual([
      { boardId: 'board-new', title: 'Kick-off – runde 2', createdAt: 200, facilitatorLink: links('board-new').facilitator },
      { boardId: 'board-old', title: null, createdAt: null, facilitatorLink: links('board-old').facilitator },
    ]);
  });

  it('falls back to the session\'s title, and follows a renamed board without inventing a date', () => {
    saveLinks('board-0001', links('board-0001'));
    saveSession('board', {
      sessionToken: 's',
      identity: { participantId: 'facil-0001', boardId: 'board-0001', role: 'facilitator', displayName: 'Mette', contributorType: null, organisation: null },
      capabilityToken: 'f',
      boardTitle: 'Budget 2026',
    });
    expect(loadMyBoards()[0]?.title).toBe('Budget 2026');
    updateBoardMetaTitle('board-0001', 'Budget 2026 – pejlemærker');
    expect(loadMyBoards()[0]).toMatchObject({ title: 'Budget 2026 – pejlemærker', createdAt: null });
    updateBoardMetaTitle('no-links-here', 'Ikke min');
    expect(localStorage.getItem('samskab.mine.no-links-here')).toBeNull();
  });

  it('lists boards this device joined through a facilitator link, not those it joined as participant', () => {
    vi.stubGlobal('location', { origin: 'https://samskab.example' });
    const identity = { participantId: 'facil-0002', boardId: 'board-0003', role: 'facilitator' as const, displayName: 'Bo', contributorType: null, organisation: null };
    saveSession('board', { sessionToken: 's', identity, capabilityToken: 'tok en', boardTitle: 'Medarbejderne' });
    saveSession('board', { sessionToken: 's', identity: { ...identity, boardId: 'board-0004', role: 'participant' }, capabilityToken: 'p', boardTitle: 'Borgerne' });
    expect(loadMyBoards()).toEqual([
      { boardId: 'board-0003', title: 'Medarbejderne', createdAt: null, facilitatorLink: 'https://samskab.example/b/board-0003#k=tok%20en' },
    ]);
  });

  it('forgets a board\'s links, entry and sessions on this device only', () => {
    saveLinks('board-0001', links('board-0001'));
    saveBoardMeta('board-0001', { title: 'A', createdAt: 1 });
    saveLinks('board-0002', links('board-0002'));
    localStorage.setItem('samskab.board.board-0001', '{}');
    localStorage.setItem('samskab.screen.board-0001', '{}');
    forgetBoard('board-0001');
    expect(loadLinks('board-0001')).toBeNull();
    expect(loadSession('board', 'board-0001')).toBeNull();
    expect(localStorage.getItem('samskab.screen.board-0001')).toBeNull();
    expect(loadMyBoards().map((b) => b.boardId)).toEqual(['board-0002']);
  });
});
