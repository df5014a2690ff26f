/** The text `npm run new` writes into a new article, which the build refuses to publish unchanged. */
import { LANGS, LANGUAGE, type Lang, type Language } from '../languages';

/** What `npm run new` writes, per language (src/languages/). */
export const SCAFFOLD = Object.fromEntries(LANGS.map((l) => [l, LANGUAGE[l].scaffold])) as Record<Lang, Language['scaffold']>;

/** Marks the scaffold puts in every text it writes; none may remain in a published article. */
export const PLACEHOLDER_MARKS = LANGS.map((l) => LANGUAGE[l].scaffold.mark);

/** The time of day used when a story's hour is unknown: 12:00 UTC keeps its date in most time zones. */
export const UNKNOWN_TIME_OF_DAY = 'T20:00:00+08:00';
