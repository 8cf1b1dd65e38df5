// The hubs as every live page uses them. The screen hub: Join returns the whole state, `update` pushes whole newer
// states. Only a state with a higher version than the one shown is rendered, so a page never mixes old and new; after a
// reconnect the page joins again and renders whatever is newest. In a cluster (nodes.js) a connection that cannot come
// back to its node within a few seconds is closed and a new one is opened to the next node.
import * as nodes from './nodes.js';

// One node: retry the same address forever. Several: give up after ~3 s and go to the next node.
const retry = {
  nextRetryDelayInMilliseconds: (ctx) => (nodes.several() && ctx.previousRetryCount >= 3 ? null : Math.min(5000, 500 * (ctx.previousRetryCount + 1))),
};

export function connect(path, token, build) {
  const at = nodes.base();
  const connection = new window.signalR.HubConnectionBuilder()
    // Another node's origin: bearer token only, no cookies, so no credentialed CORS request.
    .withUrl(at + path, at ? { accessTokenFactory: () => token, withCredentials: false } : { accessTokenFactory: () => token })
    .withAutomaticReconnect(retry)
    .configureLogging(window.signalR.LogLevel.None)
    .build();
  connection.node = at;
  build?.(connection);
  return connection;
}

/**
 * Keeps a hub connection up for good (a screen is unattended: it must come back by itself), on whichever node
 * answers. `build(connection)` registers the handlers of each new connection; `up()` runs once it is connected (and
 * after every reconnect: re-Join, refresh); a failing `up` starts over. `down()` tells the page it is not live.
 */
export function keepConnected(path, token, { build, up, down }) {
  const hub = { connection: null, invoke: (...args) => (hub.connection ?? fail()).invoke(...args) };
  const fail = () => { throw new TypeError('not connected'); };
  function open(attempt) {
    const c = connect(path, token, build);
    let started = false;
    c.onreconnecting(() => down?.());
    c.onreconnected(async () => { try { await up?.(c); } catch { await c.stop(); } });
    c.onclose(() => {
      if (hub.connection === c) hub.connection = null;
      down?.();
      if (!started) return;
      started = false;
      nodes.failed(c.node);
      setTimeout(() => open(0), 1000);
    });
    c.start()
      .then(async () => {
        started = true;
        hub.connection = c;
        try { await up?.(c); } catch { await c.stop(); }
      })
      .catch(() => {
        // Not even the first connection: say so (a screen that never connected must not just stay blank).
        down?.();
        nodes.failed(c.node);
        setTimeout(() => open(attempt + 1), Math.min(5000, 500 * (attempt + 1)));
      });
  }
  open(0);
  return hub;
}

/**
 * Follows a final's screen state. onState(state) gets whole states in increasing version order;
 * onConnection(up) tells whether the page is live; onSignedOut(error) is called when Join answers 401 (the token
 * expired, or the admin revoked its code): trying again would not help, the page must sign in again. onVotes({window,
 * ballots}) gets the live count of an open audience vote (not a state: the ballot boxes' count, pushed about every second).
 */
export function followScreen(token, finalId, onState, onConnection, onSignedOut, onVotes) {
  let shown = -Infinity;
  const apply = (state) => {
    if (state && state.version > shown) { shown = state.version; onState(state); }
  };
  return keepConnected('/hubs/screen', token, {
    build: (c) => {
      c.on('update', (message) => apply(message.state));
      if (onVotes) c.on('votes', onVotes);
    },
    up: async (c) => {
      try { apply(await c.invoke('Join', finalId)); }
      catch (e) { if (onSignedOut && /\b401: /.test(e?.message ?? '')) onSignedOut(e); throw e; }
      onConnection(true);
    },
    down: () => onConnection(false),
  });
}
