//! Dashboard after login; until the profile is complete it carries the
//! "Lengkapi Data" notice of manual Gambar 8.

use crate::components::chart::DayChart;
use crate::components::form::{field_problem, grouped_rupiah};
use crate::components::frame::PartnerPage;
use crate::components::status::{Chip, Tone};
use crate::i18n::use_texts;
use crate::server_fns::finance::{dashboard_stats, SetLowBalance};
use domain::account::UserOut;
use domain::finance::{rupiah, DashboardOut, DayCounts};
use domain::profile::ProfileStatus;
use domain::rights::Right;
use leptos::prelude::*;

#[component]
pub fn DashboardPage() -> impl IntoView {
    let stats = Resource::new(|| (), |_| dashboard_stats());
    view! { <PartnerPage render=move |u: UserOut| view! { <Dashboard user=u stats /> } /> }
}

/// Deposits and today's payments, once the account is active.
#[component]
fn Figures(
    stats: Resource<Result<DashboardOut, crate::error::AppError>>,
    top_up: bool,
    links: Vec<(&'static str, &'static str)>,
) -> impl IntoView {
    let t = use_texts();
    move || {
        stats.get().and_then(Result::ok).map(|s| {
            view! {
                <section class="cards">
                    <div class="card">
                        <h2>{t.common.deposit_production}</h2>
                        <p class="big" data-testid="deposit">{rupiah(s.production_deposit)}</p>
                        <p class="muted" data-testid="runway" title=t.portal.runway_hint>
                            {s.runway_days.map_or(t.portal.runway_none.to_owned(), |n| t.portal.runway.replace("{n}", &n.to_string()))}
                        </p>
                        {s.low_balance.filter(|level| s.production_deposit < *level).map(|_| view! {
                            <p><span class="status status-bad" role="status">{t.portal.low_balance_below}</span></p>
                        })}
                        {top_up.then(|| view! { <p><a class="btn btn-light" href="/deposit/top-up">{t.topup.menu}</a></p> })}
                    </div>
                    <div class="card"><h2>{t.common.deposit_development}</h2><p class="big" data-testid="deposit-development">{rupiah(s.development_deposit)}</p></div>
                </section>
                {top_up.then(|| view! { <LowBalance level=s.low_balance /> })}
                <DayPanel title=t.portal.today_title counts=s.today testid="today-production" />
                <DayChart title=t.portal.chart_title points=s.chart.clone() testid="chart-30" />
                <p class="actions-line">
                    {links.iter().map(|(href, label)| view! { <a class="btn btn-light" href=*href>{*label}</a>" " }).collect_view()}
                </p>
                <DayPanel title=t.portal.today_development_title counts=s.today_development testid="today-development" />
            }
        })
    }
}

/// The level under which the company is e-mailed (at most once a day).
#[component]
fn LowBalance(level: Option<i64>) -> impl IntoView {
    let t = use_texts();
    let save = ServerAction::<SetLowBalance>::new();
    let typed = RwSignal::new(level.map(|l| grouped_rupiah(&l.to_string())).unwrap_or_default());
    let problem = field_problem(save.value(), "low_balance");
    let saved = move || matches!(save.value().get(), Some(Ok(())));
    view! {
        <form class="panel toolbar wrap" on:submit=move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            let level = domain::topup::parse_amount(&typed.get_untracked());
            save.dispatch(SetLowBalance { level });
        }>
            <label for="low-balance">{t.portal.low_balance_label}</label>
            <input id="low-balance" inputmode="numeric" size="14" aria-describedby="low-balance-hint"
                prop:value=move || typed.get() on:input=move |ev| typed.set(grouped_rupiah(&event_target_value(&ev))) />
            <button type="submit" class="btn btn-light">{t.common.save}</button>
            <p id="low-balance-hint" class="muted small">{t.portal.low_balance_hint}</p>
            {move || problem().map(|p| view! { <p class="field-error" role="alert">{p}</p> })}
            {move || saved().then(|| view! { <p class="status status-ok" role="status">{t.portal.low_balance_saved}</p> })}
        </form>
    }
}

/// One environment's payments of today, by status.
#[component]
fn DayPanel(title: &'static str, counts: DayCounts, testid: &'static str) -> impl IntoView {
    let t = use_texts();
    let counts = [
        (t.common.count_success, counts.success, "status-ok"),
        (t.common.count_failed, counts.failed, "status-bad"),
        (t.portal.count_pending, counts.pending, "status-pending"),
        (t.portal.count_refund, counts.refund, "status-none"),
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
    let notice = match user.profile_status {
        ProfileStatus::Draft => Some(
            view! {
                <section class="notice" aria-labelledby="complete-title">
                    <h2 id="complete-title">{t.common.complete_title}</h2>
                    <p>{t.portal.complete_body}</p>
                    <a class="btn btn-primary" href="/profil/lengkapi">{t.common.complete_button}</a>
                </section>
            }
            .into_any(),
        ),
        ProfileStatus::Submitted => Some(
            view! {
                <section class="notice">
                    <p><strong>{t.common.thanks_in_review}</strong>" — "{t.common.thanks_sla}</p>
                    <a href="/profil">{t.common.menu_profile}</a>
                </section>
            }
            .into_any(),
        ),
        ProfileStatus::Rejected => Some(
            view! {
                <section class="notice notice-warn" role="alert">
                    <p>{t.common.profile_rejected}</p>
                    <a class="btn btn-primary" href="/profil/lengkapi">{t.common.fix_profile}</a>
                </section>
            }
            .into_any(),
        ),
        ProfileStatus::Approved => None,
    };
    view! {
        <h1 class="page-title">{t.portal.welcome}", "{user.name.clone()}</h1>
        <p class="muted">{user.company.clone()}</p>
        {notice}
        <section class="cards">
            {user.merchant_id.clone().map(|id| view! {
                <div class="card">
                    <h2>{t.common.merchant_id_label}</h2>
                    <p class="big" data-testid="merchant-id">{id}</p>
                </div>
            })}
            <div class="card">
                <h2>{t.common.account_status}</h2>
                <p><Chip tone=Tone::of_profile(user.profile_status) text=t.profile_status(user.profile_status) testid="account-status" /></p>
            </div>
        </section>
        {(user.profile_status == ProfileStatus::Approved).then(|| {
            // "Lihat Laporan" and "Atur Koneksi" (Gambar 13), where the user's rights open them.
            let links: Vec<_> = [("/laporan", t.portal.see_reports, Right::LaporanHalamanUtama), ("/koneksi", t.portal.set_connection, Right::KoneksiHalamanUtama)]
                .into_iter()
                .filter(|(_, _, right)| user.may(*right))
                .map(|(href, label, _)| (href, label))
                .collect();
            view! { <Figures stats top_up=user.may(Right::TopUpDeposit) links /> }
        })}
    }
}
