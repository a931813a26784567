/**
 * The schedule grammar of a CronJob: what robfig/cron's standard parser
 * (`cron.ParseStandard`, which the API server runs on `spec.schedule`)
 * accepts. Five fields (minute, hour, day of month, month, day of week) of
 * comma-separated ranges (`*`, `?`, `5`, `1-5`, each with an optional
 * `/step`), month and weekday names, or a descriptor (`@hourly`,
 * `@every 1h30m`). Returns why a schedule is refused, in the parser's words,
 * or `undefined`.
 */
export function cronScheduleError(given: string): string | undefined {
  if (given.length === 0) {
    return 'empty spec string';
  }
  // A leading TZ= or CRON_TZ= names the schedule's time zone, up to the first space (the API server then refuses it: cron-job-schedule).
  const zone = /^(?:CRON_)?TZ=([^ ]*) /.exec(given);
  // Go's time.LoadLocation takes "" as UTC, and "Local" as the API server's own zone.
  if (zone !== null && zone[1] !== '' && zone[1] !== 'Local' && !isKnownTimeZone(zone[1])) {
    return `provided bad location ${zone[1]}: unknown time zone ${zone[1]}`;
  }
  const schedule = zone === null ? given : given.slice(zone[0].length).trim();
  if (DESCRIPTORS.includes(schedule)) {
    return undefined;
  }
  if (schedule.startsWith(EVERY)) {
    const duration = schedule.slice(EVERY.length);
    return GO_DURATION.test(duration) ? undefined : `failed to parse duration ${schedule}: time: invalid duration "${duration}"`;
  }
  if (schedule.startsWith('@')) {
    return `unrecognized descriptor: ${schedule}`;
  }
  const fields = schedule.split(/\s+/).filter((field) => field !== '');
  if (fields.length !== FIELDS.length) {
    return `expected exactly 5 fields, found ${fields.length}: [${fields.join(' ')}]`;
  }
  for (let i = 0; i < FIELDS.length; i++) {
    for (const expr of fields[i].split(',')) {
      const error = rangeError(expr, FIELDS[i]);
      if (error !== undefined) {
        return `${FIELDS[i].name}: ${error}`;
      }
    }
  }
  return undefined;
}

interface Bounds {
  readonly name: string;
  readonly min: number;
  readonly max: number;
  readonly names?: readonly string[];
}

const FIELDS: readonly Bounds[] = [
  { name: 'minute', min: 0, max: 59 },
  { name: 'hour', min: 0, max: 23 },
  { name: 'day of month', min: 1, max: 31 },
  { name: 'month', min: 1, max: 12, names: ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'] },
  { name: 'day of week', min: 0, max: 6, names: ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] },
];

const DESCRIPTORS = ['@yearly', '@annually', '@monthly', '@weekly', '@daily', '@midnight', '@hourly'];
const EVERY = '@every ';

// Go's time.ParseDuration: an optional sign, then numbers with units (`1h30m`, `1.5s`), or a bare 0.
const GO_DURATION = /^[-+]?(0|(([0-9]+(\.[0-9]*)?|\.[0-9]+)(ns|us|µs|μs|ms|s|m|h))+)$/;

function rangeError(expr: string, bounds: Bounds): string | undefined {
  const rangeAndStep = expr.split('/');
  const lowAndHigh = rangeAndStep[0].split('-');
  let [start, end] = [bounds.min, bounds.max];
  if (lowAndHigh[0] !== '*' && lowAndHigh[0] !== '?') {
    // The low end is read first; past one hyphen, the high end is not read at all.
    const ends = lowAndHigh.slice(0, lowAndHigh.length > 2 ? 1 : 2).map((part) => intOrName(part, bounds.names));
    const wrong = ends.find((value) => typeof value === 'string') ?? (lowAndHigh.length > 2 ? `too many hyphens: ${expr}` : undefined);
    if (wrong !== undefined) {
      return String(wrong);
    }
    [start, end] = [Number(ends[0]), Number(ends[ends.length - 1])];
  }
  const step = rangeAndStep.length > 2 ? `too many slashes: ${expr}` : rangeAndStep.length === 2 ? parseInteger(rangeAndStep[1]) : 1;
  if (typeof step === 'string') {
    return step;
  }
  // `5/15` means from 5 to the end of the range.
  if (rangeAndStep.length === 2 && lowAndHigh.length === 1) {
    end = bounds.max;
  }
  if (start < bounds.min) {
    return `beginning of range (${start}) below minimum (${bounds.min}): ${expr}`;
  }
  if (end > bounds.max) {
    return `end of range (${end}) above maximum (${bounds.max}): ${expr}`;
  }
  if (start > end) {
    return `beginning of range (${start}) beyond end of range (${end}): ${expr}`;
  }
  return step === 0 ? `step of range should be a positive number: ${expr}` : undefined;
}

function intOrName(expr: string, names: readonly string[] | undefined): number | string {
  const index = names?.indexOf(expr.toLowerCase()) ?? -1;
  if (index >= 0) {
    // Months count from 1, weekdays from 0.
    return names!.length === 12 ? index + 1 : index;
  }
  return parseInteger(expr);
}

// strconv.Atoi: an optional sign and decimal digits.
function parseInteger(expr: string): number | string {
  if (!/^[-+]?[0-9]+$/.test(expr)) {
    return `failed to parse int from ${expr}: strconv.Atoi: parsing "${expr}": invalid syntax`;
  }
  const value = Number(expr);
  return value < 0 ? `negative number (${value}) not allowed: ${expr}` : value;
}

/**
 * Why a CronJob's `timeZone` is refused by the API server (empty, `Local`,
 * or not shaped like an IANA name), or `undefined`.
 */
export function timeZoneError(timeZone: string): string | undefined {
  if (timeZone.length === 0) {
    return 'timeZone must be nil or non-empty string';
  }
  for (const part of timeZone.split('/')) {
    if (part === '.' || part === '..' || part.startsWith('-') || !/^[A-Za-z.\-_0-9+]{1,14}$/.test(part)) {
      return `unknown time zone ${timeZone}`;
    }
  }
  if (timeZone.toLowerCase() === 'local') {
    return 'timeZone must be an explicit time zone as defined in https://www.iana.org/time-zones';
  }
  return undefined;
}

/** Whether this Node.js knows the time zone; the API server's own tz database may differ a little. */
export function isKnownTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return true;
  } catch {
    return false;
  }
}
