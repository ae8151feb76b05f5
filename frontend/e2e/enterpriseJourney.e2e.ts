import { test } from '@playwright/test';
import { aPhoneUser, anEnterprise, anOfficer, aVisitor } from './support/story';

test.describe.configure({ mode: 'serial' });

test('an enterprise applies online, the agency reviews and approves, anyone can track the dossier by its code', async ({ page, browser }) => {
  const enterprise = anEnterprise(page);
  await enterprise.givenIOpenTheHomePage();
  await enterprise.whenIChooseToSignIn();
  await enterprise.whenISignInAs('doanhnghiep');
  await enterprise.thenIAmSignedIn();
  await enterprise.whenIStartANewDossier();
  await enterprise.whenISaveItWithoutAnswers();
  await enterprise.thenISeeWhatIsMissing();
  await enterprise.whenIStartTheProjectAndSave();
  await enterprise.thenISeeMyDraft();
  await enterprise.whenIUploadTheRequestLetter();
  await enterprise.thenISeeItsSha256();
  await enterprise.whenISubmitTheDossier();
  await enterprise.andIConfirm();
  await enterprise.thenIAmToldWhatTheFormLacks();
  await enterprise.whenIFollowTheLinkToAMissingAnswer();
  await enterprise.whenICompleteTheFormAndSave();
  await enterprise.whenISubmitTheDossier();
  await enterprise.andIConfirm();
  const code = await enterprise.thenISeeTheDossierCode();

  // Someone else, on another browser, not signed in.
  const context = await browser.newContext();
  try {
    const visitor = aVisitor(await context.newPage());
    await visitor.whenILookUp(code);
    await visitor.thenISeeTheStatus(code, 'Đã tiếp nhận');
  } finally {
    await context.close();
  }

  // The agency reviews and approves it, each officer in a browser of their own.
  const reviewerContext = await browser.newContext();
  try {
    const reviewer = anOfficer(await reviewerContext.newPage(), 'thamdinh');
    await reviewer.givenIOpenMyQueue();
    await reviewer.whenIOpenTheDossier(code);
    await reviewer.whenIStartTheReview();
    await reviewer.whenIScoreAndRecommend();
  } finally {
    await reviewerContext.close();
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
