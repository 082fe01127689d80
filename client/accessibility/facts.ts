/**
 * What the accessibility statement says was checked, and by which test: each row names a
 * test file that runs axe-core (WCAG 2.1 A and AA) or drives the screen by keyboard only.
 * test/unit/accessibility-facts.test.ts keeps this list true (every file exists and does
 * what the row says), so the statement cannot claim a check that is not made.
 */
export interface CheckedScreen {
  screen: { da: string; en: string };
  widths: string;
  kind: 'axe' | 'keyboard';
  test: string;
}

/** The day the statement was last reviewed against the tests (ISO date). */
export const REVIEWED_AT = '2026-12-06';

export const CHECKED_SCREENS: readonly CheckedScreen[] = [
  { screen: { da: 'Forsiden og de nye links', en: 'The start page and the new links' }, widths: '1366 px', kind: 'axe', test: 'test/browser/accessibility.test.ts' },
  { screen: { da: 'Tavlen med facilitatorværktøjer', en: 'The board with the facilitator tools' }, widths: '320 px, 1366 px', kind: 'axe', test: 'test/browser/accessibility.test.ts' },
  { screen: { da: 'Deltagerens telefon, facilitatorens skærm og projektoren i en workshop', en: 'The participant’s phone, the facilitator’s screen and the projector in a workshop' }, widths: '320 px, 390 px, 1366 px, 1920 px', kind: 'axe', test: 'test/browser/room.test.ts' },
  { screen: { da: 'Indkaldelsen af idéer og kvitteringen', en: 'The call for ideas and the receipt' }, widths: '390 px', kind: 'axe', test: 'test/browser/call.test.ts' },
  { screen: { da: 'Moderationen: kø, indkaldelse og log', en: 'Moderation: queue, call and log' }, widths: '1366 px', kind: 'axe', test: 'test/browser/moderation.test.ts' },
  { screen: { da: 'Kommentarer, reaktioner og status', en: 'Comments, reactions and status' }, widths: '1366 px', kind: 'axe', test: 'test/browser/comments.test.ts' },
  { screen: { da: 'Koordinatorens overblik', en: 'The coordinator’s overview' }, widths: '1366 px', kind: 'axe', test: 'test/browser/coordinator.test.ts' },
  { screen: { da: 'Deltag med kode', en: 'Join with a code' }, widths: '390 px', kind: 'axe', test: 'test/browser/join.test.ts' },
  { screen: { da: 'Denne tilgængelighedserklæring', en: 'This accessibility statement' }, widths: '390 px, 1366 px', kind: 'axe', test: 'test/browser/site.test.ts' },
  { screen: { da: 'Tilføj en idé og flyt den med tastaturet alene', en: 'Add an idea and move it with the keyboard alone' }, widths: '1366 px', kind: 'keyboard', test: 'test/browser/keyboard.test.ts' },
];
