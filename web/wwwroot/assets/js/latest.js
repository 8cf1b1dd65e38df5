// A page's refresh, run one at a time with the newest request winning: a call made while one runs does not start a
// second fetch beside it but one more run after it (however many calls came meanwhile), and its promise settles once
// a run that began after the call has finished. The chief's page refetched on every live update; during a busy
// round its requests piled up behind the browser's six connections per host, so the page fell seconds behind, and
// so did the chief's own judge tab on the same device (its requests queued behind the backlog).
export function latest(run) {
  let running = null;
  let again = false;
  return function refresh() {
    if (running) { again = true; return running; }
    running = (async () => {
      try {
        do { again = false; await run(); } while (again);
      } finally { running = null; }
    })();
    return running;
  };
}
