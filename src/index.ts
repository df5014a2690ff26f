/** Worker entry: the app over the content compiled by `npm run build` (its index read from a text module). */
import { createApp } from './app';
import { Library } from './content/library';
import { PRERENDERED_FEEDS } from './generated/feeds';
import { index } from './generated/worker-content';

export default createApp(new Library(index), PRERENDERED_FEEDS);
