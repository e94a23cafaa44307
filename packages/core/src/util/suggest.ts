/** "Did you mean": the closest candidates by edit distance (optimal string alignment). */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const rows = a.length + 1;
  const cols = b.length + 1;
  let prev2 = new Array<number>(cols).fill(0);
  let prev = Array.from({ length: cols }, (_, j) => j);
  let cur = new Array<number>(cols).fill(0);
  for (let i = 1; i < rows; i++) {
    cur[0] = i;
    let rowMin = cur[0];
    for (let j = 1; j < cols; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2]! + 1);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return prev[cols - 1]!;
}

/**
 * Candidates within a distance that scales with the word's length, best first. `unique` is set when the
 * best candidate is strictly better than the next: then a fix may apply it.
 */
export function suggest(word: string, candidates: Iterable<string>): { matches: string[]; unique: boolean } {
  const limit = Math.max(1, Math.min(3, Math.floor(word.length / 5)));
  const scored: Array<[string, number]> = [];
  for (const c of candidates) {
    const d = editDistance(word, c, limit);
    if (d <= limit) scored.push([c, d]);
  }
  scored.sort((x, y) => x[1] - y[1] || x[0].localeCompare(y[0]));
  const matches = scored.slice(0, 3).map(([c]) => c);
  const unique = scored.length === 1 || (scored.length > 1 && scored[0]![1] < scored[1]![1]);
  return { matches, unique: matches.length > 0 && unique };
}
