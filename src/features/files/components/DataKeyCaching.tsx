import Alert from '@cloudscape-design/components/alert';
import ColumnLayout from '@cloudscape-design/components/column-layout';
import Container from '@cloudscape-design/components/container';
import FormField from '@cloudscape-design/components/form-field';
import Header from '@cloudscape-design/components/header';
import Input from '@cloudscape-design/components/input';
import KeyValuePairs from '@cloudscape-design/components/key-value-pairs';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Toggle from '@cloudscape-design/components/toggle';
import type { CacheSettings } from '../envelope/materials';
import type { KmsCallCounters } from '../hooks/use-file-jobs';

const MIB = 1024 * 1024;

export interface DataKeyCachingProps {
  settings: CacheSettings;
  onChange: (settings: CacheSettings) => void;
  counters: KmsCallCounters;
}

function NumberField({
  label,
  description,
  value,
  onChange,
}: {
  label: string;
  description: string;
  value: number;
  onChange: (value: number) => void;
}) {
  const invalid = !Number.isInteger(value) || value < 1;
  return (
    <FormField
      label={label}
      description={description}
      errorText={invalid ? 'Enter a whole number of at least 1.' : undefined}
    >
      <Input
        type="number"
        inputMode="numeric"
        value={Number.isFinite(value) ? String(value) : ''}
        onChange={({ detail }) => onChange(detail.value === '' ? NaN : Number(detail.value))}
      />
    </FormField>
  );
}

/** Whether a cache setting can be handed to the SDK (it refuses 0 and non-integers). */
export function validCacheSettings(settings: CacheSettings): boolean {
  return [settings.maxAgeSeconds, settings.maxMessages, settings.maxBytes].every(
    (value) => Number.isInteger(value) && value >= 1,
  );
}

/**
 * The SDK's caching materials manager, switchable, with what it changes: KMS calls made and
 * saved. Reusing a data key is a trade-off the limits bound (AWS Encryption SDK developer guide,
 * "Data key caching").
 */
export function DataKeyCaching({ settings, onChange, counters }: DataKeyCachingProps) {
  const set = (patch: Partial<CacheSettings>) => onChange({ ...settings, ...patch });
  return (
    <Container
      header={
        <Header
          variant="h2"
          description="Reuse data keys across files instead of calling KMS for each one."
        >
          Data key caching
        </Header>
      }
    >
      <SpaceBetween size="l">
        <Toggle
          checked={settings.enabled}
          onChange={({ detail }) => set({ enabled: detail.checked })}
        >
          Cache data keys
        </Toggle>
        {settings.enabled ? (
          <>
            <Alert type="warning" header="A cached data key protects more than one file">
              Files encrypted with the same cached data key share it: whoever obtains that one key
              reads all of them, and a revoked permission on a KMS key takes effect only when the
              cached entry expires. The limits below bound both. The cache is in this page's memory
              only and is emptied when you turn caching off or leave the page.
            </Alert>
            <ColumnLayout columns={3}>
              <NumberField
                label="Maximum age (seconds)"
                description="How long a data key may be reused."
                value={settings.maxAgeSeconds}
                onChange={(maxAgeSeconds) => set({ maxAgeSeconds })}
              />
              <NumberField
                label="Maximum messages"
                description="Files one data key may encrypt."
                value={settings.maxMessages}
                onChange={(maxMessages) => set({ maxMessages })}
              />
              <NumberField
                label="Maximum MiB"
                description="Bytes one data key may encrypt, in MiB."
                value={settings.maxBytes / MIB}
                onChange={(mib) => set({ maxBytes: mib * MIB })}
              />
            </ColumnLayout>
          </>
        ) : null}
        <KeyValuePairs
          columns={3}
          ariaLabel="KMS calls"
          items={[
            {
              label: 'KMS calls made',
              value: <span data-testid="kms-calls-made">{counters.made}</span>,
            },
            {
              label: 'KMS calls saved by the cache',
              value: <span data-testid="kms-calls-saved">{counters.saved}</span>,
            },
            {
              label: 'Files served from the cache',
              value: <span data-testid="cache-hits">{counters.cacheHits}</span>,
            },
          ]}
        />
      </SpaceBetween>
    </Container>
  );
}
