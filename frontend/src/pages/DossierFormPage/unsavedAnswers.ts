import { useCallback, useEffect, useRef } from 'react';
import { keepingDrafts } from '../../auth/sessionStore';
import type { FormAnswers } from './dossierForm';

/**
 * What the person typed and has not saved yet, kept in this tab's session storage while they type, so that
 * nothing is lost when the connection drops, the page reloads or the session ends (the redirect through the
 * identity provider keeps session storage). Session storage, not local storage: the answers leave with the tab,
 * which matters on a computer shared at the commune office; signing out forgets them too.
 */
const PREFIX = 'khuyencong:draft:';
/** How long typing may pause before what was typed is written. */
export const KEEP_DELAY_MS = 400;

/** One kept copy per person and dossier ("new" for a dossier not created yet). */
export function unsavedKey(username: string, dossierId: string | null | undefined): string {
  return `${PREFIX}${encodeURIComponent(username)}:${dossierId ?? 'new'}`;
}

export function keepUnsaved(key: string, form: FormAnswers): void {
  if (!keepingDrafts()) return;
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

export function sameAnswers(a: FormAnswers, b: FormAnswers): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Keeps `form` under `key` a moment after each change, and at once when the form goes away (the session ended
 * and the page gave way to the sign-in notice). Nothing is kept while the form still holds what the server has.
 * `saved()` says the server now has this form: the kept copy is forgotten.
 */
export function useKeptAnswers(key: string | null, form: FormAnswers, initial: FormAnswers) {
  const baseline = useRef(initial);
  const latest = useRef(form);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  latest.current = form;

  const flush = useCallback(() => {
    if (timer.current === undefined) return;
    clearTimeout(timer.current);
    timer.current = undefined;
    if (key) keepUnsaved(key, latest.current);
  }, [key]);

  useEffect(() => {
    if (!key || sameAnswers(form, baseline.current)) return;
    clearTimeout(timer.current);
    timer.current = setTimeout(flush, KEEP_DELAY_MS);
  }, [key, form, flush]);

  useEffect(() => flush, [flush]);

  const saved = useCallback(
    (answers: FormAnswers) => {
      clearTimeout(timer.current);
      timer.current = undefined;
      baseline.current = answers;
      if (key) forgetUnsaved(key);
    },
    [key],
  );
  return { saved };
}
