import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { regionName } from '../../../session/regions';
import {
  useCallerIdentity,
  useSession,
  useSessionContext,
  useTalksToSandbox,
} from '../../../session/SessionProvider';
import { SANDBOX_SCENARIO_REGION } from '../../../session/sign-in-request';

/**
 * Said when the Region has no keys at all: KMS keys are regional, so keys made elsewhere are not
 * missing, they are in their own Region. Only the sandbox's own scenario is known to be elsewhere.
 */
export function EmptyRegionNotice({ onCreate }: { onCreate: () => void }) {
  const region = useSession().manager.source.region;
  const account = useCallerIdentity().account;
  const { switchRegion } = useSessionContext();
  const sandbox = useTalksToSandbox() && region !== SANDBOX_SCENARIO_REGION;
  return (
    <Alert
      type="info"
      header={`No KMS keys in ${regionName(region)} (${region})`}
      action={
        <SpaceBetween direction="horizontal" size="xs">
          {sandbox ? (
            <Button onClick={() => void switchRegion(SANDBOX_SCENARIO_REGION)}>
              Switch to {regionName(SANDBOX_SCENARIO_REGION)}
            </Button>
          ) : null}
          <Button onClick={onCreate}>Create key</Button>
        </SpaceBetween>
      }
    >
      <Box variant="p">
        KMS keys belong to one Region: this list shows the keys of{' '}
        {account ? `account ${account}` : 'this account'} in {region} only. Keys made in another
        Region are listed when you choose that Region in the header; a multi-Region key can be
        replicated here from its primary key.
        {sandbox
          ? ` The sandbox's demo scenario keys are in ${SANDBOX_SCENARIO_REGION}; every other Region starts empty.`
          : ''}
      </Box>
    </Alert>
  );
}
