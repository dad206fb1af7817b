import ContentLayout from '@cloudscape-design/components/content-layout';
import Header from '@cloudscape-design/components/header';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Tabs from '@cloudscape-design/components/tabs';
import { useCallback, useRef, useState } from 'react';
import { useSession } from '../../../session/SessionProvider';
import { useDeepLink } from '../../../ui/deep-link';
import { DeepLinkWarning } from '../../../ui/DeepLinkWarning';
import { useBreadcrumbs } from '../../../ui/page-chrome';
import type { EnvelopeContext } from '../envelope/jobs';
import {
  createMaterialsCache,
  DEFAULT_CACHE_SETTINGS,
  type CacheSettings,
  type MaterialsCache,
} from '../envelope/materials';
import { useFileJobs } from '../hooks/use-file-jobs';
import { DataKeyCaching, validCacheSettings } from './DataKeyCaching';
import { DecryptFilesForm } from './DecryptFilesForm';
import { EncryptFilesForm } from './EncryptFilesForm';
import { FileJobsTable } from './FileJobsTable';

/**
 * Envelope encryption of files in the browser, in the AWS Encryption SDK message format: a data
 * key from KMS encrypts each file locally, and travels encrypted under every chosen KMS key.
 */
export default function FilesPage() {
  useBreadcrumbs([{ text: 'Files', href: '/files' }]);
  const link = useDeepLink();
  const session = useSession();
  const kms = session.clients.kms;
  const region = session.manager.source.region;
  const { jobs, counters, enqueue, cancel, download, remove, clearFinished } = useFileJobs();
  const [cacheSettings, setCacheSettings] = useState<CacheSettings>(DEFAULT_CACHE_SETTINGS);
  // The cache lives as long as the page and only while caching is on: turning it off drops every
  // cached data key (jobs already running keep the cache they started with).
  const cache = useRef<MaterialsCache | undefined>(undefined);

  const changeCacheSettings = useCallback((next: CacheSettings) => {
    if (!next.enabled) cache.current = undefined;
    setCacheSettings(next);
  }, []);

  const envelopeContext = useCallback((): EnvelopeContext => {
    const enabled = cacheSettings.enabled && validCacheSettings(cacheSettings);
    if (enabled) cache.current ??= createMaterialsCache();
    return {
      kms,
      cache: enabled ? cache.current : undefined,
      cacheSettings: { ...cacheSettings, enabled },
    };
  }, [kms, cacheSettings]);

  return (
    <ContentLayout
      header={
        <Header
          variant="h1"
          description="Envelope encryption in your browser: KMS provides a data key, the file is encrypted here, and the result is an AWS Encryption SDK message that the AWS Encryption CLI and every AWS Encryption SDK can decrypt."
        >
          Files
        </Header>
      }
    >
      <SpaceBetween size="l">
        <DeepLinkWarning link={link} />
        <Tabs
          variant="container"
          ariaLabel="Encrypt or decrypt files"
          tabs={[
            {
              id: 'encrypt',
              label: 'Encrypt files',
              content: (
                <EncryptFilesForm
                  region={region}
                  envelopeContext={envelopeContext}
                  onSubmit={enqueue}
                />
              ),
            },
            {
              id: 'decrypt',
              label: 'Decrypt files',
              content: (
                <DecryptFilesForm
                  region={region}
                  envelopeContext={envelopeContext}
                  onSubmit={enqueue}
                />
              ),
            },
          ]}
        />
        <FileJobsTable
          jobs={jobs}
          onCancel={cancel}
          onDownload={download}
          onRemove={remove}
          onClearFinished={clearFinished}
        />
        <DataKeyCaching
          settings={cacheSettings}
          onChange={changeCacheSettings}
          counters={counters}
        />
      </SpaceBetween>
    </ContentLayout>
  );
}
