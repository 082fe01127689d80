import type * as Y from 'yjs';
import { boardMap, ideasMap, readBoardSettings, readWorkshop, workshopMap, type WorkshopState } from '../../shared';

/** What the write rules need from the board settings. */
export interface SettingsView {
  beaconIds: ReadonlySet<string>;
  questionIds: ReadonlySet<string>;
  focusQuestionId: string | null;
}

/**
 * The board settings, the workshop state and the number of ideas as the write rules read
 * them, worked out once per change of their maps rather than once per update (every update
 * is judged against them).
 */
export class DocViews {
  private settingsCache: SettingsView | undefined;
  private workshopCache: WorkshopState | undefined;
  private ideaTotal: number | undefined;
  private observing = false;

  constructor(private readonly doc: Y.Doc) {}

  /** From here on a change to the settings or the workshop state drops what was parsed. */
  observe(): void {
    this.observing = true;
    boardMap(this.doc).observe(() => {
      this.settingsCache = undefined;
    });
    workshopMap(this.doc).observe(() => {
      this.workshopCache = undefined;
    });
    ideasMap(this.doc).observe((event) => {
      if (this.ideaTotal === undefined) return;
      for (const { action } of event.changes.keys.values()) {
        if (action === 'add') this.ideaTotal += 1;
        else if (action === 'delete') this.ideaTotal -= 1;
      }
    });
  }

  /**
   * How many ideas the document holds. Y.Map's `size` walks every entry, deleted ones
   * included: on a 10,000-idea board that was a tenth of a millisecond and more per judged
   * update. Counted once, then kept by each change's added and deleted keys.
   */
  ideaCount(): number {
    if (!this.observing) return ideasMap(this.doc).size;
    this.ideaTotal ??= ideasMap(this.doc).size;
    return this.ideaTotal;
  }

  settings(): SettingsView {
    if (this.settingsCache === undefined) {
      const settings = readBoardSettings(this.doc);
      this.settingsCache = {
        beaconIds: new Set(settings?.beacons.map((b) => b.id)),
        questionIds: new Set(settings?.questions.map((q) => q.id)),
        focusQuestionId: settings?.focusQuestionId ?? null,
      };
    }
    return this.settingsCache;
  }

  workshop(): WorkshopState {
    this.workshopCache ??= readWorkshop(this.doc);
    return this.workshopCache;
  }
}
