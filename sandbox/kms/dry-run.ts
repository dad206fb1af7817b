import { dryRunSucceeded } from '../protocol/errors';
import type { InputValidator } from './validation';

export const DRY_RUN_MODIFIERS = ['IGNORE_CIPHERTEXT'] as const;

export interface DryRunOptions {
  dryRun: boolean;
  ignoreCiphertext: boolean;
}

/** Reads DryRun (and DryRunModifiers, for the operations that take them) from the input. */
export function readDryRun(v: InputValidator, withModifiers = false): DryRunOptions {
  const dryRun = v.boolean('DryRun') ?? false;
  const modifiers = withModifiers
    ? (v.stringList('DryRunModifiers', { item: { enum: DRY_RUN_MODIFIERS } }) ?? [])
    : [];
  return { dryRun, ignoreCiphertext: dryRun && modifiers.includes('IGNORE_CIPHERTEXT') };
}

/**
 * The last check before an operation changes anything: every validation, authorization and key
 * check has passed, so a dry run answers that the call would have succeeded.
 */
export function dryRunGate(options: DryRunOptions): void {
  if (options.dryRun) throw dryRunSucceeded();
}
