import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Container from '@cloudscape-design/components/container';
import FormField from '@cloudscape-design/components/form-field';
import Header from '@cloudscape-design/components/header';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Spinner from '@cloudscape-design/components/spinner';
import Textarea from '@cloudscape-design/components/textarea';
import type { KeyPolicySource } from '../api/use-key-policy-source';

/** Where the key policy behind the explanations comes from, and a way to paste it. */
export function KeyPolicyPanel({
  source,
  pasted,
  onPaste,
}: {
  source: KeyPolicySource;
  pasted: string;
  onPaste(text: string): void;
}) {
  if (source.status === 'none') return null;
  const canPaste =
    source.status === 'unreadable' || (source.status === 'read' && source.origin !== 'you');
  return (
    <Container
      header={
        <Header
          variant="h2"
          description="The explanations below evaluate the key policy with the console's policy evaluator for the same principal, action, key and encryption context."
        >
          Key policy
        </Header>
      }
    >
      <SpaceBetween size="s">
        <SourceNotice source={source} />
        {canPaste ? (
          <FormField
            label="Paste the key policy"
            description="If someone who may read it gave you the key policy, paste it here to explain the denials with it. It stays in this page."
            stretch
            secondaryControl={
              pasted !== '' ? <Button onClick={() => onPaste('')}>Clear</Button> : undefined
            }
          >
            <Textarea
              value={pasted}
              onChange={({ detail }) => onPaste(detail.value)}
              rows={4}
              spellcheck={false}
              placeholder='{"Version": "2012-10-17", "Statement": [...]}'
            />
          </FormField>
        ) : null}
      </SpaceBetween>
    </Container>
  );
}

function SourceNotice({ source }: { source: KeyPolicySource }) {
  switch (source.status) {
    case 'none':
      return null;
    case 'loading':
      return (
        <Box>
          <Spinner /> Reading the key policy…
        </Box>
      );
    case 'unreadable':
      return (
        <Alert type="info" header="The key policy cannot be read">
          GetKeyPolicy answered {source.yourError.name}: {source.yourError.title.toLowerCase()}.
          Denials are explained from AWS’s message alone.
          {source.adminError
            ? ` The sandbox admin could not read it either (${source.adminError.name}).`
            : ''}
        </Alert>
      );
    case 'read':
      if (source.origin === 'you') {
        return <Box variant="p">Read with GetKeyPolicy as you.</Box>;
      }
      if (source.origin === 'pasted') {
        return (
          <Box variant="p">Using the key policy you pasted (you may not read it yourself).</Box>
        );
      }
      return (
        <Alert type="info" header="Read as the sandbox's admin user">
          You may not read this key policy (GetKeyPolicy answered{' '}
          {source.yourError?.name ?? 'an error'}
          ). Because this console runs against the sandbox, it read the policy as the scenario user
          admin to explain your denials. Against real AWS only key policies you may read, or paste,
          are used.
        </Alert>
      );
  }
}
