//! Koneksi → Dokumentasi (Gambar 22–35, issue 16): one page each, a left
//! sub-navigation. Endpoint pages show requests and answers from
//! `crate::docs` (sent to the real gateway by a test on every build), a
//! sequence diagram drawn here, and their fields; the code and product
//! tables are read from the gateway's own tables.

use crate::components::frame::PartnerPage;
use crate::components::list::{Column, Loaded, Table};
use crate::components::sequence::{Sequence, Step};
use crate::docs::{example, filled, pretty, Example, EXAMPLE_MERCHANT_ID, EXAMPLE_SESSION_ID};
use crate::error::AppError;
use crate::i18n::{use_texts, Texts};
use crate::pages::portal::try_api::TryConsole;
use crate::server_fns::docs::{doc_codes, doc_digest, doc_products, doc_samples, TryApi};
use domain::docs::{DigestVectorOut, Meaning, RcRowOut, SampleOut};
use domain::finance::{ProductFlow, ProductOut};
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

type Pair = (&'static str, &'static str);

/// One documented service.
struct Endpoint {
    slug: &'static str,
    title: Pair,
    path: &'static str,
    intro: Pair,
    /// Whether the gateway asks a biller before it answers.
    biller: bool,
    fields: &'static [(&'static str, Pair)],
    examples: &'static [&'static str],
    /// Whether the code samples (Sign On, Inquiry, Payment) are shown here.
    samples: bool,
}

const SESSION: (&str, Pair) =
    ("sessionID", ("SessionID dari Sign On (huruf s kecil)", "The SessionID from Sign On (lower-case s)"));
const MERCHANT: (&str, Pair) =
    ("merchantID", ("Merchant ID dari email kredensial", "The merchant ID from the credentials e-mail"));
const PRODUCT: (&str, Pair) =
    ("productID", ("Kode produk (6 karakter), lihat Daftar Produk", "Product code (6 characters), see Daftar Produk"));
const CUSTOMER: (&str, Pair) = ("customerID", ("Nomor pelanggan / nomor HP", "Customer or phone number"));
const REFERENCE: (&str, Pair) = (
    "referenceID",
    (
        "Kode referensi Anda, unik per merchant (rc 86 bila dipakai ulang)",
        "Your reference, unique per merchant (rc 86 when reused)",
    ),
);
const AMOUNTS: (&str, Pair) = (
    "tagihan, admin, total",
    (
        "Nominal dari Inquiry, 12 digit (rc 70 bila berbeda)",
        "The amounts from the Inquiry, 12 digits (rc 70 when they differ)",
    ),
);
const SIGN_ON_FIELDS: &[(&str, Pair)] = &[
    ("mitra", ("Kode mitra dari email kredensial", "Partner code from the credentials e-mail")),
    ("accountID", ("Nomor akun dari email kredensial", "Account number from the credentials e-mail")),
    MERCHANT,
    ("merchantName", ("Nama merchant dari email kredensial", "Merchant name from the credentials e-mail")),
    ("counterID", ("Nomor loket", "Counter number")),
];

const ENDPOINTS: &[Endpoint] = &[
    Endpoint {
        slug: "sign-on",
        title: ("Sign On", "Sign On"),
        path: "/auth/Sign-On",
        intro: ("Membuka session harian. Jawaban sukses hanya berisi SessionID (huruf S besar).", "Opens the day's session. A successful answer holds only the SessionID (capital S)."),
        biller: false,
        fields: SIGN_ON_FIELDS,
        examples: &["sign-on"],
        samples: true,
    },
    Endpoint {
        slug: "inquiry",
        title: ("Inquiry", "Inquiry"),
        path: "/Services/Inquiry",
        intro: ("Menanyakan tagihan. data berisi idPelanggan, nama, tagihan, admin, total dan periode (nominal 12 digit); PLN juga NM (nama), AB (admin), TG (tagihan) dan TT (total). Payment memakai nominal ini apa adanya.", "Asks for the bill. data holds idPelanggan, nama, tagihan, admin, total and periode (amounts as 12 digits); PLN also NM (name), AB (admin), TG (bill) and TT (total). The Payment sends these amounts as they are."),
        biller: true,
        fields: &[SESSION, MERCHANT, PRODUCT, CUSTOMER, REFERENCE, ("periode", ("Opsional; BPJS: jumlah bulan \"01\"–\"12\"", "Optional; BPJS: number of months \"01\"–\"12\""))],
        examples: &["inquiry-pln", "inquiry-bpjs"],
        samples: false,
    },
    Endpoint {
        slug: "payment",
        title: ("Payment", "Payment"),
        path: "/Services/Payment",
        intro: ("Membayar tagihan yang sudah di-Inquiry, dengan referenceID dan nominal yang sama. Deposit dipotong tagihan + admin dalam transaksi yang sama.", "Pays a bill after its Inquiry, with the same referenceID and amounts. The deposit is debited tagihan + admin in the same transaction."),
        biller: true,
        fields: &[SESSION, MERCHANT, PRODUCT, CUSTOMER, REFERENCE, AMOUNTS, ("noHanphone", ("BPJS: nomor HP (noHandphone juga diterima)", "BPJS: phone number (noHandphone is accepted too)"))],
        examples: &["payment-pln", "payment-bpjs"],
        samples: true,
    },
    Endpoint {
        slug: "single-payment",
        title: ("Single Payment", "Single Payment"),
        path: "/Services/SinglePayment",
        intro: ("Pembelian tanpa Inquiry: pulsa, paket data, uang elektronik, voucher. tagihan = harga, admin = 000000000000.", "A purchase without Inquiry: airtime, data, e-money, vouchers. tagihan = price, admin = 000000000000."),
        biller: true,
        fields: &[SESSION, MERCHANT, PRODUCT, CUSTOMER, REFERENCE, ("tagihan, admin, total", ("Harga dari Daftar Harga; admin 0", "The price from the price list; admin 0"))],
        examples: &["single-payment", "single-payment-pending"],
        samples: false,
    },
    Endpoint {
        slug: "check-status",
        title: ("Check Status", "Check Status"),
        path: "/Services/Check-Status",
        intro: ("Menanyakan hasil pembayaran dengan data yang sama seperti Payment. rc 00 sukses, 17 gagal, selain itu masih pending.", "Asks for a payment's outcome with the same fields as the Payment. rc 00 success, 17 failed, anything else still pending."),
        biller: false,
        fields: &[SESSION, MERCHANT, PRODUCT, CUSTOMER, REFERENCE, AMOUNTS, ("tglTransaksi", ("Opsional, YYYY-MM-DD", "Optional, YYYY-MM-DD"))],
        examples: &["check-status"],
        samples: false,
    },
    Endpoint {
        slug: "daftar-harga-pulsa",
        title: ("Daftar Harga Pulsa", "Pulsa price list"),
        path: "/Services/getPulsa-Prabayar",
        intro: ("Harga pulsa per operator (prefixID 11 Indosat, 21 Telkomsel, 31 XL, 41 Tri, 51 Axis, 81 Smartfren), atau per kategori dengan getHargaByProductID (mis. AAE.AAAB).", "Airtime prices per operator (prefixID 11 Indosat, 21 Telkomsel, 31 XL, 41 Tri, 51 Axis, 81 Smartfren), or per category with getHargaByProductID (e.g. AAE.AAAB)."),
        biller: false,
        fields: &[SESSION, MERCHANT, ("prefixID", ("Kode operator atau kategori", "Operator or category code"))],
        examples: &["pulsa-prices", "prices-by-family"],
        samples: false,
    },
    Endpoint {
        slug: "cek-deposit",
        title: ("Cek Deposit", "Deposit balance"),
        path: "/Services/getCurrentDeposit",
        intro: ("Saldo deposit lingkungan ini, dalam Rupiah.", "This environment's deposit balance, in Rupiah."),
        biller: false,
        fields: SIGN_ON_FIELDS,
        examples: &["deposit"],
        samples: false,
    },
    Endpoint {
        slug: "cek-status-produk",
        title: ("Cek Status Produk", "Active products"),
        path: "/Services/get-Active-Product",
        intro: ("Kode produk yang aktif untuk Anda di lingkungan ini, dipisah koma.", "The product codes active for you in this environment, comma-separated."),
        biller: false,
        fields: SIGN_ON_FIELDS,
        examples: &["active-products"],
        samples: false,
    },
];

/// The pages of the sub-navigation, in the manual's order.
const PAGES: &[(&str, Pair)] = &[
    ("revisi", ("Revisi", "Changelog")),
    ("authentikasi", ("Authentikasi", "Authentication")),
    ("sign-on", ("Sign On", "Sign On")),
    ("inquiry", ("Inquiry", "Inquiry")),
    ("payment", ("Payment", "Payment")),
    ("single-payment", ("Single Payment", "Single Payment")),
    ("check-status", ("Check Status", "Check Status")),
    ("daftar-harga-pulsa", ("Daftar Harga Pulsa", "Pulsa price list")),
    ("cek-deposit", ("Cek Deposit", "Deposit balance")),
    ("cek-status-produk", ("Cek Status Produk", "Active products")),
    ("daftar-produk", ("Daftar Produk", "Product list")),
    ("kode-response", ("Daftar Kode Response", "Response codes")),
    ("coba-api", ("Coba API", "Try the API")),
];

/// The API's changes, newest first.
const CHANGES: &[(&str, Pair)] = &[
    ("2026-12-05", ("Coba API di portal, pemeriksa header Authorization di Log API, koleksi Postman dan dokumen OpenAPI 3.1 untuk diunduh. Inquiry PLN kini juga menjawab NM, AB, TG dan TT.", "Coba API in the portal, an Authorization header checker in Log API, a Postman collection and an OpenAPI 3.1 document to download. PLN inquiries now also answer NM, AB, TG and TT.")),
    ("2026-12-04", ("Dokumentasi di portal: contoh request dan response diuji terhadap gateway development setiap build.", "Documentation in the portal: its example requests and answers are tested against the development gateway on every build.")),
    ("2026-12-03", ("Callback event reconciliation: file rekonsiliasi harian (CSV dengan checksum) siap diunduh.", "Callback event reconciliation: the daily reconciliation file (CSV with a checksum) is ready to download.")),
    ("2026-12-02", ("Callback event deposit: top up deposit yang berhasil dikabarkan ke URL callback.", "Callback event deposit: a successful deposit top-up is announced to the callback URL.")),
    ("2026-11-23", ("Callback bertanda tangan HMAC-SHA256 saat transaksi pending menjadi final, dikirim ulang sampai HTTP 200.", "HMAC-SHA256 signed callbacks when a pending transaction becomes final, retried until HTTP 200.")),
    ("2026-11-23", ("Versi awal: Sign On, Inquiry, Payment, Single Payment, Check Status, daftar harga, cek deposit, produk aktif.", "First version: Sign On, Inquiry, Payment, Single Payment, Check Status, price lists, deposit, active products.")),
];

#[component]
pub fn DocsPage() -> impl IntoView {
    let params = use_params_map();
    let slug = Memo::new(move |_| params.with(|p| p.get("halaman").unwrap_or_else(|| "revisi".into())));
    // Made beside the user check, never inside the page's Suspense; each
    // reads only on the page that shows it.
    let codes = Resource::new(move || slug.get(), |s| async move { only(s == "kode-response", doc_codes()).await });
    let digest = Resource::new(move || slug.get(), |s| async move { only(s == "authentikasi", doc_digest()).await });
    let products =
        Resource::new(move || slug.get(), |s| async move { only(s == "daftar-produk", doc_products()).await });
    let try_api = ServerAction::<TryApi>::new();
    let samples = Resource::new(
        move || slug.get(),
        |s| async move { only(s == "sign-on" || s == "payment", doc_samples()).await },
    );
    view! {
        <PartnerPage render=move |user| {
            let t = use_texts();
            let merchant = user.merchant_id.clone().unwrap_or_else(|| EXAMPLE_MERCHANT_ID.into());
            let show_digest = |v: Option<DigestVectorOut>| v.map(|v| view! { <Authentication v /> });
            let show_codes = |rows: Option<Vec<RcRowOut>>| rows.map(|rows| view! { <Codes rows /> });
            let show_products = |rows: Option<Vec<ProductOut>>| rows.map(|rows| view! { <Products rows /> });
            // The sub-navigation moves within this page: what it shows follows the address.
            let body = move || match slug.get().as_str() {
                "authentikasi" => view! { <Loaded resource=digest children=show_digest /> }.into_any(),
                "kode-response" => view! { <Loaded resource=codes children=show_codes /> }.into_any(),
                "daftar-produk" => view! { <Loaded resource=products children=show_products /> }.into_any(),
                "coba-api" => view! { <TryConsole action=try_api merchant=merchant.clone() /> }.into_any(),
                page => match ENDPOINTS.iter().find(|e| e.slug == page) {
                    Some(e) => view! { <EndpointPage e merchant=merchant.clone() samples /> }.into_any(),
                    None => view! { <Changelog /> }.into_any(),
                },
            };
            let here = move |s: &'static str| move || slug.with(|page| (page == s).then_some("page"));
            view! {
                <DocsTabs current="docs" />
                <div class="docs">
                    <nav class="docs-nav" aria-label=t.docs.nav_label>
                        {PAGES.iter().map(|(s, title)| {
                            view! { <a href=format!("/koneksi/dokumentasi/{s}") aria-current=here(s)>{t.pick(*title)}</a> }
                        }).collect_view()}
                        <a href="/integrasi/nomor-development">{t.common.menu_integration}</a>
                        <a href="/dokumentasi/openapi.json" rel="external" download="web-open-api.openapi.json">{t.docs.openapi_download}</a>
                        <a href="/dokumentasi/postman.json" rel="external" download="web-open-api.postman.json">{t.docs.postman_download}</a>
                    </nav>
                    <article class="docs-body">{body}</article>
                </div>
            }
        } />
    }
}

/// `load` when `wanted`, else nothing (the other pages' data is not read).
async fn only<T>(
    wanted: bool,
    load: impl std::future::Future<Output = Result<T, AppError>>,
) -> Result<Option<T>, AppError> {
    match wanted {
        true => load.await.map(Some),
        false => Ok(None),
    }
}

/// Koneksi's two tabs: Pengaturan Koneksi and Dokumentasi.
#[component]
pub fn DocsTabs(current: &'static str) -> impl IntoView {
    let t = use_texts();
    let here = move |tab: &str| (tab == current).then_some("page");
    view! {
        <nav class="tabs" aria-label=t.common.menu_connections>
            <a href="/koneksi" aria-current=here("settings")>{t.docs.settings_tab}</a>
            <a href="/koneksi/dokumentasi" aria-current=here("docs")>{t.docs.menu}</a>
        </nav>
    }
}

#[component]
fn EndpointPage(
    e: &'static Endpoint,
    merchant: String,
    samples: Resource<Result<Option<Vec<SampleOut>>, AppError>>,
) -> impl IntoView {
    let t = use_texts();
    let (gateway, biller) = (1, 2);
    let mut steps = vec![
        Step { from: 0, to: gateway, text: format!("{} — {}", e.path, t.docs.step_challenge_request) },
        Step { from: gateway, to: 0, text: t.docs.step_challenge.into() },
        Step { from: 0, to: gateway, text: t.docs.step_signed.into() },
    ];
    if e.biller {
        steps.push(Step { from: gateway, to: biller, text: t.docs.step_biller.into() });
        steps.push(Step { from: biller, to: gateway, text: t.docs.step_biller_answer.into() });
    }
    steps.push(Step { from: gateway, to: 0, text: t.docs.step_answer.into() });
    let mut actors = vec![t.docs.partner, "Gateway"];
    if e.biller {
        actors.push(t.docs.biller);
    }
    let columns = [t.docs.field, t.docs.meaning].map(Column::new).to_vec();
    let fields: Vec<_> = e.fields.to_vec();
    let row = move |(name, meaning): (&'static str, Pair)| view! { <tr><td><code>{name}</code></td><td>{t.pick(meaning)}</td></tr> };
    let examples = e
        .examples
        .iter()
        .filter_map(|name| example(name))
        .map(|x| view! { <Exchange x merchant=merchant.clone() /> })
        .collect_view();
    let samples = e.samples.then(|| {
        let show = |list: Option<Vec<SampleOut>>| list.map(|list| view! { <CodeSamples list /> });
        view! { <Loaded resource=samples children=show /> }
    });
    view! {
        <h1 class="page-title">{t.pick(e.title)}</h1>
        <p>{t.pick(e.intro)}</p>
        <p><strong>{t.docs.endpoint}": "</strong><code>{format!("POST {}", e.path)}</code></p>
        <h2>{t.docs.sequence}</h2>
        <Sequence title=format!("{} — {}", t.docs.sequence, t.pick(e.title)) actors steps />
        <h2>{t.docs.fields}</h2>
        <Table caption=t.docs.fields columns rows=fields row />
        {examples}
        {samples}
        <p class="muted small">{t.docs.dev_numbers_link}" "<a href="/integrasi/nomor-development">{t.common.menu_integration}</a></p>
    }
}

/// Sign On, Inquiry and Payment in each language, as `make test` runs
/// them (`doc_samples`: made on the server).
#[component]
fn CodeSamples(list: Vec<SampleOut>) -> impl IntoView {
    let t = use_texts();
    let blocks = list
        .into_iter()
        .map(|s| {
            view! {
                <details class="sample" data-testid=format!("sample-{}", s.runner)>
                    <summary>{s.language}<span class="muted small">" · "{s.file}</span></summary>
                    <pre class="code" tabindex="0"><code>{s.code}</code></pre>
                </details>
            }
        })
        .collect_view();
    view! {
        <section class="panel" aria-labelledby="samples-title">
            <h2 id="samples-title">{t.docs.samples}</h2>
            <p class="muted">{t.docs.samples_note}</p>
            {blocks}
        </section>
    }
}

/// One request and the answer the gateway gave it.
#[component]
fn Exchange(x: &'static Example, merchant: String) -> impl IntoView {
    let t = use_texts();
    let request = pretty(&filled(x.request, &merchant, EXAMPLE_SESSION_ID));
    let response = pretty(&filled(x.response, &merchant, EXAMPLE_SESSION_ID));
    view! {
        <section class="panel exchange" data-testid=format!("example-{}", x.name)>
            <h2>{t.docs.request}<span class="muted small">" · POST "{x.path}</span></h2>
            <pre class="code" tabindex="0"><code>{request}</code></pre>
            <h2>{t.docs.response}</h2>
            <pre class="code" tabindex="0"><code>{response}</code></pre>
            <p class="muted small">{t.docs.example_note}</p>
        </section>
    }
}

#[component]
fn Authentication(v: DigestVectorOut) -> impl IntoView {
    let t = use_texts();
    let values = [
        ("username", v.username.clone()),
        ("password", v.password.clone()),
        ("realm", v.realm.clone()),
        ("method", v.method.clone()),
        ("uri", v.uri.clone()),
        ("nonce", v.nonce.clone()),
        ("cnonce", v.cnonce.clone()),
        ("nc", v.nc.clone()),
        ("qop", v.qop.clone()),
        ("HA1", v.ha1.clone()),
        ("HA2", v.ha2.clone()),
        ("response", v.response.clone()),
    ];
    view! {
        <h1 class="page-title">{t.pick(("Authentikasi", "Authentication"))}</h1>
        <p>{t.docs.auth_intro}</p>
        <h2>{t.docs.auth_steps}</h2>
        <ol>
            <li>{t.docs.auth_step_1}<pre class="code" tabindex="0"><code>{format!("WWW-Authenticate: {}", v.challenge)}</code></pre></li>
            <li>{t.docs.auth_step_2}</li>
            <li>{t.docs.auth_step_3}<pre class="code" tabindex="0"><code>{format!("Authorization: {}", v.authorization)}</code></pre></li>
        </ol>
        <h2>{t.docs.vector}</h2>
        <dl class="facts" data-testid="digest-vector">{values.into_iter().map(|(k, v)| view! { <dt>{k}</dt><dd><code>{v}</code></dd> }).collect_view()}</dl>
        <p class="muted">{t.docs.vector_note}" "<code>{v.response_nc_1}</code>"."</p>
        <h2>{t.docs.signon_rules}</h2>
        <ul><li>{t.docs.signon_rule_1}</li><li>{t.docs.signon_rule_2}</li><li>{t.docs.signon_rule_3}</li></ul>
    }
}

fn meaning(t: &'static Texts, m: Meaning) -> impl IntoView {
    let (class, text) = match m {
        Meaning::Success => ("status status-ok", t.docs.success),
        Meaning::Pending => ("status status-pending", t.docs.pending),
        Meaning::Failed => ("status status-bad", t.docs.failed),
    };
    view! { <span class=class>{text}</span> }
}

#[component]
fn Codes(rows: Vec<RcRowOut>) -> impl IntoView {
    let t = use_texts();
    let columns = [t.docs.col_code, t.docs.col_text, "Inquiry", "Payment", "Check Status"].map(Column::new).to_vec();
    let row = move |r: RcRowOut| {
        view! {
            <tr data-testid="rc-row">
                <td><code>{r.code}</code></td><td>{r.text}</td>
                <td>{meaning(t, r.inquiry)}</td><td>{meaning(t, r.payment)}</td><td>{meaning(t, r.status)}</td>
            </tr>
        }
    };
    view! {
        <h1 class="page-title">{t.pick(("Daftar Kode Response", "Response codes"))}</h1>
        <p>{t.docs.codes_intro}</p>
        <div class="alert alert-warning" role="note"><strong>{t.docs.important}" "</strong>{t.docs.pending_rule}</div>
        <Table caption=t.pick(("Daftar Kode Response", "Response codes")) columns rows row />
    }
}

#[component]
fn Products(rows: Vec<ProductOut>) -> impl IntoView {
    let t = use_texts();
    let mut categories: Vec<String> = rows.iter().map(|p| p.category.clone()).collect();
    categories.dedup();
    let sections = categories
        .into_iter()
        .map(|category| {
            let of: Vec<ProductOut> = rows.iter().filter(|p| p.category == category).cloned().collect();
            let columns = [t.docs.col_product, t.docs.col_name, t.docs.col_flow, t.docs.col_admin, t.docs.col_price]
                .map(Column::new)
                .to_vec();
            let row = |p: ProductOut| {
                let flow = match p.flow {
                    ProductFlow::Single => "Single Payment",
                    ProductFlow::Dual => "Inquiry + Payment",
                };
                view! {
                    <tr>
                        <td><code>{p.code}</code></td><td>{p.name}</td><td>{flow}</td>
                        <td class="num">{domain::finance::rupiah(p.admin_fee)}</td>
                        <td class="num">{(p.price > 0).then(|| domain::finance::rupiah(p.price))}</td>
                    </tr>
                }
            };
            let caption = t.pick(("Daftar Produk", "Product list"));
            view! { <h2>{category}</h2><Table caption columns rows=of row /> }
        })
        .collect_view();
    view! {
        <h1 class="page-title">{t.pick(("Daftar Produk", "Product list"))}</h1>
        <p>{t.docs.products_intro}</p>
        {sections}
    }
}

#[component]
fn Changelog() -> impl IntoView {
    let t = use_texts();
    view! {
        <h1 class="page-title">{t.pick(("Revisi", "Changelog"))}</h1>
        <p>{t.docs.changelog_intro}</p>
        <ul class="changelog">
            {CHANGES.iter().map(|(day, what)| view! { <li><time datetime=*day>{*day}</time>" — "{t.pick(*what)}</li> }).collect_view()}
        </ul>
    }
}
