import { UserManager, WebStorageStateStore } from 'oidc-client-ts';
import type { PublicConfig } from '../api/types';
import { EXPIRING_NOTICE_SECONDS } from './sessionKeeper';

/**
 * Authorization code + PKCE against the backend's authorization server (or Keycloak). Loaded on demand, so
 * people who only read the home page or track a dossier never download the OIDC library.
 */
export function createUserManager(config: PublicConfig): UserManager {
  const origin = window.location.origin;
  return new UserManager({
    authority: config.issuer,
    client_id: config.clientId,
    scope: config.scopes,
    response_type: 'code',
    redirect_uri: `${origin}/auth/callback`,
    post_logout_redirect_uri: `${origin}/`,
    // Tokens live only as long as the tab: a shared computer at a commune office forgets them.
    userStore: new WebStorageStateStore({ store: window.sessionStorage }),
    stateStore: new WebStorageStateStore({ store: window.sessionStorage }),
    // The refresh token renews the short-lived access token, but only for someone working: the auth module
    // decides when (see sessionKeeper.ts), so the library's own timer stays off.
    automaticSilentRenew: false,
    accessTokenExpiringNotificationTimeInSeconds: EXPIRING_NOTICE_SECONDS,
    loadUserInfo: false,
    monitorSession: false,
  });
}
