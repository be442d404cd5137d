/** Hearing deadlines are legal times in Norway: always shown and entered in Oslo time, wherever the reader is. */
export const OSLO = 'Europe/Oslo';

const MONTHS = [
  'januar',
  'februar',
  'mars',
  'april',
  'mai',
  'juni',
  'juli',
  'august',
  'september',
  'oktober',
  'november',
  'desember',
] as const;

const partsFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: OSLO,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** The wall clock in Oslo at an instant, as numbers. */
export function osloParts(date: Date): { year: number; month: number; day: number; hour: number; minute: number } {
  const parts: Record<string, number> = {};
  for (const part of partsFormat.formatToParts(date)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return {
    year: parts.year ?? 0,
    month: parts.month ?? 0,
    day: parts.day ?? 0,
    hour: parts.hour ?? 0,
    minute: parts.minute ?? 0,
  };
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * «18. november 2026 kl. 12.00»: the way a Norwegian høringsbrev writes a deadline (the month
 * names are the same in bokmål and nynorsk), in Oslo time.
 */
export function formatOsloDeadline(iso: string): string {
  const { year, month, day, hour, minute } = osloParts(new Date(iso));
  return `${day}. ${MONTHS[month - 1] ?? ''} ${year} kl. ${pad(hour)}.${pad(minute)}`;
}

/** The date and time fields of a form (`YYYY-MM-DD`, `HH:MM`) showing an instant in Oslo time. */
export function osloInputValues(iso: string): { date: string; time: string } {
  const { year, month, day, hour, minute } = osloParts(new Date(iso));
  return { date: `${year}-${pad(month)}-${pad(day)}`, time: `${pad(hour)}:${pad(minute)}` };
}

/**
 * The instant (ISO, UTC) of a date and time on the wall clock in Oslo, or null when the fields do
 * not make a time. The offset is found by asking what Oslo's clock shows near the guess; a time
 * skipped when clocks go forward falls an hour later, as the clock on the wall would read it.
 */
export function osloToIso(date: string, time: string): string | null {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const t = /^(\d{2}):(\d{2})$/.exec(time);
  if (!d || !t) return null;
  const [year, month, day, hour, minute] = [d[1], d[2], d[3], t[1], t[2]].map(Number) as [
    number,
    number,
    number,
    number,
    number,
  ];
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59) return null;
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  const check = new Date(wall);
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null;
  let instant = wall;
  // Two rounds settle the offset, also across a change between summer and winter time.
  for (let round = 0; round < 2; round += 1) {
    const shown = osloParts(new Date(instant));
    const shownWall = Date.UTC(shown.year, shown.month - 1, shown.day, shown.hour, shown.minute);
    instant += wall - shownWall;
  }
  return new Date(instant).toISOString();
}

/** How long is left before a deadline, in the largest whole unit a reader cares about. */
export type TimeLeft =
  | { unit: 'days'; count: number }
  | { unit: 'hours'; count: number }
  | { unit: 'underAnHour'; count: 0 }
  | { unit: 'passed'; count: 0 };

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export function timeLeft(deadline: string, now: Date): TimeLeft {
  const left = Date.parse(deadline) - now.getTime();
  if (!(left > 0)) return { unit: 'passed', count: 0 };
  if (left >= DAY) return { unit: 'days', count: Math.floor(left / DAY) };
  if (left >= HOUR) return { unit: 'hours', count: Math.floor(left / HOUR) };
  return { unit: 'underAnHour', count: 0 };
}
