import type * as Y from 'yjs';
import { boardMap, readBoardSettings, readWorkshop, workshopMap, type WorkshopState } from '../../shared';

/** What the write rules need from the board settings. */
export interface SettingsView {
  beaconIds: ReadonlySet<string>;
  questionIds: ReadonlySet<string>;
  focusQuestionId: string | null;
}

/**
 * The board settings and workshop state as the write rules read them, parsed once per change
 * of their maps rather than once per update (every update is judged against them).
 */
export class DocViews {
  private settingsCache: SettingsView | undefined;
  private workshopCache: WorkshopState | undefined;

  constructor(private readonly doc: Y.Doc) {}

  /** From here on a change to the settings or the workshop state drops what was parsed. */
  observe(): void {
    boardMap(this.doc).observe(() => {
      this.settingsCache = undefined;
    });
    workshopMap(this.doc).observe(() => {
      this.workshopCache = undefined;
    });
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
