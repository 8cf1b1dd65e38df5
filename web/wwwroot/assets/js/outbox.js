// The judge's sheets on their way to the server. A sheet is written to localStorage (with its submissionId) before
// the first attempt, and leaves only when the server has acknowledged it or refused it. Resending after a Wi-Fi drop
// reuses the same submissionId, and the server treats the same id twice as one submission: exactly once, even when
// an acknowledgement was lost on the way back. One send at a time, so a sheet is never in flight twice.
import { ApiError } from './api.js';

export function newSubmissionId() {
  // crypto.randomUUID needs a secure context; venue tablets often reach the server over plain http on the LAN.
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40; b[8] = (b[8] & 0x3f) | 0x80;
  const hex = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export function createOutbox(storageKey, send, events) {
  const read = () => { try { return JSON.parse(localStorage.getItem(storageKey) ?? '{}'); } catch { return {}; } };
  const write = (items) => localStorage.setItem(storageKey, JSON.stringify(items));
  let flushing = false;
  let online = true;

  async function flush() {
    if (flushing) return;
    flushing = true;
    try {
      for (const [id, item] of Object.entries(read()).sort((a, b) => a[1].queuedAt - b[1].queuedAt)) {
        events.change?.();
        try {
          const ack = await send(item.body);
          remove(id);
          online = true;
          events.accepted?.(item.body, ack);
        } catch (e) {
          if (e instanceof ApiError && e.status >= 400 && e.status < 500 && e.status !== 401 && e.status !== 408 && e.status !== 429) {
            remove(id); // refused for good (e.g. 409: already submitted); keeping it would retry forever
            events.refused?.(item.body, e);
          } else {
            online = false; // network gone, server restarting or busy: keep it and try again later
            break;
          }
        }
      }
    } finally {
      flushing = false;
      events.change?.();
    }
  }
  function remove(id) { const items = read(); delete items[id]; write(items); }

  setInterval(() => { if (Object.keys(read()).length) flush(); }, 3000);
  window.addEventListener('online', flush);

  return {
    /** Keeps the sheet on the device, then tries to send it at once. */
    submit(body) {
      const items = read();
      items[body.submissionId] = { body, queuedAt: Date.now() };
      write(items);
      return flush();
    },
    flush,
    pending: () => Object.values(read()).map((x) => x.body),
    get sending() { return flushing; },
    get online() { return online && navigator.onLine; },
  };
}
