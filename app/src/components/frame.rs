//! The frames of signed-in pages: `PartnerPage` and `StaffPage` check the
//! session and draw the shell (header, menu) around the page, or send the
//! visitor to the right login.

use crate::components::form::LoadError;
use crate::components::layout::{use_site, LangSwitch};
use crate::i18n::use_texts;
use crate::server_fns::account::current_user;
use crate::server_fns::auth::Logout;
use crate::server_fns::staff::{current_staff, StaffLogout};
use domain::account::UserOut;
use domain::staff::{Permission, StaffOut};
use leptos::prelude::*;
use leptos_router::components::Redirect;
use leptos_router::hooks::use_location;

/// A page for signed-in partner users: the shell around `render(user)`, or
/// a redirect to the login page.
#[component]
pub fn PartnerPage<F, V>(render: F) -> impl IntoView
where
    F: Fn(UserOut) -> V + Send + Sync + Clone + 'static,
    V: IntoView + 'static,
{
    let t = use_texts();
    let path = use_location().pathname;
    // Asked on each page: a right taken away shows at the next click.
    let user = Resource::new(|| (), |_| current_user());
    view! {
        <Suspense fallback=move || view! { <p class="muted page-loading">{t.common.loading}</p> }>
            {
                let render = render.clone();
                move || {
                    let render = render.clone();
                    user.get()
                        .map(move |r| match r {
                            Ok(Some(u)) if !may_open(&u, &path.get_untracked()) => {
                                view! { <PortalShell user=u.clone()><NoAccess /></PortalShell> }.into_any()
                            }
                            Ok(Some(u)) => view! { <PortalShell user=u.clone()>{render(u)}</PortalShell> }.into_any(),
                            Ok(None) => view! { <Redirect path="/login" /> }.into_any(),
                            Err(e) => view! {
                                <LoadError e />
                            }
                            .into_any(),
                        })
                }
            }
        </Suspense>
    }
}

/// Whether `u` may open the page at `path` (`domain::rights::for_page`,
/// the table the server enforces).
fn may_open(u: &UserOut, path: &str) -> bool {
    domain::rights::for_page(path).is_none_or(|r| u.may(r))
}

/// "Anda tidak memiliki akses": a page the user's rights do not include
/// (the server answered it with HTTP 403).
#[component]
fn NoAccess() -> impl IntoView {
    let t = use_texts();
    view! {
        <h1 class="page-title">{t.team.no_access_title}</h1>
        <div class="alert alert-error" role="alert">{t.team.no_access_body}</div>
        <p><a href="/dashboard">{t.common.menu_dashboard}</a></p>
    }
}

/// The partner portal frame: header with brand and user menu, left menu.
/// Only entries whose features exist and the user may open are listed.
#[component]
pub fn PortalShell(user: UserOut, children: Children) -> impl IntoView {
    let t = use_texts();
    let site = use_site();
    let logout = ServerAction::<Logout>::new();
    let path = use_location().pathname;
    let current = move |p: &'static str| move || (path.get() == p).then_some("page");
    view! {
        <div class="portal">
            <header class="topbar">
                <a href="/dashboard" class="brand">{site.brand}</a>
                <div class="topbar-right">
                    <LangSwitch />
                    <details class="user-menu">
                        <summary aria-label=t.common.user_menu>
                            <span class="avatar" aria-hidden="true">{user.name.chars().next().unwrap_or('?').to_string()}</span>
                            <span class="user-name">{user.name.clone()}</span>
                        </summary>
                        <div class="user-menu-items">
                            {may_open(&user, "/profil").then(|| view! { <a href="/profil">{t.common.menu_profile}</a> })}
                            <a href="/ubah-password">{t.common.menu_change_password}</a>
                            <a href="/perangkat">{t.team.security_menu}</a>
                            <ActionForm action=logout>
                                <button type="submit" class="linklike">{t.common.logout}</button>
                            </ActionForm>
                        </div>
                    </details>
                </div>
            </header>
            <div class="portal-body">
                <nav class="sidebar" aria-label=t.common.menu_label>
                    {menu(&user).into_iter().map(|(href, label)| view! {
                        <a href=href aria-current=current(href)>{label}</a>
                    }).collect_view()}
                </nav>
                <main class="content">{children()}<ContentReady /></main>
            </div>
        </div>
    }
}

/// The left menu: the pages that exist for the company's profile state,
/// less those the user's rights do not open.
fn menu(user: &UserOut) -> Vec<(&'static str, &'static str)> {
    let t = use_texts();
    let approved = user.profile_status == domain::profile::ProfileStatus::Approved;
    let mut entries = vec![("/dashboard", t.common.menu_dashboard), ("/profil", t.common.menu_profile)];
    if approved {
        entries.extend([
            ("/produk", t.portal.menu_products),
            ("/koneksi", t.common.menu_connections),
            ("/integrasi/nomor-development", t.common.menu_integration),
            ("/integrasi/uat", t.integration.menu_uat),
            ("/integrasi/live", t.integration.menu_live),
            ("/integrasi/log", t.integration.menu_log),
            ("/laporan", t.reports.home_title),
            ("/laporan/status-transaksi", t.reports.tx_title),
            ("/laporan/pelunasan-harian", t.reports.day_title),
            ("/laporan/rekap-pelunasan", t.reports.recap_title),
            ("/laporan/rekening-koran", t.reports.statement_title),
            ("/deposit/top-up", t.topup.menu),
        ]);
    }
    entries.push(("/manajemen-user", t.team.menu));
    entries.into_iter().filter(|(href, _)| may_open(user, href)).collect()
}

/// Placed after a signed-in page's content: its Effect runs in the browser
/// once that content is hydrated (the page's Suspense hydrates after the
/// body), and marks the body `data-content-ready` — before it, a button
/// may not answer a click yet. People see nothing; tests wait for it.
#[component]
pub fn ContentReady() -> impl IntoView {
    Effect::new(move |_| {
        if let Some(body) = document().body() {
            let _ = body.set_attribute("data-content-ready", "1");
        }
    });
}

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
        <Suspense fallback=move || view! { <p class="muted page-loading">{t.common.loading}</p> }>
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
                        <button type="submit" class="btn btn-light">{t.common.logout}</button>
                    </ActionForm>
                </div>
            </header>
            <div class="portal-body">
                <nav class="sidebar" aria-label=t.common.menu_label>
                    <a href="/admin/beranda" aria-current=current("/admin/beranda")>{t.moderation.admin_home}</a>
                    {staff.may(Permission::Moderate).then(|| view! {
                        <a href="/admin/moderasi" aria-current=current("/admin/moderasi")>{t.moderation.admin_queue}</a>
                    })}
                    {staff.may(Permission::Moderate).then(|| view! {
                        <a href="/admin/ip" aria-current=current("/admin/ip")>{t.moderation.ip_queue_title}</a>
                    })}
                    {staff.may(Permission::Moderate).then(|| view! {
                        <a href="/admin/uat" aria-current=current("/admin/uat")>{t.integration.uat_queue_title}</a>
                        <a href="/admin/live" aria-current=current("/admin/live")>{t.integration.live_queue_title}</a>
                    })}
                    {staff.may(Permission::ViewPartners).then(|| view! {
                        <a href="/admin/mitra" aria-current=current("/admin/mitra")>{t.moderation.admin_partners}</a>
                    })}
                    {staff.may(Permission::ViewPartners).then(|| view! {
                        <a href="/admin/transaksi" aria-current=current("/admin/transaksi")>{t.reports.staff_menu}</a>
                    })}
                    {staff.may(Permission::ViewPartners).then(|| view! {
                        <a href="/admin/katalog" aria-current=current("/admin/katalog")>{t.common.catalog_title}</a>
                    })}
                    {staff.may(Permission::ViewPartners).then(|| view! {
                        <a href="/admin/biller" aria-current=current("/admin/biller")>{t.billers.menu}</a>
                    })}
                    {staff.may(Permission::Finance).then(|| view! {
                        <a href="/admin/top-up" aria-current=current("/admin/top-up")>{t.topup_finance.menu}</a>
                    })}
                    {staff.may(Permission::ManageStaff).then(|| view! {
                        <a href="/admin/staf" aria-current=current("/admin/staf")>{t.common.admin_staff}</a>
                    })}
                    {staff.may(Permission::ReadAudit).then(|| view! {
                        <a href="/admin/audit" aria-current=current("/admin/audit")>{t.moderation.admin_audit}</a>
                    })}
                    <a href="/admin/keamanan" aria-current=current("/admin/keamanan")>{t.common.security_title}</a>
                </nav>
                <main class="content">{children()}<ContentReady /></main>
            </div>
        </div>
    }
}
