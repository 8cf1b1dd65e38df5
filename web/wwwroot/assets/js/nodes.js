// Which node of a cluster this page talks to. With Arena:Nodes set, GET /api/nodes lists every node's address; the
// page starts with its own origin (the node that served it) and, when a call fails with a network error or a hub
// connection is closed for good, moves to the next node of the list (and around). The node in use is remembered
// per page in sessionStorage, with the list, so a page reloaded from the service worker's cache while its own node
// is down still finds the others. Tokens and the judge's outbox stay in this origin's localStorage: the page stays.
// A single node (no list) is left exactly as it was: every URL stays relative.
const own = location.origin;
const memory = `arena.nodes${location.pathname}`;

let list = [own];
let index = 0;
try {
  const saved = JSON.parse(sessionStorage.getItem(memory) ?? 'null');
  if (Array.isArray(saved?.list) && saved.list[0] === own) { list = saved.list; index = saved.index % list.length || 0; }
} catch { /* nothing remembered */ }

function remember() {
  try { sessionStorage.setItem(memory, JSON.stringify({ list, index })); } catch { /* private mode: memory only */ }
}

const origin = (url) => { try { return new URL(url).origin; } catch { return null; } };

/** Loads the cluster's list in the background (never blocks a page: offline, the remembered list is used). */
export const loaded = fetch('/api/nodes')
  .then((r) => (r.ok ? r.json() : null))
  .then((r) => {
    const others = (r?.nodes ?? []).map(origin).filter((o) => o && o !== own);
    const current = list[index];
    list = [own, ...new Set(others)];
    index = Math.max(0, list.indexOf(current));
    remember();
  })
  .catch(() => { /* offline or an old server: keep what we have */ });

/** The base of every URL: '' (this page's own node, relative URLs) or another node's origin. */
export function base() { return list[index] === own ? '' : list[index]; }

/** More than one node to go to. */
export function several() { return list.length > 1; }

/** The node at `failed` did not answer: move on to the next one, unless someone already has. */
export function failed(failedBase) {
  if (base() !== failedBase || list.length < 2) return;
  index = (index + 1) % list.length;
  remember();
}
