//! The access sweep (issue 12, item 4): every server function in the
//! server-function registry and every plain route in `documents::table`
//! is called by everyone who must be refused — anonymous, a partner of
//! another company, a sub-user with no rights, a sub-user with every right
//! but the one needed, staff lacking the permission — and each call must be
//! refused with nothing changed.
//!
//! What each function needs is not listed here: its guard names it in the
//! `x-guard` header (`APP_EXPOSE_GUARDS`), learned from the anonymous call.
//! A function without a guard is caught by that call: it answers instead of
//! refusing. Only the arguments are written here, as typed calls (so they
//! follow signature changes); a registered function without them fails the
//! sweep until someone adds them.

use crate::common::{new_client, send_with, staff_sign_in, Partner, TestApp, PDF};
use app::server_fns::{
    account, billers, catalog, connections, docs, finance, integration, moderation, products, profile, reports,
    security, staff, team, topup, webreport,
};
use domain::rights::Right;
use domain::staff::{Permission, Role};
use domain::team::TeamUserIn;
use leptos::server_fn::ServerFn;
use reqwest::Client;
use sea_orm::ConnectionTrait;
use std::collections::HashMap;

/// Functions anyone may call: sign-up, sign-in and its steps, sign-out,
/// "who am I" (answers `None`), and the public region list.
const PUBLIC: [&str; 18] = [
    "/api/webreport_login",
    "/api/webreport_me",
    "/api/webreport_logout",
    "/api/register",
    "/api/resend_wait",
    "/api/resend_activation",
    "/api/activate",
    "/api/login",
    "/api/logout",
    "/api/forgot_password",
    "/api/reset_password",
    "/api/current_user",
    "/api/staff_login",
    "/api/staff_verify_code",
    "/api/partner_verify_code",
    "/api/staff_logout",
    "/api/current_staff",
    "/api/regions",
];

/// Functions every signed-in partner user may call whatever their rights
/// (their own password and dashboard), and every staff member (their own
/// second factor). Any other function opening to all of them is a guard
/// too weak: the sweep fails until it names its right or is listed here.
const ANY_PARTNER: [&str; 9] = [
    "/api/change_password",
    "/api/dashboard_stats",
    "/api/security_overview",
    "/api/partner_totp_begin",
    "/api/partner_totp_confirm",
    "/api/partner_totp_disable",
    "/api/partner_totp_require",
    "/api/session_end",
    "/api/sessions_end_others",
];
const ANY_STAFF: [&str; 2] = ["/api/totp_begin", "/api/totp_confirm"];

/// A typed call as the browser encodes it: its path and form body.
fn sample<F: ServerFn + serde::Serialize>(call: F) -> (&'static str, String) {
    (F::PATH, serde_qs::to_string(&call).unwrap())
}

/// The objects of company A the calls name (so that a guard missing for a
/// partner of another company would show).
struct Ids {
    owner: domain::UserId,
    sub_user: domain::UserId,
    ip: domain::IpEntryId,
    document: domain::DocumentId,
}

fn samples(ids: &Ids) -> HashMap<&'static str, String> {
    let any = || uuid::Uuid::now_v7();
    let user_id = ids.owner;
    let list = domain::ListQuery::default;
    let form = || TeamUserIn {
        name: "Sweep".into(),
        email: "sweep@sweep.test".into(),
        phone: "081299990000".into(),
        password: "rahasia123".into(),
        password_confirm: "rahasia123".into(),
        rights: Right::ALL.to_vec(),
    };
    [
        sample(account::ChangePassword {
            current_password: "rahasia123".into(),
            password: "rahasia456".into(),
            password_confirm: "rahasia456".into(),
        }),
        sample(catalog::CatalogUpdate { code: "100301".into(), input: Default::default() }),
        sample(catalog::CatalogCreate { input: Default::default() }),
        sample(catalog::CategoryCreate { input: Default::default() }),
        sample(catalog::BreakerReset { biller: "pln".into() }),
        sample(billers::BillerBalanceCheck { biller: "pulsa".into() }),
        sample(billers::BillerRouteProduct {
            code: "501021".into(),
            biller: "pulsa".into(),
            biller_code: "S10".into(),
        }),
        sample(connections::IpList { list: list() }),
        sample(docs::DocCodes {}),
        sample(docs::DocDigest {}),
        sample(docs::DocProducts {}),
        sample(docs::DocSamples {}),
        sample(docs::TryApi { input: domain::docs::TryIn { path: "/auth/Sign-On".into(), body: "{}".into() } }),
        sample(connections::IpAdd { environment: "development".into(), ip: "198.51.100.9".into() }),
        sample(connections::IpRemove { id: ids.ip }),
        sample(connections::IpDecide { id: ids.ip, approve: true, reason: String::new() }),
        sample(connections::CallbackSetUrl { url: "https://example.com/cb".into() }),
        sample(connections::CallbackResend { id: any().into() }),
        sample(finance::ReconcileDay { day: "2026-01-01".into() }),
        sample(reports::ReportStatement { input: Default::default() }),
        sample(reports::ReportTransactions { input: Default::default() }),
        sample(reports::ReportTransaction { id: any().into() }),
        sample(reports::ReportDay { environment: String::new(), day: String::new() }),
        sample(reports::ReportRecap { input: Default::default() }),
        sample(reports::ReportHome { environment: String::new() }),
        sample(reports::StaffTransactions { input: Default::default() }),
        sample(webreport::WebreportTransactions { input: Default::default() }),
        sample(webreport::WebreportStatement { input: Default::default() }),
        sample(webreport::WebreportChangePassword {
            current_password: "x".into(),
            password: "Laporan#2026".into(),
            password_confirm: "Laporan#2026".into(),
        }),
        sample(reports::StaffTransaction { id: any().into() }),
        sample(reports::StaffPending { merchant_id: String::new() }),
        sample(reports::StaffStatement { merchant_id: String::new(), input: Default::default() }),
        sample(reports::StaffDay { merchant_id: String::new(), environment: String::new(), day: String::new() }),
        sample(reports::StaffRecap { merchant_id: String::new(), input: Default::default() }),
        sample(reports::StaffResolve { id: any().into(), decision: "refund".into(), reason: "sweep".into() }),
        sample(finance::SetLowBalance { level: Some(100_000) }),
        sample(topup::TopupPage {}),
        sample(topup::TopupCreate { amount: "100.000".into(), method: "va:014".into() }),
        sample(topup::TopupStatus { order_id: "TU-260101-AAAAAAA".into() }),
        sample(topup::TopupRegisterVa {}),
        sample(topup::TopupReconcile { day: "2026-01-01".into() }),
        sample(topup::TopupResolveUnmatched {
            id: any().into(),
            action: "refunded".into(),
            merchant_id: String::new(),
            amount: String::new(),
            note: "x".into(),
        }),
        sample(topup::TopupCases { status: String::new(), list: list() }),
        sample(topup::TopupResolve { order_id: "TU-260101-AAAAAAA".into(), action: "credit".into(), note: "x".into() }),
        sample(finance::PartnerFinance { user_id }),
        sample(finance::DepositAdjust {
            user_id,
            environment: "production".into(),
            amount: "1000".into(),
            reference: "SWEEP".into(),
            note: "sweep".into(),
        }),
        sample(finance::ProductSet { user_id, code: "100301".into(), active: true, reason: "sweep".into() }),
        sample(finance::SignonReset { user_id }),
        sample(finance::SandboxBreakerReset { biller: "pln".into() }),
        sample(integration::ApiLogMine { filter: Default::default(), list: list() }),
        sample(integration::ApiLogEntry { id: any().into() }),
        sample(integration::DigestCheck { input: Default::default() }),
        sample(integration::ApiLogOfPartner { user_id, filter: Default::default(), list: list() }),
        sample(integration::ApiLogStaffEntry { id: any().into() }),
        sample(integration::UatChecklist { code: "100301".into() }),
        sample(integration::UatWithdraw { id: any().into() }),
        sample(integration::UatOne { id: any().into() }),
        sample(integration::UatDecide { id: any().into(), approve: true, reason: String::new() }),
        sample(integration::LiveRequest { code: "100301".into() }),
        sample(integration::LiveDecide { user_id, code: "100301".into(), approve: true, reason: String::new() }),
        sample(integration::ProductHistory { user_id }),
        sample(moderation::ModerationQueue { filter: String::new() }),
        sample(moderation::ModerationReview { user_id }),
        sample(moderation::ModerationAssign { user_id }),
        sample(moderation::ModerationDecide { doc_id: ids.document, accept: false, reason: "sweep".into() }),
        sample(moderation::RevisionDecide { revision_id: any().into(), approve: true, reason: String::new() }),
        sample(moderation::AuditLog { list: list() }),
        sample(moderation::Partners { list: list(), status: None }),
        sample(moderation::Partner { user_id }),
        sample(products::ProductsChoosable { category: String::new() }),
        sample(products::ProductsChoose { codes: vec!["100301".into()] }),
        sample(products::ProductRemove { code: "100301".into() }),
        sample(profile::SaveProfile { input: Default::default(), submit: false }),
        sample(profile::SubmitRevision { input: Default::default(), notes: Default::default() }),
        sample(profile::RemoveRevisionUpload { doc_id: ids.document }),
        sample(staff::StaffCreate { input: Default::default() }),
        sample(staff::StaffChange { id: any().into(), what: "deactivate".into(), role: String::new() }),
        sample(staff::TotpConfirm { code: "123456".into() }),
        sample(security::PartnerTotpConfirm { code: "123456".into() }),
        sample(security::PartnerTotpDisable { code: "123456".into() }),
        sample(security::PartnerTotpRequire { on: true }),
        sample(security::SessionEnd { handle: "0123456789abcdef".into() }),
        sample(team::TeamList { list: list() }),
        sample(team::TeamAdd { input: form() }),
        sample(team::TeamChange { id: ids.sub_user, input: form() }),
        sample(team::TeamDelete { id: ids.sub_user }),
        sample(team::PartnerSuspend { user_id, reason: "sweep".into() }),
        sample(team::PartnerReactivate { user_id, note: String::new() }),
    ]
    .into_iter()
    .collect()
}

/// Functions whose sample names company A's objects: a partner of another
/// company calling them must be refused.
const NAMES_A: [&str; 4] = ["/api/ip_remove", "/api/team_change", "/api/team_delete", "/api/remove_revision_upload"];

/// What a guard asked for, as its header says.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Needs {
    AnyPartner,
    Partner(Right),
    AnyStaff,
    Staff(Permission),
    Webreport,
}

fn needs(header: &str) -> Needs {
    let right = |name: &str| Right::ALL.into_iter().find(|r| format!("{r:?}") == name);
    let permission = |name: &str| Permission::ALL.into_iter().find(|p| format!("{p:?}") == name);
    match header.split_once(':') {
        None if header == "partner" => Needs::AnyPartner,
        None if header == "staff" => Needs::AnyStaff,
        None if header == "webreport" => Needs::Webreport,
        Some(("partner", r)) => Needs::Partner(right(r).unwrap_or_else(|| panic!("unknown right {r}"))),
        Some(("staff", p)) => Needs::Staff(permission(p).unwrap_or_else(|| panic!("unknown permission {p}"))),
        _ => panic!("unreadable guard {header}"),
    }
}

struct Callers {
    anonymous: Client,
    owner_a: Client,
    other_company: Client,
    no_rights: Client,
    all_but: HashMap<Right, Client>,
    staff: HashMap<Role, Client>,
}

/// POSTs `body` to `path`; the status and the guard header.
async fn call(client: &Client, base: &str, path: &str, body: &str) -> (u16, Option<String>) {
    let res = client
        .post(format!("{base}{path}"))
        .header("content-type", "application/x-www-form-urlencoded")
        .body(body.to_owned())
        .send()
        .await
        .unwrap();
    let guard = res.headers().get("x-guard").and_then(|v| v.to_str().ok()).map(str::to_owned);
    (res.status().as_u16(), guard)
}

/// Every count the sweep must leave as it was: a refused call changes
/// nothing, and every change is audited, so the audit log counts too.
async fn fingerprint(app: &TestApp) -> Vec<(String, i64)> {
    let mut queries: Vec<String> = [
        "users",
        "profiles",
        "profile_documents",
        "profile_revisions",
        "ip_whitelist",
        "partner_products",
        "product_steps",
        "uat_requests",
        "products",
        "product_categories",
        "staff",
        "audit_log",
        "ledger_entries",
        "deposits",
        "transactions",
        "callback_deliveries",
        "api_credentials",
        "email_tokens",
        "mail_outbox",
        "partner_settings",
        "biller_breakers",
    ]
    .iter()
    .map(|t| format!("SELECT COUNT(*) FROM {t}"))
    .collect();
    queries.extend([
        "SELECT COUNT(*) FROM users WHERE suspended_at IS NOT NULL".to_owned(),
        "SELECT COALESCE(SUM(LENGTH(rights)), 0) FROM users".to_owned(),
        "SELECT COALESCE(SUM(LENGTH(password_hash)), 0) FROM users".to_owned(),
        "SELECT COUNT(*) FROM staff WHERE active = true".to_owned(),
    ]);
    let mut out = Vec::new();
    for q in queries {
        let stmt = sea_orm::Statement::from_string(app.state.db.get_database_backend(), q.clone());
        let row = app.state.db.query_one_raw(stmt).await.unwrap().unwrap();
        out.push((q, row.try_get_by_index::<i64>(0).unwrap()));
    }
    out
}

/// Company A (approved) with a sub-user holding no rights and one per
/// right holding all but it; company B; a moderator and a finance clerk.
async fn cast(app: &TestApp) -> (Callers, Ids) {
    let (admin, merchant) = app.approved_merchant().await;
    let owner = domain::UserId::from(merchant.user_id);
    let ip = app.send(connections::IpAdd { environment: "production".into(), ip: "203.0.113.7".into() }).await.unwrap();
    let review = send_with(&admin, &app.base, moderation::ModerationReview { user_id: owner }).await.unwrap();
    let mut users = vec![(None, Vec::new())];
    users.extend(Right::ALL.map(|r| (Some(r), Right::ALL.into_iter().filter(|x| *x != r).collect())));
    let mut clients = Vec::new();
    for (without, rights) in users {
        let p = Partner::new();
        let input = TeamUserIn {
            name: format!("Sub {without:?}"),
            email: p.email.clone(),
            phone: p.phone.clone(),
            password: p.password.clone(),
            password_confirm: p.password.clone(),
            rights,
        };
        let added = app.send(team::TeamAdd { input }).await.unwrap();
        clients.push((without, p, added.id));
    }
    // Their e-mail links are another test's subject: here they are confirmed.
    app.state
        .db
        .execute_unprepared("UPDATE users SET email_verified_at = created_at WHERE owner_id IS NOT NULL")
        .await
        .unwrap();
    let mut all_but = HashMap::new();
    let mut no_rights = None;
    let mut sub_user = None;
    for (without, p, id) in clients {
        let c = new_client(&app.base);
        let out: domain::account::LoginOut = send_with(
            &c,
            &app.base,
            app::server_fns::auth::Login { phone: p.phone.clone(), password: p.password.clone() },
        )
        .await
        .unwrap();
        assert_eq!(out, domain::account::LoginOut::LoggedIn);
        match without {
            Some(r) => {
                all_but.insert(r, c);
            }
            None => {
                no_rights = Some(c);
                sub_user = Some(id);
            }
        }
    }
    let other_company = new_client(&app.base);
    app.signed_in_partner_on(&other_company).await;
    let mut staff_clients = HashMap::from([(Role::Admin, admin.clone())]);
    for role in [Role::Moderator, Role::Finance] {
        let email = format!("{}@staff.test", role.code());
        let create = staff::StaffCreate {
            input: domain::staff::NewStaffIn {
                name: role.code().into(),
                email: email.clone(),
                role: role.code().into(),
            },
        };
        let password = send_with(&admin, &app.base, create).await.unwrap();
        let c = new_client(&app.base);
        staff_sign_in(&c, &app.base, &email, &password, None).await;
        staff_clients.insert(role, c);
    }
    let callers = Callers {
        anonymous: new_client(&app.base),
        owner_a: app.client.clone(),
        other_company,
        no_rights: no_rights.unwrap(),
        all_but,
        staff: staff_clients,
    };
    let ids = Ids { owner, sub_user: sub_user.unwrap(), ip: ip.id, document: review.documents[0].id };
    (callers, ids)
}

fn refused(status: u16) -> bool {
    matches!(status, 401 | 403 | 404)
}

#[tokio::test]
async fn every_server_function_and_route_refuses_whoever_may_not_use_it() {
    let app = TestApp::spawn_set("expose_guards", true).await;
    let (who, ids) = cast(&app).await;
    let samples = samples(&ids);
    let before = fingerprint(&app).await;
    let registered: Vec<_> = leptos::server_fn::axum::server_fn_paths().collect();
    for public in PUBLIC {
        assert!(registered.iter().any(|(p, _)| *p == public), "{public} is listed public but not registered");
    }
    let mut swept = 0;
    for (path, _) in registered.iter().filter(|(p, _)| !PUBLIC.contains(p)) {
        let body = samples.get(path).cloned().unwrap_or_default();
        let (status, guard) = call(&who.anonymous, &app.base, path, &body).await;
        let Some(guard) = guard else {
            panic!("{path}: answered {status} to an anonymous call without naming a guard (no guard, or no sample arguments here)")
        };
        assert_eq!(status, 401, "{path}: anonymous");
        let expect = |client: &Client, want: &'static [u16], who_: String| {
            let (c, base, body) = (client.clone(), app.base.clone(), body.clone());
            async move {
                let (status, _) = call(&c, &base, path, &body).await;
                assert!(want.contains(&status), "{path}: {who_} got {status}, wanted one of {want:?}");
            }
        };
        match needs(&guard) {
            Needs::AnyPartner => {
                assert!(ANY_PARTNER.contains(path), "{path} is open to every partner user: name its right");
                expect(&who.staff[&Role::Admin], &[401], "staff".into()).await;
            }
            Needs::Partner(right) => {
                expect(&who.no_rights, &[403], "a sub-user with no rights".into()).await;
                expect(&who.all_but[&right], &[403], format!("a sub-user with all rights but {right:?}")).await;
                expect(&who.staff[&Role::Admin], &[401], "staff".into()).await;
                if NAMES_A.contains(path) {
                    // Refused by ownership (404) or earlier by its own state (B is not approved).
                    let (status, _) = call(&who.other_company, &app.base, path, &body).await;
                    assert!((400..500).contains(&status), "{path}: a partner of another company got {status}");
                }
            }
            Needs::Webreport => {
                // Its own sign-in: neither a partner's session nor staff's opens it.
                expect(&who.owner_a, &[401], "a partner owner".into()).await;
                expect(&who.staff[&Role::Admin], &[401], "staff".into()).await;
            }
            Needs::AnyStaff => {
                assert!(ANY_STAFF.contains(path), "{path} is open to every staff member: name its permission");
                expect(&who.owner_a, &[401], "a partner".into()).await;
            }
            Needs::Staff(p) => {
                expect(&who.owner_a, &[401], "a partner owner".into()).await;
                expect(&who.other_company, &[401], "another partner".into()).await;
                for role in Role::ALL.iter().filter(|r| !r.may(p)) {
                    expect(&who.staff[role], &[403], format!("staff {role:?} lacking {p:?}")).await;
                }
            }
        }
        swept += 1;
    }
    assert!(swept >= 60, "only {swept} functions swept");
    sweep_plain_routes(&app, &who, &ids).await;
    assert_eq!(fingerprint(&app).await, before, "a refused call changed something");
}

/// The plain routes (uploads and downloads), from the table the router is
/// built from, with bodies that would succeed if the guard let them in.
async fn sweep_plain_routes(app: &TestApp, who: &Callers, ids: &Ids) {
    use server::documents::Guard;
    for (method, path, guard, _) in server::documents::table(1 << 20) {
        let Guard::Partner(right) = guard else { continue };
        let url = path
            .replace("{doc_type}", "npwp")
            .replace(
                "{id}",
                &match path.starts_with("/dokumen") {
                    true => ids.document.to_string(),
                    false => uuid::Uuid::now_v7().to_string(),
                },
            )
            .replace("{kind}", "inquiry");
        let send = |c: &Client| {
            let req = match method {
                "GET" => c.get(app.url(&url)),
                _ => {
                    let file = || reqwest::multipart::Part::bytes(PDF.to_vec()).file_name("a.pdf");
                    let form = reqwest::multipart::Form::new()
                        .part("file", file())
                        .text("code", "100301")
                        .part("inquiry", file())
                        .part("struk", file());
                    c.post(app.url(&url)).multipart(form)
                }
            };
            async move { req.send().await.unwrap().status().as_u16() }
        };
        let mut callers: Vec<(&str, &Client)> = vec![
            ("anonymous", &who.anonymous),
            ("a sub-user with no rights", &who.no_rights),
            ("a sub-user lacking the right", &who.all_but[&right]),
        ];
        // Another company uploading acts on its own profile; naming one of
        // company A's files it must be refused.
        if path.contains("{id}") {
            callers.push(("a partner of another company", &who.other_company));
        }
        for (name, c) in callers {
            let status = send(c).await;
            assert!(refused(status), "{method} {path}: {name} got {status}");
        }
    }
}
