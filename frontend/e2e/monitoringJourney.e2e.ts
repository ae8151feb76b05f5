import { expect, test, type APIRequestContext, type Browser, type Page } from '@playwright/test';
import { expectNoAccessibilityViolations } from './support/accessibility';
import { aMinimalPdf } from './support/pdf';

const PASSWORD = process.env.E2E_PASSWORD ?? 'KhuyenCong@2026';
const TODAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());
const THIS_MONTH = TODAY.slice(0, 7);

/** Signs in through the login page on the way to `path`, as a person following a link would. */
async function signedIn(page: Page, username: string, path: string): Promise<string> {
  await page.goto(path);
  await page.waitForURL(/\/login(\?|$)/);
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill(PASSWORD);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.waitForURL((url) => url.pathname === path);
  // the web app keeps the signed-in user (and its access token) in the tab's session storage
  return page.evaluate(() => {
    for (let i = 0; i < sessionStorage.length; i += 1) {
      const key = sessionStorage.key(i);
      if (key?.startsWith('oidc.user:')) return (JSON.parse(sessionStorage.getItem(key) ?? '{}') as { access_token: string }).access_token;
    }
    throw new Error('not signed in');
  });
}

async function call(request: APIRequestContext, token: string, method: 'post' | 'get', path: string, data?: unknown) {
  const response = await request[method](`/api/v1${path}`, { headers: { Authorization: `Bearer ${token}` }, data });
  expect(response.ok(), `${method} ${path}: ${await response.text()}`).toBeTruthy();
  return response.json();
}

/** What happened before monitoring, through the API: applied, reviewed, approved, monitoring started. */
async function aMonitoredProject(browser: Browser): Promise<string> {
  const tokens: Record<string, string> = {};
  let id = '';
  for (const username of ['doanhnghiep', 'thamdinh', 'pheduyet', 'giamsat']) {
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      tokens[username] = await signedIn(page, username, username === 'doanhnghiep' ? '/ho-so' : '/can-bo');
      const token = tokens[username] as string;
      if (username === 'doanhnghiep') {
        const dossier = await call(page.request, token, 'post', '/dossiers', {
          title: `Dây chuyền chế biến miến dong ${Date.now()}`,
          contentCode: 'TECHNOLOGY_TRANSFER',
          programme: 'LOCAL',
          supportKind: 'MACHINERY',
          communeCode: '19003',
          totalBudget: 400_000_000,
          requestedSupport: 150_000_000,
          counterpartFunds: 250_000_000,
          startsOn: '2027-01-15',
          endsOn: '2027-06-30',
          expectedOutcomes: 'Nâng công suất lên 2 tấn miến mỗi ngày.',
          answers: { machines: 'Máy tráng bánh: 1', supplierQuotes: 1, capacity: '2 tấn sản phẩm/ngày' },
        });
        id = dossier.id;
        const checklist = (await call(page.request, token, 'get', `/dossiers/${id}/checklist`)) as { missing: string[] };
        for (const documentType of checklist.missing) {
          const upload = await page.request.post(`/api/v1/dossiers/${id}/documents`, {
            headers: { Authorization: `Bearer ${token}` },
            multipart: {
              documentType,
              file: { name: `${documentType.toLowerCase()}.pdf`, mimeType: 'application/pdf', buffer: aMinimalPdf(documentType) },
            },
          });
          expect(upload.ok(), `${documentType}: ${await upload.text()}`).toBeTruthy();
        }
        await call(page.request, token, 'post', `/dossiers/${id}/transitions`, { event: 'SUBMIT' });
      } else if (username === 'thamdinh') {
        const criteria = (await call(page.request, token, 'get', '/catalog/review-criteria')) as { code: string; maxScore: number }[];
        await call(page.request, token, 'post', `/dossiers/${id}/transitions`, { event: 'START_REVIEW' });
        await call(page.request, token, 'post', `/dossiers/${id}/transitions`, {
          event: 'RECOMMEND',
          scores: Object.fromEntries(criteria.map((c) => [c.code, c.maxScore])),
          recommendedAmount: 120_000_000,
        });
      } else if (username === 'pheduyet') {
        await call(page.request, token, 'post', `/dossiers/${id}/transitions`, {
          event: 'APPROVE',
          decisionNumber: `${Date.now() % 100000}/QĐ-SCT`,
          approvedAmount: 100_000_000,
        });
      } else {
        await call(page.request, token, 'post', `/dossiers/${id}/transitions`, { event: 'START_MONITORING' });
      }
    } finally {
      await context.close();
    }
  }
  return id;
}

async function checked(page: Page, where: string) {
  await expectNoAccessibilityViolations(page, where);
}

test('after approval the enterprise plans and reports, the monitor pays and accepts the project', async ({ browser }) => {
  const id = await aMonitoredProject(browser);

  const enterpriseContext = await browser.newContext();
  try {
    const page = await enterpriseContext.newPage();
    await test.step('the enterprise opens the monitoring of its project from the dossier page', async () => {
      await signedIn(page, 'doanhnghiep', `/ho-so/${id}`);
      await page.getByRole('link', { name: 'Theo dõi thực hiện đề án' }).click();
      await expect(page.getByRole('heading', { level: 1, name: 'Theo dõi thực hiện đề án' })).toBeVisible();
      await expect(page.getByText(/70% kinh phí được phê duyệt/)).toBeVisible();
      await checked(page, 'the monitoring page of the enterprise');
    });

    await test.step('the enterprise draws up its plan', async () => {
      await page.getByLabel('Mốc 1: tên công việc').fill('Lắp đặt máy tráng bánh');
      await page.getByLabel('Mốc 1: ngày hoàn thành').fill('2027-03-31');
      await page.getByLabel('Mốc 1: kết quả cam kết').fill('Máy được lắp đặt tại xưởng');
      await page.getByRole('button', { name: 'Lưu kế hoạch' }).click();
      await expect(page.getByRole('table', { name: 'Kế hoạch thực hiện' })).toContainText('Lắp đặt máy tráng bánh');
      await checked(page, 'the plan saved');
    });

    await test.step('the enterprise files its monthly report, and is told what is missing first', async () => {
      await page.getByRole('button', { name: 'Nộp báo cáo' }).click();
      const summary = page.getByRole('region', { name: 'Có lỗi cần sửa' });
      await expect(summary).toBeFocused();
      await checked(page, 'the report form with its errors');
      await page.getByLabel('Kỳ báo cáo (tháng)').fill(THIS_MONTH);
      await page.getByLabel('Phần trăm hoàn thành: Lắp đặt máy tráng bánh').fill('100');
      await page.getByLabel('Giá trị khối lượng đã thực hiện (lũy kế, đồng)').fill('300.000.000');
      await page.getByLabel('Vốn đối ứng đã đầu tư (lũy kế, đồng)').fill('200.000.000');
      await page.getByRole('button', { name: 'Nộp báo cáo' }).click();
      await expect(page.getByRole('table', { name: 'Báo cáo tiến độ hằng tháng' })).toContainText(THIS_MONTH);
      await expect(page.getByRole('list', { name: 'Lịch sử thực hiện' })).toContainText('Báo cáo tiến độ');
      await checked(page, 'the report filed');
    });
  } finally {
    await enterpriseContext.close();
  }

  const monitorContext = await browser.newContext();
  try {
    const page = await monitorContext.newPage();
    await test.step('the monitor records an advance within the ceiling', async () => {
      await signedIn(page, 'giamsat', `/ho-so/${id}/theo-doi`);
      const form = page.getByRole('region', { name: 'Ghi nhận tạm ứng, thanh toán' });
      await form.getByLabel('Loại').selectOption('ADVANCE');
      await form.getByLabel('Số tiền (đồng)').fill('80.000.000');
      await form.getByLabel('Ngày chi').fill(TODAY);
      await form.getByLabel('Số chứng từ').fill('UNC-0001');
      await form.getByRole('button', { name: 'Ghi nhận' }).click();
      await expect(form.getByRole('region', { name: 'Có lỗi cần sửa' })).toContainText('70.000.000');
      await checked(page, 'the advance refused');
      await form.getByLabel('Số tiền (đồng)').fill('70.000.000');
      await form.getByRole('button', { name: 'Ghi nhận' }).click();
      await expect(page.getByRole('table', { name: 'Tạm ứng và thanh toán' })).toContainText('UNC-0001');
    });

    await test.step('the monitor accepts the project and the figures are frozen', async () => {
      const form = page.getByRole('region', { name: 'Lập biên bản nghiệm thu' });
      await form.getByLabel('Ngày nghiệm thu').fill(TODAY);
      await form.getByLabel('Số lao động được đào tạo').fill('20');
      await form.getByLabel('Số máy móc đã lắp đặt').fill('1');
      await form.getByLabel('Số máy móc đang hoạt động').fill('1');
      await form.getByLabel('Số sản phẩm').fill('1');
      await form.getByLabel('Số hội chợ, triển lãm đã tham gia').fill('0');
      await form.getByLabel('Vốn đối ứng đã thực hiện (đồng)').fill('250.000.000');
      await form.getByLabel('Kết luận nghiệm thu').fill('Máy vận hành ổn định, đạt mục tiêu đề án.');
      await form.getByRole('button', { name: 'Nghiệm thu đề án' }).click();
      const acceptance = page.getByRole('region', { name: 'Nghiệm thu và quyết toán' });
      await expect(acceptance).toContainText('Đã nghiệm thu');
      await expect(acceptance).toContainText('70.000.000');
      await expect(page.getByRole('list', { name: 'Lịch sử thực hiện' })).toContainText('Nghiệm thu');
      await checked(page, 'the project accepted');
    });
  } finally {
    await monitorContext.close();
  }
});
