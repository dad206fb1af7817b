import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Container from '@cloudscape-design/components/container';
import CopyToClipboard from '@cloudscape-design/components/copy-to-clipboard';
import Form from '@cloudscape-design/components/form';
import Header from '@cloudscape-design/components/header';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Spinner from '@cloudscape-design/components/spinner';
import { lazy, Suspense, useState } from 'react';
import { useKeyPolicy } from '../../../kms/api/get-key-policy';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { useNotify } from '../../../ui/notifications';
import { usePutKeyPolicy } from '../api/put-key-policy';
import { formatPolicy, validateKeyPolicy } from '../lib/policy-validation';

const PolicyEditor = lazy(() => import('./PolicyEditor'));

/** The key policy: readable JSON with copy; "Edit" opens a JSON editor that validates before saving. */
export function KeyPolicyTab({ keyId, editable }: { keyId: string; editable: boolean }) {
  const policy = useKeyPolicy(keyId);
  const [draft, setDraft] = useState<string>();
  const put = usePutKeyPolicy();
  const notify = useNotify();
  const readable = policy.data === undefined ? '' : formatPolicy(policy.data);

  if (draft !== undefined) {
    const problem = validateKeyPolicy(draft);
    const save = () =>
      put.mutate(
        { keyId, policy: draft },
        {
          onSuccess: () => {
            notify({ type: 'success', header: 'Key policy saved' });
            setDraft(undefined);
          },
        },
      );
    return (
      <Container header={<Header variant="h2">Edit key policy</Header>}>
        <Form
          errorText={problem?.message}
          actions={
            <SpaceBetween direction="horizontal" size="xs">
              <Button variant="link" onClick={() => setDraft(undefined)}>
                Cancel
              </Button>
              <Button
                variant="primary"
                disabled={problem !== undefined}
                loading={put.isPending}
                onClick={save}
              >
                Save changes
              </Button>
            </SpaceBetween>
          }
        >
          <SpaceBetween size="m">
            <Suspense fallback={<Spinner />}>
              <PolicyEditor value={draft} onChange={setDraft} />
            </Suspense>
            {put.isError ? (
              <ErrorAlert error={put.error} header="The key policy was not saved" />
            ) : null}
          </SpaceBetween>
        </Form>
      </Container>
    );
  }

  return (
    <Container
      header={
        <Header
          variant="h2"
          description="Who may use and manage this key. The key policy is the primary way to control access to a KMS key."
          actions={
            <SpaceBetween direction="horizontal" size="xs">
              <CopyToClipboard
                variant="button"
                textToCopy={readable}
                copyButtonText="Copy"
                copySuccessText="Key policy copied"
                copyErrorText="The key policy could not be copied"
                disabled={!policy.data}
              />
              <Button
                disabled={!editable || !policy.data}
                disabledReason={editable ? undefined : 'AWS manages the policy of AWS managed keys'}
                onClick={() => setDraft(readable)}
              >
                Edit
              </Button>
            </SpaceBetween>
          }
        >
          Key policy
        </Header>
      }
    >
      {policy.isPending ? <Spinner /> : null}
      {policy.isError ? (
        <ErrorAlert error={policy.error} header="The key policy could not be read" />
      ) : null}
      {policy.data !== undefined ? (
        <Box variant="code">
          <pre
            aria-label="Key policy document"
            tabIndex={0}
            style={{
              margin: 0,
              whiteSpace: 'pre-wrap',
              wordBreak: 'break-word',
              maxHeight: 560,
              overflow: 'auto',
            }}
          >
            {readable}
          </pre>
        </Box>
      ) : null}
    </Container>
  );
}
