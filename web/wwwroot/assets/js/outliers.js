// A sheet far from the others: more than `points` from the median of the round's sheets, or more than `sds`
// standard deviations from their mean. Both are configurable on the chief's page; either flags the sheet.
export function outliers(values, { points, sds }) {
  const xs = values.filter((v) => v !== null && v !== undefined).map(Number);
  const flagged = new Set();
  if (xs.length < 3) return { has: () => false, median: null };
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = sorted.length / 2;
  const median = sorted.length % 2 ? sorted[Math.floor(mid)] : (sorted[mid - 1] + sorted[mid]) / 2;
  const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
  const sd = Math.sqrt(xs.reduce((a, b) => a + (b - mean) ** 2, 0) / xs.length);
  for (const x of xs) {
    if ((points > 0 && Math.abs(x - median) > points) || (sds > 0 && sd > 0 && Math.abs(x - mean) > sds * sd)) flagged.add(x);
  }
  return { has: (x) => flagged.has(Number(x)), median };
}
