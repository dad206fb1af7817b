import type { KeyMetadata } from '@aws-sdk/client-kms';
import Container from '@cloudscape-design/components/container';
import Header from '@cloudscape-design/components/header';
import KeyValuePairs from '@cloudscape-design/components/key-value-pairs';
import { KEY_USAGE_TEXT, keyType } from './key-facts';

const list = (values: readonly string[] | undefined) =>
  values && values.length > 0 ? values.join(', ') : '—';

export function CryptographicConfiguration({ metadata }: { metadata: KeyMetadata }) {
  return (
    <Container header={<Header variant="h2">Cryptographic configuration</Header>}>
      <KeyValuePairs
        columns={3}
        items={[
          { label: 'Key type', value: keyType(metadata) },
          { label: 'Key spec', value: metadata.KeySpec ?? '—' },
          {
            label: 'Key usage',
            value: metadata.KeyUsage
              ? `${KEY_USAGE_TEXT[metadata.KeyUsage] ?? metadata.KeyUsage} (${metadata.KeyUsage})`
              : '—',
          },
          { label: 'Origin', value: metadata.Origin ?? '—' },
          { label: 'Encryption algorithms', value: list(metadata.EncryptionAlgorithms) },
          { label: 'Signing algorithms', value: list(metadata.SigningAlgorithms) },
          { label: 'MAC algorithms', value: list(metadata.MacAlgorithms) },
          { label: 'Key agreement algorithms', value: list(metadata.KeyAgreementAlgorithms) },
          { label: 'Current key material ID', value: metadata.CurrentKeyMaterialId ?? '—' },
        ]}
      />
    </Container>
  );
}
