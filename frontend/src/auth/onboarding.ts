import type { Onboarding } from '../api/types';
import type { SignedInUser } from './AuthContext';
import { safeReturnTo } from './returnTo';

/** Where an enterprise person with no organisation yet registers one. */
export const ORGANISATION_REGISTRATION_PATH = '/dang-ky-to-chuc';
/** What an officer whose agency is unknown sees instead of the officer pages. */
export const NO_AGENCY_PATH = '/chua-gan-co-quan';
/** An invitation link: /loi-moi?token=… */
export const INVITATION_PATH = '/loi-moi';
/** The query parameter that keeps where the person was going before the registration step. */
export const CONTINUE_PARAM = 'tiep';

/** The step a person must take before `returnTo`, as a path, or null when they may go on. */
export function onboardingRedirect(user: SignedInUser, returnTo: string, step?: Onboarding): string | null {
  const onboarding = user.onboarding ?? null;
  if (onboarding === null || onboarding === step) return null;
  if (onboarding === 'AGENCY_UNKNOWN') return NO_AGENCY_PATH;
  return `${ORGANISATION_REGISTRATION_PATH}?${CONTINUE_PARAM}=${encodeURIComponent(safeReturnTo(returnTo))}`;
}

/** Where to go once the registration is done: where the person was going, if it is a page of this site. */
export function continueTo(search: string): string {
  return safeReturnTo(new URLSearchParams(search).get(CONTINUE_PARAM) ?? undefined);
}
