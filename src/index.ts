/** Worker entry: the app over the content compiled by `npm run build` (its index read from a text module). */
import { createApp } from './app';
import { warmUp } from './app/warm';
import { Library } from './content/library';
import { PRERENDERED_FEEDS } from './generated/feeds';
import { index } from './generated/worker-content';

// hono/jsx asks for AsyncLocalStorage on an isolate's first page, and workerd then loads its Node.js modules: 3-5 ms
// of an isolate's first index or tag page (measured, docs/performance.md). Asked here, it is paid while starting.
(globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process?.getBuiltinModule?.('node:async_hooks');

const library = new Library(index);
warmUp(library);
export default createApp(library, PRERENDERED_FEEDS);
