import TopNavigation, {
  type TopNavigationProps,
} from '@cloudscape-design/components/top-navigation';
import { useEffect, useState } from 'react';
import { useLocation, useNavigate } from 'react-router-dom';
import { formatTimeLeft } from '../../session/refresh-schedule';
import {
  useClockOffset,
  useCredentialState,
  useSession,
  useSessionContext,
} from '../../session/SessionProvider';
import { AWS_REGIONS, regionName } from '../../session/regions';
import { METHOD_LABELS } from '../../session/sign-in-request';

/** The Regions to choose from, with the current one even when the list does not know it. */
function regionChoices(current: string) {
  return AWS_REGIONS.some((r) => r.code === current)
    ? AWS_REGIONS
    : [{ code: current, name: current }, ...AWS_REGIONS];
}

const TITLE = 'KMS Console';

/** Re-renders the caller every `ms` (the header's countdown). */
function useNow(ms: number): number {
  const { clock } = useSession();
  const [now, setNow] = useState(clock.now);
  useEffect(() => {
    const timer = setInterval(() => setNow(clock.now()), ms);
    return () => clearInterval(timer);
  }, [clock, ms]);
  return now;
}

/** "sandbox (this page's origin)", a host name, or "AWS". */
export function endpointLabel(endpoint: string | undefined, origin: string): string {
  if (!endpoint) return 'AWS';
  if (endpoint === origin) return `sandbox (${new URL(origin).host})`;
  try {
    return new URL(endpoint).host;
  } catch {
    return endpoint;
  }
}

export function SignedOutHeader() {
  return (
    <TopNavigation
      identity={{ href: '/', title: TITLE }}
      i18nStrings={{ overflowMenuTriggerText: 'More', overflowMenuTitleText: 'All' }}
    />
  );
}

/** Who you are, where you are connected, and how long the credentials last. */
export function ConsoleHeader() {
  const session = useSession();
  const { signOut, switchRegion } = useSessionContext();
  const navigate = useNavigate();
  const location = useLocation();
  const state = useCredentialState();
  const offset = useClockOffset();
  const now = useNow(1000);
  const { identity, manager } = session;
  const { region, endpoint, method } = manager.source;

  let credentialsText: string;
  if (state.status === 'expired') credentialsText = 'Credentials expired';
  else if (state.status === 'refreshing') credentialsText = 'Renewing credentials…';
  else if (state.expiration === undefined) credentialsText = 'Long-term credentials';
  else credentialsText = `Expires in ${formatTimeLeft(state.expiration - now)}`;

  const account = identity.account ? `Account ${identity.account}` : 'Account unknown';
  const whoSource =
    identity.source === 'sts'
      ? 'Identity from STS GetCallerIdentity'
      : 'Identity from the sign-in (STS did not answer)';

  const changeRegion = (code: string) => {
    if (code === region) return;
    void switchRegion(code).then(() => {
      // A key lives in one Region: its page would only say the key is not found.
      if (/^\/keys\/./.test(location.pathname)) navigate('/keys');
    });
  };

  const utilities: TopNavigationProps.Utility[] = [
    {
      type: 'menu-dropdown',
      text: region,
      description: `${regionName(region)} · Endpoint: ${endpointLabel(endpoint, window.location.origin)}`,
      ariaLabel: `Region ${region}, endpoint ${endpointLabel(endpoint, window.location.origin)}`,
      iconName: 'globe',
      title: 'Region and connection',
      items: [
        {
          id: 'regions',
          text: 'Region',
          items: regionChoices(region).map(({ code, name }) => ({
            id: `region:${code}`,
            text: name,
            secondaryText: code,
            itemType: 'checkbox' as const,
            checked: code === region,
          })),
        },
        {
          id: 'connection',
          text: 'Connection',
          items: [
            {
              id: 'endpoint',
              text: `Endpoint: ${endpoint ?? 'AWS regional endpoints'}`,
              disabled: true,
            },
            { id: 'method', text: `Signed in with: ${METHOD_LABELS[method]}`, disabled: true },
            ...(offset !== 0
              ? [
                  {
                    id: 'clock',
                    text: `Clock correction: ${Math.round(offset / 1000)} s`,
                    disabled: true,
                  },
                ]
              : []),
          ],
        },
      ],
      onItemClick: ({ detail }) => {
        if (detail.id.startsWith('region:')) changeRegion(detail.id.slice('region:'.length));
      },
    },
    {
      type: 'button',
      text: credentialsText,
      iconName:
        state.status === 'retrying' || state.status === 'expired'
          ? 'status-warning'
          : 'status-pending',
      ariaLabel: `Temporary credentials: ${credentialsText}`,
      onClick: () => void manager.refresh(),
    },
    {
      type: 'menu-dropdown',
      text: identity.name,
      description: account,
      iconName: 'user-profile',
      ariaLabel: `Signed in as ${identity.name}, ${account}`,
      title: identity.arn ?? identity.name,
      items: [
        { id: 'arn', text: identity.arn ? `ARN: ${identity.arn}` : 'ARN unknown', disabled: true },
        { id: 'account', text: account, disabled: true },
        ...(identity.roleArn
          ? [{ id: 'role', text: `Role: ${identity.roleArn}`, disabled: true }]
          : []),
        ...(identity.cognitoIdentityId
          ? [
              {
                id: 'identity',
                text: `Cognito identity: ${identity.cognitoIdentityId}`,
                disabled: true,
              },
            ]
          : []),
        { id: 'source', text: whoSource, disabled: true },
        { id: 'signout', text: 'Sign out' },
      ],
      onItemClick: ({ detail }) => {
        if (detail.id === 'signout') signOut();
      },
    },
  ];

  return (
    <TopNavigation
      identity={{ href: '/keys', title: TITLE }}
      utilities={utilities}
      i18nStrings={{ overflowMenuTriggerText: 'More', overflowMenuTitleText: 'All' }}
    />
  );
}
