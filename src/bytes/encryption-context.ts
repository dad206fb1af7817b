/*
 * The encryption context as the user edits it (rows) and as KMS and the AWS CLI take it (a map;
 * the shorthand `k1=v1,k2=v2`; JSON). Pure functions: the editor component and the deep links
 * (`?context=department=finance,team=payments`) share them.
 */

export type EncryptionContext = Record<string, string>;

export interface ContextRow {
  key: string;
  value: string;
}

export interface RowProblem {
  key?: string;
  value?: string;
}

export interface ContextEvaluation {
  /** The map to send; undefined when there are no pairs or when a row has a problem. */
  context?: EncryptionContext;
  /** One entry per row, same order; empty objects for rows without problems. */
  problems: RowProblem[];
  valid: boolean;
}

function isBlank(row: ContextRow): boolean {
  return row.key === '' && row.value === '';
}

/**
 * Empty keys, empty values and repeated keys are flagged on the row (KMS keys are
 * case-sensitive, so `Team` and `team` are two pairs). A key without a value is half-typed far
 * more often than meant, and sent it would bind `"key": ""` to the ciphertext. Rows with neither
 * key nor value are ignored: they are the editor's fresh rows, not a mistake.
 */
export function evaluateContext(rows: readonly ContextRow[]): ContextEvaluation {
  const seen = new Map<string, number>();
  const problems: RowProblem[] = rows.map((row, index) => {
    if (isBlank(row)) return {};
    if (row.key === '') return { key: 'Enter a key: encryption context keys cannot be empty.' };
    const first = seen.get(row.key);
    if (first !== undefined) {
      return { key: `Duplicate key: "${row.key}" is already in row ${first + 1}.` };
    }
    seen.set(row.key, index);
    if (row.value === '') {
      return { value: `"${row.key}" has no value: enter a value or remove the pair.` };
    }
    return {};
  });
  const valid = problems.every((problem) => !problem.key && !problem.value);
  if (!valid) return { problems, valid };
  const pairs = rows.filter((row) => !isBlank(row));
  if (pairs.length === 0) return { problems, valid };
  return { problems, valid, context: Object.fromEntries(pairs.map((r) => [r.key, r.value])) };
}

export function rowsOf(context: EncryptionContext | undefined): ContextRow[] {
  return Object.entries(context ?? {}).map(([key, value]) => ({ key, value }));
}

export type ParsedRows = { ok: true; rows: ContextRow[] } | { ok: false; error: string };

/**
 * The AWS CLI shorthand for maps: `k1=v1,k2=v2`. A value (or key) may be wrapped in double or
 * single quotes to contain commas or equals signs; whitespace around pairs is ignored, as the
 * CLI does.
 */
export function parseShorthand(text: string): ParsedRows {
  const rows: ContextRow[] = [];
  let index = 0;
  const length = text.length;

  const skipSpaces = () => {
    while (index < length && /\s/.test(text[index])) index++;
  };
  /** Reads up to (not including) one of `stops`, honouring quotes. */
  const readToken = (stops: string): { ok: true; value: string } | { ok: false; error: string } => {
    skipSpaces();
    const quote = text[index];
    if (quote === '"' || quote === "'") {
      const end = text.indexOf(quote, index + 1);
      if (end === -1) {
        return { ok: false, error: `Unclosed ${quote} quote starting at position ${index + 1}.` };
      }
      const value = text.slice(index + 1, end);
      index = end + 1;
      skipSpaces();
      return { ok: true, value };
    }
    const start = index;
    while (index < length && !stops.includes(text[index])) index++;
    return { ok: true, value: text.slice(start, index).trim() };
  };

  skipSpaces();
  if (index === length) return { ok: true, rows };
  while (index < length) {
    const pairStart = index;
    const key = readToken('=,');
    if (!key.ok) return key;
    if (text[index] !== '=') {
      const shown = text.slice(pairStart, index).trim();
      return {
        ok: false,
        error: `Pair ${rows.length + 1} ("${shown}") has no "=": write key=value, pairs separated by commas.`,
      };
    }
    index++; // the "="
    const value = readToken(',');
    if (!value.ok) return value;
    if (index < length && text[index] !== ',') {
      return {
        ok: false,
        error: `Unexpected ${JSON.stringify(text[index])} at position ${index + 1}: quote values that contain "," or "=".`,
      };
    }
    rows.push({ key: key.value, value: value.value });
    index++; // the ","
    skipSpaces();
  }
  return { ok: true, rows };
}

/** A JSON object of strings, as `--encryption-context '{"k":"v"}'` and SDK code write it. */
export function parseContextJson(text: string): ParsedRows {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    return { ok: false, error: `Not valid JSON: ${(error as Error).message}` };
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return { ok: false, error: 'The JSON must be an object such as {"department": "finance"}.' };
  }
  const rows: ContextRow[] = [];
  for (const [key, value] of Object.entries(parsed)) {
    if (typeof value !== 'string') {
      return {
        ok: false,
        error: `The value of "${key}" is ${JSON.stringify(value)}: encryption context values are strings.`,
      };
    }
    rows.push({ key, value });
  }
  return { ok: true, rows };
}

/** JSON when it starts with "{", the CLI shorthand otherwise. */
export function parseContextText(text: string): ParsedRows {
  return text.trim().startsWith('{') ? parseContextJson(text) : parseShorthand(text);
}

// Characters the CLI shorthand takes without quotes and no shell treats specially.
const SHORTHAND_SAFE = /^[A-Za-z0-9_.:/@+-]+$/;

/**
 * `k1=v1,k2=v2`, or undefined when a key or value needs quoting (empty, or with characters such
 * as spaces, commas, quotes or non-ASCII letters): callers then use JSON, which always works.
 */
export function toShorthand(context: EncryptionContext): string | undefined {
  const entries = Object.entries(context);
  if (entries.length === 0) return undefined;
  if (!entries.every(([k, v]) => SHORTHAND_SAFE.test(k) && SHORTHAND_SAFE.test(v)))
    return undefined;
  return entries.map(([k, v]) => `${k}=${v}`).join(',');
}

/** The context for a URL's `context=` parameter: shorthand when possible, JSON otherwise. */
export function contextParameter(context: EncryptionContext | undefined): string | undefined {
  if (!context || Object.keys(context).length === 0) return undefined;
  return toShorthand(context) ?? JSON.stringify(context);
}
