import { describe, expect, it } from 'vitest';
import { PageHandlers, type BoardSyncHandlers } from '../../client/sync/page-handlers';

function recorder() {
  const heard: string[] = [];
  const handlers: BoardSyncHandlers = {
    onSessionInvalid: () => heard.push('invalid'),
    onBoardNotFound: () => heard.push('not-found'),
    onRemoteAdded: (ideas) => heard.push(`added ${ideas.length}`),
  };
  return { heard, handlers };
}

describe('the page handlers of a sync started before its page', () => {
  it('passes a close heard before any page was bound to the first page bound, once', () => {
    const page = new PageHandlers();
    page.closed('board-not-found');
    const first = recorder();
    page.bind(first.handlers);
    expect(first.heard).toEqual(['not-found']);
    const second = recorder();
    page.bind(second.handlers);
    expect(second.heard).toEqual([]);
  });

  it('tells the bound page at once, and keeps a close heard after it unbound for the next', () => {
    const page = new PageHandlers();
    const first = recorder();
    const unbind = page.bind(first.handlers);
    page.closed('session-invalid');
    expect(first.heard).toEqual(['invalid']);
    unbind();
    page.closed('session-invalid');
    expect(first.heard).toEqual(['invalid']);
    const next = recorder();
    page.bind(next.handlers);
    expect(next.heard).toEqual(['invalid']);
  });

  it('an old page unbinding does not unbind the page that replaced it', () => {
    const page = new PageHandlers();
    const old = recorder();
    const unbindOld = page.bind(old.handlers);
    const current = recorder();
    page.bind(current.handlers);
    unbindOld();
    page.remoteAdded([]);
    page.closed('board-not-found');
    expect(current.heard).toEqual(['added 0', 'not-found']);
    expect(old.heard).toEqual([]);
  });

  it('drops remote ideas heard while no page is bound (announced only while someone looks)', () => {
    const page = new PageHandlers();
    page.remoteAdded([]);
    const later = recorder();
    page.bind(later.handlers);
    expect(later.heard).toEqual([]);
  });
});
