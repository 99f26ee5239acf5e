//! Dashboard after login; until the profile is complete it carries the
//! "Lengkapi Data" notice of manual Gambar 8.

use super::PartnerPage;
use crate::i18n::use_texts;
use crate::server_fns::finance::dashboard_stats;
use domain::account::UserOut;
use domain::finance::{rupiah, DashboardOut, DayCounts};
use domain::profile::ProfileStatus;
use leptos::prelude::*;

#[component]
pub fn DashboardPage() -> impl IntoView {
    let stats = Resource::new(|| (), |_| dashboard_stats());
    view! { <PartnerPage render=move |u: UserOut| view! { <Dashboard user=u stats /> } /> }
}

/// Deposits and today's payments, once the account is active.
#[component]
fn Figures(stats: Resource<Result<DashboardOut, crate::error::AppError>>) -> impl IntoView {
    let t = use_texts();
    move || {
        stats.get().and_then(Result::ok).map(|s| {
            view! {
                <section class="cards">
                    <div class="card"><h2>{t.deposit_production}</h2><p class="big" data-testid="deposit">{rupiah(s.production_deposit)}</p></div>
                    <div class="card"><h2>{t.deposit_development}</h2><p class="big" data-testid="deposit-development">{rupiah(s.development_deposit)}</p></div>
                </section>
                <DayPanel title=t.today_title counts=s.today testid="today-production" />
                <DayPanel title=t.today_development_title counts=s.today_development testid="today-development" />
            }
        })
    }
}

/// One environment's payments of today, by status.
#[component]
fn DayPanel(title: &'static str, counts: DayCounts, testid: &'static str) -> impl IntoView {
    let t = use_texts();
    let counts = [
        (t.count_success, counts.success, "status-ok"),
        (t.count_failed, counts.failed, "status-bad"),
        (t.count_pending, counts.pending, "status-pending"),
        (t.count_refund, counts.refund, "status-none"),
    ];
    view! {
        <section class="panel" data-testid=testid>
            <h2>{title}</h2>
            <div class="counts">
                {counts.map(|(label, n, class)| view! { <div class="count"><span class=format!("status {class}")>{label}</span><strong>{n}</strong></div> }).collect_view()}
            </div>
        </section>
    }
}

#[component]
fn Dashboard(user: UserOut, stats: Resource<Result<DashboardOut, crate::error::AppError>>) -> impl IntoView {
    let t = use_texts();
    let (status_class, status_text) = match user.profile_status {
        ProfileStatus::Approved => ("status status-ok", t.status_approved),
        ProfileStatus::Submitted => ("status status-pending", t.status_submitted),
        ProfileStatus::Rejected => ("status status-bad", t.status_rejected),
        ProfileStatus::Draft => ("status status-pending", t.status_incomplete),
    };
    let notice = match user.profile_status {
        ProfileStatus::Draft => Some(
            view! {
                <section class="notice" aria-labelledby="complete-title">
                    <h2 id="complete-title">{t.complete_title}</h2>
                    <p>{t.complete_body}</p>
                    <a class="btn btn-primary" href="/profil/lengkapi">{t.complete_button}</a>
                </section>
            }
            .into_any(),
        ),
        ProfileStatus::Submitted => Some(
            view! {
                <section class="notice">
                    <p><strong>{t.thanks_in_review}</strong>" — "{t.thanks_sla}</p>
                    <a href="/profil">{t.menu_profile}</a>
                </section>
            }
            .into_any(),
        ),
        ProfileStatus::Rejected => Some(
            view! {
                <section class="notice notice-warn" role="alert">
                    <p>{t.profile_rejected}</p>
                    <a class="btn btn-primary" href="/profil/lengkapi">{t.fix_profile}</a>
                </section>
            }
            .into_any(),
        ),
        ProfileStatus::Approved => None,
    };
    view! {
        <h1 class="page-title">{t.welcome}", "{user.name.clone()}</h1>
        <p class="muted">{user.company.clone()}</p>
        {notice}
        <section class="cards">
            {user.merchant_id.clone().map(|id| view! {
                <div class="card">
                    <h2>{t.merchant_id_label}</h2>
                    <p class="big" data-testid="merchant-id">{id}</p>
                </div>
            })}
            <div class="card">
                <h2>{t.account_status}</h2>
                <p class=status_class data-testid="account-status">{status_text}</p>
            </div>
        </section>
        {(user.profile_status == ProfileStatus::Approved).then(|| view! { <Figures stats /> })}
    }
}
