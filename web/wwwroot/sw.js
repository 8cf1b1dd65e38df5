// The service worker of Arena's pages, so that a judge's tablet that reloads while the venue's Wi-Fi is down still
// opens /judge and shows the sheets it holds (the outbox in localStorage sends them when the network returns).
// Served from /sw.js, so its scope is the whole site. It only answers for the page shell — the pages and their
// assets — from its cache first, refreshing the cached copy in the background; the API (/api) and the hubs
// (/hubs) always go to the network: scores, codes and tokens are never cached. A new version of a page is therefore
// shown from the second load after it was deployed.
// Browsers run service workers only in a secure context: https, or http on localhost / 127.0.0.1.
const CACHE = 'arena-shell-v3';
const JUDGE_SHELL = ['/judge', '/assets/arena.css', '/lib/signalr.min.js',
  ...['judge', 'dom', 'i18n', 'api', 'session', 'live', 'nodes', 'outbox', 'steps'].map((m) => `/assets/js/${m}.js`)];
const SHELL = /^\/(judge|screen|chief|operator|admin|review|auditor|supervisor)?$|^\/assets\/|^\/lib\//;

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(JUDGE_SHELL)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(caches.keys()
    .then((names) => Promise.all(names.filter((n) => n !== CACHE).map((n) => caches.delete(n))))
    .then(() => self.clients.claim()));
});

self.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  if (event.request.method !== 'GET' || url.origin !== self.location.origin || !SHELL.test(url.pathname)) return;
  event.respondWith(cacheFirst(event, url));
});

async function cacheFirst(event, url) {
  const cache = await caches.open(CACHE);
  // Keyed by path alone: a sign-in link's ?code= must not be kept, and every link of a page is the same page.
  const key = url.origin + url.pathname;
  const cached = await cache.match(key);
  const fresh = fetch(event.request).then((response) => {
    if (response.ok && !response.redirected) cache.put(key, response.clone());
    return response;
  });
  if (!cached) return fresh;
  event.waitUntil(fresh.catch(() => undefined)); // offline: the cached copy is all there is
  return cached;
}
