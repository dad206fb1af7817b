import { useState } from 'react';
import { RouterProvider } from 'react-router-dom';
import type { RuntimeConfig } from '../session/config';
import { SessionProvider } from '../session/SessionProvider';
import { NotificationsProvider } from '../ui/notifications';
import { createConsoleRouter } from './router';

/** Providers (notifications, session: credentials, SDK clients and its query cache) and routes. */
export function App({ config }: { config: RuntimeConfig }) {
  const [router] = useState(createConsoleRouter);
  return (
    <NotificationsProvider>
      <SessionProvider config={config}>
        <RouterProvider router={router} />
      </SessionProvider>
    </NotificationsProvider>
  );
}
