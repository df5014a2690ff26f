/** The Worker the behaviour tests call: the app over the fixture content (test/fixtures/content), never content/. */
import { createApp } from '../../src/app';
import { Library } from '../../src/content/library';
import { content } from '../generated/content';
import { PRERENDERED_FEEDS } from '../generated/feeds';

export default createApp(Library.of(content), PRERENDERED_FEEDS);
