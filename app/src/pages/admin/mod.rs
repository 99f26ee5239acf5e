//! The operator's back office: login, the staff frame, moderation.

pub mod audit;
pub mod catalog;
pub mod ip_queue;
pub mod login;
pub mod partner_finance;
pub mod partners;
pub mod queue;
pub mod review;
pub mod security;
pub mod staff;

use crate::components::form::LoadError;
use crate::components::layout::ContentReady;
use crate::components::layout::{use_site, LangSwitch};
use crate::i18n::use_texts;
use crate::server_fns::staff::{current_staff, StaffLogout};
use domain::staff::{Permission, Role, StaffOut};
use leptos::prelude::*;
use leptos_router::components::Redirect;
use leptos_router::hooks::use_location;

/// A page for signed-in staff: the back-office frame around `render(staff)`,
/// or a redirect to the staff login.
#[component]
pub fn StaffPage<F, V>(render: F) -> impl IntoView
where
    F: Fn(StaffOut) -> V + Send + Sync + Clone + 'static,
    V: IntoView + 'static,
{
    let t = use_texts();
    let staff = Resource::new(|| (), |_| current_staff());
    view! {
        <Suspense fallback=move || view! { <p class="muted page-loading">{t.loading}</p> }>
            {
                let render = render.clone();
                move || {
                    let render = render.clone();
                    staff.get().map(move |r| match r {
                        Ok(Some(s)) => view! { <StaffShell staff=s.clone()>{render(s)}</StaffShell> }.into_any(),
                        Ok(None) => view! { <Redirect path="/admin" /> }.into_any(),
                        Err(e) => view! { <LoadError e /> }.into_any(),
                    })
                }
            }
        </Suspense>
    }
}

#[component]
fn StaffShell(staff: StaffOut, children: Children) -> impl IntoView {
    let t = use_texts();
    let site = use_site();
    let logout = ServerAction::<StaffLogout>::new();
    let path = use_location().pathname;
    let current = move |p: &'static str| move || path.get().starts_with(p).then_some("page");
    view! {
        <div class="portal">
            <header class="topbar topbar-admin">
                <a href="/admin/beranda" class="brand">{site.brand}" · Back Office"</a>
                <div class="topbar-right">
                    <LangSwitch />
                    <span class="user-name">{staff.name.clone()}</span>
                    <ActionForm action=logout>
                        <button type="submit" class="btn btn-light">{t.logout}</button>
                    </ActionForm>
                </div>
            </header>
            <div class="portal-body">
                <nav class="sidebar" aria-label=t.menu_label>
                    <a href="/admin/beranda" aria-current=current("/admin/beranda")>{t.admin_home}</a>
                    {staff.may(Permission::Moderate).then(|| view! {
                        <a href="/admin/moderasi" aria-current=current("/admin/moderasi")>{t.admin_queue}</a>
                    })}
                    {staff.may(Permission::Moderate).then(|| view! {
                        <a href="/admin/ip" aria-current=current("/admin/ip")>{t.ip_queue_title}</a>
                    })}
                    {staff.may(Permission::ViewPartners).then(|| view! {
                        <a href="/admin/mitra" aria-current=current("/admin/mitra")>{t.admin_partners}</a>
                    })}
                    {staff.may(Permission::ViewPartners).then(|| view! {
                        <a href="/admin/katalog" aria-current=current("/admin/katalog")>{t.catalog_title}</a>
                    })}
                    {staff.may(Permission::ManageStaff).then(|| view! {
                        <a href="/admin/staf" aria-current=current("/admin/staf")>{t.admin_staff}</a>
                    })}
                    {staff.may(Permission::ReadAudit).then(|| view! {
                        <a href="/admin/audit" aria-current=current("/admin/audit")>{t.admin_audit}</a>
                    })}
                    <a href="/admin/keamanan" aria-current=current("/admin/keamanan")>{t.security_title}</a>
                </nav>
                <main class="content">{children()}<ContentReady /></main>
            </div>
        </div>
    }
}

#[component]
pub fn AdminHomePage() -> impl IntoView {
    let t = use_texts();
    view! {
        <StaffPage render=move |s: StaffOut| view! {
            <h1 class="page-title">{t.admin_welcome}</h1>
            <p>{s.email.clone()}" · "{t.admin_role}": "<strong>{role_text(t, s.role)}</strong></p>
            {s.may(Permission::Moderate).then(|| view! { <p><a class="btn btn-primary" href="/admin/moderasi">{t.admin_queue}</a></p> })}
            {s.may(Permission::Finance).then(|| view! { <ReconcileForm /> })}
            <p class="muted">{t.admin_next}</p>
        } />
    }
}

pub fn role_text(t: &crate::i18n::Texts, r: Role) -> &'static str {
    match r {
        Role::Admin => t.role_admin,
        Role::Moderator => t.role_moderator,
        Role::Finance => t.role_finance,
    }
}

/// "Rekonsiliasi H+1": run (or re-run) the reconciliation of a WIB day.
#[component]
fn ReconcileForm() -> impl IntoView {
    let t = use_texts();
    let run = ServerAction::<crate::server_fns::finance::ReconcileDay>::new();
    let day = RwSignal::new(String::new());
    view! {
        <section class="panel" aria-label=t.reconcile_title>
            <h2>{t.reconcile_title}</h2>
            <p class="muted">{t.reconcile_hint}</p>
            <form on:submit=move |ev: leptos::ev::SubmitEvent| {
                ev.prevent_default();
                run.dispatch(crate::server_fns::finance::ReconcileDay { day: day.get_untracked() });
            }>
                <label for="reconcile-day">{t.reconcile_day}</label>
                <input id="reconcile-day" type="date" required prop:value=move || day.get() on:input=move |ev| day.set(event_target_value(&ev)) />
                <button type="submit" class="btn btn-primary" disabled=move || run.pending().get()>{t.reconcile_button}</button>
            </form>
            {move || run.value().get().map(|r| match r {
                Ok((ok, failed, busy)) => {
                    let busy = (busy > 0).then(|| format!(" · {} {busy}", t.reconcile_busy));
                    let text = format!("{} {ok} · {} {failed}{}", t.count_success, t.count_failed, busy.unwrap_or_default());
                    view! { <p class="status status-ok" role="status">{text}</p> }.into_any()
                }
                Err(e) => view! {
                    <p class="field-error" role="alert">
                        {e.general().or_else(|| e.field_errors().first().map(|f| f.problem)).map(|p| t.problem(p))}
                    </p>
                }.into_any(),
            })}
        </section>
    }
}
