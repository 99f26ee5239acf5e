import AxeBuilder from '@axe-core/playwright';
import { Browser, expect, Page } from '@playwright/test';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

export const MAILDEV = process.env.MAILDEV_API ?? 'http://127.0.0.1:1080';
const SHOTS = path.join(__dirname, '..', 'artifacts', 'screenshots');

/** A partner no other test uses. */
export function newPartner() {
  const n = Date.now().toString().slice(-7) + Math.floor(Math.random() * 90 + 10);
  return {
    name: 'ANDIKA SAMPURNA',
    company: 'PT. SAMPURNA JAYA',
    email: `andika.${n}@sampurna-jaya.test`,
    website: 'www.sampurna-jaya.com',
    phone: `0812${n}`.slice(0, 13),
    password: 'rahasia123',
  };
}
export type Partner = ReturnType<typeof newPartner>;

/** Pages (by address) already checked for accessibility, per tab. */
const checked = new WeakMap<Page, Set<string>>();

/**
 * Fails on any WCAG 2.1 A/AA violation axe-core finds on the page as it is
 * now. Called by `hydrated` and `shot`, so every page the suite looks at is
 * checked once per address.
 */
export async function accessible(page: Page) {
  const seen = checked.get(page) ?? new Set<string>();
  checked.set(page, seen);
  const url = page.url();
  if (seen.has(url)) return;
  seen.add(url);
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const found = result.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.map((n) => n.target.join(' ')).join('\n    ')}`,
  );
  expect(found, `WCAG 2.1 A/AA violations on ${url}`).toEqual([]);
}

/** Saves a full-page screenshot as a test artifact (after the a11y check). */
export async function shot(page: Page, name: string) {
  await accessible(page);
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
}

/** Waits until the wasm has taken over the page. */
export async function hydrated(page: Page) {
  // A signed-in page's content (inside its Suspense) hydrates after the
  // body: wait for it too, or a click may land before its handler.
  await page.waitForFunction(
    () => {
      const body = document.querySelector('body');
      const shell = document.querySelector('.portal') !== null;
      return body?.dataset.hydrated === '1' && (!shell || body?.dataset.contentReady === '1');
    },
    null,
    { timeout: 20_000 },
  );
  await accessible(page);
}

/** Answers "Ya" in the confirmation dialog that just opened (Gambar 48/58). */
export async function confirmYes(page: Page) {
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Ya' }).click();
  await expect(dialog).toHaveCount(0);
}

/** The plain-text body of the newest e-mail to `to`, from the real SMTP server. */
export async function mailText(to: string, containing = ''): Promise<string> {
  for (let i = 0; i < 100; i++) {
    const res = await fetch(`${MAILDEV}/api/email`);
    const list: any[] = await res.json();
    const mine = list.filter((m) => m.to.some((r: any) => r.address === to) && (m.text ?? '').includes(containing));
    if (mine.length) return mine[mine.length - 1].text;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`no e-mail to ${to}`);
}

export function linkIn(text: string, pathPart: string): string {
  const m = text.match(new RegExp(`https?://\\S+${pathPart}\\?token=[A-Za-z0-9_-]+`));
  expect(m, `link ${pathPart} in mail`).not.toBeNull();
  return m![0];
}

export async function register(page: Page, p: Partner) {
  await page.goto('/daftar');
  await hydrated(page);
  await field(page, 'Nama').fill(p.name);
  await field(page, 'Nama Perusahaan / Usaha').fill(p.company);
  await field(page, 'Email').fill(p.email);
  await field(page, 'Website').fill(p.website);
  await field(page, 'No. Handphone').fill(p.phone);
  await field(page, 'Password').fill(p.password);
}

/** An input by its visible label; required fields show " *" after the label. */
export function field(page: Page, label: string) {
  const escaped = label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return page.getByLabel(new RegExp(`^${escaped}( \\*)?$`));
}

export const DOCS = [
  'Akte Pendirian & SK Kemenkumham',
  'Akte Perubahan Terakhir & SK Kemenkumham',
  'E-KTP Penanggung Jawab',
  'Izin Lokasi',
  'Izin Usaha',
  'NIB',
  'NPWP',
  'Surat Kuasa',
];

export function pdfFile(name: string): string {
  const file = path.join(os.tmpdir(), name);
  fs.writeFileSync(file, '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
  return file;
}

export async function signedInPartner(page: Page, p: Partner = newPartner()) {
  await register(page, p);
  await page.getByRole('button', { name: 'Daftar' }).click();
  await expect(page).toHaveURL(/\/verifikasi-email/);
  await page.goto(linkIn(await mailText(p.email, 'Halo'), '/aktivasi'));
  await expect(page.getByText('Aktivasi Berhasil!')).toBeVisible();
  await logIn(page, p.phone, p.password);
  await expect(page).toHaveURL(/\/dashboard$/);
  return p;
}

/** Fills the partner login form and presses "Masuk". */
export async function logIn(page: Page, phone: string, password: string) {
  await page.goto('/login');
  await hydrated(page);
  await field(page, 'No. Handphone').fill(phone);
  await field(page, 'Password').fill(password);
  await page.getByRole('button', { name: 'Masuk' }).click();
}

/** Opens an e-mailed set-password link and saves `password`. */
export async function setPasswordFromLink(page: Page, link: string, password: string) {
  await page.goto(link);
  await hydrated(page);
  await field(page, 'Password Baru').fill(password);
  await field(page, 'Konfirmasi Password').fill(password);
  await page.getByRole('button', { name: 'Simpan Password' }).click();
  await expect(page.getByText('Password berhasil diubah')).toBeVisible();
}

export async function pick(page: Page, label: string, name: string) {
  const input = field(page, label);
  await expect(input).toBeEnabled();
  await input.fill(name);
}


/** RFC 4648 base32 to bytes. */
function base32(s: string): Buffer {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = '';
  for (const c of s.replace(/=+$/, '').toUpperCase()) bits += alphabet.indexOf(c).toString(2).padStart(5, '0');
  const bytes = [];
  for (let i = 0; i + 8 <= bits.length; i += 8) bytes.push(parseInt(bits.slice(i, i + 8), 2));
  return Buffer.from(bytes);
}

/** RFC 6238 TOTP (SHA-1, 6 digits, 30 s), written apart from the server's. */
export function totp(secret: string, unixSecs = Date.now() / 1000): string {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(unixSecs / 30)));
  const mac = require('crypto').createHmac('sha1', base32(secret)).update(counter).digest();
  const off = mac[mac.length - 1] & 0xf;
  const n = ((mac[off] & 0x7f) << 24) | (mac[off + 1] << 16) | (mac[off + 2] << 8) | mac[off + 3];
  return (n % 1_000_000).toString().padStart(6, '0');
}

/** Where the global set-up leaves the operator's TOTP secret. */
export const OPERATOR_SECRET_FILE = path.join(__dirname, '..', '.auth', 'operator-totp');
export const OPERATOR_STATE_FILE = path.join(__dirname, '..', '.auth', 'operator-state.json');

/** A browser context already signed in as the operator (by the global set-up). */
export async function operatorContext(browser: Browser) {
  return browser.newContext({ storageState: OPERATOR_STATE_FILE });
}

/**
 * Signs the operator in: password, then a code. A code works once, so when
 * another test just used this step's code, the next step's is tried.
 */
export async function staffLogin(page: Page) {
  const secret = fs.readFileSync(OPERATOR_SECRET_FILE, 'utf8').trim();
  await page.goto('/admin');
  await hydrated(page);
  await field(page, 'Email').fill(process.env.OPERATOR_EMAIL!);
  await field(page, 'Password').fill(process.env.OPERATOR_PASSWORD!);
  await page.getByRole('button', { name: 'Masuk' }).click();
  await expect(page.getByRole('heading', { name: 'Verifikasi Dua Langkah' })).toBeVisible();
  // Each code works once and the server allows one step of drift: when
  // parallel tests spent this step and the next, wait for a fresh one.
  const deadline = Date.now() + 100_000;
  while (Date.now() < deadline) {
    for (const offset of [0, 30]) {
      await field(page, 'Kode 6 digit dari aplikasi autentikator').fill(totp(secret, Date.now() / 1000 + offset));
      await page.getByRole('button', { name: 'Verifikasi' }).click();
      try {
        await expect(page).toHaveURL(/\/admin\/beranda$/, { timeout: 3_000 });
        return;
      } catch {
        // Spent by another test.
      }
    }
    await page.waitForTimeout(30_000 - (Date.now() % 30_000) + 500);
  }
  throw new Error('no TOTP code accepted');
}

/** The development gateway the e2e server listens on. */
export const GATEWAY_DEV = process.env.GATEWAY_DEV_URL ?? 'http://127.0.0.1:4432';
/** The production gateway the e2e server listens on. */
export const GATEWAY_PROD = process.env.GATEWAY_PROD_URL ?? 'http://127.0.0.1:8899';

/** The credentials of one environment from the approval e-mail. */
export function credentialsFrom(mail: string, env: 'Development' | 'Production') {
  const part = mail.split(`Transaksi (${env})`)[1];
  const user = part.match(/user\s+([a-z]{12})/)![1];
  const password = part.match(/password\s+([0-9A-F]{32})/)![1];
  return { user, password };
}

/** One POST to the gateway with HTTP Digest, as a partner's client does it. */
export async function gatewayPost(
  creds: { user: string; password: string },
  uri: string,
  body: object,
  base: string = GATEWAY_DEV,
): Promise<any> {
  const crypto = await import('crypto');
  const md5 = (s: string) => crypto.createHash('md5').update(s).digest('hex');
  const json = JSON.stringify(body);
  const headers = { 'content-type': 'application/json' };
  const first = await fetch(base + uri, { method: 'POST', headers, body: json });
  expect(first.status, `challenge for ${uri}`).toBe(401);
  const challenge = first.headers.get('www-authenticate') ?? '';
  const param = (k: string) => challenge.match(new RegExp(`${k}="([^"]*)"`))![1];
  const [realm, nonce, opaque] = [param('realm'), param('nonce'), param('opaque')];
  const cnonce = crypto.randomBytes(8).toString('hex');
  const ha1 = md5(`${creds.user}:${realm}:${creds.password}`);
  const response = md5(`${ha1}:${nonce}:00000001:${cnonce}:auth:${md5(`POST:${uri}`)}`);
  const authorization = `Digest username="${creds.user}", realm="${realm}", nonce="${nonce}", uri="${uri}", ` +
    `response="${response}", opaque="${opaque}", qop=auth, nc=00000001, cnonce="${cnonce}"`;
  const res = await fetch(base + uri, { method: 'POST', headers: { ...headers, authorization }, body: json });
  expect(res.status, `${uri} answered`).toBe(200);
  return res.json();
}

const BASE = process.env.BASE_URL ?? 'http://127.0.0.1:3000';
const DOC_TYPES = ['akte_pendirian', 'akte_perubahan', 'ektp', 'izin_lokasi', 'izin_usaha', 'nib', 'npwp', 'surat_kuasa'];
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

/** A server function called as the browser calls it (form-encoded POST). */
export async function call(page: Page, endpoint: string, form: Record<string, string>) {
  const res = await page.request.post(`${BASE}/api/${endpoint}`, { form, headers: { origin: BASE } });
  expect(res.ok(), `${endpoint}: ${await res.text()}`).toBeTruthy();
  return res.json();
}

/**
 * An approved partner, quickly: the profile through the same HTTP calls the
 * profile page makes (its own journey is profile.spec and moderation.spec),
 * every document accepted by the operator. Returns the partner's user id.
 */
export async function approve(page: Page, browser: Browser, company: string): Promise<string> {
  for (const doc of DOC_TYPES) {
    const res = await page.request.post(`${BASE}/api/dokumen/${doc}`, {
      headers: { origin: BASE },
      multipart: { file: { name: `${doc}.pdf`, mimeType: 'application/pdf', buffer: PDF } },
    });
    expect(res.ok()).toBeTruthy();
  }
  const codes = ['32', '32.73'];
  for (const level of ['District', 'Village']) {
    const list = await (await page.request.get(`${BASE}/api/regions?level=${level}&parent=${codes[codes.length - 1]}`)).json();
    codes.push(list[0].code);
  }
  const form: Record<string, string> = {
    'input[category]': 'perusahaan', 'input[personal_name]': 'ANDIKA SAMPURNA', 'input[personal_phone]': '08123456789',
    'input[personal_email]': 'andika@sampurna-jaya.test', 'input[business_name]': company,
    'input[business_phone]': '0227654321', 'input[address]': 'Jl. Dago No. 1', submit: 'true',
  };
  ['province', 'regency', 'district', 'village'].forEach((k, i) => (form[`input[${k}]`] = codes[i]));
  await call(page, 'save_profile', form);
  const staffCtx = await operatorContext(browser);
  const staff = await staffCtx.newPage();
  const queue = await call(staff, 'moderation_queue', { filter: '' });
  const userId = queue.find((q: any) => q.business_name === company).user_id;
  const review = await call(staff, 'moderation_review', { user_id: userId });
  for (const d of review.documents) await call(staff, 'moderation_decide', { doc_id: d.id, accept: 'true', reason: '' });
  await staffCtx.close();
  return userId;
}
