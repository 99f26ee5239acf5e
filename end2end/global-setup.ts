import { chromium, expect, FullConfig } from '@playwright/test';
import * as fs from 'fs';
import * as path from 'path';
import { field, hydrated, OPERATOR_SECRET_FILE, OPERATOR_STATE_FILE, shot, totp } from './tests/helpers';

/**
 * The operator is an admin, and admins must set up two-step verification
 * at their first sign-in: done once here, through the real page, before the
 * tests run in parallel. The secret is left for `staffLogin`, the signed-in
 * session for `operatorContext`.
 */
export default async function globalSetup(config: FullConfig) {
  const use = config.projects[0].use;
  const browser = await chromium.launch({ executablePath: use.launchOptions?.executablePath, args: use.launchOptions?.args });
  const context = await browser.newContext({ baseURL: use.baseURL, locale: 'id-ID' });
  const page = await context.newPage();
  await page.goto('/admin');
  await hydrated(page);
  await field(page, 'Email').fill(process.env.OPERATOR_EMAIL!);
  await field(page, 'Password').fill(process.env.OPERATOR_PASSWORD!);
  await page.getByRole('button', { name: 'Masuk' }).click();
  await expect(page.getByRole('heading', { name: 'Aktifkan Verifikasi Dua Langkah' })).toBeVisible();
  await expect(page.locator('.qr svg')).toBeVisible();
  await shot(page, '19-admin-totp-enrol');
  const secret = (await page.getByTestId('totp-secret').innerText()).trim();
  await field(page, 'Kode 6 digit dari aplikasi autentikator').fill('123');
  await page.getByRole('button', { name: 'Verifikasi' }).click();
  await expect(page.getByText('Kode terdiri dari 6 angka')).toBeVisible();
  await field(page, 'Kode 6 digit dari aplikasi autentikator').fill(totp(secret));
  await page.getByRole('button', { name: 'Verifikasi' }).click();
  await expect(page).toHaveURL(/\/admin\/beranda$/);
  fs.mkdirSync(path.dirname(OPERATOR_SECRET_FILE), { recursive: true });
  fs.writeFileSync(OPERATOR_SECRET_FILE, secret);
  // Tests reuse this signed-in session: a code works once and wrong codes
  // are limited, so parallel tests must not all sign in again.
  await page.context().storageState({ path: OPERATOR_STATE_FILE });
  await browser.close();
}
