//! The partner journey and the platform around it, over real HTTP against
//! the real app (SQLite by default; PostgreSQL with TEST_DATABASE=postgres).

use crate::common::{new_client, send_with, Partner, TestApp};
use app::error::AppError;
use app::server_fns::account::ChangePassword;
use app::server_fns::account::CurrentUser;
use app::server_fns::auth::ForgotPassword;
use app::server_fns::auth::Login;
use app::server_fns::auth::Logout;
use app::server_fns::auth::Register;
use app::server_fns::auth::ResendActivation;
use app::server_fns::auth::ResendWait;
use app::server_fns::auth::ResetPassword;
use app::server_fns::staff::StaffLogin;
use domain::account::LoginOut;
use domain::{FieldError, Problem};
use sea_orm::{ConnectionTrait, EntityTrait, PaginatorTrait};

fn fields(e: &AppError) -> Vec<(String, Problem)> {
    e.field_errors().iter().map(|f| (f.field.clone(), f.problem)).collect()
}

async fn user_count(app: &TestApp) -> u64 {
    backend::entity::user::Entity::find().count(&app.state.db).await.unwrap()
}

#[tokio::test]
async fn a_partner_registers_activates_by_email_logs_in_and_out() {
    let app = TestApp::spawn().await;
    let p = Partner::new();

    let to = app.register(&p).await.unwrap();
    assert_eq!(to, p.email);

    let text = app.mail_text(&p.email).await;
    assert!(text.contains("Halo, ANDIKA SAMPURNA"), "{text}");
    let link = app.mail_link(&p.email, "/aktivasi").await;

    // Not active yet: the login is told why and nobody is signed in.
    let out: LoginOut = app.send(Login { phone: p.phone.to_string(), password: p.password.to_string() }).await.unwrap();
    assert_eq!(out, LoginOut::Unverified { email: p.email.clone() });
    let (status, _) = app.get_html("/dashboard").await;
    assert_eq!(status, 303, "dashboard must redirect while signed out");

    let (status, html) = app.get_html(&link).await;
    assert_eq!(status, 200);
    assert!(html.contains("Aktivasi Berhasil!") && html.contains("Sekarang Anda bisa melakukan login"), "{html}");

    // The international form of the same number logs in too.
    let intl = format!("+62{}", &p.phone[1..]);
    let out: LoginOut = app.send(Login { phone: intl.to_string(), password: p.password.to_string() }).await.unwrap();
    assert_eq!(out, LoginOut::LoggedIn);
    let (status, html) = app.get_html("/dashboard").await;
    assert_eq!(status, 200);
    assert!(html.contains("ANDIKA SAMPURNA") && html.contains("Lengkapi Data"), "{html}");

    let _: () = app.send(Logout {}).await.unwrap();
    let (status, _) = app.get_html("/dashboard").await;
    assert_eq!(status, 303);
}

#[tokio::test]
async fn bad_registration_input_names_each_field_and_saves_nothing() {
    let app = TestApp::spawn().await;
    let err = app
        .send(Register {
            name: " ".into(),
            company: String::new(),
            email: "bukan-email".into(),
            website: "x".into(),
            phone: "12345".into(),
            password: "pendek".into(),
        })
        .await
        .unwrap_err();
    assert_eq!(
        fields(&err),
        vec![
            ("name".into(), Problem::Required),
            ("company".into(), Problem::Required),
            ("email".into(), Problem::EmailInvalid),
            ("website".into(), Problem::UrlInvalid),
            ("phone".into(), Problem::PhoneInvalid),
            ("password".into(), Problem::PasswordWeak),
        ]
    );
    // A request missing fields entirely is refused too, not a crash.
    let res = app.client.post(app.url("/api/register")).form(&[("name", "x")]).send().await.unwrap();
    assert!(res.status().is_client_error() || res.status().is_server_error());
    assert_eq!(user_count(&app).await, 0);
}

#[tokio::test]
async fn email_and_phone_are_unique_whatever_their_spelling() {
    let app = TestApp::spawn().await;
    let p = Partner::new();
    app.register(&p).await.unwrap();
    let mut again = Partner::new();
    again.email = p.email.to_uppercase();
    again.phone = format!("62{}", &p.phone[1..]);
    let err = app.register(&again).await.unwrap_err();
    assert_eq!(fields(&err), vec![("email".into(), Problem::EmailTaken), ("phone".into(), Problem::PhoneTaken)]);
    assert_eq!(user_count(&app).await, 1);
}

#[tokio::test]
async fn passwords_are_stored_as_argon2id_only() {
    let app = TestApp::spawn().await;
    let p = Partner::new();
    app.register(&p).await.unwrap();
    let u = backend::entity::user::Entity::find().one(&app.state.db).await.unwrap().unwrap();
    assert!(u.password_hash.starts_with("$argon2id$"));
    assert!(!u.password_hash.contains(&p.password));
}

#[tokio::test]
async fn resend_waits_two_minutes_and_answers_alike_for_unknown_addresses() {
    let app = TestApp::spawn().await;
    let p = Partner::new();
    app.register(&p).await.unwrap();
    app.mails(&p.email, 1).await;

    let wait: u64 = app.send(ResendWait { email: p.email.to_string() }).await.unwrap();
    assert!((100..=120).contains(&wait), "{wait}");
    let err = app.send(ResendActivation { email: p.email.to_string() }).await.unwrap_err();
    assert!(matches!(err, AppError::TooSoon { problem: Problem::ResendTooSoon, secs } if secs > 100));

    // Unknown address: the same answers, first success then the cooldown.
    let unknown = "nobody@sampurna-jaya.test";
    let _: () = app.send(ResendActivation { email: unknown.to_string() }).await.unwrap();
    let err = app.send(ResendActivation { email: unknown.to_string() }).await.unwrap_err();
    assert!(matches!(err, AppError::TooSoon { problem: Problem::ResendTooSoon, .. }));

    // Once the cooldown is over a new link is sent (simulate time passing).
    app.state.db.execute_unprepared("UPDATE rate_limits SET window_start = window_start - 121").await.unwrap();
    let _: () = app.send(ResendActivation { email: p.email.to_string() }).await.unwrap();
    assert_eq!(app.mails(&p.email, 2).await.len(), 2);
    assert_eq!(app.mail_count(unknown).await, 0);
}

#[tokio::test]
async fn activation_links_are_single_use_and_expire() {
    let app = TestApp::spawn().await;
    let p = Partner::new();
    app.register(&p).await.unwrap();
    let link = app.mail_link(&p.email, "/aktivasi").await;
    let (_, html) = app.get_html(&link).await;
    assert!(html.contains("Aktivasi Berhasil!"));
    let (_, html) = app.get_html(&link).await;
    assert!(html.contains("sudah aktif"), "{html}");
    let (_, html) = app.get_html("/aktivasi?token=not-a-real-token").await;
    assert!(html.contains("tidak valid"), "{html}");

    let q = Partner::new();
    app.register(&q).await.unwrap();
    let link = app.mail_link(&q.email, "/aktivasi").await;
    app.state
        .db
        .execute_unprepared("UPDATE email_tokens SET expires_at = created_at WHERE used_at IS NULL")
        .await
        .unwrap();
    let (_, html) = app.get_html(&link).await;
    assert!(html.contains("kedaluwarsa") && html.contains("verifikasi-email?email="), "{html}");
}

#[tokio::test]
async fn failed_logins_are_limited_per_account() {
    let app = TestApp::spawn().await;
    let p = app.signed_in_partner().await;
    for _ in 0..5 {
        let err = app.send(Login { phone: p.phone.to_string(), password: "salah12345".into() }).await.unwrap_err();
        assert_eq!(err, AppError::Problem(Problem::InvalidCredentials));
    }
    let err = app.send(Login { phone: p.phone.to_string(), password: p.password.to_string() }).await.unwrap_err();
    assert!(matches!(err, AppError::TooSoon { problem: Problem::TooManyAttempts, .. }), "{err:?}");
}

#[tokio::test]
async fn unknown_phone_and_wrong_password_get_the_same_answer() {
    let app = TestApp::spawn().await;
    let p = app.signed_in_partner().await;
    let wrong_pw = app.send(Login { phone: p.phone.to_string(), password: "salah12345".into() }).await.unwrap_err();
    let unknown = app.send(Login { phone: "081299999999".into(), password: "salah12345".into() }).await.unwrap_err();
    assert_eq!(wrong_pw, unknown);
}

#[tokio::test]
async fn the_session_id_rotates_at_login_and_dies_at_logout() {
    let app = TestApp::spawn().await;
    let p = Partner::new();
    app.register(&p).await.unwrap();
    let link = app.mail_link(&p.email, "/aktivasi").await;
    app.get_html(&link).await;

    // An attacker plants a session cookie before the victim logs in.
    let res = app.client.post(app.url("/api/resend_wait")).form(&[("email", "x@y.test")]).send().await.unwrap();
    let before: Vec<String> = res.cookies().map(|c| c.value().to_owned()).collect();

    let res = app
        .client
        .post(app.url("/api/login"))
        .form(&[("phone", p.phone.as_str()), ("password", p.password.as_str())])
        .send()
        .await
        .unwrap();
    let cookie = res.cookies().find(|c| c.name() == server::SESSION_COOKIE).expect("session cookie at login");
    assert!(cookie.http_only() && cookie.same_site_lax());
    assert!(!before.contains(&cookie.value().to_owned()));
    let stolen = cookie.value().to_owned();

    let _: () = app.send(Logout {}).await.unwrap();
    // Replaying the old cookie after logout gets nothing.
    let res = reqwest::Client::new()
        .get(app.url("/dashboard"))
        .header("accept", "text/html")
        .header("cookie", format!("{}={stolen}", server::SESSION_COOKIE))
        .send()
        .await
        .unwrap();
    assert!(res.url().path().ends_with("/login") || res.status() == 302, "{}", res.url());
}

#[tokio::test]
async fn cross_site_posts_are_refused() {
    let app = TestApp::spawn().await;
    let p = Partner::new();
    let evil = new_client("https://evil.example");
    let res = evil
        .post(app.url("/api/register"))
        .form(&[
            ("name", "x"),
            ("company", "y"),
            ("email", &p.email),
            ("website", ""),
            ("phone", &p.phone),
            ("password", "rahasia123"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 403);
    let bare = reqwest::Client::new();
    let res = bare.post(app.url("/api/logout")).send().await.unwrap();
    assert_eq!(res.status(), 403);
    assert_eq!(user_count(&app).await, 0);
}

#[tokio::test]
async fn forgot_password_answers_alike_and_the_reset_link_works_once() {
    let app = TestApp::spawn().await;
    let p = app.signed_in_partner().await;
    let _: () = app.send(ForgotPassword { email: p.email.to_string() }).await.unwrap();
    let _: () = app.send(ForgotPassword { email: "nobody@sampurna-jaya.test".into() }).await.unwrap();
    let link = app.mail_link(&p.email, "/reset-password").await;
    let token = link.split("token=").nth(1).unwrap().to_owned();

    let err = app
        .send(ResetPassword {
            token: token.to_string(),
            password: "baru12345".into(),
            password_confirm: "baru1234".into(),
        })
        .await
        .unwrap_err();
    assert_eq!(err, AppError::Invalid(vec![FieldError::new("password_confirm", Problem::PasswordMismatch)]));
    let _: () = app
        .send(ResetPassword {
            token: token.to_string(),
            password: "baru12345".into(),
            password_confirm: "baru12345".into(),
        })
        .await
        .unwrap();
    let err = app
        .send(ResetPassword {
            token: token.to_string(),
            password: "lagi12345".into(),
            password_confirm: "lagi12345".into(),
        })
        .await
        .unwrap_err();
    assert_eq!(err, AppError::Problem(Problem::TokenUsed));

    let out: LoginOut = app.send(Login { phone: p.phone.to_string(), password: "baru12345".into() }).await.unwrap();
    assert_eq!(out, LoginOut::LoggedIn);
    assert_eq!(app.mail_count("nobody@sampurna-jaya.test").await, 0);
}

#[tokio::test]
async fn a_signed_in_partner_changes_the_password() {
    let app = TestApp::spawn().await;
    let p = app.signed_in_partner().await;
    let err = app
        .send(ChangePassword {
            current_password: "salah12345".into(),
            password: "baru12345".into(),
            password_confirm: "baru12345".into(),
        })
        .await
        .unwrap_err();
    assert_eq!(err, AppError::Invalid(vec![FieldError::new("current_password", Problem::WrongCurrentPassword)]));
    let _: () = app
        .send(ChangePassword {
            current_password: p.password.to_string(),
            password: "baru12345".into(),
            password_confirm: "baru12345".into(),
        })
        .await
        .unwrap();
    let other = new_client(&app.base);
    let out: LoginOut =
        send_with(&other, &app.base, Login { phone: p.phone.to_string(), password: "baru12345".into() }).await.unwrap();
    assert_eq!(out, LoginOut::LoggedIn);

    let anonymous = new_client(&app.base);
    let err = send_with(
        &anonymous,
        &app.base,
        ChangePassword {
            current_password: "a".into(),
            password: "baru12345".into(),
            password_confirm: "baru12345".into(),
        },
    )
    .await
    .unwrap_err();
    assert_eq!(err, AppError::Problem(Problem::NotLoggedIn));
}

#[tokio::test]
async fn the_seeded_operator_logs_in_to_the_back_office() {
    let app = TestApp::spawn().await;
    let (email, password) = backend::staff::ensure_initial_operator(&app.state).await.unwrap().unwrap();
    assert!(backend::staff::ensure_initial_operator(&app.state).await.unwrap().is_none(), "created once");
    let err = app.send(StaffLogin { email: email.to_string(), password: "salah".into() }).await.unwrap_err();
    assert_eq!(err, AppError::Problem(Problem::WrongEmailOrPassword));
    crate::common::staff_sign_in(&app.client, &app.base, &email, &password, None).await.unwrap();
    let (status, html) = app.get_html("/admin/beranda").await;
    assert_eq!(status, 200);
    assert!(html.contains("Back Office") && html.contains(&email), "{html}");
    // A partner session is not a staff session.
    let partner = TestApp::spawn().await;
    partner.signed_in_partner().await;
    let (status, _) = partner.get_html("/admin/beranda").await;
    assert_eq!(status, 303);
}

#[tokio::test]
async fn health_readiness_and_metrics_are_served() {
    let app = TestApp::spawn().await;
    let (status, body) = app.get_html("/healthz").await;
    assert_eq!((status, body.as_str()), (200, "ok"));
    let (status, _) = app.get_html("/readyz").await;
    assert_eq!(status, 200);
    // Not served without a token configured.
    assert_eq!(app.client.get(app.url("/metrics")).send().await.unwrap().status(), 404);
    let app = TestApp::spawn_set("metrics_token", "scrape-me").await;
    app.get_html("/login").await;
    for wrong in [None, Some("Bearer nope"), Some("scrape-me")] {
        let mut req = app.client.get(app.url("/metrics"));
        if let Some(h) = wrong {
            req = req.header("authorization", h);
        }
        assert_eq!(req.send().await.unwrap().status(), 401, "{wrong:?}");
    }
    let res = app.client.get(app.url("/metrics")).bearer_auth("scrape-me").send().await.unwrap();
    assert!(res.headers().get("x-request-id").is_some());
    let body = res.text().await.unwrap();
    assert!(body.contains("http_requests_total") && body.contains("route=\"/login\""), "{body}");
    assert!(body.contains("http_request_duration_seconds"), "{body}");
}

#[tokio::test]
async fn pages_speak_indonesian_and_switch_to_english() {
    let app = TestApp::spawn().await;
    let (_, html) = app.get_html("/daftar").await;
    assert!(html.contains("lang=\"id\"") && html.contains("Registrasi") && html.contains("Nama Perusahaan / Usaha"));
    let res = app.client.get(app.url("/bahasa/en?next=/daftar")).send().await.unwrap();
    assert_eq!(res.status(), 303);
    assert_eq!(res.headers()["location"], "/daftar");
    let (_, html) = app.get_html("/daftar").await;
    assert!(html.contains("lang=\"en\"") && html.contains("Company / business name"), "{html}");
    // Never an open redirect, however the target is spelled.
    for evil in
        ["//evil.example", "/%09/evil.example", "/%5Cevil.example", "%5C%5Cevil.example", "https://evil.example"]
    {
        let res = app.client.get(app.url(&format!("/bahasa/id?next={evil}"))).send().await.unwrap();
        assert_eq!(res.headers()["location"], "/login", "{evil}");
    }
    let res = app.client.get(app.url("/bahasa/id?next=/daftar%3Fx%3D1")).send().await.unwrap();
    assert_eq!(res.headers()["location"], "/daftar?x=1");
}

#[tokio::test]
async fn english_users_get_english_mail() {
    let app = TestApp::spawn().await;
    app.client.get(app.url("/bahasa/en")).send().await.unwrap();
    let p = Partner::new();
    app.register(&p).await.unwrap();
    let text = app.mail_text(&p.email).await;
    assert!(text.contains("Hello, ANDIKA SAMPURNA"), "{text}");
}

#[tokio::test]
async fn fifty_parallel_wrong_logins_try_at_most_the_limit() {
    let app = TestApp::spawn().await;
    let p = app.signed_in_partner().await;
    let tries = (0..50).map(|_| {
        let c = new_client(&app.base);
        let (base, phone) = (app.base.clone(), p.phone.clone());
        tokio::spawn(async move {
            send_with(&c, &base, Login { phone: phone.to_string(), password: "salah12345".into() }).await
        })
    });
    let mut tried = 0;
    for t in tries {
        match t.await.unwrap().unwrap_err() {
            AppError::Problem(Problem::InvalidCredentials) => tried += 1,
            AppError::TooSoon { problem: Problem::TooManyAttempts, .. } => {}
            e => panic!("{e:?}"),
        }
    }
    assert!((1..=5).contains(&tried), "{tried} passwords were tried");
}

#[tokio::test]
async fn a_guesser_elsewhere_does_not_lock_the_owner_out() {
    let app = TestApp::spawn_set("trusted_proxies", "127.0.0.1").await;
    let p = app.signed_in_partner().await;
    let from = |ip: &'static str, password: &'static str| {
        let (c, base, phone) = (new_client(&app.base), app.base.clone(), p.phone.clone());
        async move {
            let res = c
                .post(format!("{base}/api/login"))
                .header("x-forwarded-for", ip)
                .form(&[("phone", phone.as_str()), ("password", password)])
                .send()
                .await
                .unwrap();
            res.status().as_u16()
        }
    };
    for _ in 0..5 {
        assert_eq!(from("198.51.100.7", "salah12345").await, 400);
    }
    assert_eq!(from("198.51.100.7", "salah12345").await, 429, "the guesser's address is stopped");
    assert_eq!(from("203.0.113.5", "rahasia123").await, 200, "the owner elsewhere still signs in");
}

#[tokio::test]
async fn registration_is_throttled_before_it_tells_whether_an_address_is_taken() {
    let app = TestApp::spawn().await;
    let p = app.signed_in_partner().await;
    let mut taken = 0;
    for _ in 0..12 {
        match app.register(&p).await.unwrap_err() {
            AppError::Invalid(errs) if errs.iter().any(|e| e.problem == Problem::EmailTaken) => taken += 1,
            AppError::TooSoon { problem: Problem::TooManyAttempts, .. } => {}
            e => panic!("{e:?}"),
        }
    }
    // Ten per hour from one address, the registration included.
    assert_eq!(taken, 9);
}

/// The one signed-in session of the test's partner.
async fn session_row(app: &TestApp) -> backend::entity::session::Model {
    let rows = backend::entity::session::Entity::find().all(&app.state.db).await.unwrap();
    rows.into_iter().filter(|r| r.subject.is_some()).max_by_key(|r| r.expires_at).unwrap()
}

async fn signed_in(app: &TestApp, client: &reqwest::Client) -> bool {
    let me: Option<domain::account::UserOut> = send_with(client, &app.base, CurrentUser {}).await.unwrap();
    me.is_some()
}

#[tokio::test]
async fn an_active_partner_stays_signed_in_past_the_idle_window_and_an_idle_one_is_signed_out() {
    use sea_orm::{ActiveModelTrait, ActiveValue::Set};
    let app = TestApp::spawn_set("session_idle_minutes", 10).await;
    app.signed_in_partner().await;
    let window = chrono::Duration::minutes(10);
    // Three times: nearly a whole window has gone by since the last renewal,
    // then the partner does something. Thirty minutes in all.
    for _ in 0..3 {
        let row = session_row(&app).await;
        let mut data: serde_json::Value = serde_json::from_str(&row.data).unwrap();
        let now = chrono::Utc::now();
        data["seen"] = serde_json::json!((now - window + chrono::Duration::seconds(20)).timestamp());
        let mut active: backend::entity::session::ActiveModel = row.into();
        active.data = Set(data.to_string());
        active.expires_at = Set(now + chrono::Duration::seconds(20));
        active.update(&app.state.db).await.unwrap();
        assert!(signed_in(&app, &app.client).await);
        let renewed = session_row(&app).await.expires_at;
        assert!(renewed > now + window - chrono::Duration::seconds(30), "renewed to a whole window: {renewed}");
    }
    // A request within the first half of the window writes nothing.
    let before = session_row(&app).await;
    assert!(signed_in(&app, &app.client).await);
    assert_eq!(session_row(&app).await, before);
    // Idle past the window: signed out.
    let mut idle: backend::entity::session::ActiveModel = before.into();
    idle.expires_at = Set(chrono::Utc::now() - chrono::Duration::seconds(1));
    idle.update(&app.state.db).await.unwrap();
    assert!(!signed_in(&app, &app.client).await);
}

#[tokio::test]
async fn a_password_change_or_reset_ends_every_other_session() {
    let app = TestApp::spawn().await;
    let p = app.signed_in_partner().await;
    let laptop = new_client(&app.base);
    let out: LoginOut =
        send_with(&laptop, &app.base, Login { phone: p.phone.to_string(), password: p.password.to_string() })
            .await
            .unwrap();
    assert_eq!(out, LoginOut::LoggedIn);
    let _: () = app
        .send(ChangePassword {
            current_password: p.password.to_string(),
            password: "baru12345".into(),
            password_confirm: "baru12345".into(),
        })
        .await
        .unwrap();
    assert!(signed_in(&app, &app.client).await, "the one who changed it stays");
    assert!(!signed_in(&app, &laptop).await, "the other device is signed out");

    // A reset ends them all.
    let out: LoginOut =
        send_with(&laptop, &app.base, Login { phone: p.phone.to_string(), password: "baru12345".into() })
            .await
            .unwrap();
    assert_eq!(out, LoginOut::LoggedIn);
    let anonymous = new_client(&app.base);
    let _: () = send_with(&anonymous, &app.base, ForgotPassword { email: p.email.to_string() }).await.unwrap();
    let link = app.mail_link(&p.email, "/reset-password").await;
    let token = link.split("token=").nth(1).unwrap().to_owned();
    let _: () = send_with(
        &anonymous,
        &app.base,
        ResetPassword { token: token.to_string(), password: "lagi12345".into(), password_confirm: "lagi12345".into() },
    )
    .await
    .unwrap();
    assert!(!signed_in(&app, &app.client).await);
    assert!(!signed_in(&app, &laptop).await);
}

#[tokio::test]
async fn secret_mail_bodies_leave_the_outbox_once_sent() {
    let app = TestApp::spawn().await;
    let p = app.signed_in_partner().await;
    let _: () =
        send_with(&new_client(&app.base), &app.base, ForgotPassword { email: p.email.to_string() }).await.unwrap();
    app.mail_link(&p.email, "/reset-password").await;
    let rows = backend::entity::mail_outbox::Entity::find().all(&app.state.db).await.unwrap();
    assert_eq!(rows.len(), 2, "activation and reset");
    for r in rows {
        assert_eq!(r.status, domain::mail::MailStatus::Sent);
        assert!(r.carries_secret);
        assert!(!r.body_text.contains("token=") && !r.html.contains("token="), "{}", r.body_text);
        assert!(r.recipient == p.email && !r.subject.is_empty(), "the metadata stays");
    }
}

#[tokio::test]
async fn errors_have_their_own_http_status_and_one_json_shape() {
    let app = TestApp::spawn().await;
    let post = |endpoint: &'static str, form: Vec<(&'static str, &'static str)>| {
        let c = app.client.clone();
        let url = app.url(&format!("/api/{endpoint}"));
        async move {
            let res = c.post(url).form(&form).send().await.unwrap();
            let status = res.status().as_u16();
            let retry = res.headers().get("retry-after").is_some();
            let body: AppError = res.json().await.unwrap();
            (status, retry, body)
        }
    };
    let (status, _, e) = post(
        "register",
        vec![("name", ""), ("company", ""), ("email", "x"), ("website", ""), ("phone", "1"), ("password", "a")],
    )
    .await;
    assert_eq!(status, 422, "{e:?}");
    let (status, _, e) =
        post("change_password", vec![("current_password", "a"), ("password", "b"), ("password_confirm", "b")]).await;
    assert_eq!((status, e), (401, AppError::Problem(Problem::NotLoggedIn)));
    let (status, _, e) = post("login", vec![("phone", "081299999999"), ("password", "salah12345")]).await;
    assert_eq!((status, e), (400, AppError::Problem(Problem::InvalidCredentials)));
    let res = app.client.post(app.url("/api/resend_activation")).form(&[("email", "a@b.test")]).send().await.unwrap();
    assert_eq!(res.status(), 200);
    let (status, retry, e) = post("resend_activation", vec![("email", "a@b.test")]).await;
    assert!(matches!(e, AppError::TooSoon { .. }), "{e:?}");
    assert_eq!((status, retry), (429, true));
    // The CSRF refusal speaks the same JSON.
    let evil = new_client("https://evil.example");
    let res = evil.post(app.url("/api/logout")).send().await.unwrap();
    assert_eq!(res.status(), 403);
    assert_eq!(res.json::<AppError>().await.unwrap(), AppError::Problem(Problem::Forbidden));
}

#[tokio::test]
async fn pages_that_need_a_sign_in_redirect_on_the_server() {
    let app = TestApp::spawn().await;
    // Plain HTTP, no JavaScript, any Accept header.
    let plain = reqwest::Client::builder().redirect(reqwest::redirect::Policy::none()).build().unwrap();
    let location = |res: &reqwest::Response| res.headers().get("location").map(|v| v.to_str().unwrap().to_owned());
    for (path, to) in [
        ("/", "/login"),
        ("/dashboard", "/login?next=%2Fdashboard"),
        ("/profil/lengkapi", "/login?next=%2Fprofil%2Flengkapi"),
        ("/koneksi?page=2", "/login?next=%2Fkoneksi%3Fpage%3D2"),
        ("/admin/mitra", "/admin?next=%2Fadmin%2Fmitra"),
    ] {
        let res = plain.get(app.url(path)).send().await.unwrap();
        assert_eq!((res.status().as_u16(), location(&res).as_deref()), (303, Some(to)), "{path}");
    }
    let res = plain.get(app.url("/login")).send().await.unwrap();
    assert_eq!(res.status(), 200);
    // Signed in: the login page and / lead to the dashboard.
    app.signed_in_partner().await;
    for path in ["/", "/login"] {
        let res = app.client.get(app.url(path)).send().await.unwrap();
        assert_eq!((res.status().as_u16(), location(&res).as_deref()), (303, Some("/dashboard")), "{path}");
    }
    let res = app.client.get(app.url("/dashboard")).send().await.unwrap();
    assert_eq!(res.status(), 200);
    // A partner is not staff.
    let res = app.client.get(app.url("/admin/beranda")).send().await.unwrap();
    assert_eq!(res.status(), 303);
}

#[tokio::test]
async fn the_profile_pages_render_twenty_times_without_a_panic() {
    let panics = crate::common::count_panics();
    let app = TestApp::spawn().await;
    app.signed_in_partner().await;
    for i in 0..20 {
        let path = if i % 2 == 0 { "/profil" } else { "/profil/lengkapi" };
        let (status, html) = app.get_html(path).await;
        assert_eq!(status, 200);
        if path == "/profil/lengkapi" {
            assert!(html.contains("name=\"province\"") && html.contains("name=\"business_name\""), "{html}");
        } else {
            assert!(html.contains("/profil/lengkapi"), "{html}");
        }
    }
    assert_eq!(panics.disposed(), 0, "SSR panicked on a disposed reactive value");
}

#[tokio::test]
async fn pages_go_compressed_to_browsers_that_take_it_and_api_answers_do_not() {
    let app = TestApp::spawn().await;
    let page = |encoding: &'static str| {
        let req = app.client.get(app.url("/login")).header("accept", "text/html");
        async move { req.header("accept-encoding", encoding).send().await.unwrap() }
    };
    let plain = page("identity").await;
    assert_eq!(plain.headers().get("content-encoding"), None);
    let html = plain.bytes().await.unwrap();
    assert!(html.starts_with(b"<!DOCTYPE html>"), "{:?}", String::from_utf8_lossy(&html[..40.min(html.len())]));
    for (encoding, magic) in [("gzip", &[0x1f_u8, 0x8b][..]), ("br", &[][..])] {
        let res = page(encoding).await;
        assert_eq!(res.headers().get("content-encoding").and_then(|v| v.to_str().ok()), Some(encoding));
        let body = res.bytes().await.unwrap();
        assert!(
            body.starts_with(magic) && body.len() * 2 < html.len(),
            "{encoding}: {} of {} bytes",
            body.len(),
            html.len()
        );
    }
    // A server function's answer stays as it is (JSON, no secrets beside
    // reflected input in one compressed body).
    let res = app
        .client
        .post(app.url("/api/current_user"))
        .header("accept-encoding", "gzip")
        .header("content-type", "application/x-www-form-urlencoded")
        .send()
        .await
        .unwrap();
    assert_eq!(res.headers().get("content-encoding"), None);
}
