// The screen hub as every live page uses it: Join returns the whole state, `update` pushes whole newer states.
// Only a state with a higher version than the one shown is rendered, so a page never mixes old and new; after a
// reconnect the page joins again and renders whatever is newest.
const retry = { nextRetryDelayInMilliseconds: (ctx) => Math.min(5000, 500 * (ctx.previousRetryCount + 1)) };

export function connect(path, token, build) {
  const connection = new window.signalR.HubConnectionBuilder()
    .withUrl(path, { accessTokenFactory: () => token })
    .withAutomaticReconnect(retry)
    .configureLogging(window.signalR.LogLevel.None)
    .build();
  build?.(connection);
  return connection;
}

/** Starts a connection and keeps trying until it is up (a screen is unattended: it must come back by itself). */
export async function startForever(connection, onUp) {
  for (let attempt = 0; ; attempt++) {
    try {
      await connection.start();
      await onUp?.();
      return;
    } catch {
      await new Promise((r) => setTimeout(r, Math.min(5000, 500 * (attempt + 1))));
    }
  }
}

/**
 * Follows a final's screen state. onState(state) gets whole states in increasing version order;
 * onConnection(up) tells whether the page is live.
 */
export function followScreen(token, finalId, onState, onConnection) {
  let shown = -Infinity;
  const apply = (state) => {
    if (state && state.version > shown) { shown = state.version; onState(state); }
  };
  const connection = connect('/hubs/screen', token, (c) => {
    c.on('update', (message) => apply(message.state));
    c.onreconnecting(() => onConnection(false));
    // A failed Join after a reconnect stops the connection; onclose then starts it over from scratch.
    c.onreconnected(async () => { try { await join(); } catch { await c.stop(); } });
    c.onclose(() => { onConnection(false); setTimeout(() => startForever(c, join), 1000); });
  });
  async function join() {
    apply(await connection.invoke('Join', finalId));
    onConnection(true);
  }
  startForever(connection, join);
  return connection;
}
