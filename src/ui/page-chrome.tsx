import type { BreadcrumbGroupProps } from '@cloudscape-design/components/breadcrumb-group';
import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';

type Crumb = BreadcrumbGroupProps.Item;

interface PageChromeValue {
  breadcrumbs: Crumb[];
  setBreadcrumbs(items: Crumb[]): void;
}

const PageChromeContext = createContext<PageChromeValue | null>(null);

/** Lets each page fill the layout's breadcrumb slot (AppLayout's `breadcrumbs`). */
export function PageChromeProvider({ children }: { children: ReactNode }) {
  const [breadcrumbs, setBreadcrumbs] = useState<Crumb[]>([]);
  const value = useMemo(() => ({ breadcrumbs, setBreadcrumbs }), [breadcrumbs]);
  return <PageChromeContext.Provider value={value}>{children}</PageChromeContext.Provider>;
}

export function usePageChrome(): PageChromeValue {
  const value = useContext(PageChromeContext);
  if (!value) throw new Error('usePageChrome must be used inside <PageChromeProvider>');
  return value;
}

/** Sets the breadcrumbs (and the document title, from the last crumb) while the page is shown. */
export function useBreadcrumbs(items: Crumb[]): void {
  const { setBreadcrumbs } = usePageChrome();
  const serialized = JSON.stringify(items);
  useEffect(() => {
    const parsed = JSON.parse(serialized) as Crumb[];
    setBreadcrumbs([{ text: 'KMS', href: '/keys' }, ...parsed]);
    const last = parsed[parsed.length - 1];
    document.title = last ? `${last.text} | KMS Console` : 'KMS Console';
  }, [serialized, setBreadcrumbs]);
}
