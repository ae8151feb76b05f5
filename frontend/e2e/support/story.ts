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
const DEMO_PASSWORD = process.env.E2E_PASSWORD ?? 'KhuyenCong@2026';
const DEMO_PASSWORDS: Record<string, string> = {
  doanhnghiep: DEMO_PASSWORD,
  thamdinh: DEMO_PASSWORD,
  pheduyet: DEMO_PASSWORD,
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
      ]);
      await expect(page).toHaveTitle(/^\(3 lỗi\) Tạo hồ sơ mới/);
      await summary.getByRole('link', { name: 'Nhập tên đề án' }).click();
      await expect(page.getByLabel('Tên đề án')).toBeFocused();
    }),

    whenIStartTheProjectAndSave: step(page, actor, 'starts the project and saves a draft', async () => {
      await page.getByLabel('Tên đề án').fill(title);
      await page.getByLabel('Nội dung khuyến công').selectOption('TECHNOLOGY_TRANSFER');
      await page.getByLabel('Chương trình').selectOption('LOCAL');
      // The content's own questions come from the catalogue once the content is chosen.
      await expect(page.getByLabel(/^Danh mục máy móc, thiết bị/)).toBeVisible();
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

    thenIAmToldWhatTheFormLacks: step(page, actor, 'is told what the form still lacks', async () => {
      const summary = page.getByRole('region', { name: 'Có lỗi cần sửa' });
      await expect(summary).toBeFocused();
      await expect(summary.getByRole('link', { name: 'Vui lòng chọn loại hỗ trợ.' })).toBeVisible();
      await expect(summary.getByRole('link', { name: /Vui lòng trả lời: Danh mục máy móc/ })).toBeVisible();
      await expect(page).toHaveTitle(/^\(\d+ lỗi\) Hồ sơ /);
      await expect(page.getByRole('region', { name: 'Thông tin hồ sơ' })).toContainText('Bản nháp');
    }),

    whenIFollowTheLinkToAMissingAnswer: step(page, actor, 'follows the link to a missing answer', async () => {
      await page
        .getByRole('region', { name: 'Có lỗi cần sửa' })
        .getByRole('link', { name: 'Vui lòng chọn loại hỗ trợ.' })
        .click();
      await expect(page.getByRole('heading', { level: 1, name: 'Sửa hồ sơ' })).toBeVisible();
      await expect(page.getByLabel('Loại hỗ trợ')).toBeFocused();
      // What was saved is back in the form.
      await expect(page.getByLabel('Tên đề án')).toHaveValue(title);
    }),

    whenICompleteTheFormAndSave: step(page, actor, 'completes the form and saves it', async () => {
      await page.getByLabel('Loại hỗ trợ').selectOption('MACHINERY');
      await expect(page.getByText(/Mức hỗ trợ tối đa: 50% tổng kinh phí/)).toBeVisible();
      await page.getByLabel('Xã, phường nơi thực hiện').selectOption('19003');
      await expect(page.getByLabel('Xã, phường nơi thực hiện').locator('option:checked')).toHaveText('Xã Côn Minh');
      await page.getByLabel('Tổng kinh phí thực hiện (đồng)').fill('400.000.000');
      await page.getByLabel('Vốn đối ứng của cơ sở (đồng)').fill('250.000.000');
      await page.getByLabel('Ngày bắt đầu').fill('2027-02-01');
      await page.getByLabel('Ngày kết thúc').fill('2027-08-31');
      await page.getByLabel('Kết quả dự kiến').fill('Chế biến 2 tấn miến dong mỗi ngày, tạo việc làm cho 15 lao động.');
      await page.getByLabel(/^Danh mục máy móc, thiết bị/).fill('Máy nghiền củ dong, 1 chiếc\nMáy tráng bánh miến, 1 chiếc');
      await page.getByLabel(/^Số báo giá của nhà cung cấp/).fill('2');
      await page.getByLabel(/^Công suất sau đầu tư/).fill('2 tấn sản phẩm/ngày');
      await page.getByRole('button', { name: 'Lưu bản nháp' }).click();
      await page.waitForURL((url) => /^\/ho-so\/[^/]+$/.test(url.pathname));
      const details = page.getByRole('region', { name: 'Thông tin hồ sơ' });
      await expect(details).toContainText('Xã Côn Minh');
      await expect(details).toContainText('400.000.000');
      await expect(details).toContainText('Máy nghiền củ dong');
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
      await expect(page.getByRole('list', { name: 'Lịch sử xử lý' })).toContainText('Nộp hồ sơ');
      return code;
    }),
  };
}

/** An officer of the agency: a reviewer (thamdinh) or an approver (pheduyet). */
export function anOfficer(page: Page, username: 'thamdinh' | 'pheduyet') {
  const actor = username === 'thamdinh' ? 'reviewer' : 'approver';
  return {
    givenIOpenMyQueue: step(page, actor, 'opens the queue and is asked to sign in', async () => {
      await page.goto('/can-bo');
      await page.waitForURL(/\/login(\?|$)/);
      await page.getByLabel('Tên đăng nhập').fill(username);
      await page.getByLabel('Mật khẩu').fill(DEMO_PASSWORD);
      await page.getByRole('button', { name: 'Đăng nhập' }).click();
      await page.waitForURL((url) => url.pathname === '/can-bo');
      await expect(page.getByRole('heading', { level: 1, name: 'Hồ sơ cần xử lý' })).toBeVisible();
    }),

    whenIOpenTheDossier: step(page, actor, 'opens the dossier from the queue', async (code: string) => {
      await page.getByRole('link', { name: code }).click();
      await expect(page.getByRole('region', { name: 'Thông tin hồ sơ' })).toContainText(code);
    }),

    whenIStartTheReview: step(page, actor, 'starts the review', async () => {
      await page.getByRole('button', { name: 'Bắt đầu thẩm định' }).click();
      await expect(page.getByRole('region', { name: 'Thông tin hồ sơ' })).toContainText('Đang thẩm định');
    }),

    whenIScoreAndRecommend: step(page, actor, 'scores the project and recommends an amount', async () => {
      const criteria = (await (await page.request.get('/api/v1/catalog/review-criteria')).json()) as {
        name: string;
        maxScore: number;
      }[];
      const sheet = page.getByRole('group', { name: 'Phiếu chấm điểm' });
      for (const criterion of criteria) {
        await sheet.getByLabel(`${criterion.name} (tối đa ${criterion.maxScore} điểm)`).fill(String(criterion.maxScore));
      }
      await page.getByLabel('Mức hỗ trợ đề xuất (đồng)').fill('150.000.000');
      await page.getByRole('button', { name: 'Gửi đề xuất' }).click();
      await expect(page.getByRole('region', { name: 'Thông tin hồ sơ' })).toContainText('Đã thẩm định');
    }),

    whenIApprove: step(page, actor, 'approves the dossier', async () => {
      await page.getByLabel('Số quyết định').fill('125/QĐ-SCT');
      await page.getByLabel('Kinh phí được phê duyệt (đồng)').fill('150.000.000');
      await page.getByRole('button', { name: 'Phê duyệt', exact: true }).click();
      await expect(page.getByRole('region', { name: 'Thông tin hồ sơ' })).toContainText('Đã phê duyệt');
      await expect(page.getByRole('region', { name: 'Kết quả thẩm định và phê duyệt' })).toContainText('125/QĐ-SCT');
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
