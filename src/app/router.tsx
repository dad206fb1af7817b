import { lazy } from 'react';
import { createBrowserRouter, Navigate } from 'react-router-dom';
import { Shell } from './layout/Shell';

/** Every page beyond the shell is its own chunk, loaded when first visited. */
const KeysPage = lazy(() => import('../features/keys/components/KeysPage'));
const KeyDetailPage = lazy(() => import('../features/keys/components/KeyDetailPage'));
const CreateKeyPage = lazy(() => import('../features/keys/components/CreateKeyPage'));
const AliasesPage = lazy(() => import('../features/aliases/components/AliasesPage'));
const FilesPage = lazy(() => import('../features/files/components/FilesPage'));
const NotFoundPage = lazy(() => import('./pages/NotFoundPage'));
const EncryptPage = lazy(() => import('../features/crypto/components/encrypt/EncryptPage'));
const DecryptPage = lazy(() => import('../features/crypto/components/decrypt/DecryptPage'));
const ReEncryptPage = lazy(() => import('../features/crypto/components/re-encrypt/ReEncryptPage'));
const DataKeysPage = lazy(() => import('../features/crypto/components/data-keys/DataKeysPage'));
const SignVerifyPage = lazy(() => import('../features/crypto/components/sign/SignVerifyPage'));
const MacPage = lazy(() => import('../features/crypto/components/mac/MacPage'));
const DeriveSharedSecretPage = lazy(
  () => import('../features/crypto/components/derive/DeriveSharedSecretPage'),
);
const PermissionsPage = lazy(() => import('../features/permissions/components/PermissionsPage'));
const EventHistoryPage = lazy(() => import('../features/events/components/EventHistoryPage'));

export function createConsoleRouter() {
  return createBrowserRouter([
    {
      element: <Shell />,
      children: [
        { index: true, element: <Navigate to="/keys" replace /> },
        { path: 'keys', element: <KeysPage /> },
        { path: 'keys/create', element: <CreateKeyPage /> },
        { path: 'keys/:keyId', element: <KeyDetailPage /> },
        { path: 'aliases', element: <AliasesPage /> },
        { path: 'encrypt', element: <EncryptPage /> },
        { path: 'decrypt', element: <DecryptPage /> },
        { path: 're-encrypt', element: <ReEncryptPage /> },
        { path: 'data-keys', element: <DataKeysPage /> },
        { path: 'sign', element: <SignVerifyPage /> },
        { path: 'mac', element: <MacPage /> },
        { path: 'derive-shared-secret', element: <DeriveSharedSecretPage /> },
        { path: 'permissions', element: <PermissionsPage /> },
        { path: 'events', element: <EventHistoryPage /> },
        { path: 'files', element: <FilesPage /> },
        { path: '*', element: <NotFoundPage /> },
      ],
    },
  ]);
}
