import { test, expect } from '@playwright/test';
import { hydrated, operatorContext, shot } from './helpers';

test('staff see each biller: simulator mark, connection, balance asked on demand, latest calls', async ({ browser }) => {
  const ctx = await operatorContext(browser);
  const page = await ctx.newPage();
  await page.goto('/admin/beranda');
  await page.getByRole('link', { name: 'Biller', exact: true }).click();
  await expect(page).toHaveURL(/\/admin\/biller$/);
  await hydrated(page);
  await expect(page.getByRole('heading', { name: 'Biller', exact: true })).toBeVisible();

  // scripts/test.sh configures the two simulators, as `make run` does.
  const pulsa = page.getByRole('region', { name: 'pulsa' });
  const pdam = page.getByRole('region', { name: 'pdam' });
  await expect(pulsa.getByTestId('biller-simulator')).toHaveText('Simulator');
  await expect(pdam.getByTestId('biller-simulator')).toHaveText('Simulator');
  await expect(pulsa.getByText('Provider pulsa & paket data')).toBeVisible();
  await expect(pulsa.getByText('Normal')).toBeVisible();
  // The products routed to it, with their code at the provider.
  await expect(pulsa.getByRole('textbox', { name: 'Kode di biller 501021' })).toBeVisible();
  await expect(pdam.getByText('PDAM Kota Bandung')).toBeVisible();

  // The provider's balance, asked now, and the call in the list (pin masked).
  await pulsa.getByRole('button', { name: 'Cek Saldo' }).click();
  await expect(pulsa.getByTestId('biller-balance')).toContainText('Rp 50.000.000');
  const call = pulsa.getByRole('row').filter({ hasText: 'balance' });
  await expect(call).toContainText('pin=***');
  await expect(call).not.toContainText('rahasia');
  await shot(page, '80-admin-biller');

  await page.setViewportSize({ width: 390, height: 844 });
  await shot(page, '80b-admin-biller-phone');
  await ctx.close();
});
