import Box from '@cloudscape-design/components/box';
import Container from '@cloudscape-design/components/container';
import Header from '@cloudscape-design/components/header';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useId, type ReactNode } from 'react';

/** The region named "Result": each response field under its AWS name. */
export function ResultRegion({
  children,
  actions,
  description,
}: {
  children: ReactNode;
  actions?: ReactNode;
  description?: ReactNode;
}) {
  return (
    <section aria-label="Result">
      <Container
        header={
          <Header variant="h2" actions={actions} description={description}>
            Result
          </Header>
        }
      >
        <SpaceBetween size="m">{children}</SpaceBetween>
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
