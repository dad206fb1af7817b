import type { FlashbarProps } from '@cloudscape-design/components/flashbar';
import {
  createContext,
  useCallback,
  useContext,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from 'react';

export interface Notification {
  type: 'success' | 'error' | 'warning' | 'info';
  header: string;
  content?: ReactNode;
  /** Stable id: a new notification with the same id replaces the old one. */
  id?: string;
}

interface NotificationsValue {
  items: FlashbarProps.MessageDefinition[];
  notify(notification: Notification): void;
  dismiss(id: string): void;
}

const NotificationsContext = createContext<NotificationsValue | null>(null);

/** The flash messages at the top of every page (the AWS console's Flashbar). */
export function NotificationsProvider({ children }: { children: ReactNode }) {
  const [items, setItems] = useState<FlashbarProps.MessageDefinition[]>([]);
  const lastId = useRef(0);

  const dismiss = useCallback((id: string) => {
    setItems((current) => current.filter((item) => item.id !== id));
  }, []);

  const notify = useCallback(
    (notification: Notification) => {
      const id = notification.id ?? `notification-${++lastId.current}`;
      const item: FlashbarProps.MessageDefinition = {
        id,
        type: notification.type,
        header: notification.header,
        content: notification.content,
        dismissible: true,
        dismissLabel: 'Dismiss message',
        onDismiss: () => dismiss(id),
      };
      setItems((current) =>
        [item, ...current.filter((existing) => existing.id !== id)].slice(0, 5),
      );
    },
    [dismiss],
  );

  const value = useMemo(() => ({ items, notify, dismiss }), [items, notify, dismiss]);
  return <NotificationsContext.Provider value={value}>{children}</NotificationsContext.Provider>;
}

export function useNotifications(): NotificationsValue {
  const value = useContext(NotificationsContext);
  if (!value) throw new Error('useNotifications must be used inside <NotificationsProvider>');
  return value;
}

export function useNotify(): NotificationsValue['notify'] {
  return useNotifications().notify;
}
