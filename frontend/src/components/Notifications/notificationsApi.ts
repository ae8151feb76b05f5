import { apiRequest } from './request';

export interface AppNotification {
  id: string;
  kind: string;
  dossierId: string | null;
  dossierCode: string | null;
  title: string;
  body: string;
  createdAt: string;
  read: boolean;
}

export const notificationsApi = {
  list: (limit = 20) => apiRequest<AppNotification[]>('GET', `/notifications?limit=${limit}`),
  unreadCount: () => apiRequest<{ unread: number }>('GET', '/notifications/unread-count'),
  markRead: (id: string) => apiRequest<null>('POST', `/notifications/${encodeURIComponent(id)}/read`),
  markAllRead: () => apiRequest<null>('POST', '/notifications/read-all'),
};
