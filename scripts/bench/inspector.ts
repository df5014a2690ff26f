/** A Chrome DevTools protocol session with one Worker of a workerd started with an inspector (startWorkerd). */

export interface InspectorSession {
  /** Sends a protocol command; resolves with its result. */
  send(method: string, params?: Record<string, unknown>): Promise<unknown>;
  close(): void;
}

/** Connects to the Worker named `worker` (the service's name in workerd's config: ours is "main"). */
export async function inspect(inspectorPort: number, worker = 'main'): Promise<InspectorSession> {
  const targets = (await (await fetch(`http://127.0.0.1:${inspectorPort}/json/list`)).json()) as {
    id: string;
    webSocketDebuggerUrl: string;
  }[];
  const target = targets.find((t) => t.id === worker);
  if (!target) throw new Error(`no Worker "${worker}" in the inspector (it has: ${targets.map((t) => t.id).join(', ')})`);
  const socket = new WebSocket(target.webSocketDebuggerUrl);
  await new Promise((r) => socket.addEventListener('open', r, { once: true }));
  let id = 0;
  const pending = new Map<number, (result: unknown) => void>();
  socket.addEventListener('message', (event) => {
    const message = JSON.parse(String(event.data)) as { id?: number; result?: unknown };
    if (message.id !== undefined) pending.get(message.id)?.(message.result);
  });
  return {
    send: (method, params = {}) =>
      new Promise<unknown>((resolve) => {
        pending.set(++id, resolve);
        socket.send(JSON.stringify({ id, method, params }));
      }),
    close: () => socket.close(),
  };
}
