/**
 * Date-times as the content and the Worker's `since` accept them: RFC 3339 with an offset, checked against the
 * calendar (Date.parse is lenient: it takes 2025-02-30). One rule for the build and the Worker.
 */

const SHAPE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d{1,9})?(Z|[+-](\d{2}):(\d{2}))$/;
const EXAMPLE = 'e.g. 2025-09-05T20:00:00+08:00';

/** A valid date-time: its instant and the calendar year as written (in its own offset). */
export interface DateTime {
  ms: number;
  year: number;
}

/** Parses `text`, or returns what is wrong with it in words an author understands. */
export function parseDateTime(text: string): DateTime | { error: string } {
  const m = SHAPE.exec(text);
  if (!m) {
    if (/^\d{4}-\d{2}-\d{2}$/.test(text)) {
      return {
        error: `"${text}" has no time; expected date, time and UTC offset, ${EXAMPLE} (20:00 Beijing time, 12:00 UTC, when the hour is unknown)`,
      };
    }
    if (/^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(text)) {
      return { error: `"${text}" has no UTC offset; expected ISO 8601 with an offset, ${EXAMPLE}` };
    }
    if (/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(Z|[+-]\d{2}:\d{2})$/.test(text)) {
      return { error: `"${text}" has a space between date and time; write a "T" there, ${EXAMPLE}` };
    }
    return { error: `"${text}" is not a date-time; expected ISO 8601 with an offset, ${EXAMPLE}` };
  }
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (month < 1 || month > 12) return { error: `"${text}" has month ${m[2]}; months run from 01 to 12` };
  if (day < 1 || day > daysInMonth) {
    return { error: `"${text}" is not a real date: ${year}-${m[2]} has ${daysInMonth} days` };
  }
  if (hour > 23 || minute > 59 || second > 59) {
    return { error: `"${text}" is not a real time; hours run from 00 to 23, minutes and seconds from 00 to 59` };
  }
  // As the message says: -12:00 to +14:00 (the offsets in use on Earth), whole minutes under an hour.
  const offsetMinutes = m[8] === undefined ? 0 : (Number(m[8]) * 60 + Number(m[9])) * (m[7]?.startsWith('-') ? -1 : 1);
  if (m[8] !== undefined && (Number(m[9]) > 59 || offsetMinutes < -12 * 60 || offsetMinutes > 14 * 60)) {
    return { error: `"${text}" has offset ${m[7]}; offsets run from -12:00 to +14:00 (Beijing is +08:00)` };
  }
  if (year < 1970) return { error: `"${text}" is in ${m[1]}; years run from 1970` };
  return { ms: Date.parse(text), year };
}
