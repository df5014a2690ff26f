/** Worker entry: the app over the content compiled by `npm run build`. */
import { createApp } from './app';
import { Library } from './content/library';
import { content } from './generated/content';
import { PRERENDERED_FEEDS } from './generated/feeds';

export default createApp(new Library(content), PRERENDERED_FEEDS);
