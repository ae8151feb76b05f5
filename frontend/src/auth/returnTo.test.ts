import { describe, expect, it } from 'vitest';
import { DEFAULT_RETURN_TO, safeReturnTo } from './returnTo';

describe('where to go after signing in', () => {
  it('goes back to the page the person was opening', () => {
    expect(safeReturnTo('/ho-so/moi')).toBe('/ho-so/moi');
    expect(safeReturnTo('/tra-cuu?x=1')).toBe('/tra-cuu?x=1');
  });

  it.each([
    ['nothing', undefined],
    ['another site', 'https://example.com/'],
    ['a protocol-relative address', '//example.com/'],
    ['a backslash trick', '/\\example.com'],
    ['the callback itself', '/auth/callback'],
    ['a non-string', { path: '/' }],
  ])('goes to my dossiers instead of %s', (_label, value) => {
    expect(safeReturnTo(value)).toBe(DEFAULT_RETURN_TO);
  });
});
