/** What counts as someone working in the page: pointing, typing, filling in, scrolling, coming back to the tab. */
export const ACTIVITY_EVENTS = ['pointerdown', 'keydown', 'input', 'scroll'] as const;

/** Calls `onActivity` on each sign of activity; returns the function that stops listening. */
export function watchActivity(onActivity: () => void): () => void {
  const options = { capture: true, passive: true } as const;
  const visible = () => {
    if (document.visibilityState === 'visible') onActivity();
  };
  for (const type of ACTIVITY_EVENTS) window.addEventListener(type, onActivity, options);
  document.addEventListener('visibilitychange', visible);
  return () => {
    for (const type of ACTIVITY_EVENTS) window.removeEventListener(type, onActivity, options);
    document.removeEventListener('visibilitychange', visible);
  };
}
