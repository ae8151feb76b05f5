import { createContext, useContext } from 'react';

export interface SignedInUser {
  displayName: string;
  username: string;
  roles: string[];
  organisationName: string | null;
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
  signOut(): Promise<void>;
  /** Finishes the sign-in on /auth/callback and tells where to go next. */
  completeSignIn(): Promise<string>;
}

export const AuthContext = createContext<Auth | null>(null);

export function useAuth(): Auth {
  const auth = useContext(AuthContext);
  if (!auth) throw new Error('useAuth must be used inside <AuthProvider>');
  return auth;
}
