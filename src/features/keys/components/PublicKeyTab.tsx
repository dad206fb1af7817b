import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Container from '@cloudscape-design/components/container';
import CopyToClipboard from '@cloudscape-design/components/copy-to-clipboard';
import Header from '@cloudscape-design/components/header';
import KeyValuePairs from '@cloudscape-design/components/key-value-pairs';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Spinner from '@cloudscape-design/components/spinner';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { usePublicKey } from '../../../kms/api/get-public-key';
import { toPem } from '../../../bytes/pem';
import { download, publicKeyFileName } from '../lib/pem';

/** GetPublicKey: the PEM to read and copy, and PEM or DER files to download. */
export function PublicKeyTab({ keyId, name }: { keyId: string; name: string }) {
  const publicKey = usePublicKey(keyId);
  const der = publicKey.data?.PublicKey;
  const pem = der ? toPem(der) : '';
  return (
    <Container
      header={
        <Header
          variant="h2"
          description="Share the public key so others can encrypt or verify outside AWS KMS."
          actions={
            <SpaceBetween direction="horizontal" size="xs">
              <CopyToClipboard
                variant="button"
                textToCopy={pem}
                copyButtonText="Copy"
                copySuccessText="Public key copied"
                copyErrorText="The public key could not be copied"
                disabled={!der}
              />
              <Button
                iconName="download"
                disabled={!der}
                onClick={() =>
                  download(publicKeyFileName(name, 'pem'), pem, 'application/x-pem-file')
                }
              >
                Download PEM
              </Button>
              <Button
                iconName="download"
                disabled={!der}
                onClick={() =>
                  der &&
                  download(
                    publicKeyFileName(name, 'der'),
                    new Uint8Array(der),
                    'application/octet-stream',
                  )
                }
              >
                Download DER
              </Button>
            </SpaceBetween>
          }
        >
          Public key
        </Header>
      }
    >
      {publicKey.isPending ? <Spinner /> : null}
      {publicKey.isError ? (
        <ErrorAlert error={publicKey.error} header="The public key could not be read" />
      ) : null}
      {publicKey.data ? (
        <SpaceBetween size="m">
          <KeyValuePairs
            columns={3}
            items={[
              { label: 'Key spec', value: publicKey.data.KeySpec ?? '—' },
              { label: 'Key usage', value: publicKey.data.KeyUsage ?? '—' },
              {
                label: 'Algorithms',
                value:
                  [
                    ...(publicKey.data.EncryptionAlgorithms ?? []),
                    ...(publicKey.data.SigningAlgorithms ?? []),
                    ...(publicKey.data.KeyAgreementAlgorithms ?? []),
                  ].join(', ') || '—',
              },
            ]}
          />
          <Box variant="code">
            <pre
              aria-label="Public key (PEM)"
              tabIndex={0}
              style={{ margin: 0, whiteSpace: 'pre-wrap' }}
            >
              {pem}
            </pre>
          </Box>
        </SpaceBetween>
      ) : null}
    </Container>
  );
}
