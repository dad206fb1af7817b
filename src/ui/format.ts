const DATE_TIME = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const DATE = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });
const DATE_TIME_SECONDS = new Intl.DateTimeFormat(undefined, {
  dateStyle: 'medium',
  timeStyle: 'medium',
});
const NUMBER = new Intl.NumberFormat();

export function formatDateTime(value: Date | undefined): string {
  return value ? DATE_TIME.format(value) : '—';
}

/** To the second, as event times need: several calls share a minute. */
export function formatDateTimeSeconds(value: Date | undefined): string {
  return value && !Number.isNaN(value.getTime()) ? DATE_TIME_SECONDS.format(value) : '—';
}

export function formatDate(value: Date | undefined): string {
  return value ? DATE.format(value) : '—';
}

export function formatCount(value: number): string {
  return NUMBER.format(value);
}

/** "1 key", "10,000 keys". */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${formatCount(count)} ${count === 1 ? one : many}`;
}
