import Button from '@cloudscape-design/components/button';
import Container from '@cloudscape-design/components/container';
import Form from '@cloudscape-design/components/form';
import FormField from '@cloudscape-design/components/form-field';
import Header from '@cloudscape-design/components/header';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { isKeyReference, parseKeyReference } from '../kms/key-reference';
import { KeyInput } from './KeyInput';

/**
 * For principals who may not list keys: type the key (id, ARN, alias name or alias ARN) and go
 * straight to a form that uses it.
 */
export function KeyLookup({ description }: { description?: string }) {
  const navigate = useNavigate();
  const [value, setValue] = useState('');
  const [touched, setTouched] = useState(false);
  const parsed = parseKeyReference(value);
  const error = touched && !isKeyReference(parsed) ? parsed.error : undefined;
  const go = (path: string) => {
    setTouched(true);
    if (!isKeyReference(parsed)) return;
    const ref = parsed.value;
    void navigate(
      path === 'detail'
        ? `/keys/${encodeURIComponent(ref)}`
        : `/${path}?keyId=${encodeURIComponent(ref)}`,
    );
  };
  return (
    <Container
      header={
        <Header
          variant="h2"
          description={
            description ??
            'Every form takes a key ID, key ARN, alias name or alias ARN typed in, so you can work with keys you know.'
          }
        >
          Use a key you know
        </Header>
      }
    >
      <form
        onSubmit={(event) => {
          event.preventDefault();
          go('encrypt');
        }}
      >
        <Form
          actions={
            <SpaceBetween direction="horizontal" size="xs">
              <Button formAction="none" onClick={() => go('detail')}>
                View key details
              </Button>
              <Button formAction="none" onClick={() => go('data-keys')}>
                Generate data key
              </Button>
              <Button variant="primary" formAction="submit">
                Encrypt
              </Button>
            </SpaceBetween>
          }
        >
          <FormField
            label="Key"
            description="Key ID, key ARN, alias name or alias ARN."
            errorText={error}
          >
            <KeyInput value={value} onChange={setValue} />
          </FormField>
        </Form>
      </form>
    </Container>
  );
}
