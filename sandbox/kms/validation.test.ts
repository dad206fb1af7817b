import { describe, expect, it } from 'vitest';
import { AwsError } from '../protocol/errors';
import { modelPattern } from './model-patterns';
import { InputValidator } from './validation';

function validationMessage(run: () => void): string {
  try {
    run();
  } catch (error) {
    if (error instanceof AwsError) return `${error.type}: ${error.message}`;
    throw error;
  }
  return 'no error';
}

describe('InputValidator', () => {
  it('reads a missing required member as empty and reports only that it is missing', () => {
    const v = new InputValidator({});
    const keyId: string = v.string('KeyId', {
      required: true,
      min: 1,
      ...modelPattern('[a-z]+'),
      check: () => 'Member must never be checked when missing',
    });
    const blob: Uint8Array = v.bytes('CiphertextBlob', { required: true, min: 1 });
    const names: string[] = v.stringList('TagKeys', { required: true, min: 1 });
    expect([keyId, blob.length, names]).toEqual(['', 0, []]);
    expect(validationMessage(() => v.done())).toBe(
      "ValidationException: 3 validation errors detected: Value null at 'keyId' failed to satisfy constraint: Member must not be null; Value null at 'ciphertextBlob' failed to satisfy constraint: Member must not be null; Value null at 'tagKeys' failed to satisfy constraint: Member must not be null",
    );
  });

  it('leaves an optional member undefined', () => {
    const v = new InputValidator({});
    expect(v.string('Description', { min: 1 })).toBeUndefined();
    expect(() => v.done()).not.toThrow();
  });

  it('checks a present value: length, then the pattern as the model prints it, then the check', () => {
    const v = new InputValidator({ Name: 'A' });
    v.string('Name', {
      min: 2,
      ...modelPattern('[a-z]+'),
      check: (value) => (value === 'A' ? 'Member must not be A' : undefined),
    });
    expect(validationMessage(() => v.done())).toBe(
      "ValidationException: 3 validation errors detected: Value 'A' at 'name' failed to satisfy constraint: Member must have length greater than or equal to 2; Value 'A' at 'name' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-z]+; Value 'A' at 'name' failed to satisfy constraint: Member must not be A",
    );
  });

  it('reads timestamps as epoch seconds and refuses what is not one', () => {
    expect(new InputValidator({ ValidTo: 1767225600.5 }).timestamp('ValidTo')).toEqual(
      new Date('2026-01-01T00:00:00.500Z'),
    );
    expect(new InputValidator({}).timestamp('ValidTo')).toBeUndefined();
    for (const value of ['2026-01-01', 2 ** 53, true]) {
      expect(
        validationMessage(() => new InputValidator({ ValidTo: value }).timestamp('ValidTo')),
      ).toBe(
        "SerializationException: Value for 'ValidTo' must be a timestamp (seconds since the epoch).",
      );
    }
  });
});
