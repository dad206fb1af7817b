import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Container from '@cloudscape-design/components/container';
import Header from '@cloudscape-design/components/header';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Spinner from '@cloudscape-design/components/spinner';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { describeKeyQueryOptions } from '../../../kms/api/describe-key';
import { grantsQueryOptions } from '../../../kms/api/list-grants';
import { recordedRequestFacts } from '../../../kms/events/denied-request';
import type { ExplainRequest } from '../../../kms/events/explain-link';
import { describeError } from '../../../kms/errors';
import { bareKeyId } from '../../../kms/key-reference';
import { parseAccessDenied } from '../../../policy';
import { useKmsClient } from '../../../session/SessionProvider';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { formatDateTime } from '../../../ui/format';
import { identityPoliciesQueryOptions } from '../api/identity-policies';
import { useKeyPolicySource } from '../api/use-key-policy-source';
import { useRecordedDenial } from '../api/use-recorded-denial';
import { callerFromArn, describePrincipal, principalArnOf } from '../model/caller';
import { explainDenial } from '../model/explain-denial';
import { toKmsGrant } from '../model/grants';
import type { ScenarioSessions } from '../scenario/scenario-sessions';
import { DenialExplanation } from './DenialExplanation';

const isKeyArn = (value: string | undefined) => value !== undefined && /:key\//.test(value);

/**
 * A denial from the event history, explained: the recorded AccessDenied message says which
 * policy type decided; the key policy, the principal's IAM policies (where the sandbox lets them
 * be read) and the key's grants are evaluated with src/policy for the recorded principal, action,
 * key and encryption context. Those policies are read now, not as they were then, and the panel
 * says so. It offers no retry: a retry would run as the signed-in user, not the recorded one.
 */
export function RecordedDenialPanel({
  request,
  sessions,
  sandboxEndpoint,
}: {
  request: ExplainRequest;
  sessions: ScenarioSessions | undefined;
  /** The sandbox's URL, whose identity-policy route reads any principal's IAM policies. */
  sandboxEndpoint: string | undefined;
}) {
  const kms = useKmsClient();
  const recorded = useRecordedDenial(request);
  const event = recorded.data ?? undefined;
  const denied = useMemo(
    () => (event?.errorMessage ? parseAccessDenied(event.errorMessage) : null),
    [event],
  );
  const keyArn = isKeyArn(request.keyId)
    ? request.keyId
    : (denied?.resource ?? event?.keyArns[0] ?? undefined);
  const caller = useMemo(() => callerFromArn(request.principalArn), [request.principalArn]);
  const ready = denied !== null && caller !== undefined;

  const policySource = useKeyPolicySource({
    keyArn: isKeyArn(keyArn) ? keyArn : undefined,
    enabled: ready,
    sessions,
    pasted: '',
  });
  const described = useQuery({
    ...describeKeyQueryOptions(kms, keyArn ?? ''),
    enabled: ready && isKeyArn(keyArn),
    retry: false,
  });
  const identityPolicies = useQuery({
    ...identityPoliciesQueryOptions(sandboxEndpoint ?? '', caller ? principalArnOf(caller) : ''),
    enabled: ready && sandboxEndpoint !== undefined,
  });
  const grantList = useQuery({
    ...grantsQueryOptions(kms, (keyArn && bareKeyId(keyArn)) ?? ''),
    enabled: ready && isKeyArn(keyArn),
    retry: false,
  });

  // Explained once every policy it reads has answered (or failed): an explanation drawn before
  // the IAM policies arrive would name a different reason for a moment.
  const reading =
    policySource.status === 'loading' ||
    identityPolicies.fetchStatus === 'fetching' ||
    grantList.fetchStatus === 'fetching' ||
    described.fetchStatus === 'fetching';
  const explanation = useMemo(() => {
    if (!event || !denied || !caller) return undefined;
    const facts = recordedRequestFacts(event.recordJson);
    const metadata = described.data;
    return explainDenial({
      denied,
      caller,
      ...(keyArn ? { keyArn } : {}),
      encryptionContext: event.encryptionContext ?? request.encryptionContext ?? {},
      conditionInput: {
        ...(facts.requestAlias ? { requestAlias: facts.requestAlias } : {}),
        ...(metadata?.KeySpec ? { keySpec: metadata.KeySpec } : {}),
        ...(metadata?.KeyUsage ? { keyUsage: metadata.KeyUsage } : {}),
        ...(metadata?.Origin ? { keyOrigin: metadata.Origin } : {}),
      },
      conditionKeys: facts.conditionKeys,
      ...(policySource.status === 'read' ? { keyPolicy: policySource.policy } : {}),
      cognitoGuest: facts.cognitoGuest,
      ...(identityPolicies.data ? { identityPolicies: identityPolicies.data } : {}),
      ...(grantList.data ? { grants: grantList.data.map(toKmsGrant) } : {}),
    });
  }, [
    event,
    denied,
    caller,
    keyArn,
    request.encryptionContext,
    described.data,
    policySource,
    identityPolicies.data,
    grantList.data,
  ]);

  const who = caller ? describePrincipal(caller) : request.principalArn;
  const when = request.eventTime ?? event?.time;
  const operation = request.action.replace(/^kms:/, '');
  return (
    <section aria-label="Recorded denial">
      <Container
        header={
          <Header
            variant="h2"
            description={
              <>
                {request.principalArn}
                {when ? `, ${formatDateTime(when)}` : ''}
              </>
            }
          >
            Why {request.action} was denied to {who}
          </Header>
        }
      >
        <SpaceBetween size="s">
          {recorded.isPending && request.eventId ? (
            <Box>
              <Spinner /> Reading the event from the event history…
            </Box>
          ) : null}
          {!request.eventId ? (
            <Alert type="warning">
              This link names no event, so AWS&apos;s answer to it (which policy denied) is unknown
              and it cannot be explained. Open the event from Event history and choose Explain.
            </Alert>
          ) : null}
          {recorded.isError ? (
            <ErrorAlert
              error={describeError(recorded.error)}
              header="The event could not be read, so the denial cannot be explained"
            />
          ) : null}
          {recorded.data === null ? (
            <Alert type="warning">
              The event history no longer has this event (it keeps 90 days), so AWS&apos;s answer to
              it is unknown and it cannot be explained.
            </Alert>
          ) : null}
          {event && !denied ? (
            <Alert type="warning">
              The event&apos;s error message does not name the policy type that decided (
              {event.errorMessage ?? 'no message was recorded'}), so the denial cannot be explained.
            </Alert>
          ) : null}
          {ready && reading ? (
            <Box>
              <Spinner /> Reading the key policy, grants and IAM policies…
            </Box>
          ) : null}
          {explanation && denied && !reading ? (
            <>
              <Alert type="info">
                Explained with the key policy, grants and IAM policies as they are now; they may
                have changed since the call. In the explanation, &ldquo;you&rdquo; is {who}, the
                caller of that request.
              </Alert>
              <DenialExplanation
                operation={operation}
                message={event?.errorMessage ?? ''}
                explanation={explanation}
                policySource={policySource}
              />
            </>
          ) : null}
        </SpaceBetween>
      </Container>
    </section>
  );
}
