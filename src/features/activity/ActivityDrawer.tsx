import type { AppLayoutProps } from '@cloudscape-design/components/app-layout';
import Spinner from '@cloudscape-design/components/spinner';
import { lazy, Suspense } from 'react';

const ActivityPanel = lazy(() => import('./components/ActivityPanel'));

/** The layout's "Activity" drawer; its table loads when first opened. */
export const ACTIVITY_DRAWER: AppLayoutProps.Drawer = {
  id: 'activity',
  ariaLabels: {
    drawerName: 'Activity',
    triggerButton: 'Activity',
    closeButton: 'Close activity',
    resizeHandle: 'Resize activity',
  },
  trigger: { iconName: 'history' },
  resizable: true,
  defaultSize: 560,
  content: (
    <Suspense fallback={<Spinner />}>
      <ActivityPanel />
    </Suspense>
  ),
};
