import { expect, test } from '@playwright/test';
import { anEnterprise } from './support/story';
import { expectNoAccessibilityViolations } from './support/accessibility';

// Run by the backend's KeycloakIntegrationTests against the application whose issuer is a real Keycloak (the
// realm export of infra/keycloak, access tokens shortened to 60 s): never in the embedded run.
const keycloak = process.env.KEYCLOAK_ISSUER;
const username = process.env.KEYCLOAK_USERNAME ?? '';
const password = process.env.KEYCLOAK_PASSWORD ?? '';
const taxCode = process.env.KEYCLOAK_TAX_CODE ?? '';

test.skip(!keycloak, 'needs the application on a real Keycloak (KEYCLOAK_ISSUER)');

test('a new enterprise person signs in on Keycloak, registers the organisation, works past the token lifetime and signs out for real', async ({ page }) => {
  test.setTimeout(300_000);

  await test.step('signs in on Keycloak’s page, in Vietnamese', async () => {
    await page.goto('/');
    await page.getByRole('banner').getByRole('button', { name: 'Đăng nhập' }).click();
    await page.waitForURL((url) => url.href.startsWith(`${keycloak}/protocol/openid-connect/auth`));
    await expect(page.locator('html')).toHaveAttribute('lang', 'vi');
    await page.locator('#username').fill(username);
    await page.locator('#password').fill(password);
    await page.locator('#kc-login').click();
  });

  await test.step('is asked to register the organisation first, then goes on', async () => {
    await page.waitForURL((url) => url.pathname === '/dang-ky-to-chuc');
    await expect(page.getByRole('heading', { level: 1, name: 'Đăng ký tổ chức' })).toBeVisible();
    await expect(page.getByRole('banner')).toContainText('Đinh Thị Thu');
    await expectNoAccessibilityViolations(page, 'the registration step');
    await page.getByLabel('Mã số thuế').fill(taxCode);
    await page.getByLabel('Tên tổ chức').fill('Hợp tác xã Miến dong Na Rì');
    await page.getByLabel('Loại hình tổ chức').selectOption('COOPERATIVE');
    await page.getByLabel('Địa chỉ trụ sở').fill('Thôn Nà Làng');
    await page.getByLabel('Xã, phường').fill('Xã Côn Minh');
    await page.getByTestId('organisation-submit').click();
    await page.waitForURL((url) => url.pathname === '/ho-so');
    await expect(page.getByRole('heading', { level: 1, name: 'Hồ sơ của tôi' })).toBeVisible();
  });

  const enterprise = anEnterprise(page);
  await enterprise.whenIStartANewDossier();
  await enterprise.whenIChooseWhatIApplyFor();

  await test.step('keeps typing for longer than an access token lives, and nothing is lost', async () => {
    const outcomes = page.getByLabel('Kết quả dự kiến');
    await outcomes.fill('Chế biến 2 tấn miến dong mỗi ngày');
    // 75 s of work on a 60 s access token: the app renews it in the background while the person is active
    for (let i = 0; i < 5; i++) {
      await page.waitForTimeout(15_000);
      await outcomes.press('End');
      await outcomes.pressSequentially('.');
    }
    await expect(page.getByText('Phiên đăng nhập đã hết hạn')).toHaveCount(0);
    await expect(outcomes).toHaveValue('Chế biến 2 tấn miến dong mỗi ngày.....');
    await page.getByLabel('Xã, phường nơi thực hiện').selectOption('19003');
    await page.getByLabel('Ngày bắt đầu').fill('2027-02-01');
    await page.getByLabel('Ngày kết thúc').fill('2027-08-31');
    await page.getByRole('button', { name: 'Lưu và tiếp tục' }).click();
    // saved with a renewed token
    await expect(page.getByRole('heading', { level: 1, name: 'Kinh phí thực hiện' })).toBeVisible();
  });

  await test.step('signs out: Keycloak’s session ends too', async () => {
    await page.getByRole('banner').getByRole('button', { name: 'Đăng xuất' }).click();
    await page.waitForURL((url) => url.pathname === '/' && !url.href.startsWith(keycloak!));
    await expect(page.getByRole('banner').getByRole('button', { name: 'Đăng nhập' })).toBeVisible();
    await page.goto('/ho-so');
    await page.waitForURL((url) => url.href.startsWith(`${keycloak}/protocol/openid-connect/auth`));
    await expect(page.locator('#password')).toBeVisible();
  });
});
