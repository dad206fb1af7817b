import type { KeyCatalog } from './catalog';

/**
 * Whether a catalog update must reach the screen at once: the first data, a change to a key on
 * screen, an error, or a new refresh. Everything else (the thousands of keys off screen being
 * described) can wait for the next periodic render.
 */
export function isUrgentChange(
  shown: KeyCatalog,
  latest: KeyCatalog,
  visible: readonly string[],
): boolean {
  if (shown === latest) return false;
  // The first keys and the first aliases make the first page readable: show them at once.
  if (shown.keys.length === 0 && latest.keys.length > 0) return true;
  if (shown.aliases.length === 0 && latest.aliases.length > 0) return true;
  if (shown.generation !== latest.generation) return true;
  if (
    shown.listKeysError !== latest.listKeysError ||
    shown.listAliasesError !== latest.listAliasesError
  ) {
    return true;
  }
  for (const id of visible) {
    if (shown.metadata.get(id) !== latest.metadata.get(id)) return true;
    if (shown.describeErrors.get(id) !== latest.describeErrors.get(id)) return true;
  }
  return false;
}
