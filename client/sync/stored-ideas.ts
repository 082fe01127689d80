import { parseIdea, type Idea } from '../../shared';

/**
 * A list of whole ideas in localStorage, for words that must outlive the page: hidden
 * ideas waiting to be sent, and new ideas the server has not confirmed yet. Entries that
 * no longer parse are dropped rather than crash the board.
 */
export class StoredIdeas {
  constructor(private readonly key: string) {}

  load(): Idea[] {
    try {
      const raw = localStorage.getItem(this.key);
      const list: unknown = raw ? JSON.parse(raw) : [];
      if (!Array.isArray(list)) return [];
      return list.map(parseIdea).filter((idea): idea is Idea => idea !== null);
    } catch {
      return [];
    }
  }

  save(ideas: readonly Idea[]): void {
    try {
      if (ideas.length === 0) localStorage.removeItem(this.key);
      else localStorage.setItem(this.key, JSON.stringify(ideas));
    } catch {
      // Storage full or disabled: the list lasts as long as the page.
    }
  }

  /** Adds or replaces (by id), keeping the order ideas were written in. */
  put(idea: Idea): Idea[] {
    const list = this.load();
    const at = list.findIndex((i) => i.id === idea.id);
    if (at >= 0) list[at] = idea;
    else list.push(idea);
    this.save(list);
    return list;
  }

  remove(ideaId: string): Idea[] {
    const list = this.load().filter((i) => i.id !== ideaId);
    this.save(list);
    return list;
  }

  clear(): void {
    this.save([]);
  }
}
