import { describe, expect, it } from 'vitest';
import { appAndBrowser, ARTIFACTS, axeViolations, createBoard, joinBoard, newDevice, newPhone, waitForStatus } from './support';

/** Joining by code on a small phone: the code, the board it opens, and every way it can go wrong. */
describe('join by code', () => {
  const suite = appAndBrowser();

  it('works at 320 px, forgives case and spaces, and says clearly when a code is wrong, closed or rate limited', async () => {
    const board = await createBoard(suite.app.url, { template: 'citizens' });
    const fac = await newDevice(suite.browser);
    await joinBoard(fac.page, board.links.facilitator, 'Fie');
    const code = (await fac.page.locator('[data-join-code]').first().getAttribute('data-join-code'))!;

    // The start page points people with a code to the join page.
    const phone = await newPhone(suite.browser, 320, 640);
    const { page } = phone;
    await page.goto(`${suite.app.url}/`);
    await page.getByRole('link', { name: 'Deltag med koden fra skærmen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Deltag med en kode' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: `${ARTIFACTS}/join-320.png`, fullPage: true });

    const field = page.getByLabel('Kode', { exact: true });
    const find = page.getByRole('button', { name: 'Find tavlen' });
    // Caught on the phone, before it costs one of the few wrong attempts a minute allows.
    await field.fill('kq7');
    await find.click();
    await page.getByRole('alert').filter({ hasText: 'Koden har 6 tegn' }).waitFor();
    await field.fill('AAA AAA');
    await find.click();
    await page.getByRole('alert').filter({ hasText: 'Ingen tavle har den kode' }).waitFor();
    expect(await field.getAttribute('aria-invalid')).toBe('true');

    // Too many attempts from one network: the wait the server asks for is said in words.
    await page.route('**/api/join/*', (route) =>
      route.fulfill({
        status: 429,
        headers: { 'content-type': 'application/json', 'retry-after': '42' },
        body: JSON.stringify({ ok: false, error: { code: 'RATE_LIMITED', message: 'Too many attempts.' } }),
      }),
    );
    await field.fill(code);
    await find.click();
    await page.getByRole('alert').filter({ hasText: 'Prøv igen om 42 sekunder' }).waitFor();
    await page.unroute('**/api/join/*');

    // The facilitator closes joining: the phone learns it before anyone types a name.
    await fac.page.getByRole('button', { name: 'Tag imod nye deltagere' }).click();
    await fac.page.locator('.toggle[aria-pressed="false"]', { hasText: 'Tag imod nye deltagere' }).waitFor();
    await page.goto(`${suite.app.url}/join/${code.toLowerCase()}`);
    await page.getByRole('alert').filter({ hasText: 'Facilitatoren har lukket for nye deltagere' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);

    // Open again; in English this time.
    await fac.page.getByRole('button', { name: 'Tag imod nye deltagere' }).click();
    await fac.page.locator('.toggle[aria-pressed="true"]', { hasText: 'Tag imod nye deltagere' }).waitFor();
    await page.getByLabel('Sprog', { exact: true }).selectOption('en');
    await page.getByRole('button', { name: 'Try again' }).click();
    await page.getByRole('heading', { level: 1, name: /^Join/ }).waitFor();
    await page.getByLabel('Stay anonymous').check();
    await page.getByLabel('I take part as').selectOption('politician');
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Go to the board' }).click();
    await page.getByRole('heading', { level: 2, name: 'Add an idea' }).waitFor();
    await waitForStatus(page, 'saved');
    expect(new URL(page.url()).pathname).toBe(`/b/${board.boardId}`);

    // The facilitator sees the new person; the phone's session is kept like a link's.
    await fac.page.locator('.people__person', { hasText: 'Politiker' }).waitFor();
    await page.reload();
    await page.getByRole('heading', { level: 2, name: 'Add an idea' }).waitFor();
    // Back on the join page, the phone is told it is already in.
    await page.goto(`${suite.app.url}/join/${code}`);
    await page.getByRole('link', { name: 'Go to the board' }).waitFor();

    await Promise.all([fac.context.close(), phone.context.close()]);
  });

  it('names the board a link joins before anyone signs in, and says at once when the board is gone', async () => {
    const board = await createBoard(suite.app.url, { template: 'kickoff', title: 'Visionsværksted i Ishøj' });
    const { page, context } = await newPhone(suite.browser);
    await page.goto(board.links.participant);
    await page.getByRole('heading', { level: 1, name: 'Deltag i «Visionsværksted i Ishøj»' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.goto(`${suite.app.url}/b/NoSuchBoard123#k=whatever`);
    await page.getByRole('heading', { level: 1, name: 'Tavlen findes ikke' }).waitFor();
    await context.close();
  });
});
