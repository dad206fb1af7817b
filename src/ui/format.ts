/*
 * The console's one way to write a date and time, the way Cloudscape's date pickers write theirs
 * (their 'long-localized' format): "December 7, 2026, 09:03:44", in the browser's locale and time
 * zone, to the second (several calls share a minute). Every page writes dates with these.
 */
const DAY = new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'long', day: 'numeric' });
const TIME = new Intl.DateTimeFormat(undefined, {
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});
const UTC_DAY = new Intl.DateTimeFormat(undefined, {
  year: 'numeric',
  month: 'long',
  day: 'numeric',
  timeZone: 'UTC',
});

const NUMBER = new Intl.NumberFormat();

const known = (value: Date | undefined): value is Date =>
  value !== undefined && !Number.isNaN(value.getTime());

/** "December 7, 2026, 09:03:44"; "—" when there is no date. */
export function formatDateTime(value: Date | undefined): string {
  return known(value) ? `${DAY.format(value)}, ${TIME.format(value)}` : '—';
}

/** The time of day alone, as formatDateTime writes it: "09:03:44". */
export function formatTime(value: Date | undefined): string {
  return known(value) ? TIME.format(value) : '—';
}

/** A calendar day counted in UTC ("2026-12-07"), as formatDateTime writes dates: "December 7, 2026". */
export function formatUtcDay(day: string): string {
  const value = new Date(`${day}T00:00:00Z`);
  return known(value) ? UTC_DAY.format(value) : day;
}

export function formatCount(value: number): string {
  return NUMBER.format(value);
}

/** "1 key", "10,000 keys". */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${formatCount(count)} ${count === 1 ? one : many}`;
}
