/** Worker entry: the app over the content compiled by `npm run build` (read from a text module: worker-content.ts). */
import { createApp } from './app';
import { Library } from './content/library';
import { PRERENDERED_FEEDS } from './generated/feeds';
import { content } from './generated/worker-content';

export default createApp(new Library(content), PRERENDERED_FEEDS);
