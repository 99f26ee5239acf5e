import { test, expect } from '@playwright/test';
import { approve, call, field, hydrated, mailText, newPartner, operatorContext, shot, signedInPartner } from './helpers';

test('the partner reads every report, downloads them, sets a low-balance level; the webreport and staff see theirs', async ({ browser }) => {
  test.setTimeout(240_000);
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  const p = newPartner();
  p.company = `PT. LAPORAN ${p.phone.slice(-6)}`;
  await signedInPartner(page, p);
  const userId = await approve(page, browser, p.company);
  // Finance credits Rp 1.000.000 by hand: the statement has a line.
  const staffCtx = await operatorContext(browser);
  const staff = await staffCtx.newPage();
  await call(staff, 'deposit_adjust', {
    user_id: userId, environment: 'production', amount: '1000000', reference: `E2E-${p.phone}`, note: 'Setoran awal',
  });

  // Dashboard: the 30-day chart with its table, the runway, the warning level.
  await page.goto('/dashboard');
  await hydrated(page);
  const chart = page.getByTestId('chart-30');
  await expect(chart.getByRole('img')).toBeVisible();
  await expect(chart.getByText('Belum ada pembayaran berhasil dalam 30 hari terakhir.')).toBeVisible();
  await chart.getByText('Tampilkan sebagai tabel').click();
  await expect(chart.getByRole('row')).toHaveCount(31);
  await expect(page.getByTestId('runway')).toHaveText('Belum ada pemakaian 7 hari terakhir');
  await page.getByLabel('Peringatan saldo rendah (Rp)').pressSequentially('2000000');
  await expect(page.getByLabel('Peringatan saldo rendah (Rp)')).toHaveValue('2.000.000');
  await page.getByRole('button', { name: 'Simpan' }).click();
  await expect(page.getByText('Batas peringatan disimpan.')).toBeVisible();
  await page.reload();
  await hydrated(page);
  await expect(page.getByText('Saldo di bawah batas peringatan')).toBeVisible();
  await shot(page, '100-dashboard-grafik');

  // Lihat Laporan → the reports' landing page.
  await page.getByRole('main').getByRole('link', { name: 'Lihat Laporan' }).click();
  await expect(page).toHaveURL(/\/laporan$/);
  await hydrated(page);
  await expect(page.getByTestId('home-balance')).toHaveText('Rp 1.000.000');
  await expect(page.getByTestId('home-month')).toHaveText('0 · Rp 0');
  await shot(page, '101-laporan');

  // Rekap Pelunasan: this week, empty said so, both downloads named for the merchant.
  await page.getByRole('main').getByRole('link', { name: 'Rekap Pelunasan' }).click();
  await expect(page).toHaveURL(/\/laporan\/rekap-pelunasan$/);
  await hydrated(page);
  await page.getByLabel('Periode').selectOption('minggu');
  await page.getByRole('button', { name: 'Tampilkan' }).click();
  await expect(page.getByText('Belum ada pembayaran berhasil pada periode ini.')).toBeVisible();
  await expect(page.getByLabel('Dari tanggal')).toBeDisabled();
  await shot(page, '102-rekap-pelunasan');
  const csv = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Unduh CSV' }).click();
  expect((await csv).suggestedFilename()).toMatch(/^rekap-pelunasan_DJI\d+_\d{8}_\d{8}\.csv$/);
  const xlsx = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Unduh Excel' }).click();
  expect((await xlsx).suggestedFilename()).toMatch(/^rekap-pelunasan_.*\.xlsx$/);

  // Status Transaksi and Pelunasan Harian download too.
  await page.getByRole('navigation').getByRole('link', { name: 'Status Transaksi' }).click();
  await hydrated(page);
  const txCsv = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Unduh CSV' }).click();
  expect((await txCsv).suggestedFilename()).toMatch(/^status-transaksi_DJI\d+_\d{8}_\d{8}\.csv$/);
  await page.getByRole('navigation').getByRole('link', { name: 'Pelunasan Harian' }).click();
  await hydrated(page);
  const dayXlsx = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Unduh Excel' }).click();
  expect((await dayXlsx).suggestedFilename()).toMatch(/^pelunasan-harian_DJI\d+_(\d{8})_\1\.xlsx$/);

  // The webreport of the credentials e-mail: first the password, then read only.
  const mail = await mailText(p.email, 'Kode Petugas');
  const merchant = mail.match(/ID Merchant\s+(\S+)/)![1];
  const officer = mail.match(/Kode Petugas\s+(\S+)/)![1];
  const first = mail.match(/Password\s+(\S+) \(Mohon segera diganti\)/)![1];
  expect(mail).toMatch(/URL\s+\S+\/webreport/);
  const wrCtx = await browser.newContext();
  const wr = await wrCtx.newPage();
  await wr.goto('/webreport');
  await hydrated(wr);
  await field(wr, 'Merchant ID').fill(merchant);
  await field(wr, 'Kode petugas').fill(officer);
  await field(wr, 'Password').fill('bukan-ini');
  await wr.getByRole('button', { name: 'Masuk' }).click();
  await expect(wr.getByText('Merchant ID, kode petugas atau password salah')).toBeVisible();
  await shot(wr, '103-webreport-login');
  await field(wr, 'Password').fill(first);
  await wr.getByRole('button', { name: 'Masuk' }).click();
  await expect(wr.getByRole('heading', { name: 'Ganti password Web Report' })).toBeVisible();
  await field(wr, 'Password saat ini').fill(first);
  await field(wr, 'Password baru').fill('Laporan#2026');
  await field(wr, 'Ulangi password baru').fill('Laporan#2026');
  await wr.getByRole('button', { name: 'Ganti password' }).click();
  await expect(wr.getByText('Hanya baca · Production')).toBeVisible();
  await expect(wr.getByTestId('wr-statement-row')).toHaveCount(1);
  await expect(wr.getByText('Saldo Akhir Rp 1.000.000')).toBeVisible();
  await shot(wr, '104-webreport');
  await wrCtx.close();

  // 55 more movements: the statement has two pages (50 a page, by cursor).
  for (let i = 1; i <= 55; i++) {
    await call(staff, 'deposit_adjust', {
      user_id: userId, environment: 'production', amount: '1000', reference: `E2E-${p.phone}-${i}`, note: `Koreksi ${i}`,
    });
  }
  await page.getByRole('navigation').getByRole('link', { name: 'Rekening Koran' }).click();
  await expect(page).toHaveURL(/\/laporan\/rekening-koran$/);
  await hydrated(page);
  await expect(page.getByTestId('statement-closing')).toHaveText('Rp 1.055.000');
  // Oldest first, as a bank statement: the first deposit, then the corrections.
  await expect(page.getByTestId('statement-row')).toHaveCount(50);
  await expect(page.getByTestId('statement-row').first()).toContainText('Setoran awal');
  await page.getByRole('button', { name: 'Halaman berikutnya' }).click();
  await expect(page.getByTestId('statement-row')).toHaveCount(6);
  await expect(page.getByTestId('statement-row').first()).toContainText('Koreksi 50');
  await expect(page.getByTestId('statement-row').last()).toContainText('Koreksi 55');
  await expect(page.getByTestId('statement-row').last()).toContainText('Rp 1.055.000');
  await expect(page.getByRole('button', { name: 'Halaman berikutnya' })).toHaveCount(0);
  await shot(page, '106-rekening-koran-halaman-2');
  await page.getByRole('button', { name: 'Halaman pertama' }).click();
  await expect(page.getByTestId('statement-row')).toHaveCount(50);

  // Staff: the partner's page shows their addresses, transactions and statement.
  await staff.goto(`/admin/mitra/${userId}`);
  await hydrated(staff);
  await expect(staff.getByRole('heading', { name: 'Alamat IP' })).toBeVisible();
  await expect(staff.getByText('Mitra belum mendaftarkan alamat IP.')).toBeVisible();
  await expect(staff.getByRole('heading', { name: 'Laporan mitra' })).toBeVisible();
  await expect(staff.getByTestId('statement-closing')).toHaveText('Rp 1.055.000');
  await expect(staff.getByTestId('statement-row')).toHaveCount(50);
  await shot(staff, '107-admin-mitra-laporan');
  // The whole statement is on its own page, paged, and downloads as the merchant's.
  await staff.getByRole('link', { name: 'Lihat selengkapnya' }).click();
  await expect(staff).toHaveURL(new RegExp(`/admin/laporan/rekening-koran\\?mitra=${merchant}$`));
  await hydrated(staff);
  await expect(staff.getByTestId('statement-row')).toHaveCount(50);
  await staff.getByRole('button', { name: 'Halaman berikutnya' }).click();
  await expect(staff.getByTestId('statement-row')).toHaveCount(6);
  await expect(staff.getByTestId('statement-row').last()).toContainText('Koreksi 55');
  const staffCsv = staff.waitForEvent('download');
  await staff.getByRole('link', { name: 'Unduh CSV' }).click();
  expect((await staffCsv).suggestedFilename()).toMatch(new RegExp(`^rekening-koran_${merchant}_\\d{8}_\\d{8}\\.csv$`));
  // Rekap Pelunasan of that partner, from the report links.
  await staff.getByRole('navigation', { name: 'Laporan mitra' }).getByRole('link', { name: 'Rekap Pelunasan' }).click();
  await expect(staff).toHaveURL(new RegExp(`/admin/laporan/rekap-pelunasan\\?mitra=${merchant}$`));
  await hydrated(staff);
  await expect(staff.getByText('Belum ada pembayaran berhasil pada periode ini.')).toBeVisible();
  await shot(staff, '108-admin-rekap-mitra');
  // A merchant ID that names nobody is said so, and stays in the field.
  await staff.getByLabel('Merchant ID').fill('TIDAKADA');
  await staff.getByRole('button', { name: 'Tampilkan' }).first().click();
  await expect(staff).toHaveURL(/mitra=TIDAKADA/);
  await hydrated(staff);
  await expect(staff.getByRole('alert').first()).toHaveText('Data tidak ditemukan');
  await expect(staff.getByLabel('Merchant ID')).toHaveValue('TIDAKADA');

  // Staff: the partner's transactions and the pending list, by merchant ID.
  await staff.goto(`/admin/transaksi?mitra=${merchant}`);
  await hydrated(staff);
  await expect(staff.getByRole('heading', { name: 'Transaksi Mitra' })).toBeVisible();
  await expect(staff.getByText('Tidak ada pembayaran pending.')).toBeVisible();
  await expect(staff.getByLabel('Merchant ID')).toHaveValue(merchant);
  await shot(staff, '105-admin-transaksi');
  await staffCtx.close();
});
