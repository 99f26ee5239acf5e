import { test, expect } from '@playwright/test';
import {
  GATEWAY_DEV, approve, call, credentialsFrom, hydrated, mailText, newPartner, operatorContext, shot, signedInPartner,
} from './helpers';

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
  // The code samples, made on the server for this partner.
  await nav.getByRole('link', { name: 'Sign On', exact: true }).click();
  await hydrated(page);
  const sample = page.getByTestId('sample-python3');
  await sample.locator('summary').click();
  await expect(sample).toContainText(`MERCHANT = "${merchant}"`);
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

test('Coba API signs on and asks a bill as the partner; the debugger explains a wrong password', async ({ browser }) => {
  test.setTimeout(180_000);
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  const p = newPartner();
  p.company = `PT. COBA API ${p.phone.slice(-6)}`;
  await signedInPartner(page, p);
  await approve(page, browser, p.company);
  // Development serves the products the partner chose (else rc 41).
  await call(page, 'products_choose', { 'codes[0]': '100301' });

  // Sign On as pre-filled: the 401 round trip, the signed request masked.
  await page.goto('/koneksi/dokumentasi/coba-api');
  await hydrated(page);
  await expect(page.getByRole('heading', { level: 1, name: 'Coba API' })).toBeVisible();
  const body = page.getByLabel('Body (JSON)');
  await expect(body).toHaveValue(/"merchantID": "DJI\d+"/);
  await page.getByRole('button', { name: 'Kirim' }).click();
  const result = page.getByTestId('try-result');
  await expect(result).toContainText('HTTP/1.1 401 Unauthorized');
  await expect(result).toContainText('www-authenticate: Digest realm=');
  await expect(result).toContainText('response="••••••••');
  await expect(result).toContainText('"SessionID": "••••••••');
  await expect(page.getByTestId('try-rc')).toHaveText('200');
  await shot(page, '116-coba-api-sign-on');

  // An Inquiry with the session just opened: rc 00, and its Log API entry.
  await page.getByLabel('Layanan').selectOption('inquiry-pln');
  await expect(body).toHaveValue(/110100019766/);
  await expect(body).toHaveValue(/\{sessionID\}/);
  await page.getByRole('button', { name: 'Kirim' }).click();
  await expect(page.getByTestId('try-rc')).toHaveText('00');
  await expect(result).toContainText('"nama": "PELANGGAN 9766"');
  await shot(page, '117-coba-api-inquiry');
  await page.getByTestId('try-log').click();
  await hydrated(page);
  await expect(page.getByTestId('log-auth')).toHaveText('Berhasil');
  await expect(page.getByText('Coba API', { exact: true })).toBeVisible();

  // A call with a wrong password from this machine (whitelisted for development).
  const ip = await call(page, 'ip_add', { environment: 'development', ip: '127.0.0.1' });
  const staffCtx = await operatorContext(browser);
  await call(await staffCtx.newPage(), 'ip_decide', { id: ip.id, approve: 'true', reason: '' });
  await staffCtx.close();
  const creds = credentialsFrom(await mailText(p.email, 'Transaksi (Development)'), 'Development');
  const crypto = await import('crypto');
  const md5 = (s: string) => crypto.createHash('md5').update(s).digest('hex');
  const challenge = (await fetch(`${GATEWAY_DEV}/auth/Sign-On`, { method: 'POST' })).headers.get('www-authenticate')!;
  const param = (k: string) => challenge.match(new RegExp(`${k}="([^"]*)"`))![1];
  const ha1 = md5(`${creds.user}:${param('realm')}:bukan-password-saya`);
  const response = md5(`${ha1}:${param('nonce')}:00000001:0a4f113b:auth:${md5('POST:/auth/Sign-On')}`);
  const header = `Digest username="${creds.user}", realm="${param('realm')}", nonce="${param('nonce')}", ` +
    `uri="/auth/Sign-On", qop=auth, nc=00000001, cnonce="0a4f113b", response="${response}"`;
  const refused = await fetch(`${GATEWAY_DEV}/auth/Sign-On`, { method: 'POST', headers: { authorization: header }, body: '{}' });
  expect(refused.status).toBe(401);

  // Log API says why, and checks the pasted header part by part.
  await page.goto('/integrasi/log?auth=wrong_password');
  await hydrated(page);
  await page.getByRole('link', { name: /^Detail/ }).first().click();
  await hydrated(page);
  await expect(page.getByTestId('why')).toContainText('password salah');
  await page.getByLabel('Header Authorization', { exact: true }).fill(header);
  await page.getByRole('button', { name: 'Periksa' }).click();
  await expect(page.getByTestId('check-verdict')).toContainText('Password salah untuk user ini');
  await expect(page.getByTestId('check-row').filter({ hasText: 'response' })).toContainText('Salah: password salah');
  await expect(page.getByTestId('check-row').filter({ hasText: 'realm' })).toContainText('Sesuai');
  await expect(page.getByTestId('check-row').filter({ hasText: 'nonce' }).first()).toContainText('Dikeluarkan gateway ini');
  await shot(page, '118-debugger-password-salah');
  await ctx.close();
});
