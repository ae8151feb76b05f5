import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import { AppRoutes } from './App';
import { AuthContext } from './auth/AuthContext';
import { fakeAuth, nobody } from './test/render';

function renderApp(at: string) {
  return render(
    <AuthContext.Provider value={fakeAuth(nobody())}>
      <MemoryRouter initialEntries={[at]}>
        <AppRoutes />
      </MemoryRouter>
    </AuthContext.Provider>,
  );
}

describe('the application shell', () => {
  it('has a skip link, a banner, a main region and a footer', async () => {
    const user = userEvent.setup();
    renderApp('/');
    expect(screen.getByRole('banner')).toBeTruthy();
    expect(screen.getByRole('contentinfo')).toBeTruthy();
    const main = screen.getByRole('main');
    await user.tab();
    const skip = screen.getByRole('link', { name: 'Chuyển đến nội dung chính' });
    expect(document.activeElement).toBe(skip);
    await user.click(skip);
    expect(document.activeElement).toBe(main);
  });

  it('answers an unknown address with a page that says so', async () => {
    renderApp('/khong-co-trang-nay');
    expect(await screen.findByRole('heading', { level: 1, name: 'Không tìm thấy trang' })).toBeTruthy();
  });
});
