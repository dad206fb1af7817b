import ButtonDropdown from '@cloudscape-design/components/button-dropdown';
import { useFollow } from '../../../ui/navigation';

const PAGES = [
  { id: 'encrypt', text: 'Encrypt' },
  { id: 'decrypt', text: 'Decrypt' },
  { id: 're-encrypt', text: 'Re-encrypt' },
  { id: 'data-keys', text: 'Data keys' },
  { id: 'permissions', text: 'Permissions' },
];

/** Links to the forms that use a key, prefilled with it (`?keyId=`). */
export function UseKeyMenu({ keyRef }: { keyRef: string }) {
  const follow = useFollow();
  const query = `?keyId=${encodeURIComponent(keyRef)}`;
  return (
    <ButtonDropdown
      items={PAGES.map((page) => ({ ...page, href: `/${page.id}${query}` }))}
      onItemFollow={follow}
    >
      Use this key
    </ButtonDropdown>
  );
}
