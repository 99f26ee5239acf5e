//! "Manajemen User" and suspension over HTTP: sub-users sign in and work in
//! the owner's company with only their rights; rights escalation attempts
//! are refused; deleting a user ends their sessions; a suspended partner
//! cannot sign in and its gateway calls are refused with no money moving,
//! while a pending payment still settles.

use crate::common::{new_client, send_with, Partner, TestApp};
use crate::gateway::{approved, gateway, signed_on, with_session};
use app::error::AppError;
use app::server_fns::account::CurrentUser;
use app::server_fns::auth::{Login, ResetPassword};
use app::server_fns::connections::{IpAdd, IpList};
use app::server_fns::moderation::{AuditLog, Partner as PartnerDetail};
use app::server_fns::team::{PartnerReactivate, PartnerSuspend, TeamAdd, TeamChange, TeamDelete, TeamList};
use domain::account::{LoginOut, UserOut};
use domain::rights::Right;
use domain::team::{TeamUserIn, TeamUserOut};
use domain::{FieldError, ListQuery, Problem};
use sea_orm::ConnectionTrait;
use serde_json::json;

fn form(p: &Partner, rights: &[Right]) -> TeamUserIn {
    TeamUserIn {
        name: "Rina Koneksi".into(),
        email: p.email.clone(),
        phone: p.phone.clone(),
        password: p.password.clone(),
        password_confirm: p.password.clone(),
        rights: rights.to_vec(),
    }
}

/// The owner adds `p` with `rights`; `p` sets a password through the
/// e-mailed link and signs in on a new client.
async fn sub_user(app: &TestApp, p: &Partner, rights: &[Right]) -> (reqwest::Client, TeamUserOut) {
    let added = app.send(TeamAdd { input: form(p, rights) }).await.unwrap();
    let mail = app.mail_text(&p.email).await;
    assert!(mail.contains(&added.username) && !mail.contains(&p.password), "no password in mail: {mail}");
    let link = app.mail_link(&p.email, "/reset-password").await;
    let token = link.split("token=").nth(1).unwrap().to_owned();
    let new_pw = "milikrina77".to_owned();
    app.send(ResetPassword { token, password: new_pw.clone(), password_confirm: new_pw.clone() }).await.unwrap();
    let c = new_client(&app.base);
    let out = send_with(&c, &app.base, Login { phone: p.phone.clone(), password: new_pw }).await.unwrap();
    assert_eq!(out, LoginOut::LoggedIn);
    (c, added)
}

#[tokio::test]
async fn sub_users_work_in_the_owners_company_with_only_their_rights() {
    let app = TestApp::spawn().await;
    let (staff, _) = app.approved_merchant().await;
    let owner: UserOut = app.send(CurrentUser {}).await.unwrap().unwrap();
    assert!(owner.owner && owner.rights.len() == Right::ALL.len());
    let p = Partner::new();
    let (rina, added) = sub_user(&app, &p, &[Right::KoneksiHalamanUtama, Right::PengaturanKoneksi]).await;
    assert!(added.username.ends_with(".02"), "{}", added.username);

    let me: UserOut = send_with(&rina, &app.base, CurrentUser {}).await.unwrap().unwrap();
    assert_eq!((me.owner, me.merchant_id.clone()), (false, owner.merchant_id.clone()), "same company");
    assert_eq!(me.rights, vec![Right::KoneksiHalamanUtama, Right::PengaturanKoneksi]);
    // Her address is the company's: the owner sees it.
    let ip = send_with(&rina, &app.base, IpAdd { environment: "production".into(), ip: "203.0.113.9".into() })
        .await
        .unwrap();
    let mine = app.send(IpList { list: ListQuery::default() }).await.unwrap();
    assert!(mine.ips.items.iter().any(|e| e.id == ip.id));
    // Pages and functions outside her rights: refused, 403.
    let forbidden = AppError::Problem(Problem::Forbidden);
    assert_eq!(send_with(&rina, &app.base, TeamList { list: ListQuery::default() }).await.unwrap_err(), forbidden);
    for page in ["/profil", "/manajemen-user", "/integrasi/uat"] {
        let res = rina.get(app.url(page)).header("accept", "text/html").send().await.unwrap();
        assert_eq!(res.status(), 403, "{page}");
        assert!(res.text().await.unwrap().contains("Anda tidak memiliki akses"), "{page}");
    }
    let res = rina.get(app.url("/koneksi")).header("accept", "text/html").send().await.unwrap();
    assert_eq!(res.status(), 200);

    // The owner takes Pengaturan Koneksi away: her next call is refused.
    let mut change = form(&p, &[Right::KoneksiHalamanUtama]);
    change.password.clear();
    change.password_confirm.clear();
    app.send(TeamChange { id: added.id, input: change }).await.unwrap();
    let again = send_with(&rina, &app.base, IpAdd { environment: "production".into(), ip: "203.0.113.10".into() });
    assert_eq!(again.await.unwrap_err(), forbidden);
    assert!(send_with(&rina, &app.base, IpList { list: ListQuery::default() }).await.is_ok(), "still may look");

    // Deleting her ends her session at once.
    app.send(TeamDelete { id: added.id }).await.unwrap();
    assert_eq!(send_with(&rina, &app.base, CurrentUser {}).await.unwrap(), None);
    let login = send_with(&rina, &app.base, Login { phone: p.phone.clone(), password: "milikrina77".into() });
    assert_eq!(login.await.unwrap_err(), AppError::Problem(Problem::InvalidCredentials));

    // Every step is in the audit log, by the person who acted.
    let all = ListQuery { per: 100, ..Default::default() };
    let log = send_with(&staff, &app.base, AuditLog { list: all }).await.unwrap();
    let actions: Vec<_> = log.items.iter().map(|e| (e.action.as_str(), e.actor_name.as_str())).collect();
    for want in [
        ("team.user_added", "ANDIKA SAMPURNA"),
        ("partner.password_set", "Rina Koneksi"),
        ("partner.login", "Rina Koneksi"),
        ("team.user_changed", "ANDIKA SAMPURNA"),
        ("team.user_deleted", "ANDIKA SAMPURNA"),
        ("partner.registered", "ANDIKA SAMPURNA"),
        ("partner.activated", "ANDIKA SAMPURNA"),
    ] {
        assert!(actions.contains(&want), "{want:?} in {actions:?}");
    }
}

#[tokio::test]
async fn nobody_grants_what_they_lack_or_touches_the_owner_or_another_company() {
    let app = TestApp::spawn().await;
    app.approved_merchant().await;
    let team = app.send(TeamList { list: ListQuery::default() }).await.unwrap();
    let owner_id = team.users.items[0].id;
    assert!(team.users.items[0].owner);
    // A user manager without Request LIVE.
    let p = Partner::new();
    let (admin, added) = sub_user(&app, &p, &[Right::AdminManajemenUser, Right::KoneksiHalamanUtama]).await;
    let forbidden = AppError::Problem(Problem::Forbidden);
    // Granting itself a right it lacks.
    let mut me = form(&p, &[Right::AdminManajemenUser, Right::KoneksiHalamanUtama, Right::RequestLive]);
    me.password.clear();
    me.password_confirm.clear();
    assert_eq!(send_with(&admin, &app.base, TeamChange { id: added.id, input: me }).await.unwrap_err(), forbidden);
    // Adding someone with a right it lacks.
    let q = Partner::new();
    let grant = send_with(&admin, &app.base, TeamAdd { input: form(&q, &[Right::RequestLive]) }).await;
    assert_eq!(grant.unwrap_err(), forbidden);
    // Editing or deleting the owner.
    let mut owner_form = form(&Partner::new(), &[]);
    owner_form.password.clear();
    owner_form.password_confirm.clear();
    let protected = AppError::Problem(Problem::OwnerProtected);
    assert_eq!(
        send_with(&admin, &app.base, TeamChange { id: owner_id, input: owner_form }).await.unwrap_err(),
        protected
    );
    assert_eq!(send_with(&admin, &app.base, TeamDelete { id: owner_id }).await.unwrap_err(), protected);
    // Within its rights it may add a Koneksi user.
    let ok = send_with(&admin, &app.base, TeamAdd { input: form(&q, &[Right::KoneksiHalamanUtama]) }).await.unwrap();
    // E-mail and phone are unique across every account, owners included.
    let owner_user: UserOut = app.send(CurrentUser {}).await.unwrap().unwrap();
    let mut dup = form(&Partner::new(), &[]);
    dup.email = owner_user.email.to_uppercase();
    dup.phone = owner_user.phone.clone();
    assert_eq!(
        app.send(TeamAdd { input: dup }).await.unwrap_err(),
        AppError::Invalid(vec![
            FieldError::new("email", Problem::EmailTaken),
            FieldError::new("phone", Problem::PhoneTaken)
        ])
    );

    // Another company's owner acting on this company's user: not found.
    let other = new_client(&app.base);
    app.signed_in_partner_on(&other).await;
    let mut steal = form(&q, &Right::ALL);
    steal.password.clear();
    steal.password_confirm.clear();
    let not_found = AppError::Problem(Problem::NotFound);
    assert_eq!(send_with(&other, &app.base, TeamChange { id: ok.id, input: steal }).await.unwrap_err(), not_found);
    assert_eq!(send_with(&other, &app.base, TeamDelete { id: ok.id }).await.unwrap_err(), not_found);
    let theirs = send_with(&other, &app.base, TeamList { list: ListQuery::default() }).await.unwrap();
    assert_eq!(theirs.users.total, 1, "only their owner");
    // Nobody deletes themself.
    assert_eq!(send_with(&admin, &app.base, TeamDelete { id: added.id }).await.unwrap_err(), forbidden);
    let mine = app.send(TeamList { list: ListQuery::default() }).await.unwrap();
    assert_eq!(mine.users.total, 3);
}

#[tokio::test]
async fn a_suspended_partner_is_refused_everywhere_but_its_pending_payment_settles() {
    // The partner's callback receiver runs on this machine.
    let app = TestApp::spawn_set("callbacks_allow_private", true).await;
    let a = approved(&app).await;
    let ok = std::sync::Arc::new(std::sync::atomic::AtomicU16::new(200));
    let (callback_url, callbacks) = crate::gateway::callback_receiver(ok).await;
    app.send(app::server_fns::connections::CallbackSetUrl { url: callback_url }).await.unwrap();
    let p = Partner::new();
    let (rina, _) = sub_user(&app, &p, &[Right::KoneksiHalamanUtama]).await;
    let dev = gateway(&app.state, backend::gateway::Env::Development).await;
    let (c, sid) = signed_on(&dev, &a).await;
    let single = |customer: &str, reference: &str| {
        with_session(
            &sid,
            &a,
            json!({"productID": "501021", "customerID": customer, "referenceID": reference, "tagihan": "000000010950", "admin": "000000000000", "total": "000000010950"}),
        )
    };
    // …01 stays pending until the biller is asked again.
    assert_eq!(c.call("/Services/SinglePayment", &single("081234567801", "s1")).await["rc"], "71");
    let env = backend::gateway::Env::Development;
    let balance = || backend::ledger::balance(&app.state.db, a.user_id, env);
    let before = balance().await.unwrap();

    let user_id = domain::UserId::from(a.user_id);
    let no_reason = send_with(&a.staff, &app.base, PartnerSuspend { user_id, reason: " ".into() }).await;
    assert_eq!(no_reason.unwrap_err(), AppError::Invalid(vec![FieldError::new("reason", Problem::Required)]));
    send_with(&a.staff, &app.base, PartnerSuspend { user_id, reason: "Dokumen NIB kedaluwarsa".into() }).await.unwrap();
    // Open sessions end; signing in tells why and whom to contact.
    assert_eq!(app.send(CurrentUser {}).await.unwrap(), None);
    assert_eq!(send_with(&rina, &app.base, CurrentUser {}).await.unwrap(), None);
    let login = send_with(&rina, &app.base, Login { phone: p.phone.clone(), password: "milikrina77".into() });
    match login.await.unwrap() {
        LoginOut::Suspended { reason, contact } => {
            assert_eq!((reason.as_str(), contact.as_str()), ("Dokumen NIB kedaluwarsa", "operator@localhost"));
        }
        other => panic!("{other:?}"),
    }
    let owner_mail = app.mail_containing(&app_owner_email(&app, &a).await, "ditangguhkan").await;
    assert!(owner_mail.contains("Dokumen NIB kedaluwarsa") && owner_mail.contains("operator@localhost"));
    // Every gateway call: rc 10, both environments, and no money moves.
    for path in ["/Services/SinglePayment", "/Services/getCurrentDeposit", "/Services/Check-Status"] {
        let out = c.call(path, &single("081234567800", "s2")).await;
        assert_eq!(out["rc"], "10", "{path}: {out}");
    }
    let prod = gateway(&app.state, backend::gateway::Env::Production).await;
    let pc = crate::gateway::Client::new(&prod, &a.production, crate::gateway::Style::Go);
    assert_eq!(pc.call("/auth/Sign-On", &crate::gateway::sign_on_body(&a)).await["rc"], "10");
    assert_eq!(balance().await.unwrap(), before, "no money moved");
    // The pending payment still settles (the worker's round).
    let s1 = || async {
        use backend::entity::transaction::{Column, Entity};
        use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
        let q = Entity::find().filter(Column::UserId.eq(a.user_id)).filter(Column::ReferenceId.eq("s1"));
        q.one(&app.state.db).await.unwrap().unwrap()
    };
    assert_eq!(s1().await.status.code(), "pending");
    backend::gateway::settlement::poll(&app.state, s1().await).await.unwrap();
    assert_eq!(s1().await.status.code(), "success", "settled while suspended");
    // …and its callback still goes out to the partner's server.
    for _ in 0..100 {
        if callbacks.lock().unwrap().iter().any(|(_, body)| body.contains("\"referenceID\":\"s1\"")) {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert!(callbacks.lock().unwrap().iter().any(|(_, body)| body.contains("\"referenceID\":\"s1\"")), "callback sent");

    // Reactivated: sign-in and the gateway work again.
    send_with(&a.staff, &app.base, PartnerReactivate { user_id, note: String::new() }).await.unwrap();
    let back = send_with(&rina, &app.base, Login { phone: p.phone.clone(), password: "milikrina77".into() });
    assert_eq!(back.await.unwrap(), LoginOut::LoggedIn);
    assert_eq!(c.call("/Services/getCurrentDeposit", &single("x", "y")).await["rc"], "00");
    let detail = send_with(&a.staff, &app.base, PartnerDetail { user_id }).await.unwrap();
    assert!(detail.suspension.is_none() && detail.users.len() == 2);
    let history: Vec<_> = detail.timeline.iter().map(|e| e.action.as_str()).collect();
    assert!(history.contains(&"partner.suspended") && history.contains(&"partner.reactivated"), "{history:?}");
}

async fn app_owner_email(app: &TestApp, a: &crate::gateway::Approved) -> String {
    use sea_orm::EntityTrait;
    backend::entity::user::Entity::find_by_id(a.user_id).one(&app.state.db).await.unwrap().unwrap().email
}

/// Signs `p` in on a new client up to the code step.
async fn password_step(app: &TestApp, phone: &str, password: &str) -> (reqwest::Client, LoginOut) {
    let c = new_client(&app.base);
    let out = send_with(&c, &app.base, Login { phone: phone.into(), password: password.into() }).await.unwrap();
    (c, out)
}

fn code_now(secret: &str, offset: u64) -> String {
    let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_secs();
    crate::common::totp_code(secret, now + offset)
}

#[tokio::test]
async fn partner_users_add_a_second_factor_and_the_owner_can_require_it() {
    use app::server_fns::auth::PartnerVerifyCode;
    use app::server_fns::security::{
        PartnerTotpBegin, PartnerTotpConfirm, PartnerTotpRequire, SecurityOverview, SessionEnd, SessionsEndOthers,
    };
    let app = TestApp::spawn().await;
    let owner = app.signed_in_partner().await;
    // The owner turns TOTP on: QR and key, a code confirms, ten recovery codes once.
    let setup = app.send(PartnerTotpBegin {}).await.unwrap();
    assert!(setup.qr_svg.contains("<svg") && setup.otpauth_uri.starts_with("otpauth://totp/"));
    let codes = app.send(PartnerTotpConfirm { code: code_now(&setup.secret, 0) }).await.unwrap();
    assert_eq!(codes.len(), 10);
    let overview = app.send(SecurityOverview {}).await.unwrap();
    assert!(overview.totp_enabled && overview.owner && overview.recovery_left == 10);
    assert_eq!(overview.sessions.len(), 1);
    assert!(overview.sessions[0].current);

    // Signing in now asks for the code; a recovery code works once.
    let (c, out) = password_step(&app, &owner.phone, &owner.password).await;
    assert_eq!(out, LoginOut::Code);
    assert_eq!(send_with(&c, &app.base, CurrentUser {}).await.unwrap(), None, "not signed in before the code");
    let wrong = send_with(&c, &app.base, PartnerVerifyCode { code: "000000".into() }).await.unwrap_err();
    assert_eq!(wrong, AppError::Invalid(vec![FieldError::new("code", Problem::WrongCode)]));
    let used = codes[0].to_uppercase().replace('-', " ");
    assert_eq!(send_with(&c, &app.base, PartnerVerifyCode { code: used }).await.unwrap(), None);
    assert!(send_with(&c, &app.base, CurrentUser {}).await.unwrap().is_some());
    let (c2, _) = password_step(&app, &owner.phone, &owner.password).await;
    let again = send_with(&c2, &app.base, PartnerVerifyCode { code: codes[0].clone() }).await.unwrap_err();
    assert_eq!(
        again,
        AppError::Invalid(vec![FieldError::new("code", Problem::WrongCode)]),
        "a recovery code works once"
    );

    // "Perangkat & Sesi": two sessions now; ending the other signs it out.
    let overview = app.send(SecurityOverview {}).await.unwrap();
    assert_eq!(overview.sessions.len(), 2);
    assert_eq!(overview.recovery_left, 9);
    let other = overview.sessions.iter().find(|s| !s.current).unwrap();
    app.send(SessionEnd { handle: other.handle.clone() }).await.unwrap();
    assert_eq!(send_with(&c, &app.base, CurrentUser {}).await.unwrap(), None);
    assert_eq!(app.send(SessionsEndOthers {}).await.unwrap(), 0);

    // The owner requires a second factor: a sub-user without one sets it
    // up at sign-in and gets their recovery codes then.
    app.send(PartnerTotpRequire { on: true }).await.unwrap();
    let p = Partner::new();
    let mut input = form(&p, &[Right::KoneksiHalamanUtama]);
    input.rights.clear();
    app.send(TeamAdd { input }).await.unwrap();
    app.state
        .db
        .execute_unprepared("UPDATE users SET email_verified_at = created_at WHERE owner_id IS NOT NULL")
        .await
        .unwrap();
    let (sub, out) = password_step(&app, &p.phone, &p.password).await;
    let LoginOut::Enroll(sub_setup) = out else { panic!("{out:?}") };
    let sub_codes = send_with(&sub, &app.base, PartnerVerifyCode { code: code_now(&sub_setup.secret, 0) }).await;
    assert_eq!(sub_codes.unwrap().map(|c| c.len()), Some(10));
    let me: UserOut = send_with(&sub, &app.base, CurrentUser {}).await.unwrap().unwrap();
    assert!(!me.owner);
    // Only the owner sets the rule.
    let refused = send_with(&sub, &app.base, PartnerTotpRequire { on: false }).await.unwrap_err();
    assert_eq!(refused, AppError::Problem(Problem::Forbidden));
}
