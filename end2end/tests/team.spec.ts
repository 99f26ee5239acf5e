import { test, expect } from '@playwright/test';
import { approve, call, confirmYes, field, hydrated, linkIn, logIn, mailText, newPartner, operatorContext, setPasswordFromLink, shot, signedInPartner } from './helpers';

test('the owner adds a Koneksi user, narrows the rights and deletes the user; staff suspend the partner', async ({ browser }) => {
  test.setTimeout(240_000);
  const ownerCtx = await browser.newContext();
  const owner = await ownerCtx.newPage();
  const p = newPartner();
  p.company = `PT. TIM ${p.phone.slice(-6)}`;
  await signedInPartner(owner, p);
  const userId = await approve(owner, browser, p.company);

  // Manajemen User (Gambar 50): the owner alone so far.
  await owner.goto('/dashboard');
  await hydrated(owner);
  await owner.getByRole('link', { name: 'Manajemen User' }).click();
  await expect(owner.getByRole('heading', { name: 'Manajemen User' })).toBeVisible();
  await hydrated(owner);
  await expect(owner.getByRole('row', { name: /Pemilik/ })).toBeVisible();
  await shot(owner, '60-manajemen-user');

  // Tambah Data (Gambar 51–53): only the two Koneksi rights.
  await owner.getByRole('button', { name: 'Tambah Data' }).click();
  await expect(owner.getByLabel('Username')).toHaveValue(/\.02$/);
  await shot(owner, '61-tambah-user');
  const sub = newPartner();
  await field(owner, 'Nama').fill('RINA KONEKSI');
  await field(owner, 'Email').fill(sub.email);
  await field(owner, 'No. Telepon').fill(sub.phone);
  await field(owner, 'Password').fill('rahasia123');
  await field(owner, 'Konfirmasi Password').fill('rahasia123');
  await owner.getByLabel('Halaman Utama Koneksi').check();
  await owner.getByLabel('Halaman Utama Pengaturan Koneksi').check();
  await shot(owner, '62-tambah-user-terisi');
  await owner.getByRole('button', { name: 'Simpan' }).click();
  await expect(owner.getByText('Sukses! Data berhasil disimpan!')).toBeVisible();
  const row = owner.getByRole('row', { name: /RINA KONEKSI/ });
  await expect(row).toContainText('2/14');
  await shot(owner, '63-daftar-user');
  // On a phone the table scrolls sideways inside its frame; the page does not.
  await owner.setViewportSize({ width: 390, height: 844 });
  await shot(owner, '63b-daftar-user-ponsel');
  await owner.setViewportSize({ width: 1280, height: 720 });

  // The sub-user confirms the address, sets a password and signs in.
  const subCtx = await browser.newContext();
  const rina = await subCtx.newPage();
  const mail = await mailText(sub.email, 'reset-password');
  expect(mail).not.toContain('rahasia123');
  await setPasswordFromLink(rina, linkIn(mail, '/reset-password'), 'milikrina77');
  await logIn(rina, sub.phone, 'milikrina77');
  await expect(rina).toHaveURL(/\/dashboard$/);
  await hydrated(rina);
  const menu = rina.getByRole('navigation', { name: 'Menu utama' });
  await expect(menu.getByRole('link')).toHaveText(['Dashboard', 'Koneksi']);
  await shot(rina, '64-sub-user-menu');
  for (const page of ['/profil', '/manajemen-user']) {
    const res = await rina.goto(page);
    expect(res?.status()).toBe(403);
    await expect(rina.getByRole('heading', { name: 'Anda tidak memiliki akses' })).toBeVisible();
  }
  await shot(rina, '65-tidak-memiliki-akses');

  // The owner takes "Halaman Utama Koneksi" away: Rina's next click says so.
  await row.getByRole('button', { name: /^Edit/ }).click();
  await expect(owner.getByRole('heading', { name: 'Edit User' })).toBeVisible();
  await owner.getByLabel('Halaman Utama Koneksi').uncheck();
  await shot(owner, '66-edit-user');
  await owner.getByRole('button', { name: 'Simpan' }).click();
  await expect(owner.getByText('Sukses! Data berhasil disimpan!')).toBeVisible();
  await rina.goto('/dashboard');
  await hydrated(rina);
  await expect(menu.getByRole('link')).toHaveText(['Dashboard']);
  const res = await rina.goto('/koneksi');
  expect(res?.status()).toBe(403);

  // Hapus → Konfirmasi hapus → Ya (Gambar 57–59): her session ends too.
  await owner.getByRole('row', { name: /RINA KONEKSI/ }).getByRole('button', { name: /^Hapus/ }).click();
  await confirmYes(owner);
  await expect(owner.getByText('Proses Berhasil')).toBeVisible();
  await expect(owner.getByRole('row', { name: /RINA KONEKSI/ })).toHaveCount(0);
  await shot(owner, '67-user-dihapus');
  await rina.goto('/dashboard');
  await expect(rina).toHaveURL(/\/login/);

  // Perangkat & Sesi.
  await owner.goto('/perangkat');
  await hydrated(owner);
  await expect(owner.getByText('Sesi ini')).toBeVisible();
  await shot(owner, '68-perangkat-sesi');

  // Staff suspend the partner: the owner is signed out and told why.
  const staffCtx = await operatorContext(browser);
  const staff = await staffCtx.newPage();
  await staff.goto(`/admin/mitra/${userId}`);
  await hydrated(staff);
  await staff.getByLabel('Alasan penangguhan (dikirim ke mitra)').fill('Dokumen NIB kedaluwarsa');
  await staff.getByRole('button', { name: 'Tangguhkan Mitra' }).click();
  await confirmYes(staff);
  await expect(staff.getByText('Ditangguhkan sejak')).toBeVisible();
  await shot(staff, '69-mitra-ditangguhkan');
  await logIn(owner, p.phone, p.password);
  await expect(owner.getByTestId('suspended')).toContainText('Dokumen NIB kedaluwarsa');
  await shot(owner, '70-login-ditangguhkan');
  await staff.getByRole('button', { name: 'Aktifkan Kembali' }).click();
  await expect(staff.getByText('Ditangguhkan sejak')).toHaveCount(0);
  await Promise.all([ownerCtx.close(), subCtx.close(), staffCtx.close()]);
});
