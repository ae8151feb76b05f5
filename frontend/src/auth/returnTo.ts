export const DEFAULT_RETURN_TO = '/ho-so';

/** Only paths of this site: a crafted state must never send people to another origin. */
export function safeReturnTo(value: unknown): string {
  if (typeof value !== 'string') return DEFAULT_RETURN_TO;
  if (!value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return DEFAULT_RETURN_TO;
  if (value.startsWith('/auth/')) return DEFAULT_RETURN_TO;
  return value;
}
