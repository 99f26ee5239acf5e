//! Moderation end to end over HTTP: per-document decisions, the way back to
//! the partner, approval with credentials by e-mail, and merchant IDs under
//! concurrency.

use crate::common::{new_client, search, send_with, TestApp, PDF, PNG};
use app::error::AppError;
use app::server_fns::account::CurrentUser;
use app::server_fns::moderation::ModerationQueue;
use app::server_fns::moderation::{AuditLog, ModerationDecide, ModerationReview};
use app::server_fns::profile::GetProfile;
use domain::account::UserOut;
use domain::moderation::QueueItemOut;
use domain::profile::{DocStatus, ProfileIn, ProfileOut, ProfileStatus};
use domain::DocumentId;
use domain::{FieldError, Problem};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

async fn staff_client(app: &TestApp) -> reqwest::Client {
    app.operator().await.0
}

async fn submit_complete_profile(app: &TestApp) {
    app.submit_complete_profile().await;
}

async fn decide(
    app: &TestApp,
    staff: &reqwest::Client,
    doc_id: DocumentId,
    accept: bool,
    reason: &str,
) -> ProfileStatus {
    send_with(staff, &app.base, ModerationDecide { doc_id, accept, reason: reason.into() }).await.unwrap()
}

fn value_after(text: &str, label: &str, nth: usize) -> String {
    text.lines()
        .filter(|l| l.trim_start().starts_with(label))
        .nth(nth)
        .unwrap()
        .split_whitespace()
        .last()
        .unwrap()
        .into()
}

#[tokio::test]
async fn a_rejected_document_returns_to_the_partner_and_approval_sends_both_credential_sets() {
    let app = TestApp::spawn().await;
    let partner = app.signed_in_partner().await;
    submit_complete_profile(&app).await;
    let staff = staff_client(&app).await;

    let queue: Vec<QueueItemOut> =
        send_with(&staff, &app.base, ModerationQueue { filter: "submitted".into() }).await.unwrap();
    assert_eq!(queue.len(), 1);
    assert_eq!(queue[0].business_name, "PT. SAMPURNA JAYA");
    let user_id = queue[0].user_id;
    let review = send_with(&staff, &app.base, ModerationReview { user_id }).await.unwrap();
    assert_eq!(review.documents.len(), 8);
    assert_eq!(review.region_names[0], "Jawa Barat");
    assert_eq!(review.region_names[1], "Kota Bandung");

    // A rejection needs a reason.
    let npwp = review.documents.iter().find(|d| d.doc_type == "npwp").unwrap().id;
    let blank = ModerationDecide { doc_id: npwp, accept: false, reason: " ".into() };
    let err = send_with(&staff, &app.base, blank).await.unwrap_err();
    assert_eq!(err, AppError::Invalid(vec![FieldError::new("reason", Problem::Required)]));
    assert_eq!(decide(&app, &staff, npwp, false, "NPWP buram, mohon unggah ulang").await, ProfileStatus::Submitted);
    let mut last = ProfileStatus::Submitted;
    for d in review.documents.iter().filter(|d| d.doc_type != "npwp") {
        last = decide(&app, &staff, d.id, true, "").await;
    }
    assert_eq!(last, ProfileStatus::Rejected);

    // The partner is told, by e-mail and on the profile page.
    let mail = app.mails(&partner.email, 2).await.pop().unwrap();
    assert!(mail.contains("NPWP") && mail.contains("NPWP buram, mohon unggah ulang"), "{mail}");
    let profile: ProfileOut = app.send(GetProfile {}).await.unwrap();
    assert_eq!(profile.status, ProfileStatus::Rejected);
    let doc = profile.documents.iter().find(|d| d.doc_type == "npwp").unwrap();
    assert_eq!((doc.status, doc.reason.as_deref()), (DocStatus::Rejected, Some("NPWP buram, mohon unggah ulang")));

    // Replace the document and send the profile again.
    assert_eq!(app.upload(&app.client, "npwp", "npwp-jelas.png", PNG).await.0, 200);
    let mut body = app.complete_profile_form().await;
    body.push(("submit".into(), "true".into()));
    let body: Vec<(&str, &str)> = body.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    assert_eq!(app.call::<ProfileStatus>("save_profile", &body).await.unwrap(), ProfileStatus::Submitted);
    let review = send_with(&staff, &app.base, ModerationReview { user_id }).await.unwrap();
    let npwp = review.documents.iter().find(|d| d.doc_type == "npwp").unwrap();
    assert_eq!((npwp.status, npwp.original_name.as_str()), (DocStatus::Pending, "npwp-jelas.png"));
    assert_eq!(decide(&app, &staff, npwp.id, true, "").await, ProfileStatus::Approved);

    // Approval and credentials e-mails, both environments.
    let mails = app.mails(&partner.email, 4).await;
    let approval = mails.iter().find(|m| m.contains("sudah kami setujui")).expect("approval mail");
    let credentials = mails.iter().find(|m| m.contains("Transaksi (Development)")).expect("credentials mail");
    assert!(credentials.contains("Transaksi (Production)") && credentials.contains("Mohon segera diganti"));
    let me: Option<UserOut> = app.send(CurrentUser {}).await.unwrap();
    let me = me.unwrap();
    let merchant_id = me.merchant_id.clone().unwrap();
    assert!(merchant_id.starts_with("DJI") && merchant_id.len() == 9, "{merchant_id}");
    assert!(approval.contains(&merchant_id) && credentials.contains(&merchant_id));
    assert_eq!(me.profile_status, ProfileStatus::Approved);

    // Only the digest HA1 is stored, and it matches the e-mailed password.
    let (user, password) = (value_after(credentials, "user", 1), value_after(credentials, "password", 1));
    assert_eq!(user.len(), 12);
    assert_eq!(password.len(), 32);
    let row = backend::entity::api_credential::Entity::find()
        .filter(backend::entity::api_credential::Column::Username.eq(&user))
        .one(&app.state.db)
        .await
        .unwrap()
        .expect("credential row");
    assert_eq!(row.environment, domain::Env::Development);
    assert_eq!(row.ha1, backend::gateway::digest::ha1(&user, "Design Jaya Indonesia", &password));
    assert_ne!(row.ha1, password);

    let (_, html) = app.get_html("/dashboard").await;
    assert!(html.contains("Aktif") && html.contains(&merchant_id), "{html}");

    // Every decision is in the audit log, by the moderator.
    let entries = backend::entity::audit_log::Entity::find().all(&app.state.db).await.unwrap();
    assert!(entries.iter().filter(|e| e.action == "document.accepted").count() >= 8);
    assert!(entries.iter().any(|e| e.action == "profile.approved" && e.actor_name == "Operator"));
}

#[tokio::test]
async fn moderation_needs_a_staff_session() {
    let app = TestApp::spawn().await;
    app.signed_in_partner().await;
    submit_complete_profile(&app).await;
    for client in [&app.client, &new_client(&app.base)] {
        let err = send_with(client, &app.base, ModerationQueue { filter: String::new() }).await.unwrap_err();
        assert_eq!(err, AppError::Problem(Problem::NotLoggedIn));
        let decide = ModerationDecide { doc_id: DocumentId(uuid::Uuid::new_v4()), accept: true, reason: String::new() };
        let err = send_with(client, &app.base, decide).await.unwrap_err();
        assert_eq!(err, AppError::Problem(Problem::NotLoggedIn));
    }
}

#[tokio::test]
async fn twenty_concurrent_approvals_get_twenty_distinct_merchant_ids() {
    let app = TestApp::spawn().await;
    let state = &app.state;
    backend::staff::ensure_initial_operator(state).await.unwrap();
    let staff_id = backend::entity::staff::Entity::find().one(&state.db).await.unwrap().unwrap().id;
    let staff = backend::authz::staff(&state.db, staff_id, domain::staff::Permission::Moderate).await.unwrap();
    let mut last_docs = Vec::new();
    for i in 0..20u8 {
        let p = crate::common::Partner::new();
        let ip = std::net::IpAddr::from([10, 0, 0, i]);
        let input = domain::account::RegisterIn {
            name: p.name.clone(),
            company: format!("PT {i}"),
            email: p.email.clone(),
            website: String::new(),
            phone: p.phone.clone(),
            password: p.password.clone(),
        };
        backend::accounts::register(state, &input, domain::Lang::Id, ip).await.unwrap();
        let user = backend::entity::user::Entity::find()
            .filter(backend::entity::user::Column::Email.eq(&p.email))
            .one(&state.db)
            .await
            .unwrap()
            .unwrap();
        let partner = backend::authz::partner(&state.db, user.id, None).await.unwrap();
        let ektp =
            backend::onboarding::upload_document(state, &partner, "ektp", "ktp.pdf", PDF.to_vec()).await.unwrap();
        let npwp =
            backend::onboarding::upload_document(state, &partner, "npwp", "npwp.pdf", PDF.to_vec()).await.unwrap();
        let form = ProfileIn {
            category: "pribadi".into(),
            personal_name: p.name.clone(),
            personal_phone: p.phone.clone(),
            personal_email: p.email.clone(),
            business_name: format!("Usaha {i}"),
            business_phone: p.phone.clone(),
            province: "32".into(),
            regency: "32.73".into(),
            district: "32.73.01".into(),
            village: "32.73.01.1001".into(),
            address: "Jl. Contoh".into(),
        };
        backend::onboarding::save_profile(state, &partner, &form, true).await.unwrap();
        backend::moderation::decide(state, &staff, ektp.id, true, "").await.unwrap();
        last_docs.push(npwp.id);
    }
    let tasks: Vec<_> = last_docs
        .into_iter()
        .map(|doc| {
            let (state, staff) = (state.clone(), staff.clone());
            tokio::spawn(async move { backend::moderation::decide(&state, &staff, doc, true, "").await })
        })
        .collect();
    for t in tasks {
        assert_eq!(t.await.unwrap().unwrap(), ProfileStatus::Approved);
    }
    let ids: std::collections::HashSet<String> = backend::entity::profile::Entity::find()
        .all(&state.db)
        .await
        .unwrap()
        .into_iter()
        .filter_map(|p| p.merchant_id)
        .collect();
    assert_eq!(ids.len(), 20);
}

#[tokio::test]
async fn staff_search_the_audit_log_and_partners_cannot() {
    let app = TestApp::spawn().await;
    let partner = app.signed_in_partner().await;
    submit_complete_profile(&app).await;
    let staff = staff_client(&app).await;

    let all = send_with(&staff, &app.base, AuditLog { list: search("") }).await.unwrap();
    let actions: Vec<&str> = all.items.iter().map(|e| e.action.as_str()).collect();
    assert_eq!(
        all.total, 14,
        "registration, activation, sign-in, 8 uploads, 1 submission, the staff's 2FA set-up and sign-in: {actions:?}"
    );
    assert_eq!(&actions[..3], ["staff.login", "staff.totp_enabled", "profile.submitted"], "newest first");
    assert!(all.items[2..]
        .iter()
        .all(|e| e.actor_name == partner.name && e.actor_kind == domain::moderation::ActorKind::Partner));

    let found = send_with(&staff, &app.base, AuditLog { list: search("profile.submitted") }).await.unwrap();
    assert_eq!(found.total, 1);
    assert!(found.items[0].after.as_deref().unwrap_or_default().contains("PT. SAMPURNA JAYA"));

    let err = send_with(&app.client, &app.base, AuditLog { list: search("") }).await.unwrap_err();
    assert_eq!(err, AppError::Problem(Problem::NotLoggedIn));
    let (status, html) = app.get_html("/admin/audit").await;
    assert_eq!(status, 303, "{html}");
}
