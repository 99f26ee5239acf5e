//! Every page as a lazily loaded route. With `cargo leptos --split` each
//! page's code (its views and the generic code they instantiate) lands in a
//! wasm chunk of its own that the browser fetches when the page is first
//! shown, so the first load of `/login` carries the framework and the login
//! page, not the back office and the reports. The server renders the page
//! as before and names its chunk in a `modulepreload` link, so hydration
//! does not wait for a second round trip.
//!
//! The pages load their data in their own bodies (resources), so `data()`
//! holds nothing: the data request starts once the chunk is in, which on a
//! client-side navigation costs one chunk fetch (a few KB) before it.

// On wasm, `#[lazy_route]` (through `wasm_split`) declares each chunk's entry
// as an `extern "C"` import that cargo-leptos rewrites; that glue is unsafe
// code by the lint's definition. Nothing else in this module is.
#![allow(unsafe_code)]

use leptos::prelude::*;
use leptos_router::{lazy_route, LazyRoute};

/// One `LazyRoute` type per page, named `<Page>Route`.
macro_rules! lazy_pages {
    ($($route:ident => $page:path),* $(,)?) => {
        $(
            pub struct $route;

            #[lazy_route]
            impl LazyRoute for $route {
                fn data() -> Self {
                    $route
                }

                fn view(_this: Self) -> AnyView {
                    $page().into_any()
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

lazy_pages! {
    LoginRoute => LoginPage,
    RegisterRoute => RegisterPage,
    VerifyEmailRoute => VerifyEmailPage,
    ActivateRoute => ActivatePage,
    ForgotPasswordRoute => ForgotPasswordPage,
    ResetPasswordRoute => ResetPasswordPage,
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
    DocsRoute => DocsPage,
    ProductsRoute => ProductsPage,
    TeamRoute => TeamPage,
    WebreportRoute => WebreportPage,
    ReportsHomeRoute => ReportsHomePage,
    RecapRoute => RecapPage,
    DaySettlementRoute => DaySettlementPage,
    TxStatusRoute => TxStatusPage,
    StatementRoute => StatementPage,
    TopupRoute => TopupPage,
    DevicesRoute => DevicesPage,
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
}
