//! Dashboard after login; until the profile is complete it carries the
//! "Lengkapi Data" notice of manual Gambar 8.

use super::PartnerPage;
use crate::i18n::use_texts;
use domain::account::UserOut;
use leptos::prelude::*;

#[component]
pub fn DashboardPage() -> impl IntoView {
    view! { <PartnerPage render=|u: UserOut| view! { <Dashboard user=u /> } /> }
}

#[component]
fn Dashboard(user: UserOut) -> impl IntoView {
    let t = use_texts();
    view! {
        <h1 class="page-title">{t.welcome}", "{user.name.clone()}</h1>
        <p class="muted">{user.company.clone()}</p>
        {(!user.profile_complete)
            .then(|| {
                view! {
                    <section class="notice" aria-labelledby="complete-title">
                        <h2 id="complete-title">{t.complete_title}</h2>
                        <p>{t.complete_body}</p>
                        <a class="btn btn-primary" href="/profil/lengkapi">{t.complete_button}</a>
                    </section>
                }
            })}
        <section class="cards">
            <div class="card">
                <h2>{t.account_status}</h2>
                <p class="status status-pending">{t.status_incomplete}</p>
            </div>
        </section>
    }
}
