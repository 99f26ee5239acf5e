//! Dashboard after login; until the profile is complete it carries the
//! "Lengkapi Data" notice of manual Gambar 8.

use super::PartnerPage;
use crate::i18n::use_texts;
use domain::account::UserOut;
use domain::profile::ProfileStatus;
use leptos::prelude::*;

#[component]
pub fn DashboardPage() -> impl IntoView {
    view! { <PartnerPage render=|u: UserOut| view! { <Dashboard user=u /> } /> }
}

#[component]
fn Dashboard(user: UserOut) -> impl IntoView {
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
    }
}
