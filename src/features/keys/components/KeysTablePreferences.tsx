import CollectionPreferences, {
  type CollectionPreferencesProps,
} from '@cloudscape-design/components/collection-preferences';
import type { TableProps } from '@cloudscape-design/components/table';
import { useState } from 'react';
import type { KeyRow } from '../../../kms/catalog/rows';

const PREFERENCES_KEY = 'kms-console.keys-table.preferences';

const DEFAULT_PREFERENCES: CollectionPreferencesProps.Preferences = {
  pageSize: 20,
  // Unwrapped, the default columns need more width than a laptop's window leaves the table.
  wrapLines: true,
  stripedRows: false,
  contentDisplay: [
    { id: 'aliases', visible: true },
    { id: 'keyId', visible: true },
    { id: 'status', visible: true },
    { id: 'keySpec', visible: true },
    { id: 'keyUsage', visible: true },
    { id: 'creationDate', visible: true },
    { id: 'rotation', visible: true },
    { id: 'description', visible: false },
    { id: 'keyManager', visible: false },
    { id: 'keyArn', visible: false },
    { id: 'tags', visible: false },
  ],
};

/** Table preferences are not secret: they are kept across visits (localStorage). */
function loadPreferences(): CollectionPreferencesProps.Preferences {
  try {
    const raw = localStorage.getItem(PREFERENCES_KEY);
    if (!raw) return DEFAULT_PREFERENCES;
    const saved = JSON.parse(raw) as CollectionPreferencesProps.Preferences;
    const known = new Set(DEFAULT_PREFERENCES.contentDisplay?.map((c) => c.id));
    const display = (saved.contentDisplay ?? []).filter((c) => known.has(c.id));
    for (const column of DEFAULT_PREFERENCES.contentDisplay ?? []) {
      if (!display.some((c) => c.id === column.id)) display.push(column);
    }
    return { ...DEFAULT_PREFERENCES, ...saved, contentDisplay: display };
  } catch {
    return DEFAULT_PREFERENCES;
  }
}

/** The table's preferences, as last confirmed (and kept across visits). */
export function useKeysTablePreferences() {
  const [preferences, setPreferences] = useState(loadPreferences);
  const confirm = (next: CollectionPreferencesProps.Preferences) => {
    setPreferences(next);
    localStorage.setItem(PREFERENCES_KEY, JSON.stringify(next));
  };
  return [preferences, confirm] as const;
}

/** Page size, line wrapping, striped rows and which columns show. */
export function KeysTablePreferences({
  preferences,
  onConfirm,
  columns,
}: {
  preferences: CollectionPreferencesProps.Preferences;
  onConfirm(preferences: CollectionPreferencesProps.Preferences): void;
  columns: TableProps.ColumnDefinition<KeyRow>[];
}) {
  return (
    <CollectionPreferences
      title="Preferences"
      confirmLabel="Confirm"
      cancelLabel="Cancel"
      preferences={preferences}
      onConfirm={({ detail }) => onConfirm(detail)}
      pageSizePreference={{
        title: 'Page size',
        options: [
          { value: 10, label: '10 keys' },
          { value: 20, label: '20 keys' },
          { value: 50, label: '50 keys' },
          { value: 100, label: '100 keys' },
        ],
      }}
      wrapLinesPreference={{
        label: 'Wrap lines',
        description: 'Show long values on several lines',
      }}
      stripedRowsPreference={{ label: 'Striped rows' }}
      contentDisplayPreference={{
        title: 'Columns',
        options: columns.map((column) => ({
          id: column.id ?? '',
          label: String(column.header),
          alwaysVisible: column.id === 'keyId',
        })),
      }}
    />
  );
}
