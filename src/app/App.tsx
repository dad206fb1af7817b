import Box from '@cloudscape-design/components/box';
import ContentLayout from '@cloudscape-design/components/content-layout';
import Header from '@cloudscape-design/components/header';
import Link from '@cloudscape-design/components/link';

/** Placeholder until the console's sign-in and key pages land: it points operators at the sandbox. */
export function App() {
  return (
    <Box padding="l">
      <ContentLayout header={<Header variant="h1">KMS Console</Header>}>
        <Box variant="p">
          The console is under construction. The KMS sandbox behind this page already answers the
          AWS CLI and SDKs at <Box variant="code">{window.location.origin}</Box>; see the{' '}
          <Link external href="https://docs.aws.amazon.com/cli/latest/reference/kms/">
            AWS CLI KMS reference
          </Link>
          .
        </Box>
      </ContentLayout>
    </Box>
  );
}
