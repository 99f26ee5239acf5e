//! The Leptos UI: routes, pages, components, texts and the (thin) server
//! functions. Server-only code is gated once, by module, on `ssr`.

pub mod client_ip;
pub mod components;
pub mod docs;
pub mod error;
pub mod i18n;
pub mod pages;
pub mod server_fns;
pub mod site;
#[cfg(feature = "ssr")]
pub mod ssr;
pub mod upload;

use i18n::Texts;
use leptos::prelude::*;
use leptos_meta::{provide_meta_context, Meta, MetaTags, Stylesheet, Title};
use leptos_router::components::{Redirect, Route, Router, Routes};
use leptos_router::{path, SsrMode};
use pages::admin::{
    audit::AuditPageView,
    catalog::CatalogPage,
    going_live::{LiveQueuePage, PartnerLogPage, StaffLogEntryPage, UatQueuePage},
    ip_queue::IpQueuePage,
    login::AdminLoginPage,
    partners::{PartnerDetailPage, PartnersPage},
    queue::ModerationQueuePage,
    review::ReviewPage,
    security::SecurityPage,
    staff::StaffAdminPage,
    AdminHomePage,
};
use pages::auth::{
    activate::ActivatePage, forgot_password::ForgotPasswordPage, login::LoginPage, register::RegisterPage,
    reset_password::ResetPasswordPage, verify_email::VerifyEmailPage,
};
use pages::portal::{
    change_password::ChangePasswordPage,
    connections::ConnectionsPage,
    dashboard::DashboardPage,
    dev_numbers::DevNumbersPage,
    integration::{LivePage, LogEntryPage, LogPage, UatPage},
    products::ProductsPage,
    security::DevicesPage,
    team::TeamPage,
};
use pages::profile::{form::ProfileFormPage, revision::RevisionFormPage, status::ProfileStatusPage};
use pages::NotFound;

/// The HTML document around the app (server side only).
pub fn shell(options: LeptosOptions) -> impl IntoView {
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
                <Route path=path!("/login") view=LoginPage />
                <Route path=path!("/daftar") view=RegisterPage />
                <Route path=path!("/verifikasi-email") view=VerifyEmailPage />
                <Route path=path!("/aktivasi") view=ActivatePage ssr=SsrMode::Async />
                <Route path=path!("/lupa-password") view=ForgotPasswordPage />
                <Route path=path!("/reset-password") view=ResetPasswordPage />
                <Route path=path!("/dashboard") view=DashboardPage ssr=SsrMode::Async />
                <Route path=path!("/ubah-password") view=ChangePasswordPage ssr=SsrMode::Async />
                <Route path=path!("/profil") view=ProfileStatusPage ssr=SsrMode::Async />
                <Route path=path!("/profil/lengkapi") view=ProfileFormPage ssr=SsrMode::Async />
                <Route path=path!("/profil/ubah") view=RevisionFormPage ssr=SsrMode::Async />
                <Route path=path!("/integrasi/nomor-development") view=DevNumbersPage ssr=SsrMode::Async />
                <Route path=path!("/integrasi/log") view=LogPage ssr=SsrMode::Async />
                <Route path=path!("/integrasi/log/:id") view=LogEntryPage ssr=SsrMode::Async />
                <Route path=path!("/integrasi/uat") view=UatPage ssr=SsrMode::Async />
                <Route path=path!("/integrasi/live") view=LivePage ssr=SsrMode::Async />
                <Route path=path!("/koneksi") view=ConnectionsPage ssr=SsrMode::Async />
                <Route path=path!("/koneksi/dokumentasi") view=crate::pages::portal::docs::DocsPage ssr=SsrMode::Async />
                <Route path=path!("/koneksi/dokumentasi/:halaman") view=crate::pages::portal::docs::DocsPage ssr=SsrMode::Async />
                <Route path=path!("/produk") view=ProductsPage ssr=SsrMode::Async />
                <Route path=path!("/manajemen-user") view=TeamPage ssr=SsrMode::Async />
                <Route path=path!("/webreport") view=crate::pages::webreport::WebreportPage ssr=SsrMode::Async />
                <Route path=path!("/laporan") view=crate::pages::portal::reports_home::ReportsHomePage ssr=SsrMode::Async />
                <Route path=path!("/laporan/rekap-pelunasan") view=crate::pages::portal::recap::RecapPage ssr=SsrMode::Async />
                <Route path=path!("/laporan/pelunasan-harian") view=crate::pages::portal::day_settlement::DaySettlementPage ssr=SsrMode::Async />
                <Route path=path!("/laporan/status-transaksi") view=crate::pages::portal::tx_status::TxStatusPage ssr=SsrMode::Async />
                <Route path=path!("/laporan/rekening-koran") view=crate::pages::portal::statement::StatementPage ssr=SsrMode::Async />
                <Route path=path!("/deposit/top-up") view=crate::pages::portal::topup::TopupPage ssr=SsrMode::Async />
                <Route path=path!("/perangkat") view=DevicesPage ssr=SsrMode::Async />
                <Route path=path!("/admin") view=AdminLoginPage />
                <Route path=path!("/admin/beranda") view=AdminHomePage ssr=SsrMode::Async />
                <Route path=path!("/admin/moderasi") view=ModerationQueuePage ssr=SsrMode::Async />
                <Route path=path!("/admin/audit") view=AuditPageView ssr=SsrMode::Async />
                <Route path=path!("/admin/moderasi/:user_id") view=ReviewPage ssr=SsrMode::Async />
                <Route path=path!("/admin/mitra") view=PartnersPage ssr=SsrMode::Async />
                <Route path=path!("/admin/mitra/:user_id") view=PartnerDetailPage ssr=SsrMode::Async />
                <Route path=path!("/admin/staf") view=StaffAdminPage ssr=SsrMode::Async />
                <Route path=path!("/admin/ip") view=IpQueuePage ssr=SsrMode::Async />
                <Route path=path!("/admin/uat") view=UatQueuePage ssr=SsrMode::Async />
                <Route path=path!("/admin/live") view=LiveQueuePage ssr=SsrMode::Async />
                <Route path=path!("/admin/mitra/:user_id/log") view=PartnerLogPage ssr=SsrMode::Async />
                <Route path=path!("/admin/log/:id") view=StaffLogEntryPage ssr=SsrMode::Async />
                <Route path=path!("/admin/katalog") view=CatalogPage ssr=SsrMode::Async />
                <Route path=path!("/admin/transaksi") view=crate::pages::admin::transactions::StaffTransactionsPage ssr=SsrMode::Async />
                <Route path=path!("/admin/laporan/rekening-koran") view=crate::pages::admin::partner_reports::StaffStatementPage ssr=SsrMode::Async />
                <Route path=path!("/admin/laporan/pelunasan-harian") view=crate::pages::admin::partner_reports::StaffDayPage ssr=SsrMode::Async />
                <Route path=path!("/admin/laporan/rekap-pelunasan") view=crate::pages::admin::partner_reports::StaffRecapPage ssr=SsrMode::Async />
                <Route path=path!("/admin/top-up") view=crate::pages::admin::topups::TopupsPage ssr=SsrMode::Async />
                <Route path=path!("/admin/biller") view=crate::pages::admin::billers::BillersPage ssr=SsrMode::Async />
                <Route path=path!("/admin/keamanan") view=SecurityPage ssr=SsrMode::Async />
            </Routes>
        </Router>
    }
}
