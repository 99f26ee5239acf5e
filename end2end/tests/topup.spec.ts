import { test, expect } from '@playwright/test';
import { approve, confirmYes, hydrated, newPartner, operatorContext, shot, signedInPartner } from './helpers';

// scripts/test.sh starts the payment service simulator (seed 003), as `make run` does.
const SIM = process.env.PAYMENT_SIM_URL ?? 'http://127.0.0.1:9500';

test('the partner tops up by VA, the simulator pays, the page says Berhasil by itself; GoPay shows its QR', async ({ browser }) => {
  test.setTimeout(240_000);
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  const p = newPartner();
  p.company = `PT. TOPUP ${p.phone.slice(-6)}`;
  await signedInPartner(page, p);
  await approve(page, browser, p.company);

  // From the dashboard's deposit card.
  await page.goto('/dashboard');
  await hydrated(page);
  await expect(page.getByTestId('deposit')).toHaveText('Rp 0');
  await page.getByRole('main').getByRole('link', { name: 'Top Up Deposit' }).click();
  await expect(page).toHaveURL(/\/deposit\/top-up$/);
  await hydrated(page);
  await expect(page.getByRole('heading', { name: 'Top Up Deposit', exact: true })).toBeVisible();

  // The amount is grouped while typed; an unavailable bank is greyed with why.
  const amount = page.getByLabel('Nominal Top Up');
  await amount.pressSequentially('1000000');
  await expect(amount).toHaveValue('1.000.000');
  await expect(page.getByRole('radio', { name: /VA BNI/ })).toBeDisabled();
  await expect(page.getByText('sedang tidak tersedia')).toBeVisible();
  await shot(page, '90-topup');
  await page.getByRole('radio', { name: /VA BCA/ }).check();
  await page.getByRole('button', { name: 'Buat Tagihan' }).click();

  // What to pay: the VA, the exact amount with its unique code, the countdown.
  const howTo = page.getByTestId('topup-instructions');
  await expect(howTo.getByTestId('topup-status')).toHaveText('Menunggu Pembayaran');
  await expect(howTo.getByTestId('topup-va')).toHaveText(/^8808\d{12}$/);
  await expect(howTo.getByText('termasuk kode unik')).toBeVisible();
  await expect(howTo.getByTestId('topup-countdown')).toHaveText(/^(59|60):\d\d$/);
  const orderId = (await howTo.getByRole('heading').locator('code').textContent()) ?? '';
  const toPay = (await howTo.getByTestId('topup-amount').textContent()) ?? '';
  expect(toPay).toMatch(/^Rp 1\.00[0-2]\.\d{3}$/);
  await shot(page, '91-topup-va');

  // The payer, at the payment service's own page: "Bayar".
  const sim = await ctx.newPage();
  await sim.goto(SIM + '/');
  await sim.getByRole('row').filter({ hasText: orderId }).getByRole('button', { name: 'Bayar' }).click();
  await expect(sim.locator('body')).toContainText('"status":true');
  await sim.goto(SIM + '/');
  await shot(sim, '92-payment-simulator');
  await sim.close();

  // No reload: the page asks by itself, and the deposit follows.
  await expect(howTo.getByTestId('topup-status')).toHaveText('Berhasil', { timeout: 15_000 });
  await expect(page.getByTestId('topup-deposit')).toHaveText(toPay);
  await expect(page.getByTestId('topup-row').first()).toContainText('Berhasil');
  await shot(page, '93-topup-berhasil');
  await page.goto('/dashboard');
  await hydrated(page);
  await expect(page.getByTestId('deposit')).toHaveText(toPay);

  // GoPay: a QR code drawn by the portal (no image from elsewhere).
  await page.goto('/deposit/top-up');
  await hydrated(page);
  await page.getByLabel('Nominal Top Up').pressSequentially('50000');
  await page.getByRole('radio', { name: /GoPay/ }).check();
  await page.getByRole('button', { name: 'Buat Tagihan' }).click();
  await expect(page.getByTestId('topup-qr').locator('svg')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Buka aplikasi GoPay' })).toHaveAttribute('href', /^gojek:\/\//);
  await shot(page, '94-topup-gopay');
  await page.setViewportSize({ width: 390, height: 844 });
  await shot(page, '94b-topup-gopay-phone');

  // A permanent VA per bank; money sent there is swept to the deposit.
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.getByRole('button', { name: 'Buat Virtual Account Permanen' }).click();
  const bca = page.getByRole('table', { name: 'Virtual Account Permanen' }).getByRole('row').filter({ hasText: 'BCA' });
  await expect(bca).toBeVisible();
  const vaNumber = (await bca.locator('code').textContent()) ?? '';
  await shot(page, '96-topup-va-permanen');
  const transfer = await page.request.post(`${SIM}/sim/pay`, { form: { va_number: vaNumber, amount: '250000' } });
  expect(transfer.ok()).toBeTruthy();
  const before = Number(toPay.replace(/\D/g, ''));
  const expected = 'Rp ' + (before + 250_000).toLocaleString('de-DE');
  await expect
    .poll(async () => {
      await page.reload();
      return page.getByTestId('topup-deposit').textContent();
    }, { timeout: 60_000, intervals: [3_000] })
    .toBe(expected);

  // Rekening Koran: the top-ups with the balance after each, and its CSV.
  await page.getByRole('navigation').getByRole('link', { name: 'Rekening Koran' }).click();
  await expect(page).toHaveURL(/\/laporan\/rekening-koran$/);
  await hydrated(page);
  await expect(page.getByTestId('statement-closing')).toHaveText(expected);
  await expect(page.getByTestId('statement-row')).toHaveCount(2);
  await shot(page, '97-rekening-koran');
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Unduh CSV' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^rekening-koran_DJI\d+_\d{8}_\d{8}\.csv$/);
  const excel = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Unduh Excel' }).click();
  expect((await excel).suggestedFilename()).toMatch(/\.xlsx$/);

  // Status Transaksi: no payment yet in production, said so.
  await page.getByRole('navigation').getByRole('link', { name: 'Status Transaksi' }).click();
  await expect(page).toHaveURL(/\/laporan\/status-transaksi$/);
  await hydrated(page);
  await expect(page.getByText('Tidak ada transaksi yang cocok.')).toBeVisible();
  await page.getByLabel('Lingkungan').selectOption('development');
  await page.getByRole('button', { name: 'Tampilkan' }).click();
  await expect(page.getByText('Tidak ada transaksi yang cocok.')).toBeVisible();
  await shot(page, '98-status-transaksi');
  await page.getByRole('navigation').getByRole('link', { name: 'Pelunasan Harian' }).click();
  await expect(page).toHaveURL(/\/laporan\/pelunasan-harian$/);
  await hydrated(page);
  await expect(page.getByText('Tidak ada pembayaran pada hari ini.')).toBeVisible();
  await shot(page, '99-pelunasan-harian');

  // Finance sees both, with the webhook that settled the first.
  const staffCtx = await operatorContext(browser);
  const staff = await staffCtx.newPage();
  await staff.goto('/admin/top-up');
  await hydrated(staff);
  await expect(staff.getByRole('heading', { name: 'Top Up Deposit Mitra' })).toBeVisible();
  const settled = staff.getByTestId('topup-case').filter({ hasText: orderId });
  await expect(settled).toContainText('Berhasil');
  await settled.getByText(/credited/).click();
  await expect(settled).toContainText('"transaction":"multipayment"');
  await shot(staff, '95-admin-topup');

  // Paid short: a Selisih; deciding it without a reason is refused, said beside it.
  await page.goto('/deposit/top-up');
  await hydrated(page);
  await page.getByLabel('Nominal Top Up').pressSequentially('20000');
  await page.getByRole('radio', { name: /VA Mandiri/ }).check();
  await page.getByRole('button', { name: 'Buat Tagihan' }).click();
  const short = page.getByTestId('topup-instructions');
  const shortId = (await short.getByRole('heading').locator('code').textContent()) ?? '';
  const paidShort = await page.request.post(`${SIM}/sim/pay`, { form: { order_id: shortId, amount: '19000' } });
  expect(paidShort.ok()).toBeTruthy();
  await expect(short.getByTestId('topup-status')).toHaveText('Selisih', { timeout: 15_000 });
  await staff.reload();
  await hydrated(staff);
  const selisih = staff.getByTestId('topup-case').filter({ hasText: shortId });
  await selisih.getByRole('button', { name: 'Kreditkan' }).click();
  await confirmYes(staff);
  await expect(selisih.getByRole('alert')).toHaveText('Wajib diisi');
  await staffCtx.close();
  await ctx.close();
});
