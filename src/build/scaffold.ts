/** What `npm run new` leaves for the author to replace (its texts are in src/languages/), which the build refuses to publish. */
import { LANGS, LANGUAGE } from '../languages';

/** Marks the scaffold puts in every text it writes; none may remain in a published article. */
export const PLACEHOLDER_MARKS = LANGS.map((l) => LANGUAGE[l].scaffold.mark);

/** The time of day used when a story's hour is unknown: 12:00 UTC keeps its date in most time zones. */
export const UNKNOWN_TIME_OF_DAY = 'T20:00:00+08:00';
