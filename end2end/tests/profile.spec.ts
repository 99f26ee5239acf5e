import { test, expect } from '@playwright/test';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { DOCS, field, hydrated, pdfFile, pick, shot, signedInPartner } from './helpers';

test('a partner completes the profile with the region cascade and eight documents', async ({ page }) => {
  const p = await signedInPartner(page);
  await page.getByRole('link', { name: 'Lengkapi Data' }).click();
  await expect(page).toHaveURL(/\/profil\/lengkapi$/);
  await hydrated(page);
  await expect(field(page, 'Nama')).toHaveValue(p.name);
  await expect(field(page, 'Kota / Kabupaten')).toBeDisabled();
  await expect(field(page, 'Kota / Kabupaten')).toHaveAttribute('placeholder', 'Pilih provinsi dahulu');
  await shot(page, '30-profil-kosong');

  await page.getByLabel('Perusahaan').check();
  await pick(page, 'Provinsi', 'Jawa Barat');
  await pick(page, 'Kota / Kabupaten', 'Kota Bandung');
  await pick(page, 'Kecamatan', 'Coblong');
  await pick(page, 'Kelurahan / Desa', 'Dago');
  await field(page, 'No. Telepon').fill('0227654321');
  await field(page, 'Alamat usaha').fill('Jl. Ir. H. Juanda No. 1, Dago');

  // A text file renamed .jpg is refused before upload (and again by the server).
  const fake = path.join(os.tmpdir(), 'foto-palsu.txt');
  fs.writeFileSync(fake, 'not an image');
  await page.getByLabel('NPWP').setInputFiles(fake);
  await expect(page.getByText('Berkas harus berupa JPG, PNG atau PDF')).toBeVisible();

  for (const [i, doc] of DOCS.entries()) {
    await field(page, doc).setInputFiles(pdfFile(`dokumen-${i + 1}.pdf`));
    await expect(page.getByRole('link', { name: `dokumen-${i + 1}.pdf` })).toBeVisible();
  }
  await shot(page, '31-profil-terisi');
  await page.getByRole('button', { name: 'Simpan', exact: true }).click();

  await expect(page).toHaveURL(/\/profil$/);
  await expect(page.getByRole('heading', { name: 'Terima kasih telah mengisi profil' })).toBeVisible();
  await expect(page.getByText('Profil Anda saat ini dalam proses verifikasi')).toBeVisible();
  await expect(page.getByText('Proses verifikasi 1x24 jam di hari kerja')).toBeVisible();
  await expect(page.getByText('Menunggu verifikasi')).toHaveCount(8);
  await shot(page, '32-profil-terkirim');
});

test('a draft is saved and completed later', async ({ page }) => {
  await signedInPartner(page);
  await page.goto('/profil/lengkapi');
  await hydrated(page);
  await page.getByLabel('Pribadi').check();
  await pick(page, 'Provinsi', 'Bali');
  await page.getByRole('button', { name: 'Simpan Draf' }).click();
  await expect(page.getByText('Draf tersimpan')).toBeVisible();
  await page.reload();
  await hydrated(page);
  await expect(page.getByLabel('Pribadi')).toBeChecked();
  await expect(field(page, 'Provinsi')).toHaveValue('Bali');
  await expect(page.getByText('E-KTP Penanggung Jawab')).toBeVisible();
  await expect(page.getByText('Akte Pendirian & SK Kemenkumham')).toHaveCount(0);
  // Submitting without the documents names what is missing.
  await page.getByRole('button', { name: 'Simpan', exact: true }).click();
  await expect(page.getByText('Dokumen wajib diunggah').first()).toBeVisible();
  await expect(page.getByText('Wajib diisi').first()).toBeVisible();
  await shot(page, '33-profil-draf-belum-lengkap');
});
