//! The Leptos UI: routes, pages, components, texts and the (thin) server
//! functions. Server-only code is gated once, by module, on `ssr`.

pub mod client_ip;
pub mod components;
pub mod docs;
pub mod error;
pub mod i18n;
pub mod pages;
pub mod routes;
pub mod server_fns;
pub mod site;
#[cfg(feature = "ssr")]
pub mod ssr;
pub mod upload;

#[cfg(feature = "ssr")]
use i18n::Texts;
use leptos::prelude::*;
use leptos_meta::{provide_meta_context, Meta, Stylesheet, Title};
use leptos_router::components::{Redirect, Route, Router, Routes};
use leptos_router::Lazy;
use leptos_router::{path, SsrMode};
use pages::NotFound;
use routes::*;

/// The HTML document around the app (server side only), with the texts of
/// the page's language for the browser (`i18n::use_texts`).
#[cfg(feature = "ssr")]
pub fn shell(options: LeptosOptions) -> impl IntoView {
    use i18n::page_texts;
    use leptos_meta::MetaTags;
    let site = site::current();
    view! {
        <!DOCTYPE html>
        <html lang=site.lang.code()>
            <head>
                <meta charset="utf-8" />
                <meta name="viewport" content="width=device-width, initial-scale=1" />
                <meta name="application-name" content=site.brand.clone() />
                <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
                <AutoReload options=options.clone() />
                <HydrationScripts options />
                <MetaTags />
                <script type="application/json" id=i18n::PAGE_TEXTS_ID inner_html=page_texts(site.lang)></script>
            </head>
            <body>
                <App />
            </body>
        </html>
    }
}

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    let site = site::current();
    #[cfg(feature = "ssr")]
    provide_context(Texts::of(site.lang));
    let title = site.brand.clone();
    provide_context(site);
    view! {
        <Stylesheet id="leptos" href="/pkg/webopenapi.css" />
        <Title text=title />
        <Meta name="color-scheme" content="light" />
        <Router>
            <Routes fallback=|| view! { <NotFound /> }>
                <Route path=path!("/") view=|| view! { <Redirect path="/login" /> } />
                <Route path=path!("/login") view={Lazy::<LoginRoute>::new()} />
                <Route path=path!("/daftar") view={Lazy::<RegisterRoute>::new()} />
                <Route path=path!("/verifikasi-email") view={Lazy::<VerifyEmailRoute>::new()} />
                <Route path=path!("/aktivasi") view={Lazy::<ActivateRoute>::new()} ssr=SsrMode::Async />
                <Route path=path!("/lupa-password") view={Lazy::<ForgotPasswordRoute>::new()} />
                <Route path=path!("/reset-password") view={Lazy::<ResetPasswordRoute>::new()} />
                <Route path=path!("/dashboard") view={Lazy::<DashboardRoute>::new()} ssr=SsrMode::Async />
                <Route path=path!("/ubah-password") view={Lazy::<ChangePasswordRoute>::new()} ssr=SsrMode::Async />
                <Route path=path!("/profil") view={Lazy::<ProfileStatusRoute>::new()} ssr=SsrMode::Async />
                <Route path=path!("/profil/lengkapi") view={Lazy::<ProfileFormRoute>::new()} ssr=SsrMode::Async />
                <Route path=path!("/profil/ubah") view={Lazy::<RevisionFormRoute>::new()} ssr=SsrMode::Async />
                <Route path=path!("/integrasi/nomor-development") view={Lazy::<DevNumbersRoute>::new()} ssr=SsrMode::Async />
                <Route path=path!("/integrasi/log") view={Lazy::<LogRoute>::new()} ssr=SsrMode::Async />
                <Route path=path!("/integrasi/log/:id") view={Lazy::<LogEntryRoute>::new()} ssr=SsrMode::Async />
                <Route path=path!("/integrasi/uat") view={Lazy::<UatRoute>::new()} ssr=SsrMode::Async />
                <Route path=path!("/integrasi/live") view={Lazy::<LiveRoute>::new()} ssr=SsrMode::Async />
                <Route path=path!("/koneksi") view={Lazy::<ConnectionsRoute>::new()} ssr=SsrMode::Async />
                <Route path=path!("/koneksi/dokumentasi") view={Lazy::<DocsRoute>::new()} ssr=SsrMode::Async />
                <Route path=path!("/koneksi/dokumentasi/:halaman") view={Lazy::<DocsRoute>::new()} ssr=SsrMode::Async />
                <Route path=path!("/produk") view={Lazy::<ProductsRoute>::new()} ssr=SsrMode::Async />
                <Route path=path!("/manajemen-user") view={Lazy::<TeamRoute>::new()} ssr=SsrMode::Async />
                <Route path=path!("/webreport") view={Lazy::<WebreportRoute>::new()} ssr=SsrMode::Async />
                <Route path=path!("/laporan") view={Lazy::<ReportsHomeRoute>::new()} ssr=SsrMode::Async />
                <Route path=path!("/laporan/rekap-pelunasan") view={Lazy::<RecapRoute>::new()} ssr=SsrMode::Async />
                <Route path=path!("/laporan/pelunasan-harian") view={Lazy::<DaySettlementRoute>::new()} ssr=SsrMode::Async />
                <Route path=path!("/laporan/status-transaksi") view={Lazy::<TxStatusRoute>::new()} ssr=SsrMode::Async />
                <Route path=path!("/laporan/rekening-koran") view={Lazy::<StatementRoute>::new()} ssr=SsrMode::Async />
                <Route path=path!("/deposit/top-up") view={Lazy::<TopupRoute>::new()} ssr=SsrMode::Async />
                <Route path=path!("/perangkat") view={Lazy::<DevicesRoute>::new()} ssr=SsrMode::Async />
                <Route path=path!("/admin") view={Lazy::<AdminLoginRoute>::new()} />
                <Route path=path!("/admin/beranda") view={Lazy::<AdminHomeRoute>::new()} ssr=SsrMode::Async />
                <Route path=path!("/admin/moderasi") view={Lazy::<ModerationQueueRoute>::new()} ssr=SsrMode::Async />
                <Route path=path!("/admin/audit") view={Lazy::<AuditRoute>::new()} ssr=SsrMode::Async />
                <Route path=path!("/admin/moderasi/:user_id") view={Lazy::<ReviewRoute>::new()} ssr=SsrMode::Async />
                <Route path=path!("/admin/mitra") view={Lazy::<PartnersRoute>::new()} ssr=SsrMode::Async />
                <Route path=path!("/admin/mitra/:user_id") view={Lazy::<PartnerDetailRoute>::new()} ssr=SsrMode::Async />
                <Route path=path!("/admin/staf") view={Lazy::<StaffAdminRoute>::new()} ssr=SsrMode::Async />
                <Route path=path!("/admin/ip") view={Lazy::<IpQueueRoute>::new()} ssr=SsrMode::Async />
                <Route path=path!("/admin/uat") view={Lazy::<UatQueueRoute>::new()} ssr=SsrMode::Async />
                <Route path=path!("/admin/live") view={Lazy::<LiveQueueRoute>::new()} ssr=SsrMode::Async />
                <Route path=path!("/admin/mitra/:user_id/log") view={Lazy::<PartnerLogRoute>::new()} ssr=SsrMode::Async />
                <Route path=path!("/admin/log/:id") view={Lazy::<StaffLogEntryRoute>::new()} ssr=SsrMode::Async />
                <Route path=path!("/admin/katalog") view={Lazy::<CatalogRoute>::new()} ssr=SsrMode::Async />
                <Route path=path!("/admin/transaksi") view={Lazy::<StaffTransactionsRoute>::new()} ssr=SsrMode::Async />
                <Route path=path!("/admin/laporan/rekening-koran") view={Lazy::<StaffStatementRoute>::new()} ssr=SsrMode::Async />
                <Route path=path!("/admin/laporan/pelunasan-harian") view={Lazy::<StaffDayRoute>::new()} ssr=SsrMode::Async />
                <Route path=path!("/admin/laporan/rekap-pelunasan") view={Lazy::<StaffRecapRoute>::new()} ssr=SsrMode::Async />
                <Route path=path!("/admin/top-up") view={Lazy::<TopupsRoute>::new()} ssr=SsrMode::Async />
                <Route path=path!("/admin/biller") view={Lazy::<BillersRoute>::new()} ssr=SsrMode::Async />
                <Route path=path!("/admin/keamanan") view={Lazy::<SecurityRoute>::new()} ssr=SsrMode::Async />
            </Routes>
        </Router>
    }
}
