/** A Chrome DevTools protocol session with one Worker of a workerd started with an inspector (startWorkerd). */
import { writeFileSync } from 'node:fs';

export interface InspectorSession {
  /** Sends a protocol command; resolves with its result. */
  send(method: string, params?: Record<string, unknown>): Promise<unknown>;
  /** Calls `listener` with the params of each event named `method` the Worker sends from now on. */
  on(method: string, listener: (params: Record<string, unknown>) => void): void;
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
  const listeners = new Map<string, (params: Record<string, unknown>) => void>();
  socket.addEventListener('message', (event) => {
    const message = JSON.parse(String(event.data)) as { id?: number; result?: unknown; method?: string; params?: Record<string, unknown> };
    if (message.id !== undefined) pending.get(message.id)?.(message.result);
    else if (message.method) listeners.get(message.method)?.(message.params ?? {});
  });
  return {
    send: (method, params = {}) =>
      new Promise<unknown>((resolve) => {
        pending.set(++id, resolve);
        socket.send(JSON.stringify({ id, method, params }));
      }),
    on: (method, listener) => listeners.set(method, listener),
    close: () => socket.close(),
  };
}

/** Writes a heap snapshot of the Worker to `file` (open it in Chrome DevTools' Memory tab). */
export async function writeHeapSnapshot(inspectorPort: number, file: string): Promise<void> {
  const session = await inspect(inspectorPort);
  const chunks: string[] = [];
  session.on('HeapProfiler.addHeapSnapshotChunk', (params) => chunks.push(String(params.chunk)));
  await session.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  session.close();
  writeFileSync(file, chunks.join(''));
}
