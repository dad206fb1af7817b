import { describe, expect, it } from 'vitest';
import {
  contextParameter,
  evaluateContext,
  parseContextJson,
  parseContextText,
  parseShorthand,
  rowsOf,
  toShorthand,
} from './encryption-context';

describe('evaluateContext', () => {
  it('builds the map from rows and ignores blank rows', () => {
    const result = evaluateContext([
      { key: 'department', value: 'finance' },
      { key: '', value: '' },
      { key: 'team', value: 'payments' },
    ]);
    expect(result.valid).toBe(true);
    expect(result.context).toEqual({ department: 'finance', team: 'payments' });
  });

  it('sends no context when there are no pairs', () => {
    expect(evaluateContext([]).context).toBeUndefined();
    expect(evaluateContext([{ key: '', value: '' }]).context).toBeUndefined();
  });

  it('flags empty and duplicate keys on their rows', () => {
    const result = evaluateContext([
      { key: 'a', value: '1' },
      { key: '', value: 'orphan' },
      { key: 'a', value: '2' },
      { key: 'A', value: '3' },
    ]);
    expect(result.valid).toBe(false);
    expect(result.context).toBeUndefined();
    expect(result.problems[0]).toEqual({});
    expect(result.problems[1].key).toContain('cannot be empty');
    expect(result.problems[2].key).toBe('Duplicate key: "a" is already in row 1.');
    expect(result.problems[3]).toEqual({}); // keys are case-sensitive
  });

  it('keeps Unicode keys and values', () => {
    const result = evaluateContext([{ key: 'équipe', value: '支付 🔐' }]);
    expect(result.context).toEqual({ équipe: '支付 🔐' });
  });

  it('flags a key without a value instead of sending an empty value', () => {
    const result = evaluateContext([
      { key: 'department', value: '' },
      { key: 'team', value: 'payments' },
    ]);
    expect(result.valid).toBe(false);
    expect(result.context).toBeUndefined();
    expect(result.problems[0]).toEqual({
      value: '"department" has no value: enter a value or remove the pair.',
    });
    expect(result.problems[1]).toEqual({});
  });
});

describe('shorthand', () => {
  it('parses the AWS CLI shorthand', () => {
    expect(parseShorthand('department=finance,team=payments')).toEqual({
      ok: true,
      rows: [
        { key: 'department', value: 'finance' },
        { key: 'team', value: 'payments' },
      ],
    });
    expect(parseShorthand('  ')).toEqual({ ok: true, rows: [] });
  });

  it('takes quoted values with commas and equals signs, and spaces around pairs', () => {
    expect(parseShorthand(' a = "x,y=z" , b=\'q\' ')).toEqual({
      ok: true,
      rows: [
        { key: 'a', value: 'x,y=z' },
        { key: 'b', value: 'q' },
      ],
    });
  });

  it('says which pair is malformed', () => {
    const missing = parseShorthand('a=1,oops');
    expect(!missing.ok && missing.error).toContain('Pair 2 ("oops") has no "="');
    const unclosed = parseShorthand('a="1');
    expect(!unclosed.ok && unclosed.error).toContain('Unclosed " quote');
  });

  it('round-trips simple contexts and refuses to write what needs quoting', () => {
    const context = { department: 'finance', 'aws:team': 'pay-ments/eu' };
    const text = toShorthand(context)!;
    const parsed = parseShorthand(text);
    expect(parsed.ok && Object.fromEntries(parsed.rows.map((r) => [r.key, r.value]))).toEqual(
      context,
    );
    expect(toShorthand({ a: 'x,y' })).toBeUndefined();
    expect(toShorthand({ a: 'two words' })).toBeUndefined();
    expect(toShorthand({ a: '' })).toBeUndefined();
    expect(toShorthand({ a: 'ü' })).toBeUndefined();
    expect(toShorthand({})).toBeUndefined();
  });
});

describe('JSON', () => {
  it('parses an object of strings', () => {
    expect(parseContextJson('{"a":"1","ü":"世界"}')).toEqual({
      ok: true,
      rows: [
        { key: 'a', value: '1' },
        { key: 'ü', value: '世界' },
      ],
    });
  });

  it('refuses other JSON, saying why', () => {
    expect(parseContextJson('[1]')).toEqual({
      ok: false,
      error: expect.stringContaining('object'),
    });
    const number = parseContextJson('{"a": 1}');
    expect(!number.ok && number.error).toContain('"a" is 1');
    const broken = parseContextJson('{"a": ');
    expect(!broken.ok && broken.error).toContain('Not valid JSON');
  });

  it('is chosen automatically by parseContextText', () => {
    expect(parseContextText(' {"a":"b"}')).toEqual({ ok: true, rows: [{ key: 'a', value: 'b' }] });
    expect(parseContextText('a=b')).toEqual({ ok: true, rows: [{ key: 'a', value: 'b' }] });
  });
});

describe('contextParameter', () => {
  it('writes shorthand when it can and JSON otherwise; both parse back', () => {
    expect(contextParameter({ department: 'finance' })).toBe('department=finance');
    const tricky = { a: 'x, y' };
    const text = contextParameter(tricky)!;
    const parsed = parseContextText(text);
    expect(parsed.ok && parsed.rows).toEqual(rowsOf(tricky));
    expect(contextParameter(undefined)).toBeUndefined();
  });
});
