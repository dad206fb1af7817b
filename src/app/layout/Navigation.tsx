import SideNavigation, {
  type SideNavigationProps,
} from '@cloudscape-design/components/side-navigation';
import { useLocation } from 'react-router-dom';
import { useFollow } from '../../ui/navigation';

const ITEMS: SideNavigationProps.Item[] = [
  { type: 'link', text: 'Keys', href: '/keys' },
  { type: 'link', text: 'Aliases', href: '/aliases' },
  { type: 'divider' },
  {
    type: 'section-group',
    title: 'Use keys',
    items: [
      { type: 'link', text: 'Encrypt', href: '/encrypt' },
      { type: 'link', text: 'Decrypt', href: '/decrypt' },
      { type: 'link', text: 'Re-encrypt', href: '/re-encrypt' },
      { type: 'link', text: 'Data keys', href: '/data-keys' },
      { type: 'link', text: 'Sign and verify', href: '/sign' },
      { type: 'link', text: 'MAC', href: '/mac' },
      { type: 'link', text: 'Derive shared secret', href: '/derive-shared-secret' },
      { type: 'link', text: 'Files', href: '/files' },
    ],
  },
  { type: 'divider' },
  { type: 'link', text: 'Permissions', href: '/permissions' },
  { type: 'link', text: 'Event history', href: '/events' },
];

/** The first path segment decides the active link: /keys/<id> keeps "Keys" highlighted. */
export function activeHrefOf(pathname: string): string {
  const first = pathname.split('/')[1] ?? '';
  return `/${first}`;
}

export function Navigation() {
  const { pathname } = useLocation();
  const follow = useFollow();
  return (
    <SideNavigation
      header={{ text: 'KMS Console', href: '/keys' }}
      activeHref={activeHrefOf(pathname)}
      items={ITEMS}
      onFollow={follow}
    />
  );
}
