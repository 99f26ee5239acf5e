import { test, expect } from '@playwright/test';
import { hydrated, linkIn, logIn, mailText, newPartner, register, setPasswordFromLink, shot, field } from './helpers';

const URL_INVALID = 'Alamat website tidak valid, contoh: www.perusahaan.co.id';

test('a partner registers, activates from the e-mail, logs in and out', async ({ page }) => {
  const p = newPartner();
  await page.goto('/login');
  await hydrated(page);
  await shot(page, '01-login');
  await page.getByRole('link', { name: 'Daftar' }).click();
  await expect(page).toHaveURL(/\/daftar$/);
  await register(page, p);
  await shot(page, '02-registrasi-terisi');
  await page.getByRole('button', { name: 'Daftar' }).click();

  await expect(page).toHaveURL(/\/verifikasi-email\?email=/);
  await expect(page.getByRole('heading', { name: 'Verifikasi email Anda sekarang' })).toBeVisible();
  await expect(page.getByText(p.email)).toBeVisible();
  await expect(page.getByText(/Mohon tunggu 0[12]:\d\d detik/)).toBeVisible();
  await shot(page, '03-verifikasi-email');

  const mail = await mailText(p.email, 'Halo');
  expect(mail).toContain(`Halo, ${p.name}`);
  const link = linkIn(mail, '/aktivasi');
  await page.goto(link);
  await expect(page.getByRole('heading', { name: 'Aktivasi Berhasil!' })).toBeVisible();
  await expect(page.getByText('Sekarang Anda bisa melakukan login')).toBeVisible();
  await shot(page, '04-aktivasi-berhasil');
  await hydrated(page);
  await page.getByRole('link', { name: 'OK' }).click();

  await expect(page).toHaveURL(/\/login$/);
  await hydrated(page);
  await field(page, 'No. Handphone').fill(p.phone);
  await field(page, 'Password').fill(p.password);
  await page.getByRole('button', { name: 'Masuk' }).click();

  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByRole('heading', { name: `Selamat datang, ${p.name}` })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Pengisian Data Profil' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Lengkapi Data' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Menu utama' }).getByRole('link', { name: 'Dashboard' })).toBeVisible();
  await shot(page, '05-dashboard-lengkapi-data');

  await page.getByLabel('Menu pengguna').click();
  await shot(page, '06-menu-pengguna');
  await page.getByRole('button', { name: 'Keluar' }).click();
  await expect(page).toHaveURL(/\/login$/);
  // Signed out, a page that needs a sign-in sends to the login on the
  // server, and back to that page after signing in.
  await page.goto('/ubah-password');
  await expect(page).toHaveURL(/\/login\?next=%2Fubah-password$/);
  await hydrated(page);
  await field(page, 'No. Handphone').fill(p.phone);
  await field(page, 'Password').fill(p.password);
  await page.getByRole('button', { name: 'Masuk' }).click();
  await expect(page).toHaveURL(/\/ubah-password$/);
});

test('the resend countdown ticks and the button waits for it', async ({ page }) => {
  const p = newPartner();
  await register(page, p);
  await page.getByRole('button', { name: 'Daftar' }).click();
  await expect(page).toHaveURL(/\/verifikasi-email/);
  await hydrated(page);
  const resend = page.getByRole('button', { name: 'Kirim Ulang' });
  await expect(resend).toBeDisabled();
  const countdown = page.locator('.countdown');
  await expect(countdown).toHaveText(/Mohon tunggu \d\d:\d\d detik/);
  const first = await countdown.textContent();
  await expect(countdown).not.toHaveText(first!, { timeout: 5_000 });
  await shot(page, '07-countdown');
});

test('bad input shows Indonesian messages as you type and keeps what was typed', async ({ page }) => {
  const taken = newPartner();
  await register(page, taken);
  await page.getByRole('button', { name: 'Daftar' }).click();
  await expect(page).toHaveURL(/\/verifikasi-email/);

  await page.goto('/daftar');
  await hydrated(page);
  await field(page, 'Email').fill('bukan-email');
  await expect(page.getByText('Format email tidak valid')).toBeVisible();
  // International domain names are checked in the browser by its own URL
  // parser (domain::idn), with the server's answers (a label may not start
  // with a combining mark).
  await field(page, 'Email').fill('budi@bücher.de');
  await expect(page.getByText('Format email tidak valid')).toBeHidden();
  await field(page, 'Email').fill('budi@\u0301bücher.de');
  await expect(page.getByText('Format email tidak valid')).toBeVisible();
  await field(page, 'Website').fill('toko-bücher.co.id');
  await expect(page.getByText(URL_INVALID)).toBeHidden();
  await field(page, 'Website').fill('\u0301toko.co.id');
  await expect(page.getByText(URL_INVALID)).toBeVisible();
  await field(page, 'Website').fill('');
  await field(page, 'No. Handphone').fill('12345');
  await expect(page.getByText('Nomor handphone tidak valid, contoh: 08123456789')).toBeVisible();
  await field(page, 'Password').fill('pendek');
  await expect(page.getByText('Password minimal 8 karakter dan mengandung huruf dan angka')).toBeVisible();
  await page.getByRole('button', { name: 'Daftar' }).click();
  await expect(page.getByText('Wajib diisi').first()).toBeVisible();
  await expect(page).toHaveURL(/\/daftar$/);
  await shot(page, '08-registrasi-salah');

  // The server's verdict on a taken e-mail and phone, next to the fields.
  const again = { ...newPartner(), email: taken.email, phone: taken.phone };
  await field(page, 'Nama').fill(again.name);
  await field(page, 'Nama Perusahaan / Usaha').fill(again.company);
  await field(page, 'Email').fill(again.email);
  await field(page, 'No. Handphone').fill(again.phone);
  await field(page, 'Password').fill(again.password);
  await page.getByRole('button', { name: 'Daftar' }).click();
  await expect(page.getByText('Email sudah terdaftar')).toBeVisible();
  await expect(page.getByText('Nomor handphone sudah terdaftar')).toBeVisible();
  await expect(field(page, 'Nama')).toHaveValue(again.name);
  await expect(field(page, 'Email')).toHaveValue(again.email);
  await expect(field(page, 'Password')).toHaveValue('');
  await shot(page, '09-registrasi-sudah-terdaftar');
});

test('an unverified account is told why at login and offered a resend', async ({ page }) => {
  const p = newPartner();
  await register(page, p);
  await page.getByRole('button', { name: 'Daftar' }).click();
  await expect(page).toHaveURL(/\/verifikasi-email/);
  await page.goto('/login');
  await hydrated(page);
  await field(page, 'No. Handphone').fill(p.phone);
  await field(page, 'Password').fill(p.password);
  await page.getByRole('button', { name: 'Masuk' }).click();
  await expect(page.getByText('Akun Anda belum diaktivasi')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Kirim ulang email aktivasi' })).toBeVisible();
  await shot(page, '10-login-belum-aktivasi');
});

test('the English switch changes the page language', async ({ page }) => {
  await page.goto('/daftar');
  await expect(page.locator('html')).toHaveAttribute('lang', 'id');
  await page.getByRole('link', { name: 'English' }).click();
  await expect(page).toHaveURL(/\/daftar$/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { name: 'Registration' })).toBeVisible();
  await expect(field(page, 'Company / business name')).toBeVisible();
  await shot(page, '11-registration-english');
  await page.getByRole('link', { name: 'Bahasa Indonesia' }).click();
  await expect(page.getByRole('heading', { name: 'Registrasi' })).toBeVisible();
});

test('forgot password sends a reset link that sets a new password', async ({ page }) => {
  const p = newPartner();
  await register(page, p);
  await page.getByRole('button', { name: 'Daftar' }).click();
  await expect(page).toHaveURL(/\/verifikasi-email/);
  await page.goto('/lupa-password');
  await hydrated(page);
  await field(page, 'Email').fill(p.email);
  await page.getByRole('button', { name: 'Kirim Tautan' }).click();
  await expect(page.getByText('Jika email tersebut terdaftar')).toBeVisible();
  await shot(page, '12-lupa-password');
  const link = linkIn(await mailText(p.email, 'reset-password'), '/reset-password');
  await setPasswordFromLink(page, link, 'baru12345');
  await logIn(page, p.phone, 'baru12345');
  await expect(page).toHaveURL(/\/dashboard$/);
});

test('the login page works on a phone', async ({ browser }) => {
  const ctx = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const page = await ctx.newPage();
  await page.goto('/daftar');
  await expect(page.getByRole('heading', { name: 'Registrasi' })).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
  expect(overflow).toBe(false);
  await shot(page, '13-registrasi-ponsel');
  await ctx.close();
});
