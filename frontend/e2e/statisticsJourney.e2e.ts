import { expect, test, type Page } from '@playwright/test';
import { expectNoAccessibilityViolations } from './support/accessibility';

const PASSWORD = process.env.E2E_PASSWORD ?? 'KhuyenCong@2026';

/** Signs in through the login page on the way to `path`, as a person following a link would. */
async function signedIn(page: Page, username: string, path: string) {
  await page.goto(path);
  await page.waitForURL(/\/login(\?|$)/);
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill(PASSWORD);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.waitForURL((url) => url.pathname === path);
}

test('anyone reads the statistics, and an officer filters the dashboard', async ({ browser }) => {
  const visitor = await (await browser.newContext()).newPage();
  await test.step('a visitor opens the statistics from the header', async () => {
    await visitor.goto('/');
    await visitor.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Thống kê' }).click();
    await expect(visitor.getByRole('heading', { level: 1, name: 'Thống kê khuyến công' })).toBeVisible();
    await expect(visitor.getByRole('list', { name: 'Số liệu chính' })).toBeVisible();
    await expect(visitor.getByRole('link', { name: 'Tải danh sách đề án được phê duyệt (CSV)' })).toBeVisible();
    await expectNoAccessibilityViolations(visitor, 'statistics page');
  });

  const officer = await (await browser.newContext()).newPage();
  await test.step('an officer filters the dashboard by programme', async () => {
    await signedIn(officer, 'thamdinh', '/can-bo/thong-ke');
    await expect(officer.getByRole('heading', { level: 1, name: 'Bảng điều khiển thống kê' })).toBeVisible();
    await officer.getByLabel('Chương trình', { exact: true }).selectOption('LOCAL');
    await officer.waitForURL(/chuong-trinh=LOCAL/);
    await expect(officer.getByRole('img', { name: /Số hồ sơ theo trạng thái|Kinh phí được duyệt theo nội dung/ }).first()).toBeVisible();
    await expectNoAccessibilityViolations(officer, 'dashboard');
  });

  await test.step('and downloads the figures as a spreadsheet', async () => {
    const download = officer.waitForEvent('download');
    await officer.getByRole('button', { name: 'Xuất Excel (XLSX)' }).click();
    expect((await download).suggestedFilename()).toBe('thong-ke-khuyen-cong.xlsx');
  });
});
