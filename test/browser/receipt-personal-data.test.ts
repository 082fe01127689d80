import { describe, expect, it } from 'vitest';
import { io as ioClient, type Socket } from 'socket.io-client';
import { PROTOCOL_VERSION, randomId, type Ack, type ClientToServerEvents, type ContributionReceipt, type ReceiptView, type ServerToClientEvents } from '../../shared';
import { appAndBrowser, axeViolations, createBoard, createSession, newPhone } from './support';

/** The receipt page's own-data buttons: download, and delete only after a confirmation step. */
describe('receipt page: my data', () => {
  const suite = appAndBrowser();

  it('downloads the contributor\u2019s data and deletes it after confirmation', async () => {
    const board = await createBoard(suite.app.url, { template: 'kickoff' });
    const session = await createSession(suite.app.url, board, 'facilitator', 'Mette');
    const socket: Socket<ServerToClientEvents, ClientToServerEvents> = ioClient(suite.app.url, {
      auth: { session: session.sessionToken, protocolVersion: PROTOCOL_VERSION },
      transports: ['websocket'],
      forceNew: true,
    });
    const configured = await socket.emitWithAck('call:configure', { enabled: true, opensAt: null, closesAt: null, moderation: 'pre' });
    socket.close();
    if (!configured.ok) throw new Error(configured.error.code);
    const res = await fetch(`${suite.app.url}/api/calls/${configured.data.callId}/contributions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ id: randomId(16), text: 'En legeplads ved søen', email: 'lise@example.dk', consent: true }),
    });
    const sent = (await res.json()) as Ack<ContributionReceipt>;
    if (!sent.ok) throw new Error(sent.error.code);
    const code = sent.data.receipt;

    const { context, page } = await newPhone(suite.browser, 320, 640);
    try {
      await page.goto(`${suite.app.url}/r/${code}`);
      await page.getByRole('heading', { name: 'Dine data' }).waitFor();
      expect(await axeViolations(page)).toEqual([]);

      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Hent mine data' }).click()]);
      expect(download.suggestedFilename()).toBe(`samskab-${code}.json`);
      const saved = await download.path();
      const { readFile } = await import('node:fs/promises');
      const exported = JSON.parse(await readFile(saved, 'utf8')) as { emails: Array<{ email: string }>; ideas: Array<{ text: string }> };
      expect(exported.emails.map((e) => e.email)).toEqual(['lise@example.dk']);
      expect(exported.ideas.map((i) => i.text)).toEqual(['En legeplads ved søen']);

      await page.getByRole('button', { name: 'Slet mine data' }).click();
      const dialog = page.getByRole('alertdialog', { name: 'Slet dit bidrag og din e-mailadresse?' });
      await dialog.waitFor();
      expect(await axeViolations(page)).toEqual([]);
      // Cancelling changes nothing.
      await dialog.getByRole('button', { name: 'Annuller' }).click();
      expect((await fetch(`${suite.app.url}/api/receipts/${code}`)).status).toBe(200);

      await page.getByRole('button', { name: 'Slet mine data' }).click();
      await page.getByRole('button', { name: 'Ja, slet alt' }).click();
      await page.getByRole('status').filter({ hasText: 'Dine data er slettet' }).waitFor();
      // The code now says only that the contribution was deleted (it used to be unknown: 404).
      const after = (await (await fetch(`${suite.app.url}/api/receipts/${code}`)).json()) as Ack<ReceiptView>;
      expect(after).toMatchObject({ ok: true, data: { state: 'removed', deleted: true, text: '' } });
      expect(await axeViolations(page)).toEqual([]);
      await page.reload();
      await page.getByText('Bidraget er slettet for altid.').waitFor();
      expect(await page.getByText('En legeplads ved søen').count()).toBe(0);
      expect(await page.getByRole('heading', { name: 'Dine data' }).count()).toBe(0);
    } finally {
      await context.close();
    }
  });
});
