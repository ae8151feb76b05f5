import type { FormAnswers } from './dossierForm';

/**
 * Answers that could not reach the server (the connection dropped), kept in this tab's session
 * storage so that a reload does not lose them. Session storage, not local storage: the answers
 * leave with the tab, which matters on a computer shared at the commune office.
 */
const PREFIX = 'khuyencong:unsaved:';

export function unsavedKey(dossierId: string | null | undefined): string {
  return PREFIX + (dossierId ?? 'new');
}

export function keepUnsaved(key: string, form: FormAnswers): void {
  try {
    window.sessionStorage.setItem(key, JSON.stringify(form));
  } catch {
    // Storage full or disabled: the answers stay on screen, which is all we can do.
  }
}

export function readUnsaved(key: string): FormAnswers | null {
  try {
    const text = window.sessionStorage.getItem(key);
    if (!text) return null;
    const value = JSON.parse(text) as FormAnswers;
    return typeof value === 'object' && value !== null && typeof value.title === 'string' ? value : null;
  } catch {
    return null;
  }
}

export function forgetUnsaved(key: string): void {
  try {
    window.sessionStorage.removeItem(key);
  } catch {
    // Nothing to forget.
  }
}
