import { validationError, wrongJsonType, type ConstraintViolation } from '../protocol/errors';

type Input = Record<string, unknown>;

export interface LengthRule {
  required?: boolean;
  min?: number;
  max?: number;
}

export interface StringRule extends LengthRule {
  enum?: readonly string[];
  /** Must match the value; AWS's message quotes `patternText`, or else the RegExp's source. */
  pattern?: RegExp;
  patternText?: string;
  /** A further check of a present value: the constraint it fails, in AWS's words, if any. */
  check?: (value: string) => string | undefined;
}

/**
 * A rule that requires its member. Its read returns a value, never undefined: a missing member
 * reads as empty ('', no bytes, no items) and is reported by done(), so handlers use required
 * values after done(), as they use every value.
 */
export type RequiredMember = { readonly required: true };

interface ListRule extends LengthRule {
  item?: StringRule;
}

/** AWS prints member paths in lowerCamelCase: `KeyId` → `keyId`. */
const memberPath = (name: string) => name.charAt(0).toLowerCase() + name.slice(1);

/**
 * Collects every constraint an input breaks, then reports them together in AWS's wording
 * (`2 validation errors detected: Value … at '…' failed to satisfy constraint: …`).
 * Wrong JSON types are SerializationException, as the AWS JSON protocol reports them.
 */
export class InputValidator {
  private readonly violations: ConstraintViolation[] = [];

  private readonly input: Input;

  /** Takes the SDK's input type as it is: every KMS input is a plain JSON object. */
  constructor(input: object) {
    this.input = input as Input;
  }

  private violate(name: string, value: string | undefined, constraint: string) {
    this.violations.push({ path: memberPath(name), value, constraint });
  }

  private checkLength(name: string, length: number, shown: string | undefined, rule: LengthRule) {
    if (rule.min !== undefined && length < rule.min) {
      this.violate(name, shown, `Member must have length greater than or equal to ${rule.min}`);
    }
    if (rule.max !== undefined && length > rule.max) {
      this.violate(name, shown, `Member must have length less than or equal to ${rule.max}`);
    }
  }

  private present(name: string, required: boolean | undefined): boolean {
    const value = this.input[name];
    if (value === undefined || value === null) {
      if (required) this.violate(name, 'null', 'Member must not be null');
      return false;
    }
    return true;
  }

  string(name: string, rule: StringRule & RequiredMember): string;
  string(name: string, rule?: StringRule): string | undefined;
  string(name: string, rule: StringRule = {}): string | undefined {
    if (!this.present(name, rule.required)) return rule.required ? '' : undefined;
    const value = this.input[name];
    if (typeof value !== 'string') throw wrongJsonType(name, 'a string');
    const shown = `'${value}'`;
    this.checkLength(name, value.length, shown, rule);
    if (rule.enum && !rule.enum.includes(value)) {
      this.violate(name, shown, `Member must satisfy enum value set: [${rule.enum.join(', ')}]`);
    }
    if (rule.pattern && !rule.pattern.test(value)) {
      this.violate(
        name,
        shown,
        // RegExp.source escapes '/', which the model's patterns print plainly.
        `Member must satisfy regular expression pattern: ${rule.patternText ?? rule.pattern.source.replaceAll('\\/', '/')}`,
      );
    }
    const failed = rule.check?.(value);
    if (failed !== undefined) this.violate(name, shown, failed);
    return value;
  }

  integer(name: string, rule: { required?: boolean; min?: number; max?: number } = {}) {
    if (!this.present(name, rule.required)) return undefined;
    const value = this.input[name];
    if (typeof value !== 'number' || !Number.isInteger(value)) {
      throw wrongJsonType(name, 'an integer');
    }
    if (rule.min !== undefined && value < rule.min) {
      this.violate(
        name,
        `'${value}'`,
        `Member must have value greater than or equal to ${rule.min}`,
      );
    }
    if (rule.max !== undefined && value > rule.max) {
      this.violate(name, `'${value}'`, `Member must have value less than or equal to ${rule.max}`);
    }
    return value;
  }

  boolean(name: string): boolean | undefined {
    if (!this.present(name, false)) return undefined;
    const value = this.input[name];
    if (typeof value !== 'boolean') throw wrongJsonType(name, 'a boolean');
    return value;
  }

  /** Timestamp members: the AWS JSON protocol carries them as seconds since the epoch. */
  timestamp(name: string): Date | undefined {
    if (!this.present(name, false)) return undefined;
    const value = this.input[name];
    const date = typeof value === 'number' ? new Date(value * 1000) : undefined;
    // A Date holds ±8.64e15 ms; beyond that (or NaN) no timestamp is meant.
    if (date === undefined || Number.isNaN(date.getTime())) {
      throw wrongJsonType(name, 'a timestamp (seconds since the epoch)');
    }
    return date;
  }

  /** Blob members arrive already base64-decoded; AWS never echoes their value in messages. */
  bytes(name: string, rule: LengthRule & RequiredMember): Uint8Array;
  bytes(name: string, rule?: LengthRule): Uint8Array | undefined;
  bytes(name: string, rule: LengthRule = {}): Uint8Array | undefined {
    if (!this.present(name, rule.required)) return rule.required ? new Uint8Array(0) : undefined;
    const value = this.input[name];
    if (!(value instanceof Uint8Array)) throw wrongJsonType(name, 'base64-encoded bytes');
    this.checkLength(name, value.length, undefined, rule);
    return value;
  }

  stringList(name: string, rule: ListRule & RequiredMember): string[];
  stringList(name: string, rule?: ListRule): string[] | undefined;
  stringList(name: string, rule: ListRule = {}): string[] | undefined {
    if (!this.present(name, rule.required)) return rule.required ? [] : undefined;
    const value = this.input[name];
    if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) {
      throw wrongJsonType(name, 'a list of strings');
    }
    const list = value as string[];
    const shown = `'[${list.join(', ')}]'`;
    this.checkLength(name, list.length, shown, rule);
    const item = rule.item;
    if (item) {
      for (const entry of list) {
        if (item.max !== undefined && entry.length > item.max) {
          this.violate(
            name,
            shown,
            `Member must satisfy constraint: [Member must have length less than or equal to ${item.max}]`,
          );
        }
        if (item.min !== undefined && entry.length < item.min) {
          this.violate(
            name,
            shown,
            `Member must satisfy constraint: [Member must have length greater than or equal to ${item.min}]`,
          );
        }
        if (item.enum && !item.enum.includes(entry)) {
          this.violate(
            name,
            shown,
            `Member must satisfy constraint: [Member must satisfy enum value set: [${item.enum.join(', ')}]]`,
          );
        }
      }
    }
    return list;
  }

  /** A string → string map such as EncryptionContext. */
  stringMap(name: string, rule: { required?: boolean } = {}): Record<string, string> | undefined {
    if (!this.present(name, rule.required)) return undefined;
    const value = this.input[name];
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      throw wrongJsonType(name, 'a map of strings');
    }
    for (const entry of Object.values(value)) {
      if (typeof entry !== 'string') throw wrongJsonType(name, 'a map of strings');
    }
    return value as Record<string, string>;
  }

  /** Any other structure, checked by the caller. */
  object<T>(name: string, rule: { required?: boolean } = {}): T | undefined {
    if (!this.present(name, rule.required)) return undefined;
    const value = this.input[name];
    if (typeof value !== 'object' || value === null) throw wrongJsonType(name, 'an object');
    return value as T;
  }

  /** Records a rule the caller checked itself. */
  fail(name: string, value: string | undefined, constraint: string) {
    this.violate(name, value, constraint);
  }

  /** Throws the collected ValidationException, if any. */
  done(): void {
    if (this.violations.length > 0) throw validationError(this.violations);
  }
}

/** Shared member rules of the KMS model. */
export const KEY_ID_RULE = { required: true, min: 1, max: 2048 } as const;
export const GRANT_TOKENS_RULE = { min: 0, max: 10, item: { min: 1, max: 8192 } } as const;
