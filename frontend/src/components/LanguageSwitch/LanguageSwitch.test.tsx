import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { LanguageSwitch } from './LanguageSwitch';

describe('the language switch', () => {
  it('starts in Vietnamese and switches the page language to English and back', async () => {
    const user = userEvent.setup();
    render(<LanguageSwitch />);
    expect(document.documentElement.lang).toBe('vi');
    expect(screen.getByRole('group', { name: 'Ngôn ngữ' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Tiếng Việt' }).getAttribute('aria-pressed')).toBe('true');

    await user.click(screen.getByRole('button', { name: 'English' }));
    expect(document.documentElement.lang).toBe('en');
    expect(screen.getByRole('group', { name: 'Language' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'English' }).getAttribute('aria-pressed')).toBe('true');
    expect(window.localStorage.getItem('khuyencong.language')).toBe('en');

    await user.click(screen.getByRole('button', { name: 'Tiếng Việt' }));
    expect(document.documentElement.lang).toBe('vi');
  });
});
