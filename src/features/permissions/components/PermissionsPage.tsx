import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import ContentLayout from '@cloudscape-design/components/content-layout';
import ExpandableSection from '@cloudscape-design/components/expandable-section';
import Header from '@cloudscape-design/components/header';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { contextParameter } from '../../../bytes/encryption-context';
import { useContextField } from '../../../bytes/use-context-field';
import { useKeyLookup } from '../../../kms/api/describe-key';
import { grantsQueryOptions } from '../../../kms/api/list-grants';
import { dryRunSupportOf } from '../../../kms/dry-run-support';
import { readExplainRequest } from '../../../kms/events/explain-link';
import { bareKeyId } from '../../../kms/key-reference';
import type { KmsGrant } from '../../../policy';
import { isAccessDenied } from '../../../kms/errors';
import { useKmsClient, useSession } from '../../../session/SessionProvider';
import { useDeepLink } from '../../../ui/deep-link';
import { DeepLinkWarning } from '../../../ui/DeepLinkWarning';
import { useBreadcrumbs } from '../../../ui/page-chrome';
import { sameRecord, useLastKnown, useSettled } from '../../../ui/use-settled';
import { identityPoliciesQueryOptions, type NamedIdentityPolicy } from '../api/identity-policies';
import { checkMatrixQueryOptions, type CheckResult, type MatrixScope } from '../api/run-checks';
import { useKeyPolicySource } from '../api/use-key-policy-source';
import { callerFromArn, principalArnOf, type Caller } from '../model/caller';
import { guestSessionAllows } from '../model/cognito-guest';
import { toKmsGrant } from '../model/grants';
import { explainDenial } from '../model/explain-denial';
import {
  CHOSEN_PROFILES,
  keyTypeSource,
  profileFromMetadata,
  type KeyProfile,
} from '../model/key-profile';
import { planChecks } from '../model/plan-checks';
import { contextWords } from '../model/words';
import { useScenarioSessions } from '../scenario/use-scenario-sessions';
import { CheckMatrix, matrixRows } from './CheckMatrix';
import { CompareScenarioUsers } from './CompareScenarioUsers';
import { DenialExplanation } from './DenialExplanation';
import { KeyPolicyPanel } from './KeyPolicyPanel';
import { RecordedDenialPanel } from './RecordedDenialPanel';
import { RequestPanel, type ChosenKind } from './RequestPanel';

const NO_CONTEXT: Readonly<Record<string, string>> = Object.freeze({});
const EXPLAIN_PARAMETERS = ['principal', 'action', 'eventId', 'eventTime'] as const;

function profileSignature(profile: KeyProfile): string {
  return [
    profile.kind,
    profile.encryptionAlgorithm,
    profile.signingAlgorithm,
    profile.macAlgorithm,
  ].join(':');
}

/**
 * "May I (or this user) do this, and if not, why not?": a dry run of every operation that
 * applies to the key, for the signed-in principal, and for each denial the policy that decided.
 * Nothing is ever performed: every request carries DryRun.
 */
export default function PermissionsPage() {
  useBreadcrumbs([{ text: 'Permissions', href: '/permissions' }]);
  const [params, setParams] = useSearchParams();
  const link = useDeepLink();
  // Explain on a denied event: the event's principal, action, key and context.
  const [recordedDenial] = useState(() => readExplainRequest(params));
  const kms = useKmsClient();
  const session = useSession();
  const sessions = useScenarioSessions();
  const [keyRef, setKeyRef] = useState(link.keyId);
  const contextField = useContextField(link.contextRows);
  const [chosenKind, setChosenKind] = useState<ChosenKind>('symmetric');
  const [pasted, setPasted] = useState('');

  const lookup = useKeyLookup(keyRef);
  const { settled: settledKey, reference: parsedKey, error: keyError, query: describe } = lookup;
  const keyValid = parsedKey !== undefined;
  const described = keyValid ? describe.data : undefined;
  // An endpoint that leaves KeyUsage out (moto) cannot say which operations apply: ask, as when
  // DescribeKey is denied, rather than check none.
  const usageUnknown = described !== undefined && described.KeyUsage === undefined;
  const metadata = usageUnknown ? undefined : described;
  // Ask for the key type while DescribeKey is denied, and keep asking (the same mounted "Key
  // type" select) while a new key or a retry is looked up, until the lookup answers otherwise.
  const keyTypeDenied =
    useLastKnown(
      keyTypeSource({
        keyValid,
        status: describe.status,
        accessDenied: describe.isError && isAccessDenied(describe.error),
      }),
      'none',
    ) === 'chosen';
  const askKeyType = keyTypeDenied || usageUnknown;
  const profile = useMemo(
    () => (metadata ? profileFromMetadata(metadata) : CHOSEN_PROFILES[chosenKind]),
    [metadata, chosenKind],
  );

  const contextValid = contextField.evaluation.valid;
  const context = useSettled(contextField.evaluation.context ?? NO_CONTEXT, sameRecord);

  // The URL follows the question, so a link reproduces it (key and context are not secret).
  useEffect(() => {
    const next = new URLSearchParams();
    if (settledKey !== '') next.set('keyId', settledKey);
    const contextText = contextParameter({ ...context });
    if (contextText !== undefined) next.set('context', contextText);
    // The explained event stays in the link, so a reload explains it again.
    for (const name of EXPLAIN_PARAMETERS) {
      const value = recordedDenial ? params.get(name) : null;
      if (value !== null) next.set(name, value);
    }
    if (next.toString() !== params.toString()) setParams(next, { replace: true });
  }, [settledKey, context, params, setParams, recordedDenial]);

  const identity = session.identity;
  const caller = useMemo(
    () => (identity.arn ? callerFromArn(identity.arn, identity.account) : undefined),
    [identity.arn, identity.account],
  );
  const request = session.manager.source.request;
  const cognitoGuest =
    (request.method === 'sandbox' && request.user === 'guest') ||
    (request.method === 'cognito' && request.login === undefined);

  const keyArnOfMetadata = described?.Arn;
  const plan = useMemo(
    () =>
      planChecks({
        keyRef: settledKey,
        profile,
        context,
        ...(caller ? { grantee: principalArnOf(caller) } : {}),
        ...(keyArnOfMetadata ? { keyArn: keyArnOfMetadata } : {}),
      }),
    [settledKey, profile, context, caller, keyArnOfMetadata],
  );
  const scope: MatrixScope = {
    principal: identity.arn ?? session.id,
    keyRef: settledKey,
    kind: profileSignature(profile),
    ...(described?.Arn ? { keyArn: described.Arn } : {}),
    context,
  };
  // Wait for DescribeKey, so the first matrix is for the key's real type.
  const describeSettled = !keyValid || !describe.isFetching;
  const matrix = useQuery({
    ...checkMatrixQueryOptions(kms, scope, plan),
    enabled: keyValid && contextValid && describeSettled,
    placeholderData: keepPreviousData,
  });
  const current = matrix.data !== undefined && !matrix.isPlaceholderData;
  const results = keyValid ? (matrix.data ?? []) : [];
  const denials = results.filter((result) => result.outcome.verdict === 'denied');

  const keyArn =
    described?.Arn ??
    (parsedKey?.kind === 'key-arn'
      ? parsedKey.value
      : denials.find((result) => result.outcome.accessDenied?.resource)?.outcome.accessDenied
          ?.resource);
  const policySource = useKeyPolicySource({
    keyArn,
    enabled: denials.length > 0,
    sessions,
    pasted,
  });

  // In the sandbox the caller's IAM policies are readable, so a denial names their condition.
  const sandboxEndpoint = sessions ? (session.manager.source.endpoint ?? undefined) : undefined;
  const principalArn = caller ? principalArnOf(caller) : undefined;
  const identityPolicies = useQuery({
    ...identityPoliciesQueryOptions(sandboxEndpoint ?? '', principalArn ?? ''),
    enabled: denials.length > 0 && sandboxEndpoint !== undefined && principalArn !== undefined,
  });
  // Grants may allow what policies do not; their constraints explain a denial too.
  const grantList = useQuery({
    ...grantsQueryOptions(kms, (keyArn && bareKeyId(keyArn)) ?? ''),
    enabled: denials.length > 0 && keyArn !== undefined,
    retry: false,
  });
  const grants = useMemo(() => grantList.data?.map(toKmsGrant), [grantList.data]);
  const tryContext = (next: Record<string, string>) =>
    contextField.setRows(Object.entries(next).map(([key, value]) => ({ key, value })));

  const rows = matrixRows(
    results,
    keyValid ? plan.skipped : [],
    cognitoGuest && caller
      ? (actions) => actions.every((action) => guestSessionAllows(caller, action))
      : undefined,
  );
  const checking = matrix.isFetching || (keyValid && describe.isFetching);
  const withheld = results.filter((result) => result.outcome.withheld !== undefined);
  const dryRun = dryRunSupportOf(kms).current;
  const status = !keyValid
    ? 'Choose a key to check.'
    : !contextValid
      ? 'Correct the encryption context to check.'
      : checking || !current
        ? 'Checking…'
        : `Checked ${operations(results.length - withheld.length)} on ${settledKey} ${contextWords(context)}.${withheldWords(withheld.length, dryRun.support)}`;

  return (
    <ContentLayout
      header={
        <Header
          variant="h1"
          description="May you (or another user) do this, and if not, why not? Every operation that applies to the key is sent with DryRun: KMS runs all its checks and performs nothing."
        >
          Permissions
        </Header>
      }
    >
      <SpaceBetween size="l">
        <DeepLinkWarning link={link} />
        {recordedDenial ? (
          <RecordedDenialPanel
            request={recordedDenial}
            sessions={sessions}
            sandboxEndpoint={sandboxEndpoint}
          />
        ) : null}
        <RequestPanel
          keyRef={keyRef}
          onKeyRef={setKeyRef}
          keyError={keyError}
          metadata={described}
          describeError={keyValid && describe.isError ? describe.error : undefined}
          askKeyType={askKeyType}
          keyTypeUnknownBecause={usageUnknown ? 'usage-missing' : 'denied'}
          describing={keyValid && describe.isFetching}
          chosenKind={chosenKind}
          onChosenKind={setChosenKind}
          context={contextField}
        />
        {current && dryRun.support === 'ignored' ? (
          <Alert type="warning" header="This endpoint ignores DryRun">
            {dryRun.basis} Operations that change nothing (Encrypt, Sign, GenerateDataKey…) were
            performed to check them; the others were not sent, because performed they would change
            the key or need a real ciphertext. Nothing was changed.
          </Alert>
        ) : null}
        <CheckMatrix
          rows={rows}
          loading={checking}
          showSessionPolicy={cognitoGuest}
          header={
            <Header
              variant="h2"
              description={
                <>
                  As <Box variant="code">{identity.arn ?? identity.name}</Box>
                  {identity.source === 'sts' ? ' (from STS GetCallerIdentity)' : ''}.{' '}
                  <span role="status">{status}</span>
                </>
              }
              actions={
                <Button
                  iconName="refresh"
                  ariaLabel="Check again"
                  disabled={!keyValid || checking}
                  onClick={() => void matrix.refetch()}
                />
              }
            >
              Your permissions
            </Header>
          }
        />
        {denials.length > 0 && current ? (
          <>
            <KeyPolicyPanel source={policySource} pasted={pasted} onPaste={setPasted} />
            <SpaceBetween size="s">
              <Header variant="h2">Why denied</Header>
              {denials.map((result) => (
                <Denial
                  key={result.check.request.operation}
                  result={result}
                  caller={caller}
                  keyArn={keyArn}
                  keyRef={settledKey}
                  profile={described}
                  context={context}
                  policySource={policySource}
                  cognitoGuest={cognitoGuest}
                  identityPolicies={identityPolicies.data}
                  grants={grants}
                  onTryContext={tryContext}
                />
              ))}
            </SpaceBetween>
          </>
        ) : null}
        {sessions ? (
          <CompareScenarioUsers
            sessions={sessions}
            keyRef={keyValid && contextValid ? settledKey : ''}
            keyArn={described?.Arn}
            profile={profile}
            context={context}
            operations={plan.checks.map((check) => check.request.operation)}
          />
        ) : null}
      </SpaceBetween>
    </ContentLayout>
  );
}

function operations(count: number): string {
  return `${count} operation${count === 1 ? '' : 's'}`;
}

function withheldWords(count: number, support: string): string {
  if (count === 0) return '';
  const reason =
    support === 'ignored'
      ? 'this endpoint does not honour DryRun'
      : 'whether this endpoint honours DryRun is not known';
  return ` ${operations(count)} not sent: ${reason} (see each row).`;
}

function Denial({
  result,
  caller,
  keyArn,
  keyRef,
  profile,
  context,
  policySource,
  cognitoGuest,
  identityPolicies,
  grants,
  onTryContext,
}: {
  result: CheckResult;
  caller: Caller | undefined;
  keyArn: string | undefined;
  keyRef: string;
  profile:
    { KeySpec?: string; KeyUsage?: string; KeyManager?: string; Origin?: string } | undefined;
  context: Readonly<Record<string, string>>;
  policySource: ReturnType<typeof useKeyPolicySource>;
  cognitoGuest: boolean;
  /** The caller's IAM policies when readable (the sandbox); undefined: unknown. */
  identityPolicies: NamedIdentityPolicy[] | undefined;
  /** The key's grants, when ListGrants answered. */
  grants: KmsGrant[] | undefined;
  onTryContext: (context: Record<string, string>) => void;
}) {
  const { outcome, check } = result;
  const denied = outcome.accessDenied;
  const operation = check.request.operation;
  const explanation = useMemo(() => {
    if (denied === undefined) return undefined;
    const who = caller ?? callerFromArn(denied.principalArn);
    if (who === undefined) return undefined;
    return explainDenial({
      denied,
      caller: who,
      ...(keyArn ? { keyArn } : {}),
      encryptionContext: context,
      conditionInput: {
        ...(keyRef.startsWith('alias/') ? { requestAlias: keyRef } : {}),
        ...(profile?.KeySpec ? { keySpec: profile.KeySpec } : {}),
        ...(profile?.KeyUsage ? { keyUsage: profile.KeyUsage } : {}),
        ...(profile?.Origin ? { keyOrigin: profile.Origin } : {}),
      },
      conditionKeys: check.conditionKeys,
      ...(policySource.status === 'read' ? { keyPolicy: policySource.policy } : {}),
      cognitoGuest,
      ...(identityPolicies ? { identityPolicies } : {}),
      ...(grants ? { grants } : {}),
    });
  }, [
    denied,
    caller,
    keyArn,
    keyRef,
    profile,
    context,
    check,
    policySource,
    cognitoGuest,
    identityPolicies,
    grants,
  ]);
  return (
    <ExpandableSection
      variant="container"
      headerText={`Why ${operation} is denied`}
      headerDescription={outcome.summary}
    >
      {explanation ? (
        <DenialExplanation
          operation={operation}
          message={outcome.message}
          explanation={explanation}
          policySource={policySource}
          onTryContext={onTryContext}
        />
      ) : (
        <Box variant="p">{outcome.message}</Box>
      )}
    </ExpandableSection>
  );
}
