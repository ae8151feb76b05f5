import { UserManager, WebStorageStateStore } from 'oidc-client-ts';
import type { PublicConfig } from '../api/types';

/**
 * Authorization code + PKCE against the backend's authorization server. Loaded on demand, so
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
    // The public client gets no refresh token; when the access token expires the user signs in again.
    automaticSilentRenew: false,
    loadUserInfo: false,
    monitorSession: false,
  });
}
