/**
 * Quality measures for the sensemaking engine, computed on a labelled set (see
 * test/fixtures/sensemaking-eval.json): how often an idea's gold duplicate is among its top
 * k suggestions, and how well suggested themes match gold themes.
 */

export type Neighbours = (id: string, k: number) => string[];

/** Share of (idea, gold partner) cases where the partner is in the idea's top k. */
export function recallAtK(pairs: readonly (readonly [string, string])[], neighbours: Neighbours, k: number): number {
  let hits = 0;
  let cases = 0;
  for (const [a, b] of pairs) {
    for (const [from, to] of [
      [a, b],
      [b, a],
    ] as const) {
      cases += 1;
      if (neighbours(from, k).includes(to)) hits += 1;
    }
  }
  return cases === 0 ? 0 : hits / cases;
}

/**
 * Purity of a clustering against gold labels, over the ideas the clustering placed in a
 * theme: each theme counts its most common gold label. Ideas left unthemed do not count,
 * so `coverage` is reported beside it (a clustering of singletons would otherwise score 1).
 */
export function purity(themes: readonly (readonly string[])[], gold: ReadonlyMap<string, string>): number {
  let placed = 0;
  let agreeing = 0;
  for (const theme of themes) {
    const counts = new Map<string, number>();
    for (const id of theme) {
      const label = gold.get(id);
      if (label !== undefined) counts.set(label, (counts.get(label) ?? 0) + 1);
    }
    placed += theme.length;
    agreeing += Math.max(0, ...counts.values());
  }
  return placed === 0 ? 0 : agreeing / placed;
}

export function coverage(themes: readonly (readonly string[])[], total: number): number {
  const placed = themes.reduce((sum, theme) => sum + theme.length, 0);
  return total === 0 ? 0 : placed / total;
}

function choose2(n: number): number {
  return (n * (n - 1)) / 2;
}

/**
 * Adjusted Rand index between a clustering (unthemed ideas each their own cluster) and the
 * gold labels: 1 is identical, about 0 is chance.
 */
export function adjustedRandIndex(themes: readonly (readonly string[])[], gold: ReadonlyMap<string, string>): number {
  const assigned = new Map<string, string>();
  themes.forEach((theme, index) => theme.forEach((id) => assigned.set(id, `t${index}`)));
  const ids = [...gold.keys()];
  const table = new Map<string, number>();
  const rows = new Map<string, number>();
  const cols = new Map<string, number>();
  for (const id of ids) {
    const row = assigned.get(id) ?? `single:${id}`;
    const col = gold.get(id) ?? '';
    table.set(`${row}\u0000${col}`, (table.get(`${row}\u0000${col}`) ?? 0) + 1);
    rows.set(row, (rows.get(row) ?? 0) + 1);
    cols.set(col, (cols.get(col) ?? 0) + 1);
  }
  let index = 0;
  for (const count of table.values()) index += choose2(count);
  let rowSum = 0;
  for (const count of rows.values()) rowSum += choose2(count);
  let colSum = 0;
  for (const count of cols.values()) colSum += choose2(count);
  const expected = (rowSum * colSum) / choose2(ids.length);
  const max = (rowSum + colSum) / 2;
  return max === expected ? 0 : (index - expected) / (max - expected);
}
