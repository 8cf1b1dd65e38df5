// The speaking timer as the screen and the operator show it: counting down from the limit (then overtime in red),
// or up when there is no limit. While it runs, time is counted from the server's start time, falling back to the
// moment the state arrived when this device's clock is clearly off.
export function elapsedMs(timer, receivedAt) {
  if (!timer.running) return timer.elapsedMs;
  const started = Date.parse(timer.startedAt ?? '');
  const sinceStart = Date.now() - started;
  const plausible = Number.isFinite(sinceStart) && sinceStart >= 0 && sinceStart < 6 * 3600_000;
  return timer.elapsedMs + (plausible ? sinceStart : Date.now() - receivedAt);
}

export function timerText(timer, receivedAt) {
  const elapsed = elapsedMs(timer, receivedAt);
  const limit = (timer.seconds ?? 0) * 1000;
  const left = limit ? limit - elapsed : elapsed;
  const over = limit > 0 && left < 0;
  const s = Math.floor(Math.abs(left) / 1000);
  return { text: `${over ? '+' : ''}${String(Math.floor(s / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`, over };
}
