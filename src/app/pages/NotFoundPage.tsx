import Box from '@cloudscape-design/components/box';
import ContentLayout from '@cloudscape-design/components/content-layout';
import Header from '@cloudscape-design/components/header';
import Link from '@cloudscape-design/components/link';
import { useFollow } from '../../ui/navigation';
import { useBreadcrumbs } from '../../ui/page-chrome';

export default function NotFoundPage() {
  const follow = useFollow();
  useBreadcrumbs([{ text: 'Page not found', href: '#' }]);
  return (
    <ContentLayout header={<Header variant="h1">Page not found</Header>}>
      <Box variant="p">
        There is no console page at this address.{' '}
        <Link href="/keys" onFollow={follow}>
          Go to Keys
        </Link>
        .
      </Box>
    </ContentLayout>
  );
}
