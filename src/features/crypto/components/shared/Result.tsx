import Box from '@cloudscape-design/components/box';
import Container from '@cloudscape-design/components/container';
import Header from '@cloudscape-design/components/header';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import { useId, type ReactNode } from 'react';

// SpaceBetween size="m" (16px between fields) without the component: it renders with every
// result (bench/console-crypto.ts).
const FIELDS_STYLE = { display: 'flex', flexDirection: 'column', gap: 16 } as const;

/** The region named "Result": each response field under its AWS name. */
export function ResultRegion({
  children,
  actions,
  description,
  requestId,
}: {
  children: ReactNode;
  actions?: ReactNode;
  /** Shown under the heading; defaults to the request ID when there is one. */
  description?: ReactNode;
  requestId?: string;
}) {
  return (
    <section aria-label="Result">
      <Container
        header={
          <Header
            variant="h2"
            actions={actions}
            description={description ?? (requestId ? `Request ID ${requestId}` : undefined)}
          >
            Result
          </Header>
        }
      >
        <div style={FIELDS_STYLE}>{children}</div>
      </Container>
    </section>
  );
}

/** A text response field (`KeyId`, `EncryptionAlgorithm`…), a group named by its AWS name. */
export function ResultField({ name, children }: { name: string; children: ReactNode }) {
  const id = useId();
  return (
    <div role="group" aria-labelledby={id}>
      <Box variant="awsui-key-label">
        <span id={id}>{name}</span>
      </Box>
      <div style={{ wordBreak: 'break-all' }}>{children}</div>
    </div>
  );
}

/** A boolean verdict (`SignatureValid`, `MacValid`): green when true, red when false. */
export function VerdictField({ name, value }: { name: string; value: boolean | undefined }) {
  return (
    <ResultField name={name}>
      <StatusIndicator type={value ? 'success' : 'error'}>{String(value)}</StatusIndicator>
    </ResultField>
  );
}
