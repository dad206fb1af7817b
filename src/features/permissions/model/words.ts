import { toShorthand } from '../../../bytes/encryption-context';

/** "with encryption context department=finance" / "without an encryption context". */
export function contextWords(context: Readonly<Record<string, string>>): string {
  if (Object.keys(context).length === 0) return 'without an encryption context';
  return `with encryption context ${toShorthand({ ...context }) ?? JSON.stringify(context)}`;
}
