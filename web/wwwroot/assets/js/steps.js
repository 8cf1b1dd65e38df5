// Step-aware score entry. Values are held as whole numbers of the criterion's smallest unit (0.5 → tenths,
// 0.01 → hundredths), so a value is always a multiple of the step and sums are exact: no 0.1 + 0.2 here.
export function decimalsOf(x) {
  const s = String(x);
  const e = s.match(/e-(\d+)$/);
  if (e) return Number(e[1]);
  const dot = s.indexOf('.');
  return dot < 0 ? 0 : s.length - dot - 1;
}

/** One input of a sheet: a rubric criterion, or the single score of a round without criteria. */
export function scale({ id, title, max, step }) {
  const st = step ?? 0.01;
  const decimals = Math.max(decimalsOf(st), decimalsOf(max));
  const unit = 10 ** decimals;
  const stepUnits = Math.round(st * unit);
  const maxUnits = Math.floor(Math.round(max * unit) / stepUnits) * stepUnits;
  return { id, title, max, step: st, decimals, unit, stepUnits, maxUnits };
}

export function clamp(s, units) {
  const snapped = Math.round(units / s.stepUnits) * s.stepUnits;
  return Math.min(s.maxUnits, Math.max(0, snapped));
}

/** The number sent to the server: units / unit has a short, exact decimal form (365/10 → 36.5). */
export function toNumber(s, units) { return Number((units / s.unit).toFixed(s.decimals)); }

export function fromNumber(s, value) { return clamp(s, Math.round(Number(value) * s.unit)); }

export function show(s, units) { return units === null || units === undefined ? '—' : (units / s.unit).toFixed(s.decimals); }

/** The sheet total, exact, shown with as many decimals as the finest input. */
export function total(scales, values) {
  const decimals = Math.max(0, ...scales.map((s) => s.decimals));
  let sum = 0;
  for (const s of scales) {
    if (values[s.key] === null || values[s.key] === undefined) return null;
    sum += values[s.key] * 10 ** (decimals - s.decimals);
  }
  return (sum / 10 ** decimals).toFixed(decimals);
}
