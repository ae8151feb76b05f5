import { createContext, useContext } from 'react';
import type { Onboarding, OrganisationPrefill } from '../api/types';

export interface SignedInUser {
  displayName: string;
  username: string;
  roles: string[];
  organisationName: string | null;
  /** A step the person must take before the service's pages (registering an organisation, or waiting for an agency). */
  onboarding?: Onboarding | null;
  /** What the identity provider asserted about the person's organisation. */
  prefill?: OrganisationPrefill | null;
}

export type AuthState =
  | { status: 'loading' }
  | { status: 'anonymous'; expired: boolean }
  | { status: 'signedIn'; user: SignedInUser }
  | { status: 'unavailable' };

export interface Auth {
  state: AuthState;
  /** Leaves for the sign-in page; comes back to `returnTo` (default: my dossiers). */
  signIn(returnTo?: string): Promise<void>;
  /** Ends the session here and at the identity provider, forgetting what this tab kept. */
  signOut(): Promise<void>;
  /** Finishes the sign-in on /auth/callback and tells where to go next. */
  completeSignIn(): Promise<string>;
  /** Renews the token and reads /me again, after a change to who the person is (an organisation registered or joined). */
  reloadMe(): Promise<void>;
}

export const AuthContext = createContext<Auth | null>(null);

export function useAuth(): Auth {
  const auth = useContext(AuthContext);
  if (!auth) throw new Error('useAuth must be used inside <AuthProvider>');
  return auth;
}
