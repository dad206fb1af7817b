import type { DateRangePickerProps } from '@cloudscape-design/components/date-range-picker';

/** CloudTrail keeps 90 days; every range is within them. */
export const RETENTION_DAYS = 90;

const UNIT_MS: Partial<Record<DateRangePickerProps.TimeUnit, number>> = {
  second: 1000,
  minute: 60_000,
  hour: 3_600_000,
  day: 86_400_000,
  week: 7 * 86_400_000,
  month: 30 * 86_400_000,
  year: 365 * 86_400_000,
};

export const RELATIVE_RANGES: DateRangePickerProps.RelativeOption[] = [
  { key: 'last-1-hour', amount: 1, unit: 'hour', type: 'relative' },
  { key: 'last-24-hours', amount: 24, unit: 'hour', type: 'relative' },
  { key: 'last-7-days', amount: 7, unit: 'day', type: 'relative' },
  { key: 'last-30-days', amount: 30, unit: 'day', type: 'relative' },
  { key: 'last-90-days', amount: 90, unit: 'day', type: 'relative' },
];

/** The StartTime and EndTime a picked range asks CloudTrail for (relative ranges end now). */
export function timeBounds(
  value: DateRangePickerProps.Value | null,
  now: Date,
): { start?: Date; end?: Date } {
  if (!value) return {};
  if (value.type === 'relative') {
    const unit = UNIT_MS[value.unit] ?? UNIT_MS.day!;
    return { start: new Date(now.getTime() - value.amount * unit) };
  }
  const start = new Date(value.startDate);
  const end = new Date(value.endDate);
  return {
    ...(Number.isNaN(start.getTime()) ? {} : { start }),
    ...(Number.isNaN(end.getTime()) ? {} : { end }),
  };
}

/** A range in the URL: `24h`-style relative keys or `start/end` ISO times. */
export function rangeToParam(value: DateRangePickerProps.Value | null): string | undefined {
  if (!value) return undefined;
  if (value.type === 'relative') return `${value.amount}-${value.unit}`;
  return `${value.startDate}/${value.endDate}`;
}

export function rangeFromParam(text: string | null): DateRangePickerProps.Value | null {
  if (!text) return null;
  const relative = /^(\d+)-(second|minute|hour|day|week|month|year)$/.exec(text);
  if (relative) {
    return {
      type: 'relative',
      amount: Number(relative[1]),
      unit: relative[2] as DateRangePickerProps.TimeUnit,
    };
  }
  const [startDate, endDate] = text.split('/');
  if (!startDate || !endDate) return null;
  if (Number.isNaN(Date.parse(startDate)) || Number.isNaN(Date.parse(endDate))) return null;
  return { type: 'absolute', startDate, endDate };
}

export const isValidRange: DateRangePickerProps.ValidationFunction = (range) => {
  if (range?.type === 'absolute') {
    if (!range.startDate || !range.endDate) {
      return { valid: false, errorMessage: 'Choose a start and an end.' };
    }
    if (Date.parse(range.startDate) > Date.parse(range.endDate)) {
      return { valid: false, errorMessage: 'The start must be before the end.' };
    }
  }
  if (range?.type === 'relative' && range.amount <= 0) {
    return { valid: false, errorMessage: 'Enter a duration greater than zero.' };
  }
  return { valid: true };
};

const UNIT_WORDS: Record<DateRangePickerProps.TimeUnit, string> = {
  second: 'second',
  minute: 'minute',
  hour: 'hour',
  day: 'day',
  week: 'week',
  month: 'month',
  year: 'year',
};

export const formatUnit = (unit: DateRangePickerProps.TimeUnit, amount: number) =>
  `${UNIT_WORDS[unit]}${amount === 1 ? '' : 's'}`;

export const RANGE_STRINGS: DateRangePickerProps.I18nStrings = {
  relativeModeTitle: 'Relative range',
  absoluteModeTitle: 'Absolute range',
  relativeRangeSelectionHeading: 'Choose a range',
  startDateLabel: 'Start date',
  endDateLabel: 'End date',
  startTimeLabel: 'Start time',
  endTimeLabel: 'End time',
  clearButtonLabel: 'Clear and dismiss',
  cancelButtonLabel: 'Cancel',
  applyButtonLabel: 'Apply',
  customRelativeRangeOptionLabel: 'Custom range',
  customRelativeRangeOptionDescription: 'Set a custom range in the past',
  customRelativeRangeDurationLabel: 'Duration',
  customRelativeRangeDurationPlaceholder: 'Enter duration',
  customRelativeRangeUnitLabel: 'Unit of time',
  formatRelativeRange: (value) => `Last ${value.amount} ${formatUnit(value.unit, value.amount)}`,
  formatUnit,
  dateTimeConstraintText: 'Use 24-hour format.',
  modeSelectionLabel: 'Date range mode',
  renderSelectedAbsoluteRangeAriaLive: (start, end) => `Range selected from ${start} to ${end}`,
};
