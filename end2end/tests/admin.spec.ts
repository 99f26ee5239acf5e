import { test, expect } from '@playwright/test';
import { confirmYes, hydrated, shot, field, operatorContext, staffLogin, totp } from './helpers';

test('the seeded operator logs in to the back office with a second factor', async ({ page }) => {
  // A code works once: when parallel tests spent the current ones, the login waits for the next.
  test.setTimeout(150_000);
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
  // The password alone does not open the back office.
  await field(page, 'Password').fill(password!);
  await page.getByRole('button', { name: 'Masuk' }).click();
  await expect(page.getByRole('heading', { name: 'Verifikasi Dua Langkah' })).toBeVisible();
  await shot(page, '20b-admin-kode');
  await page.goto('/admin/beranda');
  await expect(page).toHaveURL(/\/admin\?next=%2Fadmin%2Fberanda$/);

  await staffLogin(page);
  await expect(page.getByRole('heading', { name: 'Selamat datang di Back Office' })).toBeVisible();
  await shot(page, '21-admin-beranda');
});

test('an admin adds a moderator, who sees only what the role allows', async ({ browser }) => {
  const adminCtx = await operatorContext(browser);
  const page = await adminCtx.newPage();
  await page.goto('/admin/beranda');
  await page.getByRole('link', { name: 'Manajemen Staf' }).click();
  await hydrated(page);
  const email = `moderator.${Date.now()}@operator.test`;
  await page.getByRole('button', { name: 'Tambah' }).click();
  await expect(page.getByText('Wajib diisi').first()).toBeVisible();
  await field(page, 'Nama').fill('Mira Moderator');
  await field(page, 'Email').fill(email);
  await page.getByLabel('Peran *').selectOption('moderator');
  await page.getByRole('button', { name: 'Tambah' }).click();
  const initial = (await page.getByTestId('staff-password').innerText()).trim();
  expect(initial).toHaveLength(16);
  await expect(page.getByRole('row', { name: new RegExp(email) })).toBeVisible();
  await shot(page, '22-manajemen-staf');
  await page.getByRole('link', { name: 'Katalog Produk' }).click();
  // The catalog is a list like every other: ten a page, searchable.
  await page.getByLabel('Search:').fill('100301');
  await page.getByRole('button', { name: 'Cari' }).click();
  await expect(page).toHaveURL(/\/admin\/katalog\?per=10&q=100301$/);
  await expect(page.getByRole('row', { name: '100301' })).toBeVisible();
  await expect(page.getByText('Menampilkan 1 sampai 1 dari 1 entri data')).toBeVisible();
  await expect(page.getByText('Semua biller normal: belum ada gangguan tercatat.')).toBeVisible();
  await hydrated(page);
  await page.getByRole('button', { name: 'Periksa harga biller' }).click();
  const prices = page.getByRole('region', { name: 'Harga Biller' });
  await expect(prices.getByRole('row', { name: '510021' }).getByText('Rugi: harga beli biller di atas harga jual')).toBeVisible();
  await expect(prices.getByRole('row', { name: '501081' }).getByText('Kosong / gangguan di biller')).toBeVisible();
  await shot(page, '24-katalog-produk');
  // Staff add a category and a product in it, on sale at once.
  const newCategory = page.getByRole('region', { name: 'Tambah Kategori' });
  await newCategory.locator('#category_code').fill('DONASI');
  await newCategory.locator('#category_name').fill('Donasi');
  await newCategory.getByRole('button', { name: 'Tambah Kategori' }).click();
  await expect(newCategory.getByText('Data berhasil disimpan')).toBeVisible();
  const newProduct = page.getByRole('region', { name: 'Tambah Produk' });
  await expect(newProduct.locator('#new-category')).toContainText('DONASI');
  await newProduct.locator('#code').fill('810011');
  await newProduct.locator('#name').fill('Donasi Kitabisa');
  await newProduct.locator('#new-category').selectOption('DONASI');
  await newProduct.locator('#new-biller').selectOption('zakat');
  await newProduct.locator('#admin_fee').fill('1000');
  await shot(page, '24b-tambah-produk-katalog');
  await newProduct.getByRole('button', { name: 'Tambah Produk' }).click();
  await expect(newProduct.getByText('Data berhasil disimpan')).toBeVisible();
  await page.getByLabel('Search:').fill('810011');
  await page.getByRole('button', { name: 'Cari' }).click();
  await expect(page.getByRole('row', { name: '810011' })).toBeVisible();
  await page.goto('/admin/staf');
  await hydrated(page);

  // The moderator signs in without a code (optional for this role).
  const ctx = await browser.newContext();
  const mod = await ctx.newPage();
  await mod.goto('/admin');
  await hydrated(mod);
  await field(mod, 'Email').fill(email);
  await field(mod, 'Password').fill(initial);
  await mod.getByRole('button', { name: 'Masuk' }).click();
  await expect(mod).toHaveURL(/\/admin\/beranda$/);
  const menu = mod.getByRole('navigation', { name: 'Menu utama' });
  await expect(menu.getByRole('link', { name: 'Antrean Moderasi' })).toBeVisible();
  await expect(menu.getByRole('link', { name: 'Mitra' })).toBeVisible();
  await expect(menu.getByRole('link', { name: 'Manajemen Staf' })).toHaveCount(0);
  await expect(menu.getByRole('link', { name: 'Log Audit' })).toHaveCount(0);
  // Typing the address is no way around the role.
  await mod.goto('/admin/audit');
  await expect(mod.getByText('Anda tidak memiliki akses ke halaman ini')).toBeVisible();
  await mod.goto('/admin/mitra');
  await expect(mod.getByRole('heading', { name: 'Mitra' })).toBeVisible();
  await shot(mod, '23-mitra-moderator');
  // Her own second factor, from "Keamanan Akun".
  await menu.getByRole('link', { name: 'Keamanan Akun' }).click();
  await hydrated(mod);
  await mod.getByRole('button', { name: 'Aktifkan verifikasi dua langkah' }).click();
  const secret = (await mod.getByTestId('totp-secret').innerText()).trim();
  await field(mod, 'Kode 6 digit dari aplikasi autentikator').fill(totp(secret));
  await shot(mod, '25-keamanan-akun');
  await mod.getByRole('button', { name: 'Verifikasi' }).click();
  await expect(mod.getByText('Verifikasi dua langkah aktif. Login berikutnya meminta kode.')).toBeVisible();

  // Deactivated: the open session ends.
  await page.getByRole('row', { name: new RegExp(email) }).getByRole('button', { name: 'Nonaktifkan' }).click();
  await shot(page, '26-konfirmasi-nonaktifkan');
  await confirmYes(page);
  await expect(page.getByRole('row', { name: new RegExp(email) }).getByText('Nonaktif', { exact: true })).toBeVisible();
  await mod.goto('/admin/beranda');
  await expect(mod).toHaveURL(/\/admin\?next=%2Fadmin%2Fberanda$/);
  await ctx.close();
  await adminCtx.close();
});
