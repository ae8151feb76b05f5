import { test } from '@playwright/test';
import { anAdministrator, aPhoneUser, anEnterprise, anOfficer, aVisitor } from './support/story';

test.describe.configure({ mode: 'serial' });

test('an enterprise applies online step by step, the agency asks for a supplement, reviews and approves, anyone can track the dossier by its code', async ({ page, browser }) => {
  // The longest journey: four people, some forty checked steps, every document of the checklist uploaded.
  test.setTimeout(420_000);
  const enterprise = anEnterprise(page);
  await enterprise.givenIOpenTheHomePage();
  await enterprise.whenIChooseToSignIn();
  await enterprise.whenISignInAs('doanhnghiep');
  await enterprise.thenIAmSignedIn();
  await enterprise.whenIStartANewDossier();
  await enterprise.whenIContinueWithoutAnswers();
  await enterprise.thenISeeWhatIsMissing();
  await enterprise.whenIChooseWhatIApplyFor();
  await enterprise.whenIDescribeTheProject();
  await enterprise.whenIEnterTheBudget();
  await enterprise.whenIAnswerTheContentsQuestions();
  await enterprise.whenIUploadTheRequiredDocuments();
  await enterprise.thenISeeEachWithItsSha256();
  await enterprise.thenICheckMyAnswers();
  await enterprise.whenIChangeAnAnswer();
  await enterprise.whenILeaveAndComeBackFromMyDossiers();
  await enterprise.whenISubmitTheDossier();
  await enterprise.andIConfirm();
  const code = await enterprise.thenISeeTheReceipt();
  await enterprise.thenItPrintsWithoutTheSiteAround();

  // Someone else, on another browser, not signed in.
  const context = await browser.newContext();
  try {
    const visitor = aVisitor(await context.newPage());
    await visitor.whenILookUp(code);
    await visitor.thenISeeTheStatus(code, 'Đã tiếp nhận');
  } finally {
    await context.close();
  }

  // The reviewer takes the dossier from the agency's queue and asks for one supplement.
  const reviewerContext = await browser.newContext();
  try {
    const reviewer = anOfficer(await reviewerContext.newPage(), 'thamdinh');
    await reviewer.givenIOpenMyQueue();
    await reviewer.thenISeeTheQueueByDeadline(code);
    await reviewer.whenIAssignItToMyself(code);
    await reviewer.whenIOpenTheDossier(code);
    await reviewer.whenIPreviewTheRequestLetter();
    await reviewer.whenIStartTheReview();
    await reviewer.whenIRequestASupplement();
  } finally {
    await reviewerContext.close();
  }

  // The enterprise answers it through the same form.
  await enterprise.whenIAnswerTheSupplementRequest();

  // The reviewer scores and recommends; the approver approves, each in a browser of their own.
  const secondReviewerContext = await browser.newContext();
  try {
    const reviewer = anOfficer(await secondReviewerContext.newPage(), 'thamdinh');
    await reviewer.givenIOpenMyQueue();
    await reviewer.whenIOpenTheDossier(code);
    await reviewer.whenIScoreAndRecommend();
  } finally {
    await secondReviewerContext.close();
  }

  const approverContext = await browser.newContext();
  try {
    const approver = anOfficer(await approverContext.newPage(), 'pheduyet');
    await approver.givenIOpenMyQueue();
    await approver.whenIOpenTheDossier(code);
    await approver.whenIApprove();
  } finally {
    await approverContext.close();
  }

  const lastContext = await browser.newContext();
  try {
    const visitor = aVisitor(await lastContext.newPage());
    await visitor.whenILookUp(code);
    await visitor.thenISeeTheStatus(code, 'Đã phê duyệt');
  } finally {
    await lastContext.close();
  }

  // The enterprise's computer is shared at the commune office: signing out signs out.
  await enterprise.whenISignOut();
  await enterprise.thenTheNextVisitAsksForThePassword();
});

test('an administrator keeps the catalogue: contents, caps, funding calls, holidays, agencies', async ({ page }) => {
  const administrator = anAdministrator(page);
  await administrator.givenIOpenTheCatalogue();
  await administrator.whenIOpenAContent();
  await administrator.whenILookAtTheCaps();
  await administrator.whenILookAtTheFundingCalls();
  await administrator.whenIAddAHoliday();
  await administrator.andRemoveItAgain();
  await administrator.whenILookAtTheAgencies();
});

test('a code that matches no dossier is reported clearly', async ({ page }) => {
  const visitor = aVisitor(page);
  const unknown = '000.00.00.H00-000101-0000';
  await visitor.whenILookUp(unknown);
  await visitor.thenIAmToldTheCodeIsUnknown(unknown);
});

test('the public pages fit a 360 px wide phone, in both languages', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
  try {
    const phone = aPhoneUser(await context.newPage());
    await phone.whenIOpen('/', 'Đề nghị hỗ trợ khuyến công trực tuyến');
    await phone.whenISwitchToEnglish();
    await phone.andBackToVietnamese();
    await phone.whenIOpen('/tra-cuu', 'Tra cứu hồ sơ');
  } finally {
    await context.close();
  }
});
