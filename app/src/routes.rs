//! Every page as a lazily loaded route, the pages grouped in sections. With
//! `cargo leptos --split` each section's code (its views and the generic
//! code they instantiate) lands in wasm chunks the browser fetches when a
//! page of the section is first shown, so the first load of `/login`
//! carries the framework and the sign-in pages, not the back office and the
//! reports. The server renders the page as before and names its chunks in
//! `preload` links, so hydration does not wait for another round trip.
//!
//! Sections, not single pages: wasm-split puts each function in a chunk
//! keyed by the set of split points that reach it, and 49 split points made
//! 845 chunks (198 requests for `/login`). Six sections — the login page
//! alone, as most visits start there — make 48 wasm files (20 preloaded by
//! `/login`), and a partner who signed in has the whole portal once the
//! first portal page is in.
//!
//! The pages load their data in their own bodies (resources), so a route's
//! `data()` holds nothing: on a client-side navigation into a section not
//! loaded yet, the data request starts once its chunks are in.

// On wasm, `#[lazy]` (through `wasm_split`) declares each section's entry as
// an `extern "C"` import that cargo-leptos rewrites; that glue is unsafe code
// by the lint's definition. Nothing else in this module is.
#![allow(unsafe_code)]

use leptos::lazy;
use leptos::prelude::*;
use leptos_router::LazyRoute;

/// A section: an enum of its pages, one lazily loaded function that renders
/// any of them (the split point), and a `LazyRoute` type per page, named
/// `<Page>Route`. `$preload` is the name `#[lazy]` gives the section's
/// chunk loader (`__preload_` + the function's name).
macro_rules! lazy_section {
    ($section:ident, $render:ident, $preload:ident { $($route:ident => $page:path),* $(,)? }) => {
        #[derive(Clone, Copy)]
        pub enum $section {
            $($route),*
        }

        #[lazy]
        fn $render(page: $section) -> AnyView {
            match page {
                $($section::$route => $page().into_any()),*
            }
        }

        $(
            pub struct $route;

            impl LazyRoute for $route {
                fn data() -> Self {
                    $route
                }

                async fn view(_this: Self) -> AnyView {
                    $render($section::$route).await
                }

                async fn preload() {
                    // The server renders in place; only the browser loads chunks.
                    #[cfg(target_arch = "wasm32")]
                    $preload().await;
                }
            }
        )*
    };
}

use crate::pages::admin::{
    audit::AuditPageView,
    billers::BillersPage,
    catalog::CatalogPage,
    going_live::{LiveQueuePage, PartnerLogPage, StaffLogEntryPage, UatQueuePage},
    ip_queue::IpQueuePage,
    login::AdminLoginPage,
    partner_reports::{StaffDayPage, StaffRecapPage, StaffStatementPage},
    partners::{PartnerDetailPage, PartnersPage},
    queue::ModerationQueuePage,
    review::ReviewPage,
    security::SecurityPage,
    staff::StaffAdminPage,
    topups::TopupsPage,
    transactions::StaffTransactionsPage,
    AdminHomePage,
};
use crate::pages::auth::{
    activate::ActivatePage, forgot_password::ForgotPasswordPage, login::LoginPage, register::RegisterPage,
    reset_password::ResetPasswordPage, verify_email::VerifyEmailPage,
};
use crate::pages::portal::{
    change_password::ChangePasswordPage,
    connections::ConnectionsPage,
    dashboard::DashboardPage,
    day_settlement::DaySettlementPage,
    dev_numbers::DevNumbersPage,
    docs::DocsPage,
    integration::{LivePage, LogEntryPage, LogPage, UatPage},
    products::ProductsPage,
    recap::RecapPage,
    reports_home::ReportsHomePage,
    security::DevicesPage,
    statement::StatementPage,
    team::TeamPage,
    topup::TopupPage,
    tx_status::TxStatusPage,
};
use crate::pages::profile::{form::ProfileFormPage, revision::RevisionFormPage, status::ProfileStatusPage};
use crate::pages::webreport::WebreportPage;

// The page most visits start with, alone: its first load carries no code
// of the other sign-in pages.
lazy_section!(LoginPages, login_pages, __preload_login_pages {
    LoginRoute => LoginPage,
});

lazy_section!(SignInPages, sign_in_pages, __preload_sign_in_pages {
    RegisterRoute => RegisterPage,
    VerifyEmailRoute => VerifyEmailPage,
    ActivateRoute => ActivatePage,
    ForgotPasswordRoute => ForgotPasswordPage,
    ResetPasswordRoute => ResetPasswordPage,
});

lazy_section!(PortalPages, portal_pages, __preload_portal_pages {
    DashboardRoute => DashboardPage,
    ChangePasswordRoute => ChangePasswordPage,
    ProfileStatusRoute => ProfileStatusPage,
    ProfileFormRoute => ProfileFormPage,
    RevisionFormRoute => RevisionFormPage,
    DevNumbersRoute => DevNumbersPage,
    LogRoute => LogPage,
    LogEntryRoute => LogEntryPage,
    UatRoute => UatPage,
    LiveRoute => LivePage,
    ConnectionsRoute => ConnectionsPage,
    ProductsRoute => ProductsPage,
    TeamRoute => TeamPage,
    TopupRoute => TopupPage,
    DevicesRoute => DevicesPage,
});

lazy_section!(DocsPages, docs_pages, __preload_docs_pages {
    DocsRoute => DocsPage,
});

lazy_section!(ReportPages, report_pages, __preload_report_pages {
    WebreportRoute => WebreportPage,
    ReportsHomeRoute => ReportsHomePage,
    RecapRoute => RecapPage,
    DaySettlementRoute => DaySettlementPage,
    TxStatusRoute => TxStatusPage,
    StatementRoute => StatementPage,
});

// Staff sign in here too: the back office is what they open next.
lazy_section!(BackOfficePages, back_office_pages, __preload_back_office_pages {
    AdminLoginRoute => AdminLoginPage,
    AdminHomeRoute => AdminHomePage,
    ModerationQueueRoute => ModerationQueuePage,
    AuditRoute => AuditPageView,
    ReviewRoute => ReviewPage,
    PartnersRoute => PartnersPage,
    PartnerDetailRoute => PartnerDetailPage,
    StaffAdminRoute => StaffAdminPage,
    IpQueueRoute => IpQueuePage,
    UatQueueRoute => UatQueuePage,
    LiveQueueRoute => LiveQueuePage,
    PartnerLogRoute => PartnerLogPage,
    StaffLogEntryRoute => StaffLogEntryPage,
    CatalogRoute => CatalogPage,
    StaffTransactionsRoute => StaffTransactionsPage,
    StaffStatementRoute => StaffStatementPage,
    StaffDayRoute => StaffDayPage,
    StaffRecapRoute => StaffRecapPage,
    TopupsRoute => TopupsPage,
    BillersRoute => BillersPage,
    SecurityRoute => SecurityPage,
});
