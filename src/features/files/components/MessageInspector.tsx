import Box from '@cloudscape-design/components/box';
import KeyValuePairs from '@cloudscape-design/components/key-value-pairs';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { PUBLIC_KEY_CONTEXT_KEY, type MessageSummary } from '../envelope/header';
import { formatBytes } from '../envelope/limits';
import { suiteIdHex } from '../envelope/suites';

/**
 * What the message header says, read before anything is decrypted: how it was encrypted, the
 * encryption context (stored in the clear) and which KMS keys hold a copy of the data key.
 */
export function MessageInspector({ summary }: { summary: MessageSummary }) {
  const context = Object.entries(summary.encryptionContext).filter(
    ([key]) => key !== PUBLIC_KEY_CONTEXT_KEY,
  );
  const hasPublicKey = PUBLIC_KEY_CONTEXT_KEY in summary.encryptionContext;
  return (
    <KeyValuePairs
      columns={2}
      items={[
        {
          label: 'Algorithm suite',
          value: (
            <SpaceBetween size="xxxs">
              <Box variant="code">{summary.suite.name}</Box>
              <Box variant="small">
                {suiteIdHex(summary.suite.id)}: {summary.suite.summary}
              </Box>
            </SpaceBetween>
          ),
        },
        {
          label: 'Frame length',
          value: summary.framed
            ? `${summary.frameLength} bytes (${formatBytes(summary.frameLength)})`
            : 'Not framed (legacy single-block body)',
        },
        { label: 'Message format', value: `Version ${summary.formatVersion}` },
        { label: 'Message ID', value: <Box variant="code">{summary.messageId}</Box> },
        {
          label: 'Encryption context',
          value:
            context.length === 0 ? (
              'None'
            ) : (
              <ul style={{ margin: 0, paddingInlineStart: 16 }}>
                {context.map(([key, value]) => (
                  <li key={key}>
                    <Box variant="code">
                      {key}={value}
                    </Box>
                  </li>
                ))}
              </ul>
            ),
          info: hasPublicKey ? (
            <Box variant="small">+ {PUBLIC_KEY_CONTEXT_KEY} (the signature's public key)</Box>
          ) : undefined,
        },
        {
          label: `Encrypted data keys (${summary.encryptedDataKeys.length})`,
          value: (
            <ul style={{ margin: 0, paddingInlineStart: 16 }}>
              {summary.encryptedDataKeys.map((edk, index) => (
                <li key={`${index}-${edk.providerInfo}`}>
                  <Box variant="code">{edk.providerInfo}</Box>
                  {edk.isKms ? null : <Box variant="small"> (provider {edk.providerId})</Box>}
                </li>
              ))}
            </ul>
          ),
        },
      ]}
    />
  );
}
