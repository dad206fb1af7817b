import Box from '@cloudscape-design/components/box';
import Container from '@cloudscape-design/components/container';
import ContentLayout from '@cloudscape-design/components/content-layout';
import Header from '@cloudscape-design/components/header';
import { useEffect } from 'react';
import { useSessionContext } from '../SessionProvider';
import { SignInForm } from './SignInForm';

/** Shown for every route while signed out; the URL stays, so a deep link opens after sign-in. */
export function SignInPage() {
  const { config, lastRequest, signIn } = useSessionContext();
  useEffect(() => {
    document.title = 'Sign in | KMS Console';
  }, []);
  return (
    <Box padding={{ vertical: 'xl', horizontal: 'l' }}>
      <div style={{ maxWidth: 720, margin: '0 auto' }}>
        <ContentLayout
          header={
            <Header
              variant="h1"
              description="Use AWS KMS keys from your browser: against AWS, or against the local sandbox."
            >
              Sign in
            </Header>
          }
        >
          <Container>
            <SignInForm config={config} last={lastRequest} onSubmit={signIn} />
          </Container>
        </ContentLayout>
      </div>
    </Box>
  );
}
