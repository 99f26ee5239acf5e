//! The partner journey and the platform around it, over real HTTP against
//! the real app (SQLite by default; PostgreSQL with TEST_DATABASE=postgres).

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use app::error::AppError;
use common::{call_with, new_client, Partner, TestApp};
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
    let out: LoginOut = app.call("login", &[("phone", &p.phone), ("password", &p.password)]).await.unwrap();
    assert_eq!(out, LoginOut::Unverified { email: p.email.clone() });
    let (status, _) = app.get_html("/dashboard").await;
    assert_eq!(status, 302, "dashboard must redirect while signed out");

    let (status, html) = app.get_html(&link).await;
    assert_eq!(status, 200);
    assert!(html.contains("Aktivasi Berhasil!") && html.contains("Sekarang Anda bisa melakukan login"), "{html}");

    // The international form of the same number logs in too.
    let intl = format!("+62{}", &p.phone[1..]);
    let out: LoginOut = app.call("login", &[("phone", &intl), ("password", &p.password)]).await.unwrap();
    assert_eq!(out, LoginOut::LoggedIn);
    let (status, html) = app.get_html("/dashboard").await;
    assert_eq!(status, 200);
    assert!(html.contains("ANDIKA SAMPURNA") && html.contains("Lengkapi Data"), "{html}");

    let _: () = app.call("logout", &[]).await.unwrap();
    let (status, _) = app.get_html("/dashboard").await;
    assert_eq!(status, 302);
}

#[tokio::test]
async fn bad_registration_input_names_each_field_and_saves_nothing() {
    let app = TestApp::spawn().await;
    let err = app
        .call::<String>(
            "register",
            &[
                ("name", " "),
                ("company", ""),
                ("email", "bukan-email"),
                ("website", "x"),
                ("phone", "12345"),
                ("password", "pendek"),
            ],
        )
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

    let wait: u64 = app.call("resend_wait", &[("email", &p.email)]).await.unwrap();
    assert!((100..=120).contains(&wait), "{wait}");
    let err = app.call::<()>("resend_activation", &[("email", &p.email)]).await.unwrap_err();
    assert!(matches!(err, AppError::TooSoon { problem: Problem::ResendTooSoon, secs } if secs > 100));

    // Unknown address: the same answers, first success then the cooldown.
    let unknown = "nobody@sampurna-jaya.test";
    let _: () = app.call("resend_activation", &[("email", unknown)]).await.unwrap();
    let err = app.call::<()>("resend_activation", &[("email", unknown)]).await.unwrap_err();
    assert!(matches!(err, AppError::TooSoon { problem: Problem::ResendTooSoon, .. }));

    // Once the cooldown is over a new link is sent (simulate time passing).
    app.state.db.execute_unprepared("UPDATE rate_limits SET window_start = window_start - 121").await.unwrap();
    let _: () = app.call("resend_activation", &[("email", &p.email)]).await.unwrap();
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
        let err = app.call::<LoginOut>("login", &[("phone", &p.phone), ("password", "salah12345")]).await.unwrap_err();
        assert_eq!(err, AppError::Problem(Problem::InvalidCredentials));
    }
    let err = app.call::<LoginOut>("login", &[("phone", &p.phone), ("password", &p.password)]).await.unwrap_err();
    assert!(matches!(err, AppError::TooSoon { problem: Problem::TooManyAttempts, .. }), "{err:?}");
}

#[tokio::test]
async fn unknown_phone_and_wrong_password_get_the_same_answer() {
    let app = TestApp::spawn().await;
    let p = app.signed_in_partner().await;
    let wrong_pw = app.call::<LoginOut>("login", &[("phone", &p.phone), ("password", "salah12345")]).await.unwrap_err();
    let unknown =
        app.call::<LoginOut>("login", &[("phone", "081299999999"), ("password", "salah12345")]).await.unwrap_err();
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

    let _: () = app.call("logout", &[]).await.unwrap();
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
    let _: () = app.call("forgot_password", &[("email", &p.email)]).await.unwrap();
    let _: () = app.call("forgot_password", &[("email", "nobody@sampurna-jaya.test")]).await.unwrap();
    let link = app.mail_link(&p.email, "/reset-password").await;
    let token = link.split("token=").nth(1).unwrap().to_owned();

    let err = app
        .call::<()>("reset_password", &[("token", &token), ("password", "baru12345"), ("password_confirm", "baru1234")])
        .await
        .unwrap_err();
    assert_eq!(err, AppError::Invalid(vec![FieldError::new("password_confirm", Problem::PasswordMismatch)]));
    let _: () = app
        .call("reset_password", &[("token", &token), ("password", "baru12345"), ("password_confirm", "baru12345")])
        .await
        .unwrap();
    let err = app
        .call::<()>(
            "reset_password",
            &[("token", &token), ("password", "lagi12345"), ("password_confirm", "lagi12345")],
        )
        .await
        .unwrap_err();
    assert_eq!(err, AppError::Problem(Problem::TokenUsed));

    let out: LoginOut = app.call("login", &[("phone", &p.phone), ("password", "baru12345")]).await.unwrap();
    assert_eq!(out, LoginOut::LoggedIn);
    assert_eq!(app.mail_count("nobody@sampurna-jaya.test").await, 0);
}

#[tokio::test]
async fn a_signed_in_partner_changes_the_password() {
    let app = TestApp::spawn().await;
    let p = app.signed_in_partner().await;
    let err = app
        .call::<()>(
            "change_password",
            &[("current_password", "salah12345"), ("password", "baru12345"), ("password_confirm", "baru12345")],
        )
        .await
        .unwrap_err();
    assert_eq!(err, AppError::Invalid(vec![FieldError::new("current_password", Problem::WrongCurrentPassword)]));
    let _: () = app
        .call(
            "change_password",
            &[("current_password", &p.password), ("password", "baru12345"), ("password_confirm", "baru12345")],
        )
        .await
        .unwrap();
    let other = new_client(&app.base);
    let out: LoginOut =
        call_with(&other, &app.base, "login", &[("phone", &p.phone), ("password", "baru12345")]).await.unwrap();
    assert_eq!(out, LoginOut::LoggedIn);

    let anonymous = new_client(&app.base);
    let err = call_with::<()>(
        &anonymous,
        &app.base,
        "change_password",
        &[("current_password", "a"), ("password", "baru12345"), ("password_confirm", "baru12345")],
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
    let err = app.call::<()>("staff_login", &[("email", &email), ("password", "salah")]).await.unwrap_err();
    assert_eq!(err, AppError::Problem(Problem::WrongEmailOrPassword));
    common::staff_sign_in(&app.client, &app.base, &email, &password, None).await.unwrap();
    let (status, html) = app.get_html("/admin/beranda").await;
    assert_eq!(status, 200);
    assert!(html.contains("Back Office") && html.contains(&email), "{html}");
    // A partner session is not a staff session.
    let partner = TestApp::spawn().await;
    partner.signed_in_partner().await;
    let (status, _) = partner.get_html("/admin/beranda").await;
    assert_eq!(status, 302);
}

#[tokio::test]
async fn health_readiness_and_metrics_are_served() {
    let app = TestApp::spawn().await;
    let (status, body) = app.get_html("/healthz").await;
    assert_eq!((status, body.as_str()), (200, "ok"));
    let (status, _) = app.get_html("/readyz").await;
    assert_eq!(status, 200);
    app.get_html("/login").await;
    let res = app.client.get(app.url("/metrics")).send().await.unwrap();
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
    // Never an open redirect.
    let res = app.client.get(app.url("/bahasa/id?next=//evil.example")).send().await.unwrap();
    assert_eq!(res.headers()["location"], "/login");
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
