import { test, expect } from '@playwright/test';
import { hydrated, shot, field } from './helpers';

test('the seeded operator logs in to the back office', async ({ page }) => {
  const email = process.env.OPERATOR_EMAIL;
  const password = process.env.OPERATOR_PASSWORD;
  // scripts/test.sh reads them from the server's first-start banner.
  expect(email, 'OPERATOR_EMAIL').toBeTruthy();
  expect(password, 'OPERATOR_PASSWORD').toBeTruthy();
  await page.goto('/admin');
  await hydrated(page);
  await shot(page, '20-admin-login');
  await field(page, 'Email').fill(email!);
  await field(page, 'Password').fill('salah-sekali1');
  await page.getByRole('button', { name: 'Masuk' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'salah' })).toBeVisible();
  await field(page, 'Password').fill(password!);
  await page.getByRole('button', { name: 'Masuk' }).click();
  await expect(page).toHaveURL(/\/admin\/beranda$/);
  await expect(page.getByRole('heading', { name: 'Selamat datang di Back Office' })).toBeVisible();
  await shot(page, '21-admin-beranda');
});
