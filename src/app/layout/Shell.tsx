import AppLayout from '@cloudscape-design/components/app-layout';
import BreadcrumbGroup from '@cloudscape-design/components/breadcrumb-group';
import Flashbar from '@cloudscape-design/components/flashbar';
import Spinner from '@cloudscape-design/components/spinner';
import { QueryClientProvider } from '@tanstack/react-query';
import { Suspense, useState } from 'react';
import { Outlet } from 'react-router-dom';
import { ACTIVITY_DRAWER } from '../../features/activity/ActivityDrawer';
import { useActivityRecorder } from '../../features/activity/use-activity';
import { SignInPage } from '../../session/components/SignInPage';
import { useSessionContext } from '../../session/SessionProvider';
import { useFollow } from '../../ui/navigation';
import { useNotifications } from '../../ui/notifications';
import { PageChromeProvider, usePageChrome } from '../../ui/page-chrome';
import { ConsoleHeader, SignedOutHeader } from './ConsoleHeader';
import { Navigation } from './Navigation';
import { useNavigationOrientationFix } from './nav-orientation';
import { SessionNotices } from './SessionNotices';
import { SkipLink, SkipLinkTarget } from './SkipLink';

const APP_LAYOUT_LABELS = {
  navigation: 'Navigation',
  navigationClose: 'Close navigation',
  navigationToggle: 'Open navigation',
  notifications: 'Notifications',
  tools: 'Help panel',
  toolsClose: 'Close help panel',
  toolsToggle: 'Open help panel',
};

export function PageLoading() {
  return (
    <div role="status" style={{ padding: 32 }}>
      <Spinner size="large" /> Loading…
    </div>
  );
}

function Breadcrumbs() {
  const { breadcrumbs } = usePageChrome();
  const follow = useFollow();
  if (breadcrumbs.length === 0) return null;
  return <BreadcrumbGroup items={breadcrumbs} ariaLabel="Breadcrumbs" onFollow={follow} />;
}

function SignedInLayout() {
  const { items } = useNotifications();
  const [navigationOpen, setNavigationOpen] = useState(true);
  // Recording starts while the layout renders, before any page below it sends a request.
  useActivityRecorder();
  useNavigationOrientationFix();
  const [activeDrawerId, setActiveDrawerId] = useState<string | null>(null);
  return (
    <PageChromeProvider>
      <SkipLink />
      <div id="console-header" style={{ position: 'sticky', top: 0, zIndex: 1002 }}>
        <ConsoleHeader />
      </div>
      <AppLayout
        headerSelector="#console-header"
        navigation={<Navigation />}
        navigationOpen={navigationOpen}
        onNavigationChange={({ detail }) => setNavigationOpen(detail.open)}
        notifications={<Flashbar items={items} stackItems={items.length > 2} />}
        breadcrumbs={<Breadcrumbs />}
        toolsHide
        drawers={[ACTIVITY_DRAWER]}
        activeDrawerId={activeDrawerId}
        onDrawerChange={({ detail }) => setActiveDrawerId(detail.activeDrawerId)}
        ariaLabels={APP_LAYOUT_LABELS}
        content={
          <SkipLinkTarget>
            <Suspense fallback={<PageLoading />}>
              <Outlet />
            </Suspense>
          </SkipLinkTarget>
        }
      />
      <SessionNotices />
    </PageChromeProvider>
  );
}

/** Every route: the sign-in page while signed out, the console layout once signed in. */
export function Shell() {
  const { phase } = useSessionContext();
  if (phase.phase === 'loading') return <PageLoading />;
  if (phase.phase === 'signed-out') {
    return (
      <>
        <SkipLink />
        <SignedOutHeader />
        <main>
          <SkipLinkTarget>
            <SignInPage />
          </SkipLinkTarget>
        </main>
      </>
    );
  }
  return (
    <QueryClientProvider client={phase.session.queryClient} key={phase.session.id}>
      <SignedInLayout />
    </QueryClientProvider>
  );
}
