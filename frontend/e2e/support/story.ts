import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, test, type Page } from '@playwright/test';
import { expectNoAccessibilityViolations } from './accessibility';
import { aRequestLetterOnDisk } from './pdf';

/** Screenshots of every step, for people to look at; the folder is ignored by git. */
const ARTIFACTS = fileURLToPath(new URL('../../e2e-artifacts/', import.meta.url));
mkdirSync(ARTIFACTS, { recursive: true });
let stepNumber = 0;

/** The backend's demo accounts (embedded defaults). */
const DEMO_PASSWORDS: Record<string, string> = {
  doanhnghiep: process.env.E2E_PASSWORD ?? 'KhuyenCong@2026',
};

export const DOSSIER_CODE = /^[0-9A-Z.]+-\d{6}-\d{4}$/;

const pageErrors = new WeakMap<Page, string[]>();

/** Uncaught script errors and Content-Security-Policy refusals seen on a page so far. */
function errorsOf(page: Page): string[] {
  let errors = pageErrors.get(page);
  if (!errors) {
    const seen: string[] = [];
    page.on('pageerror', (error) => seen.push(`Uncaught: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error' && message.text().includes('Content Security Policy')) seen.push(message.text());
    });
    pageErrors.set(page, seen);
    errors = seen;
  }
  return errors;
}

/**
 * Runs one step of a story as a named Playwright step, then checks the page it leaves on
 * screen: no script error, no CSP refusal, no axe violation; and saves a full-page screenshot.
 */
function step<A extends unknown[], R>(page: Page, actor: string, title: string, body: (...args: A) => Promise<R>) {
  const errors = errorsOf(page);
  return (...args: A): Promise<R> =>
    test.step(`${actor} ${title}`, async () => {
      const result = await body(...args);
      expect(errors, `script errors or CSP violations during “${title}”`).toEqual([]);
      await expectNoAccessibilityViolations(page, `“${title}”`);
      stepNumber += 1;
      const file = `${String(stepNumber).padStart(2, '0')}-${actor}-${title}`.replace(/[^\w-]+/g, '-').toLowerCase();
      await page.screenshot({ path: `${ARTIFACTS}${file}.png`, fullPage: true });
      return result;
    });
}

/** A person from a rural industrial establishment, applying for support. */
export function anEnterprise(page: Page) {
  const actor = 'enterprise';
  const letter = aRequestLetterOnDisk();
  const title = `Hỗ trợ máy chế biến miến dong ${Date.now()}`;

  return {
    givenIOpenTheHomePage: step(page, actor, 'opens the home page', async () => {
      await page.goto('/');
      await expect(page.getByRole('heading', { level: 1, name: 'Đề nghị hỗ trợ khuyến công trực tuyến' })).toBeVisible();
      await expect(page).toHaveTitle('Trang chủ – Khuyến công Online');
      await expect(page.locator('html')).toHaveAttribute('lang', 'vi');
    }),

    whenIChooseToSignIn: step(page, actor, 'chooses to sign in', async () => {
      await page.getByRole('banner').getByRole('button', { name: 'Đăng nhập' }).click();
      await page.waitForURL(/\/login(\?|$)/);
      await expect(page.getByLabel('Tên đăng nhập')).toBeVisible();
    }),

    whenISignInAs: step(page, actor, 'signs in', async (username: string) => {
      const password = DEMO_PASSWORDS[username];
      if (!password) throw new Error(`No demo password known for ${username}`);
      await page.getByLabel('Tên đăng nhập').fill(username);
      await page.getByLabel('Mật khẩu').fill(password);
      await page.getByRole('button', { name: 'Đăng nhập' }).click();
      await page.waitForURL((url) => url.pathname === '/ho-so');
      await expect(page.getByRole('heading', { level: 1, name: 'Hồ sơ của tôi' })).toBeVisible();
    }),

    thenIAmSignedIn: step(page, actor, 'is signed in', async () => {
      const banner = page.getByRole('banner');
      await expect(banner.getByRole('button', { name: 'Đăng xuất' })).toBeVisible();
      await expect(banner.getByRole('button', { name: 'Đăng nhập' })).toHaveCount(0);
      await expect(page.getByRole('link', { name: 'Tạo hồ sơ mới' })).toBeVisible();
    }),

    whenIStartANewDossier: step(page, actor, 'starts a new dossier', async () => {
      await page.getByRole('link', { name: 'Tạo hồ sơ mới' }).click();
      await expect(page.getByRole('heading', { level: 1, name: 'Tạo hồ sơ mới' })).toBeVisible();
      // The contents come from the catalogue: wait for them.
      await expect(page.getByLabel('Nội dung khuyến công').locator('option')).not.toHaveCount(1);
    }),

    whenISaveItWithoutAnswers: step(page, actor, 'saves the form without answers', async () => {
      await page.getByRole('button', { name: 'Lưu bản nháp' }).click();
    }),

    thenISeeWhatIsMissing: step(page, actor, 'sees what is missing', async () => {
      const summary = page.getByRole('region', { name: 'Có lỗi cần sửa' });
      await expect(summary).toBeFocused();
      await expect(summary.getByRole('link')).toHaveText([
        'Nhập tên đề án',
        'Chọn nội dung khuyến công',
        'Chọn chương trình',
        'Nhập kinh phí đề nghị hỗ trợ',
      ]);
      await expect(page).toHaveTitle(/^\(4 lỗi\) Tạo hồ sơ mới/);
      await summary.getByRole('link', { name: 'Nhập tên đề án' }).click();
      await expect(page.getByLabel('Tên đề án')).toBeFocused();
    }),

    whenIFillInTheProjectAndSave: step(page, actor, 'fills in the project and saves it', async () => {
      await page.getByLabel('Tên đề án').fill(title);
      await page.getByLabel('Nội dung khuyến công').selectOption({ index: 1 });
      await page.getByLabel('Chương trình').selectOption('LOCAL');
      await page.getByLabel('Kinh phí đề nghị hỗ trợ (đồng)').fill('150.000.000');
      await page.getByRole('button', { name: 'Lưu bản nháp' }).click();
      await page.waitForURL((url) => /^\/ho-so\/(?!moi$)[^/]+$/.test(url.pathname));
    }),

    thenISeeMyDraft: step(page, actor, 'sees the draft', async () => {
      await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
      const details = page.getByRole('region', { name: 'Thông tin hồ sơ' });
      await expect(details).toContainText('Bản nháp');
      await expect(details).toContainText('Khuyến công địa phương');
      await expect(details).toContainText('150.000.000');
    }),

    whenIUploadTheRequestLetter: step(page, actor, 'uploads the request letter', async () => {
      await page.getByLabel('Đơn đề nghị hỗ trợ (tệp PDF)').setInputFiles(letter.path);
      await page.getByRole('button', { name: 'Tải lên', exact: true }).click();
      await expect(page.getByRole('status').filter({ hasText: `Đã tải lên ${letter.name}.` })).toBeVisible();
    }),

    thenISeeItsSha256: step(page, actor, 'sees the file with its SHA-256', async () => {
      const documents = page.getByRole('list', { name: 'Tài liệu đã tải lên' });
      await expect(documents).toContainText(letter.name);
      await expect(documents).toContainText('Đơn đề nghị hỗ trợ');
      await expect(documents.getByText(letter.sha256, { exact: true })).toBeVisible();
    }),

    whenISubmitTheDossier: step(page, actor, 'asks to submit the dossier', async () => {
      await page.getByRole('button', { name: 'Nộp hồ sơ', exact: true }).click();
      const dialog = page.getByRole('dialog', { name: 'Xác nhận nộp hồ sơ' });
      await expect(dialog).toBeVisible();
      await expect(dialog).toContainText('Sau khi nộp, bạn không thể sửa hồ sơ. Tiếp tục?');
    }),

    andIConfirm: step(page, actor, 'confirms the submission', async () => {
      await page.getByRole('dialog').getByRole('button', { name: 'Nộp hồ sơ' }).click();
      await expect(page.getByRole('dialog')).toHaveCount(0);
    }),

    thenISeeTheDossierCode: step(page, actor, 'sees the dossier code', async () => {
      const receipt = page.getByRole('region', { name: 'Giấy tiếp nhận hồ sơ' });
      await expect(receipt).toBeVisible();
      const code = (await receipt.getByTestId('dossier-code').textContent())?.trim() ?? '';
      expect(code).toMatch(DOSSIER_CODE);
      await expect(receipt).toContainText('Mã hồ sơ');
      await expect(receipt).toContainText(/Ngày hẹn trả kết quả\s*\d{2}\/\d{2}\/\d{4}/);
      await expect(page.getByRole('region', { name: 'Thông tin hồ sơ' })).toContainText('Đã tiếp nhận');
      return code;
    }),
  };
}

/** Anyone, not signed in, tracking a dossier by the code on its receipt. */
export function aVisitor(page: Page) {
  const actor = 'visitor';
  return {
    whenILookUp: step(page, actor, 'looks a code up', async (code: string) => {
      await page.goto('/tra-cuu');
      await expect(page.getByRole('heading', { level: 1, name: 'Tra cứu hồ sơ' })).toBeVisible();
      await page.getByLabel('Mã hồ sơ').fill(code);
      await page.getByRole('button', { name: 'Tra cứu' }).click();
    }),

    thenISeeTheStatus: step(page, actor, 'sees the status', async (code: string, statusName: string) => {
      const result = page.getByRole('region', { name: `Hồ sơ ${code}` });
      await expect(result).toBeVisible();
      await expect(result).toContainText(statusName);
      await expect(result.getByRole('list', { name: 'Quá trình xử lý' })).toContainText(statusName);
      await expect(page.getByRole('banner').getByRole('button', { name: 'Đăng nhập' })).toBeVisible();
    }),

    thenIAmToldTheCodeIsUnknown: step(page, actor, 'is told the code is unknown', async (code: string) => {
      await expect(page.getByRole('region', { name: 'Có lỗi cần sửa' })).toContainText(
        `Không tìm thấy hồ sơ có mã ${code}`,
      );
      await expect(page).toHaveTitle(/^\(1 lỗi\) Tra cứu hồ sơ/);
      await expect(page.getByLabel('Mã hồ sơ')).toHaveValue(code);
    }),
  };
}

/** Someone on a 360 px wide phone. */
export function aPhoneUser(page: Page) {
  const actor = 'phone';
  const fitsTheScreen = async () => {
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, 'the page scrolls sideways').toBeLessThanOrEqual(0);
  };
  return {
    whenIOpen: step(page, actor, 'opens a page', async (path: string, heading: string) => {
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
      await fitsTheScreen();
    }),

    whenISwitchToEnglish: step(page, actor, 'switches to English', async () => {
      await page.getByRole('button', { name: 'English' }).click();
      await expect(page.locator('html')).toHaveAttribute('lang', 'en');
      await expect(page.getByRole('navigation', { name: 'Main navigation' })).toBeVisible();
      await fitsTheScreen();
    }),

    andBackToVietnamese: step(page, actor, 'switches back to Vietnamese', async () => {
      await page.getByRole('button', { name: 'Tiếng Việt' }).click();
      await expect(page.locator('html')).toHaveAttribute('lang', 'vi');
      await expect(page.getByRole('navigation', { name: 'Điều hướng chính' })).toBeVisible();
    }),
  };
}
