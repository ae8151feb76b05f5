import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, test, type Page } from '@playwright/test';
import { expectNoAccessibilityViolations } from './accessibility';
import { aDocumentOnDisk } from './pdf';

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
  // What a machinery project's checklist requires, named as the catalogue names it, as the establishment has it on disk.
  const required = [
    ['Công văn (đơn) đề nghị hỗ trợ', aDocumentOnDisk('don-de-nghi-ho-tro.pdf', 'Don de nghi ho tro kinh phi khuyen cong')],
    ['Đề án khuyến công', aDocumentOnDisk('de-an-khuyen-cong.pdf', 'De an khuyen cong')],
    ['Dự toán kinh phí chi tiết', aDocumentOnDisk('du-toan-kinh-phi.pdf', 'Du toan kinh phi chi tiet')],
    ['Báo giá của nhà cung cấp máy móc, thiết bị', aDocumentOnDisk('bao-gia-may-moc.pdf', 'Bao gia may che bien mien dong')],
  ] as const;
  const files = required.map(([, file]) => file);
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

    whenISignOut: step(page, actor, 'signs out', async () => {
      await page.getByRole('banner').getByRole('button', { name: 'Đăng xuất' }).click();
      // RP-initiated logout at the authorization server, then back to the home page, signed out
      await page.waitForURL((url) => url.pathname === '/');
      await expect(page.getByRole('banner').getByRole('button', { name: 'Đăng nhập' })).toBeVisible();
    }),

    thenTheNextVisitAsksForThePassword: step(page, actor, 'is asked for the password again', async () => {
      // on a shared computer the next person gets no account: a signed-in page starts a sign-in that asks again
      await page.goto('/ho-so');
      await page.waitForURL(/\/login(\?|$)/);
      await expect(page.getByLabel('Mật khẩu')).toBeVisible();
    }),

    whenIStartANewDossier: step(page, actor, 'starts a new dossier', async () => {
      await page.getByRole('link', { name: 'Tạo hồ sơ mới' }).click();
      await expect(page.getByRole('heading', { level: 1, name: 'Chương trình, đợt tiếp nhận và nội dung' })).toBeVisible();
      await expect(page.getByRole('navigation', { name: 'Các bước của hồ sơ' })).toContainText('Bước 1/6');
      // The contents come from the catalogue: wait for them.
      await expect(page.getByLabel('Nội dung khuyến công').locator('option')).not.toHaveCount(1);
    }),

    whenIContinueWithoutAnswers: step(page, actor, 'continues without answering', async () => {
      await page.getByRole('button', { name: 'Lưu và tiếp tục' }).click();
    }),

    thenISeeWhatIsMissing: step(page, actor, 'sees what is missing', async () => {
      const summary = page.getByRole('region', { name: 'Có lỗi cần sửa' });
      await expect(summary).toBeFocused();
      await expect(summary.getByRole('link')).toHaveText(['Chọn chương trình', 'Chọn nội dung khuyến công', 'Nhập tên đề án']);
      await expect(page).toHaveTitle(/^\(3 lỗi\) Chương trình, đợt tiếp nhận và nội dung/);
      await summary.getByRole('link', { name: 'Nhập tên đề án' }).click();
      await expect(page.getByLabel('Tên đề án')).toBeFocused();
    }),

    whenIChooseWhatIApplyFor: step(page, actor, 'chooses the programme, the call and the content', async () => {
      await page.getByLabel('Chương trình').selectOption('LOCAL');
      // Only the calls open today are offered; the local programme's call is open all year.
      await expect(page.getByLabel('Đợt tiếp nhận hồ sơ').locator('option')).not.toHaveCount(1);
      await page.getByLabel('Đợt tiếp nhận hồ sơ').selectOption({ index: 1 });
      await page.getByLabel('Nội dung khuyến công').selectOption('TECHNOLOGY_TRANSFER');
      await page.getByLabel('Loại hỗ trợ').selectOption('MACHINERY');
      await expect(page.getByText(/Mức hỗ trợ tối đa: 50% tổng kinh phí/)).toBeVisible();
      await page.getByLabel('Tên đề án').fill(title);
      await page.getByRole('button', { name: 'Lưu và tiếp tục' }).click();
      await page.waitForURL((url) => /^\/ho-so\/[^/]+\/sua\/de-an$/.test(url.pathname));
      await expect(page.getByRole('heading', { level: 1, name: 'Địa điểm, thời gian và kết quả' })).toBeVisible();
    }),

    whenIDescribeTheProject: step(page, actor, 'describes where, when and what for', async () => {
      await page.getByLabel('Xã, phường nơi thực hiện').selectOption('19003');
      await page.getByLabel('Ngày bắt đầu').fill('2027-02-01');
      await page.getByLabel('Ngày kết thúc').fill('2027-08-31');
      await page.getByLabel('Kết quả dự kiến').fill('Chế biến 2 tấn miến dong mỗi ngày, tạo việc làm cho 15 lao động.');
      await page.getByRole('button', { name: 'Lưu và tiếp tục' }).click();
      await expect(page.getByRole('heading', { level: 1, name: 'Kinh phí thực hiện' })).toBeVisible();
    }),

    whenIEnterTheBudget: step(page, actor, 'enters the budget within the cap', async () => {
      await page.getByLabel('Tổng kinh phí thực hiện (đồng)').fill('400.000.000');
      // 50% of 400 million is the kind's 200 million ceiling; Côn Minh is a priority area.
      await expect(page.getByTestId('support-cap')).toContainText('300.000.000');
      await page.getByLabel('Kinh phí đề nghị hỗ trợ (đồng)').fill('150.000.000');
      await page.getByLabel('Vốn đối ứng của cơ sở (đồng)').fill('250.000.000');
      await page.getByRole('button', { name: 'Lưu và tiếp tục' }).click();
      await expect(page.getByRole('heading', { level: 1, name: 'Thông tin riêng của nội dung' })).toBeVisible();
    }),

    whenIAnswerTheContentsQuestions: step(page, actor, 'answers the questions of the content', async () => {
      await page.getByLabel(/^Danh mục máy móc, thiết bị/).fill('Máy nghiền củ dong, 1 chiếc\nMáy tráng bánh miến, 1 chiếc');
      await page.getByLabel(/^Số báo giá của nhà cung cấp/).fill('2');
      await page.getByLabel(/^Công suất sau đầu tư/).fill('2 tấn sản phẩm/ngày');
      await page.getByRole('button', { name: 'Lưu và tiếp tục' }).click();
      await expect(page.getByRole('heading', { level: 1, name: 'Tài liệu kèm theo' })).toBeVisible();
    }),

    whenIUploadTheRequiredDocuments: step(page, actor, 'uploads every required document of the checklist', async () => {
      const checklist = page.getByRole('list', { name: 'Danh mục giấy tờ của hồ sơ' });
      await expect(page.getByText(`Còn thiếu ${required.length} giấy tờ bắt buộc.`)).toBeVisible();
      for (const [name, file] of required) {
        await expect(checklist.getByRole('listitem').filter({ hasText: name })).toContainText('Còn thiếu');
        await page.getByLabel(`Chọn tệp cho: ${name} (`).setInputFiles(file.path);
        await page.getByRole('button', { name: `Tải lên: ${name}` }).click();
        await expect(page.getByRole('status').filter({ hasText: `Đã tải lên tệp ${file.name}.` })).toBeVisible();
        await expect(checklist.getByRole('listitem').filter({ hasText: name })).toContainText('Đã có 1 tệp');
      }
      await expect(page.getByText(`Đã có đủ ${required.length} giấy tờ bắt buộc.`)).toBeVisible();
    }),

    thenISeeEachWithItsSha256: step(page, actor, 'sees each file with its SHA-256', async () => {
      const documents = page.getByRole('list', { name: 'Tài liệu đã tải lên' });
      for (const file of files) {
        await expect(documents).toContainText(file.name);
        await expect(documents.getByText(file.sha256, { exact: true })).toBeVisible();
      }
      await page.getByRole('button', { name: 'Tiếp tục', exact: true }).click();
      await expect(page.getByRole('heading', { level: 1, name: 'Kiểm tra lại thông tin trước khi nộp' })).toBeVisible();
    }),

    thenICheckMyAnswers: step(page, actor, 'checks the answers', async () => {
      await expect(page.getByRole('region', { name: 'Nội dung đề nghị' })).toContainText(title);
      await expect(page.getByRole('region', { name: 'Đề án', exact: true })).toContainText('Xã Côn Minh');
      await expect(page.getByRole('region', { name: 'Kinh phí' })).toContainText('400.000.000');
      await expect(page.getByRole('region', { name: 'Thông tin riêng' })).toContainText('Máy nghiền củ dong');
      const documents = page.getByRole('region', { name: 'Tài liệu', exact: true });
      for (const file of files) await expect(documents).toContainText(file.name);
      await expect(documents).not.toContainText('Còn thiếu');
    }),

    whenIChangeAnAnswer: step(page, actor, 'follows the link to change an answer', async () => {
      await page.getByRole('region', { name: 'Kinh phí' }).getByRole('link', { name: 'Thay đổi Tổng kinh phí thực hiện (đồng)' }).click();
      await expect(page.getByRole('heading', { level: 1, name: 'Kinh phí thực hiện' })).toBeVisible();
      await expect(page.getByLabel('Tổng kinh phí thực hiện (đồng)')).toBeFocused();
      await expect(page.getByLabel('Tổng kinh phí thực hiện (đồng)')).toHaveValue(/^400\.?000\.?000$/);
    }),

    whenILeaveAndComeBackFromMyDossiers: step(page, actor, 'saves, leaves, and resumes from my dossiers', async () => {
      await page.getByRole('button', { name: 'Lưu nháp và thoát' }).click();
      await page.waitForURL((url) => url.pathname === '/ho-so');
      await page.getByRole('link', { name: new RegExp(`^Tiếp tục điền.*${title}$`) }).click();
      // Everything is answered: the draft reopens at "check your answers".
      await expect(page.getByRole('heading', { level: 1, name: 'Kiểm tra lại thông tin trước khi nộp' })).toBeVisible();
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

    thenISeeTheReceipt: step(page, actor, 'sees the receipt with the dossier code', async () => {
      await page.waitForURL((url) => /^\/ho-so\/[^/]+\/bien-nhan$/.test(url.pathname));
      await expect(page.getByRole('heading', { level: 1, name: 'Giấy tiếp nhận hồ sơ và hẹn trả kết quả' })).toBeVisible();
      const receipt = page.getByRole('region', { name: 'Giấy tiếp nhận hồ sơ' });
      const code = (await receipt.getByTestId('dossier-code').textContent())?.trim() ?? '';
      expect(code).toMatch(DOSSIER_CODE);
      await expect(receipt).toContainText(/Ngày hẹn trả kết quả\s*\d{2}\/\d{2}\/\d{4}/);
      for (const file of files) await expect(page.getByRole('region', { name: 'Thông tin tiếp nhận' })).toContainText(file.name);
      return code;
    }),

    thenItPrintsWithoutTheSiteAround: step(page, actor, 'prints the receipt', async () => {
      await page.emulateMedia({ media: 'print' });
      try {
        await expect(page.getByRole('banner')).toBeHidden();
        await expect(page.getByRole('button', { name: 'In giấy tiếp nhận' })).toBeHidden();
        await expect(page.getByTestId('dossier-code')).toBeVisible();
        await page.screenshot({ path: `${ARTIFACTS}receipt-print.png`, fullPage: true });
      } finally {
        await page.emulateMedia({ media: 'screen' });
      }
    }),

    whenIAnswerTheSupplementRequest: step(page, actor, 'answers the supplement request', async () => {
      await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Hồ sơ của tôi' }).click();
      await page.getByRole('link', { name: new RegExp(`^Bổ sung hồ sơ.*${title}$`) }).click();
      await expect(page.getByRole('heading', { level: 1, name: 'Kiểm tra lại thông tin trước khi nộp' })).toBeVisible();
      await page.getByRole('region', { name: 'Thông tin riêng' }).getByRole('link', { name: /^Thay đổi Số báo giá/ }).click();
      await page.getByLabel(/^Số báo giá của nhà cung cấp/).fill('3');
      await page.getByRole('button', { name: 'Lưu và tiếp tục' }).click();
      await page.getByRole('button', { name: 'Tiếp tục', exact: true }).click();
      await expect(page.getByRole('region', { name: 'Thông tin riêng' })).toContainText('3');
      await page.getByRole('button', { name: 'Nộp bổ sung' }).click();
      await page.getByRole('dialog', { name: 'Xác nhận nộp bổ sung' }).getByRole('button', { name: 'Nộp bổ sung' }).click();
      await page.waitForURL((url) => /^\/ho-so\/[^/]+$/.test(url.pathname));
      await expect(page.getByRole('region', { name: 'Thông tin hồ sơ' })).toContainText('Đang thẩm định');
      await expect(page.getByRole('list', { name: 'Lịch sử xử lý' })).toContainText('Yêu cầu bổ sung');
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

    thenISeeTheQueueByDeadline: step(page, actor, 'sees the queue, most urgent first', async (code: string) => {
      await expect(page.getByTestId('queue-summary')).toContainText('quá hạn');
      await page.getByRole('navigation', { name: 'Hồ sơ theo trạng thái' }).getByRole('link', { name: 'Đã tiếp nhận' }).click();
      await expect(page.getByRole('link', { name: code })).toBeVisible();
      await expect(page.getByRole('row').filter({ hasText: code })).toContainText('Trong hạn');
    }),

    whenIAssignItToMyself: step(page, actor, 'assigns the dossier to himself', async (code: string) => {
      await page.getByRole('button', { name: `Giao hồ sơ ${code}` }).click();
      const dialog = page.getByRole('dialog', { name: `Giao hồ sơ ${code}` });
      await expect(dialog).toBeVisible();
      await dialog.getByRole('button', { name: 'Giao cho tôi' }).click();
      await expect(page.getByRole('status').filter({ hasText: `Đã giao hồ sơ ${code} cho ${username}.` })).toBeVisible();
      // the filter lives in the address: the box shows checked once the page has followed the new address
      const mine = page.getByLabel('Chỉ hồ sơ được giao cho tôi');
      await mine.click();
      await expect(mine).toBeChecked();
      await expect(page.getByRole('row').filter({ hasText: code })).toContainText(username);
    }),

    whenIRequestASupplement: step(page, actor, 'requests a supplement', async () => {
      const form = page.getByRole('region', { name: 'Yêu cầu bổ sung', exact: true });
      await form.getByLabel('Lý do').fill('Cần thêm báo giá để so sánh giá máy.');
      await form.getByLabel('Giấy tờ, nội dung cần bổ sung').fill('Báo giá thứ ba của nhà cung cấp');
      await form.getByRole('button', { name: 'Gửi yêu cầu bổ sung' }).click();
      await expect(page.getByRole('region', { name: 'Thông tin hồ sơ' })).toContainText('Yêu cầu bổ sung');
    }),

    whenIOpenTheDossier: step(page, actor, 'opens the dossier from the queue', async (code: string) => {
      await page.getByRole('link', { name: code }).click();
      await expect(page.getByRole('region', { name: 'Thông tin hồ sơ' })).toContainText(code);
    }),

    whenIPreviewTheRequestLetter: step(page, actor, 'previews the request letter without saving it', async () => {
      const documents = page.getByRole('list', { name: 'Tài liệu đã tải lên' });
      const open = documents.getByRole('button', { name: /^Xem trước: .+\.pdf$/ }).first();
      await open.click();
      const preview = page.getByRole('dialog', { name: /^Xem trước: .+\.pdf$/ });
      await expect(preview).toBeVisible();
      await expect(preview.getByRole('button', { name: 'Đóng' })).toBeFocused();
      const frame = preview.locator('iframe[title^="Nội dung tệp PDF"]');
      await expect(frame).toBeVisible();
      await expect(frame).toHaveAttribute('src', /^blob:/);
      await preview.getByRole('button', { name: 'Đóng' }).click();
      await expect(preview).toBeHidden();
      await expect(open).toBeFocused();
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

    whenIApprove: step(page, actor, 'approves the dossier with a double click', async () => {
      await page.getByLabel('Số quyết định').fill('125/QĐ-SCT');
      await page.getByLabel('Kinh phí được phê duyệt (đồng)').fill('150.000.000');
      const answers: { status: number; key: string | null }[] = [];
      const record = (response: import('@playwright/test').Response) => {
        if (response.request().method() === 'POST' && response.url().endsWith('/transitions'))
          answers.push({ status: response.status(), key: response.request().headers()['idempotency-key'] ?? null });
      };
      page.on('response', record);
      // an impatient approver: two clicks in a row make one decision and no error page
      await page.getByRole('button', { name: 'Phê duyệt', exact: true }).dblclick();
      await expect(page.getByRole('region', { name: 'Thông tin hồ sơ' })).toContainText('Đã phê duyệt');
      await expect(page.getByRole('region', { name: 'Kết quả thẩm định và phê duyệt' })).toContainText('125/QĐ-SCT');
      page.off('response', record);
      expect(answers.filter((answer) => answer.status >= 500)).toEqual([]);
      expect(answers.filter((answer) => answer.status === 200)).toHaveLength(1);
      expect(answers.every((answer) => answer.key !== null && answer.key.length > 0)).toBe(true);
      await expect(page.locator('.error-summary')).toHaveCount(0);
      // the history, read with the approver's own token: one decision
      const history = await page.evaluate(async (path) => {
        const stored = Object.keys(sessionStorage).find((key) => key.startsWith('oidc.user:'));
        const token = stored ? (JSON.parse(sessionStorage.getItem(stored) ?? '{}') as { access_token?: string }).access_token : undefined;
        const response = await fetch(path, { headers: { Authorization: `Bearer ${token ?? ''}` } });
        return { status: response.status, entries: response.ok ? ((await response.json()) as { event: string }[]) : [] };
      }, new URL(page.url()).pathname.replace(/^\/ho-so\//, '/api/v1/dossiers/') + '/history');
      expect(history.status).toBe(200);
      expect(history.entries.filter((entry) => entry.event === 'APPROVE')).toHaveLength(1);
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

/** The administrator who keeps the catalogue (quantri). */
export function anAdministrator(page: Page) {
  const actor = 'administrator';
  return {
    givenIOpenTheCatalogue: step(page, actor, 'opens the catalogue and is asked to sign in', async () => {
      await page.goto('/quan-tri/danh-muc');
      await page.waitForURL(/\/login(\?|$)/);
      await page.getByLabel('Tên đăng nhập').fill('quantri');
      await page.getByLabel('Mật khẩu').fill(DEMO_PASSWORD);
      await page.getByRole('button', { name: 'Đăng nhập' }).click();
      await page.waitForURL((url) => url.pathname === '/quan-tri/danh-muc/noi-dung');
      await expect(page.getByRole('heading', { level: 1, name: 'Nội dung khuyến công' })).toBeVisible();
      await expect(page.getByRole('table', { name: 'Các nội dung hoạt động khuyến công' })).toBeVisible();
    }),

    whenIOpenAContent: step(page, actor, 'opens a content with its required documents', async () => {
      await page.getByRole('button', { name: /^Sửa Mô hình trình diễn kỹ thuật/ }).click();
      await expect(page.getByLabel('Tên nội dung')).toBeFocused();
      await expect(page.getByRole('group', { name: 'Giấy tờ bắt buộc' }).getByRole('checkbox').first()).toBeVisible();
    }),

    whenILookAtTheAgencies: step(page, actor, 'looks at the receiving agencies', async () => {
      await page.getByRole('navigation', { name: 'Các mục của danh mục' }).getByRole('link', { name: 'Cơ quan tiếp nhận' }).click();
      await expect(page.getByRole('table', { name: 'Các cơ quan tiếp nhận, giải quyết hồ sơ' })).toContainText('000.00.15.H55');
    }),

    whenILookAtTheCaps: step(page, actor, 'looks at the support caps of a content', async () => {
      await page.getByRole('navigation', { name: 'Các mục của danh mục' }).getByRole('link', { name: 'Mức hỗ trợ tối đa' }).click();
      await page.getByLabel('Nội dung khuyến công').selectOption('TECHNOLOGY_TRANSFER');
      await expect(page.getByRole('table', { name: 'Mức hỗ trợ đang áp dụng theo loại hỗ trợ' })).toContainText('50%');
    }),

    whenILookAtTheFundingCalls: step(page, actor, 'looks at the funding calls', async () => {
      await page.getByRole('navigation', { name: 'Các mục của danh mục' }).getByRole('link', { name: 'Đợt tiếp nhận hồ sơ' }).click();
      await expect(page.getByRole('table', { name: 'Các đợt tiếp nhận hồ sơ' })).toContainText('Khuyến công địa phương');
    }),

    whenIAddAHoliday: step(page, actor, 'adds a public holiday', async () => {
      await page.getByRole('navigation', { name: 'Các mục của danh mục' }).getByRole('link', { name: 'Ngày nghỉ lễ, tết' }).click();
      await page.getByLabel('Ngày nghỉ', { exact: true }).fill('2031-01-02');
      await page.getByLabel('Tên ngày nghỉ').fill('Nghỉ bù Tết Dương lịch');
      await page.getByRole('button', { name: 'Thêm ngày nghỉ' }).click();
      await expect(page.getByRole('status').filter({ hasText: 'Đã thêm ngày nghỉ 02/01/2031.' })).toBeVisible();
    }),

    andRemoveItAgain: step(page, actor, 'removes the holiday once confirmed', async () => {
      await page.getByRole('button', { name: 'Xoá 02/01/2031' }).click();
      await page.getByRole('dialog', { name: 'Xoá ngày nghỉ?' }).getByRole('button', { name: 'Xoá' }).click();
      await expect(page.getByRole('status').filter({ hasText: 'Đã xoá ngày nghỉ 02/01/2031.' })).toBeVisible();
    }),
  };
}
