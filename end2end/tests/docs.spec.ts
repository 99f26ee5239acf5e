import { test, expect } from '@playwright/test';
import { approve, hydrated, mailText, newPartner, shot, signedInPartner } from './helpers';

test('Koneksi → Dokumentasi: every page renders from the real gateway, examples carry the partner\'s merchant ID', async ({ browser }) => {
  test.setTimeout(180_000);
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  const p = newPartner();
  p.company = `PT. DOKUMEN ${p.phone.slice(-6)}`;
  await signedInPartner(page, p);
  await approve(page, browser, p.company);

  // Koneksi has two tabs; Dokumentasi opens on Revisi.
  await page.goto('/koneksi');
  await hydrated(page);
  await page.getByRole('link', { name: 'Dokumentasi' }).click();
  await expect(page).toHaveURL(/\/koneksi\/dokumentasi$/);
  await hydrated(page);
  await expect(page.getByRole('heading', { name: 'Revisi' })).toBeVisible();
  await shot(page, '110-dokumentasi-revisi');

  const nav = page.getByRole('navigation', { name: 'Halaman dokumentasi' });
  // Authentikasi: the documentation's vector, computed by the gateway's code.
  await nav.getByRole('link', { name: 'Authentikasi' }).click();
  await hydrated(page);
  await expect(page.getByTestId('digest-vector')).toContainText('484dd8a019733c0f7fc4b9fdc61a89ab');
  await expect(page.getByTestId('digest-vector')).toContainText('091fe21c24dbb5481447d302db7632fc');
  await expect(page.getByText('16c97c15f19dff737dceb4a8e93684b6')).toBeVisible();
  await shot(page, '111-dokumentasi-authentikasi');

  // Every endpoint page: its diagram, its fields and its examples.
  const merchant = (await mailText(p.email, 'Kode Petugas')).match(/ID Merchant\s+(\S+)/)![1];
  for (const [name, example] of [
    ['Sign On', 'sign-on'],
    ['Inquiry', 'inquiry-pln'],
    ['Payment', 'payment-pln'],
    ['Single Payment', 'single-payment'],
    ['Check Status', 'check-status'],
    ['Daftar Harga Pulsa', 'pulsa-prices'],
    ['Cek Deposit', 'deposit'],
    ['Cek Status Produk', 'active-products'],
  ]) {
    await nav.getByRole('link', { name, exact: true }).click();
    await hydrated(page);
    await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
    await expect(page.locator('.sequence svg')).toBeVisible();
    const ex = page.getByTestId(`example-${example}`);
    await expect(ex).toBeVisible();
    await expect(ex).not.toContainText('{merchantID}');
    await expect(ex).toContainText(merchant);
  }
  await nav.getByRole('link', { name: 'Inquiry', exact: true }).click();
  await hydrated(page);
  await expect(page.getByTestId('example-inquiry-pln')).toContainText('"rc": "00"');
  await shot(page, '112-dokumentasi-inquiry');

  // Daftar Kode Response from the gateway's table, with the pending rule.
  await nav.getByRole('link', { name: 'Daftar Kode Response' }).click();
  await hydrated(page);
  await expect(page.getByText('Penting!!')).toBeVisible();
  const rc71 = page.getByTestId('rc-row').filter({ hasText: 'Transaksi sedang diproses' });
  await expect(rc71).toContainText('Pending');
  await shot(page, '113-dokumentasi-kode-response');

  // Daftar Produk from the live catalog, per category.
  await nav.getByRole('link', { name: 'Daftar Produk' }).click();
  await hydrated(page);
  await expect(page.getByRole('heading', { name: 'PULSA', exact: true })).toBeVisible();
  await expect(page.getByText('501021')).toBeVisible();
  await shot(page, '114-dokumentasi-daftar-produk');

  // The OpenAPI document downloads from the sub-navigation.
  const api = page.waitForEvent('download');
  await nav.getByRole('link', { name: 'Unduh OpenAPI 3.1 (JSON)' }).click();
  expect((await api).suggestedFilename()).toBe('web-open-api.openapi.json');
  const postman = page.waitForEvent('download');
  await nav.getByRole('link', { name: 'Unduh koleksi Postman' }).click();
  expect((await postman).suggestedFilename()).toBe('web-open-api.postman.json');

  // On a phone the sub-navigation runs across the top.
  await page.setViewportSize({ width: 390, height: 844 });
  await nav.getByRole('link', { name: 'Payment', exact: true }).click();
  await hydrated(page);
  await shot(page, '115-dokumentasi-payment-hp');
  await ctx.close();
});
