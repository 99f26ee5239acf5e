//! The back office over HTTP: the staff's second factor, roles enforced on
//! the server, assignment, the partners list, and profile revisions.

use crate::common::{call_with, new_client, search, send_with, staff_sign_in, totp_code, TestApp, PNG};
use app::error::AppError;
use app::server_fns::account::CurrentUser;
use app::server_fns::catalog::CatalogList;
use app::server_fns::catalog::CatalogUpdate;
use app::server_fns::connections::IpAdd;
use app::server_fns::connections::IpList;
use app::server_fns::connections::IpQueue;
use app::server_fns::connections::{IpDecide, IpRemove};
use app::server_fns::finance::DashboardStats;
use app::server_fns::finance::DevelopmentNumbers;
use app::server_fns::finance::SandboxReset;
use app::server_fns::finance::{DepositAdjust, PartnerFinance, ProductSet};
use app::server_fns::moderation::ModerationQueue;
use app::server_fns::moderation::{
    AuditLog, ModerationAssign, ModerationDecide, ModerationReview, Partner, Partners, RevisionDecide,
};
use app::server_fns::profile::GetProfile;
use app::server_fns::profile::RemoveRevisionUpload;
use app::server_fns::staff::CurrentStaff;
use app::server_fns::staff::StaffChange;
use app::server_fns::staff::StaffCreate;
use app::server_fns::staff::StaffList;
use app::server_fns::staff::StaffLogin;
use app::server_fns::staff::StaffVerifyCode;
use app::server_fns::staff::TotpBegin;
use app::server_fns::staff::TotpConfirm;
use domain::finance::DashboardOut;
use domain::finance::ProductIn;
use domain::moderation::{PartnerDetailOut, QueueItemOut};
use domain::profile::{DocStatus, ProfileOut, ProfileStatus, RevisionStatus};
use domain::staff::NewStaffIn;
use domain::staff::{LoginStep, StaffOut, StaffRowOut};
use domain::DocumentId;
use domain::{FieldError, Problem};
use sea_orm::EntityTrait;

/// The admin creates a staff account with `role`; returns its password.
async fn create_staff(app: &TestApp, admin: &reqwest::Client, name: &str, email: &str, role: &str) -> String {
    send_with(admin, &app.base, new_staff(name, email, role)).await.unwrap()
}

fn new_staff(name: &str, email: &str, role: &str) -> StaffCreate {
    StaffCreate { input: NewStaffIn { name: name.into(), email: email.into(), role: role.into() } }
}

async fn signed_in_staff(app: &TestApp, email: &str, password: &str) -> reqwest::Client {
    let c = new_client(&app.base);
    assert_eq!(staff_sign_in(&c, &app.base, email, password, None).await, None, "no code for non-admins");
    c
}

#[tokio::test]
async fn admins_must_set_up_a_second_factor_and_each_code_works_once() {
    let app = TestApp::spawn().await;
    let (email, password) = backend::staff::ensure_initial_operator(&app.state).await.unwrap().unwrap();
    let c = new_client(&app.base);
    let step: LoginStep =
        send_with(&c, &app.base, StaffLogin { email: email.to_string(), password: password.to_string() })
            .await
            .unwrap();
    let LoginStep::Enroll(setup) = step else { panic!("an admin without 2FA must enrol, got {step:?}") };
    // Half-way is not signed in.
    let who: Option<StaffOut> = send_with(&c, &app.base, CurrentStaff {}).await.unwrap();
    assert_eq!(who, None);
    let err = send_with(&c, &app.base, ModerationQueue { filter: String::new() }).await.unwrap_err();
    assert_eq!(err, AppError::Problem(Problem::NotLoggedIn));
    // A wrong code is refused, a right one signs in.
    let err = send_with(&c, &app.base, StaffVerifyCode { code: "000000".into() }).await;
    let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_secs();
    let good = totp_code(&setup.secret, now);
    if good != "000000" {
        assert_eq!(err.unwrap_err(), AppError::Invalid(vec![FieldError::new("code", Problem::WrongCode)]));
    }
    let _: () = send_with(&c, &app.base, StaffVerifyCode { code: good.to_string() }).await.unwrap();
    let who: Option<StaffOut> = send_with(&c, &app.base, CurrentStaff {}).await.unwrap();
    assert!(who.unwrap().totp_enabled);

    // The next sign-in asks for a code, and the code just used is spent.
    let c2 = new_client(&app.base);
    let step: LoginStep =
        send_with(&c2, &app.base, StaffLogin { email: email.to_string(), password: password.to_string() })
            .await
            .unwrap();
    assert_eq!(step, LoginStep::Code);
    let err = send_with(&c2, &app.base, StaffVerifyCode { code: good.to_string() }).await.unwrap_err();
    assert_eq!(err, AppError::Invalid(vec![FieldError::new("code", Problem::WrongCode)]));
    let next = totp_code(&setup.secret, now + 30);
    let _: () = send_with(&c2, &app.base, StaffVerifyCode { code: next.to_string() }).await.unwrap();
    // Without a pending password step there is nothing to verify.
    let c3 = new_client(&app.base);
    let err = send_with(&c3, &app.base, StaffVerifyCode { code: next.to_string() }).await.unwrap_err();
    assert_eq!(err, AppError::Problem(Problem::NotLoggedIn));
}

#[tokio::test]
async fn each_role_gets_only_its_rights_on_the_server() {
    let app = TestApp::spawn().await;
    app.signed_in_partner().await;
    app.submit_complete_profile().await;
    let (admin, ..) = app.operator().await;
    let mod_pw = create_staff(&app, &admin, "Mira Moderator", "mira@operator.test", "moderator").await;
    let fin_pw = create_staff(&app, &admin, "Fahri Finance", "fahri@operator.test", "finance").await;
    let err = send_with(&admin, &app.base, new_staff("X", "MIRA@operator.test", "moderator")).await.unwrap_err();
    assert_eq!(err, AppError::Invalid(vec![FieldError::new("email", Problem::EmailTaken)]));

    let moderator = signed_in_staff(&app, "mira@operator.test", &mod_pw).await;
    let finance = signed_in_staff(&app, "fahri@operator.test", &fin_pw).await;
    let q = &[("filter", "")];
    let partners = || Partners { list: search(""), status: None };
    // The moderator moderates and sees partners; no staff, no audit.
    assert_eq!(call_with::<Vec<QueueItemOut>>(&moderator, &app.base, "moderation_queue", q).await.unwrap().len(), 1);
    assert!(send_with(&moderator, &app.base, partners()).await.is_ok());
    let forbidden = AppError::Problem(Problem::Forbidden);
    assert_eq!(send_with(&moderator, &app.base, StaffList {}).await.unwrap_err(), forbidden);
    assert_eq!(send_with(&moderator, &app.base, AuditLog { list: search("") }).await.unwrap_err(), forbidden);
    let create = new_staff("Y", "y@operator.test", "admin");
    assert_eq!(send_with(&moderator, &app.base, create).await.unwrap_err(), forbidden);
    // Finance sees partners but does not moderate.
    assert!(send_with(&finance, &app.base, partners()).await.is_ok());
    assert_eq!(
        call_with::<Vec<QueueItemOut>>(&finance, &app.base, "moderation_queue", q).await.unwrap_err(),
        forbidden
    );
    let decide = ModerationDecide { doc_id: DocumentId(uuid::Uuid::new_v4()), accept: true, reason: String::new() };
    assert_eq!(send_with(&finance, &app.base, decide).await.unwrap_err(), forbidden);

    // The admin lists staff, and cannot lock themselves out.
    let list: Vec<StaffRowOut> = send_with(&admin, &app.base, StaffList {}).await.unwrap();
    assert_eq!(list.len(), 3);
    let me = list.iter().find(|s| s.email == app.state.config.operator_email).unwrap();
    let err = send_with(&admin, &app.base, StaffChange { id: me.id, what: "deactivate".into(), role: String::new() })
        .await
        .unwrap_err();
    assert_eq!(err, forbidden);
    // A deactivated moderator loses the open session and cannot sign in.
    let mira = list.iter().find(|s| s.email == "mira@operator.test").unwrap();
    let deactivate = StaffChange { id: mira.id, what: "deactivate".into(), role: String::new() };
    send_with(&admin, &app.base, deactivate).await.unwrap();
    let err = call_with::<Vec<QueueItemOut>>(&moderator, &app.base, "moderation_queue", q).await.unwrap_err();
    assert_eq!(err, AppError::Problem(Problem::NotLoggedIn));
    let err = send_with(
        &new_client(&app.base),
        &app.base,
        StaffLogin { email: "mira@operator.test".into(), password: mod_pw.to_string() },
    )
    .await
    .unwrap_err();
    assert_eq!(err, AppError::Problem(Problem::StaffInactive));
    // Promoting finance to admin makes 2FA mandatory at the next sign-in.
    let fahri = list.iter().find(|s| s.email == "fahri@operator.test").unwrap();
    let promote = StaffChange { id: fahri.id, what: "role".into(), role: "admin".into() };
    send_with(&admin, &app.base, promote).await.unwrap();
    let step: LoginStep = send_with(
        &new_client(&app.base),
        &app.base,
        StaffLogin { email: "fahri@operator.test".into(), password: fin_pw.to_string() },
    )
    .await
    .unwrap();
    assert!(matches!(step, LoginStep::Enroll(_)), "{step:?}");
    let audit = send_with(&admin, &app.base, AuditLog { list: search("staff.") }).await.unwrap();
    let actions: Vec<&str> = audit.items.iter().map(|e| e.action.as_str()).collect();
    for a in ["staff.created", "staff.deactivated", "staff.role_changed", "staff.login"] {
        assert!(actions.contains(&a), "{a} in {actions:?}");
    }
}

#[tokio::test]
async fn a_moderator_takes_a_profile_and_the_queue_shows_whose_it_is() {
    let app = TestApp::spawn().await;
    app.signed_in_partner().await;
    app.submit_complete_profile().await;
    let (admin, ..) = app.operator().await;
    let queue: Vec<QueueItemOut> =
        send_with(&admin, &app.base, ModerationQueue { filter: String::new() }).await.unwrap();
    assert_eq!((queue[0].assignee.as_deref(), queue[0].mine), (None, false));
    assert!(!queue[0].sla.late() && queue[0].sla.used_hours <= 1);
    let mine: Vec<QueueItemOut> =
        send_with(&admin, &app.base, ModerationQueue { filter: "mine".into() }).await.unwrap();
    assert!(mine.is_empty());
    let user_id = queue[0].user_id;
    send_with(&admin, &app.base, ModerationAssign { user_id }).await.unwrap();
    let mine: Vec<QueueItemOut> =
        send_with(&admin, &app.base, ModerationQueue { filter: "mine".into() }).await.unwrap();
    assert_eq!((mine.len(), mine[0].assignee.as_deref(), mine[0].mine), (1, Some("Operator"), true));
    let review = send_with(&admin, &app.base, ModerationReview { user_id }).await.unwrap();
    assert_eq!(review.assignee.as_deref(), Some("Operator"));
    // The partner cannot take it.
    let err = app.send(ModerationAssign { user_id }).await.unwrap_err();
    assert_eq!(err, AppError::Problem(Problem::NotLoggedIn));
}

#[tokio::test]
async fn staff_find_partners_by_name_merchant_id_phone_email_and_state() {
    let app = TestApp::spawn().await;
    let partner = app.signed_in_partner().await;
    app.submit_complete_profile().await;
    let (admin, ..) = app.operator().await;
    let queue: Vec<QueueItemOut> =
        send_with(&admin, &app.base, ModerationQueue { filter: String::new() }).await.unwrap();
    let user_id = queue[0].user_id;
    app.approve_all(&admin, user_id).await;
    let other = new_client(&app.base);
    let second = app.signed_in_partner_on(&other).await;

    let search = |q: &str, status: &str| {
        let (q, status) = (q.to_owned(), status.to_owned());
        let (admin, base) = (admin.clone(), app.base.clone());
        async move {
            let status = ProfileStatus::from_code(&status);
            let page = send_with(&admin, &base, Partners { list: search(&q), status }).await.unwrap();
            page.items.into_iter().map(|r| r.email).collect::<Vec<_>>()
        }
    };
    assert_eq!(search("", "").await.len(), 2);
    let merchant = queue[0].merchant_id.clone();
    assert!(merchant.is_none(), "not approved when listed");
    let detail = send_with(&admin, &app.base, Partner { user_id }).await.unwrap();
    let merchant_id = detail.account.merchant_id.clone().unwrap();
    assert_eq!(search(&merchant_id.to_lowercase(), "").await, vec![partner.email.clone()]);
    assert_eq!(search("SAMPURNA JAYA", "").await.len(), 2, "by company name");
    assert_eq!(search("SAMPURNA JAYA", "approved").await, vec![partner.email.clone()], "and state");
    assert_eq!(search(&second.email, "").await, vec![second.email.clone()]);
    let local =
        format!("0{}", &second.phone.trim_start_matches("+62").trim_start_matches("62").trim_start_matches('0'));
    assert_eq!(search(&local, "").await, vec![second.email.clone()], "by phone as typed");
    assert_eq!(search("", "approved").await, vec![partner.email.clone()]);
    assert_eq!(search("", "draft").await, vec![second.email.clone()], "no profile yet counts as a draft");
    // Sorted by registration (a sortable column head): newest first, or the other way.
    let sorted = |desc: bool| {
        let list = domain::ListQuery { sort: "registered".into(), desc, per: 10, ..Default::default() };
        let (admin, base) = (admin.clone(), app.base.clone());
        async move {
            let page = send_with(&admin, &base, Partners { list, status: None }).await.unwrap();
            page.items.into_iter().map(|r| r.email).collect::<Vec<_>>()
        }
    };
    let newest_first = sorted(true).await;
    assert_eq!(newest_first, vec![second.email.clone(), partner.email.clone()]);
    assert_eq!(sorted(false).await, newest_first.into_iter().rev().collect::<Vec<_>>());
    assert!(search("tidak-ada-yang-cocok", "").await.is_empty());

    // The partner page: profile, documents with their stamps, history.
    assert!(detail.email_verified);
    let review = detail.review.unwrap();
    assert_eq!(review.documents.len(), 8);
    assert!(review.documents.iter().all(|d| d.moderated.as_ref().is_some_and(|m| m.by == "Operator")));
    let actions: Vec<&str> = detail.timeline.iter().map(|e| e.action.as_str()).collect();
    assert!(actions.contains(&"profile.approved") && actions.contains(&"profile.submitted"), "{actions:?}");
    // Partners and strangers get nothing.
    for c in [&app.client, &new_client(&app.base)] {
        let err = send_with(c, &app.base, Partner { user_id }).await.unwrap_err();
        assert_eq!(err, AppError::Problem(Problem::NotLoggedIn));
    }
    // An address with a malformed id names nothing: "not found".
    let err = call_with::<PartnerDetailOut>(&admin, &app.base, "partner", &[("user_id", "nope")]).await.unwrap_err();
    assert_eq!(err, AppError::Problem(Problem::NotFound));
    let (status, html) = app.get_html("/admin/mitra").await;
    assert_eq!(status, 303, "{html}");
}

/// The form fields of the partner's profile, as a revision would send them.
fn revision_body(p: &ProfileOut, changes: &[(&str, &str)], notes: &[(&str, &str)]) -> Vec<(String, String)> {
    let mut fields = p.fields.clone();
    for (k, v) in changes {
        fields.set(k, v);
    }
    let mut body: Vec<(String, String)> =
        domain::profile::REVISABLE_FIELDS.iter().map(|f| (format!("input[{f}]"), fields.get(f).to_owned())).collect();
    body.extend(notes.iter().map(|(k, v)| (format!("notes[{k}]"), (*v).to_owned())));
    body
}

async fn send_revision(app: &TestApp, body: &[(String, String)]) -> Result<(), AppError> {
    let body: Vec<(&str, &str)> = body.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    app.call("submit_revision", &body).await
}

#[tokio::test]
async fn an_approved_partner_revises_the_profile_and_stays_active_until_the_decision() {
    let app = TestApp::spawn().await;
    let partner = app.signed_in_partner().await;
    // Nothing to revise before approval.
    let before: ProfileOut = app.send(GetProfile {}).await.unwrap();
    let err = send_revision(&app, &revision_body(&before, &[], &[])).await.unwrap_err();
    assert_eq!(err, AppError::Problem(Problem::ProfileLocked));
    app.submit_complete_profile().await;
    let (admin, user_id) = app.approve_submitted().await;
    let approved: ProfileOut = app.send(GetProfile {}).await.unwrap();
    assert_eq!(approved.status, ProfileStatus::Approved);
    let stamp = approved.documents[0].moderated.clone().unwrap();
    assert_eq!(stamp.by, "Operator");
    assert!(stamp.at.len() == 19 && stamp.at.contains('/'), "DD/MM/YYYY HH:MM:SS: {}", stamp.at);

    // Nothing changed; a changed field without its note.
    let err = send_revision(&app, &revision_body(&approved, &[], &[])).await.unwrap_err();
    assert_eq!(err, AppError::Problem(Problem::NothingChanged));
    let change = [("business_name", "PT. SAMPURNA JAYA ABADI")];
    let err = send_revision(&app, &revision_body(&approved, &change, &[])).await.unwrap_err();
    assert_eq!(err, AppError::Invalid(vec![FieldError::new("note_business_name", Problem::NoteRequired)]));

    // "Ubah dokumen": the replacement waits beside the approved file.
    let (status, body) = app.upload(&app.client, "npwp", "npwp-baru.png", PNG).await;
    assert_eq!(status, 200, "{body}");
    let with_upload: ProfileOut = app.send(GetProfile {}).await.unwrap();
    assert_eq!(with_upload.revision_uploads.len(), 1);
    let old_npwp = with_upload.documents.iter().find(|d| d.doc_type == "npwp").unwrap().clone();
    assert_eq!(old_npwp.status, DocStatus::Accepted, "the approved file stays current");
    let notes = [("business_name", "Perubahan akta: nama usaha bertambah ABADI")];
    send_revision(&app, &revision_body(&approved, &change, &notes)).await.unwrap();
    let err = send_revision(&app, &revision_body(&approved, &change, &notes)).await.unwrap_err();
    assert_eq!(err, AppError::Problem(Problem::RevisionPending), "one revision at a time");
    assert_eq!(app.upload(&app.client, "ektp", "ktp.png", PNG).await.0, 409, "no uploads while it waits");

    // Meanwhile the account runs on the approved data.
    let pending: ProfileOut = app.send(GetProfile {}).await.unwrap();
    assert_eq!((pending.status, pending.fields.business_name.as_str()), (ProfileStatus::Approved, "PT. SAMPURNA JAYA"));
    let rev = pending.revision.clone().unwrap();
    assert_eq!(rev.status, RevisionStatus::Submitted);
    let user = app.send(CurrentUser {}).await.unwrap().expect("signed in");
    assert!(user.merchant_id.is_some());

    // The moderator sees old, new and the note side by side, and the file.
    let queue: Vec<QueueItemOut> =
        send_with(&admin, &app.base, ModerationQueue { filter: "revision".into() }).await.unwrap();
    assert_eq!(queue.len(), 1);
    assert!(queue[0].revision);
    let review = send_with(&admin, &app.base, ModerationReview { user_id }).await.unwrap();
    let r = review.revision.unwrap();
    assert_eq!(r.changes.len(), 1);
    let c = &r.changes[0];
    assert_eq!(
        (c.field.as_str(), c.old.as_str(), c.new.as_str(), c.note.as_str()),
        ("business_name", "PT. SAMPURNA JAYA", "PT. SAMPURNA JAYA ABADI", notes[0].1)
    );
    assert_eq!(r.documents.len(), 1);
    let new_doc_url = app.url(&format!("/dokumen/{}", r.documents[0].id));
    assert_eq!(admin.get(&new_doc_url).send().await.unwrap().status(), 200);
    // Another partner cannot see the replacement, nor withdraw it.
    let stranger = new_client(&app.base);
    app.signed_in_partner_on(&stranger).await;
    assert_eq!(stranger.get(&new_doc_url).send().await.unwrap().status(), 404);
    let err = send_with(&stranger, &app.base, RemoveRevisionUpload { doc_id: r.documents[0].id }).await.unwrap_err();
    assert_eq!(err, AppError::Problem(Problem::NotFound));
    let approve = |revision_id| RevisionDecide { revision_id, approve: true, reason: String::new() };
    let err = send_with(&stranger, &app.base, approve(r.id)).await.unwrap_err();
    assert_eq!(err, AppError::Problem(Problem::NotLoggedIn));

    // Approval applies the fields and makes the replacement current.
    send_with(&admin, &app.base, approve(r.id)).await.unwrap();
    let after: ProfileOut = app.send(GetProfile {}).await.unwrap();
    assert_eq!(after.fields.business_name, "PT. SAMPURNA JAYA ABADI");
    // The partner is told by e-mail (after activation, approval and credentials).
    let mails = app.mails(&partner.email, 4).await;
    let told = mails.iter().find(|m| m.contains("Revisi data profil PT. SAMPURNA JAYA ABADI telah kami setujui"));
    assert!(told.is_some_and(|m| m.contains(&app.url("/profil"))), "{mails:?}");
    assert_eq!(after.revision.as_ref().unwrap().status, RevisionStatus::Approved);
    let npwp = after.documents.iter().find(|d| d.doc_type == "npwp").unwrap();
    assert_eq!((npwp.original_name.as_str(), npwp.status), ("npwp-baru.png", DocStatus::Accepted));
    assert!(npwp.moderated.is_some());
    assert_eq!(app.client.get(app.url(&format!("/dokumen/{}", old_npwp.id))).send().await.unwrap().status(), 404);
    let err = send_with(&admin, &app.base, approve(r.id)).await.unwrap_err();
    assert_eq!(err, AppError::Problem(Problem::NotInReview), "decided once");

    // A rejected revision needs a reason and leaves the data as it was.
    let change = [("address", "Jl. Asia Afrika No. 8")];
    let notes = [("address", "Pindah kantor")];
    send_revision(&app, &revision_body(&after, &change, &notes)).await.unwrap();
    let rev = app.send(GetProfile {}).await.unwrap().revision.unwrap();
    let reject = |reason: &str| RevisionDecide { revision_id: rev.id, approve: false, reason: reason.into() };
    let err = send_with(&admin, &app.base, reject("")).await.unwrap_err();
    assert_eq!(err, AppError::Invalid(vec![FieldError::new("reason", Problem::Required)]));
    send_with(&admin, &app.base, reject("Alamat tidak sesuai NIB")).await.unwrap();
    let last: ProfileOut = app.send(GetProfile {}).await.unwrap();
    assert_eq!(last.fields.address, after.fields.address);
    let mails = app.mails(&partner.email, 5).await;
    assert!(mails
        .iter()
        .any(|m| m.contains("belum dapat kami setujui") && m.contains("Alasan: Alamat tidak sesuai NIB")));
    let rev = last.revision.unwrap();
    assert_eq!((rev.status, rev.reason.as_deref()), (RevisionStatus::Rejected, Some("Alamat tidak sesuai NIB")));
    assert_eq!(rev.decided.unwrap().by, "Operator");
}

#[tokio::test]
async fn finance_credits_a_deposit_once_per_reference_and_the_partner_sees_it() {
    let app = TestApp::spawn().await;
    app.signed_in_partner().await;
    app.submit_complete_profile().await;
    let (admin, user_id) = app.approve_submitted().await;

    let f = send_with(&admin, &app.base, PartnerFinance { user_id }).await.unwrap();
    assert_eq!((f.production_deposit, f.development_deposit), (0, 10_000_000));
    assert!(f.products.len() >= 20 && f.products.iter().all(|p| !p.active));
    assert_eq!(f.entries[0].reference, "sandbox:initial");

    let adjust = |amount: &'static str, reference: &'static str| {
        let (admin, base) = (admin.clone(), app.base.clone());
        let adjust = DepositAdjust {
            user_id,
            environment: "production".into(),
            amount: amount.into(),
            reference: reference.into(),
            note: "Transfer BCA".into(),
        };
        async move { send_with(&admin, &base, adjust).await }
    };
    let entry = adjust("1.000.000", "TRF-001").await.unwrap();
    assert_eq!((entry.amount, entry.balance_after, entry.kind.code()), (1_000_000, 1_000_000, "credit"));
    let again = adjust("1.000.000", "TRF-001").await.unwrap();
    assert_eq!(again.balance_after, 1_000_000, "the same reference is booked once");
    assert_eq!(adjust("-2000000", "KOREKSI-1").await.unwrap_err(), AppError::Problem(Problem::InsufficientDeposit));
    assert_eq!(
        adjust("abc", "X").await.unwrap_err(),
        AppError::Invalid(vec![FieldError::new("amount", Problem::AmountInvalid)])
    );
    // Amounts are bounded: one movement at most Rp 1.000.000.000.000, a
    // balance never near where sums overflow.
    for huge in ["1000000000001", "9223372036854775807", "-9223372036854775808"] {
        assert_eq!(
            adjust(huge, "HUGE").await.unwrap_err(),
            AppError::Invalid(vec![FieldError::new("amount", Problem::AmountInvalid)]),
            "{huge}"
        );
    }
    // Near the ceiling (another partner, brought there directly): a credit
    // past it is refused, one up to it is booked.
    let other = new_client(&app.base);
    app.signed_in_partner_on(&other).await;
    let me: Option<domain::account::UserOut> = send_with(&other, &app.base, CurrentUser {}).await.unwrap();
    let rich = backend::entity::user::Entity::find()
        .all(&app.state.db)
        .await
        .unwrap()
        .into_iter()
        .find(|u| u.email == me.as_ref().unwrap().email)
        .unwrap()
        .id;
    let credit = |amount: i64, reference: &'static str| backend::ledger::Movement {
        user_id: rich,
        env: backend::gateway::Env::Production,
        kind: backend::ledger::Kind::Credit,
        amount,
        reference,
        note: None,
        actor_name: "test",
    };
    backend::ledger::apply(&app.state.db, &credit(1, "test:open")).await.unwrap();
    let near = sea_orm::Statement::from_sql_and_values(
        sea_orm::ConnectionTrait::get_database_backend(&app.state.db),
        "UPDATE deposits SET balance = $1 WHERE user_id = $2",
        [(domain::finance::MAX_BALANCE - 10).into(), rich.into()],
    );
    sea_orm::ConnectionTrait::execute_raw(&app.state.db, near).await.unwrap();
    let past = backend::ledger::apply(&app.state.db, &credit(11, "test:past")).await.unwrap_err();
    assert!(matches!(past, backend::Error::Refused(Problem::AmountInvalid)), "{past:?}");
    let up_to = backend::ledger::apply(&app.state.db, &credit(10, "test:upto")).await.unwrap();
    assert_eq!(up_to.balance_after, domain::finance::MAX_BALANCE);
    let on = ProductSet { user_id, code: "501021".into(), active: true, reason: "Migrasi dari sistem lama".into() };
    send_with(&admin, &app.base, on).await.unwrap();
    let f = send_with(&admin, &app.base, PartnerFinance { user_id }).await.unwrap();
    assert!(f.products.iter().any(|p| p.code == "501021" && p.active));
    assert_eq!(f.production_deposit, 1_000_000);

    // The partner's dashboard shows both deposits; others see nothing.
    let stats: DashboardOut = app.send(DashboardStats {}).await.unwrap();
    assert_eq!((stats.production_deposit, stats.development_deposit), (1_000_000, 10_000_000));
    let err = app.send(PartnerFinance { user_id }).await.unwrap_err();
    assert_eq!(err, AppError::Problem(Problem::NotLoggedIn));
    // The sandbox deposit goes back to Rp 10.000.000; production is untouched.
    let debit = backend::ledger::Movement {
        user_id: user_id.0,
        env: backend::gateway::Env::Development,
        kind: backend::ledger::Kind::Debit,
        amount: -123_450,
        reference: "test:spend",
        note: None,
        actor_name: "test",
    };
    backend::ledger::apply(&app.state.db, &debit).await.unwrap();
    assert_eq!(app.send(SandboxReset {}).await.unwrap(), 10_000_000);
    let stats: DashboardOut = app.send(DashboardStats {}).await.unwrap();
    assert_eq!((stats.production_deposit, stats.development_deposit), (1_000_000, 10_000_000));
    let numbers: Vec<domain::finance::TestNumberOut> = app.send(DevelopmentNumbers {}).await.unwrap();
    assert!(numbers.iter().any(|n| n.customer_id == "110100019766" && n.rc == "00"));

    // A moderator may activate products but not move money.
    let pw = create_staff(&app, &admin, "Mira", "mira.f@operator.test", "moderator").await;
    let moderator = signed_in_staff(&app, "mira.f@operator.test", &pw).await;
    let adjust = DepositAdjust {
        user_id,
        environment: "production".into(),
        amount: "5".into(),
        reference: "X".into(),
        note: String::new(),
    };
    let err = send_with(&moderator, &app.base, adjust).await.unwrap_err();
    assert_eq!(err, AppError::Problem(Problem::Forbidden));
    let audit = send_with(&admin, &app.base, AuditLog { list: search("deposit.adjusted") }).await.unwrap();
    assert_eq!(audit.total, 1, "the repeated reference did not write twice");
}

#[tokio::test]
async fn partners_register_addresses_and_staff_approve_them() {
    use domain::finance::IpEntryOut;
    let app = TestApp::spawn().await;
    app.signed_in_partner().await;
    // Not before the account is active.
    let err = app.send(IpAdd { environment: "development".into(), ip: "203.0.113.7".into() }).await;
    assert_eq!(err.unwrap_err(), AppError::Problem(Problem::ProfileLocked));
    app.submit_complete_profile().await;
    let (admin, _) = app.approve_submitted().await;

    let partner = &app;
    let add = |env: &'static str, ip: &'static str| async move {
        partner.send(IpAdd { environment: env.to_string(), ip: ip.to_string() }).await
    };
    let bad = add("development", "203.0.113.256").await.unwrap_err();
    assert_eq!(bad, AppError::Invalid(vec![FieldError::new("ip", Problem::IpInvalid)]));
    let v6 = add("production", "2001:DB8::0:1").await.unwrap();
    assert_eq!((v6.ip.as_str(), v6.status.code()), ("2001:db8::1", "pending"));
    assert_eq!(
        add("production", "2001:db8::1").await.unwrap_err(),
        AppError::Invalid(vec![FieldError::new("ip", Problem::IpTaken)])
    );
    assert!(add("development", "2001:db8::1").await.is_ok(), "the same address in the other environment");
    for i in 1..=9 {
        let ip: &'static str = Box::leak(format!("198.51.100.{i}").into_boxed_str());
        add("development", ip).await.unwrap();
    }
    assert_eq!(
        add("development", "198.51.100.10").await.unwrap_err(),
        AppError::Invalid(vec![FieldError::new("ip", Problem::IpLimit)])
    );
    let overview = app.send(IpList { list: search("") }).await.unwrap();
    let page = overview.ips;
    assert_eq!((page.total, page.items.len(), page.pages()), (11, 10, 2));
    assert_eq!(overview.development_url, "http://127.0.0.1:4432");
    let found = app.send(IpList { list: search("100.7") }).await.unwrap().ips;
    assert_eq!(found.items.iter().map(|e| e.ip.as_str()).collect::<Vec<_>>(), vec!["198.51.100.7"]);

    // Staff decide; a rejection needs a reason; another partner cannot delete.
    let waiting: Vec<IpEntryOut> = send_with(&admin, &app.base, IpQueue {}).await.unwrap();
    assert_eq!(waiting.len(), 11);
    let reject = |reason: &str| IpDecide { id: v6.id, approve: false, reason: reason.into() };
    let err = send_with(&admin, &app.base, reject("")).await;
    assert_eq!(err.unwrap_err(), AppError::Invalid(vec![FieldError::new("reason", Problem::Required)]));
    send_with(&admin, &app.base, reject("Bukan IP server")).await.unwrap();
    let page = app.send(IpList { list: search("2001") }).await.unwrap().ips;
    let rejected = page.items.iter().find(|e| e.environment == domain::Env::Production).unwrap();
    assert_eq!((rejected.status.code(), rejected.reason.as_deref()), ("rejected", Some("Bukan IP server")));
    let stranger = new_client(&app.base);
    app.signed_in_partner_on(&stranger).await;
    let err = send_with(&stranger, &app.base, IpRemove { id: v6.id }).await.unwrap_err();
    assert_eq!(err, AppError::Problem(Problem::NotFound));
    let theirs = send_with(&stranger, &app.base, IpList { list: search("") }).await.unwrap().ips;
    assert_eq!(theirs.total, 0, "each partner sees only their own addresses");
    app.send(IpRemove { id: v6.id }).await.unwrap();
    let err = send_with(&app.client, &app.base, IpQueue {}).await.unwrap_err();
    assert_eq!(err, AppError::Problem(Problem::NotLoggedIn));
}

#[tokio::test]
async fn staff_edit_the_catalog_and_the_gateway_uses_it_at_once() {
    use domain::finance::ProductOut;
    let app = TestApp::spawn().await;
    let (admin, ..) = app.operator().await;
    let list: Vec<ProductOut> = send_with(&admin, &app.base, CatalogList {}).await.unwrap();
    let pdam = list.iter().find(|p| p.code == "400461").unwrap();
    assert_eq!((pdam.admin_fee, pdam.status.code()), (2_500, "aktif"));
    let update = |admin_fee: i64, status: &'static str| {
        let (admin, base) = (admin.clone(), app.base.clone());
        let input = ProductIn {
            name: "PDAM Tirtawening Kota Bandung".into(),
            price: 0,
            admin_fee,
            partner_fee: 500,
            buy_price: 0,
            status: status.into(),
            ..ProductIn::default()
        };
        async move { send_with(&admin, &base, CatalogUpdate { code: "400461".into(), input }).await }
    };
    let err = update(-1, "aktif").await.unwrap_err();
    assert_eq!(err, AppError::Invalid(vec![FieldError::new("admin_fee", Problem::AmountInvalid)]));
    assert_eq!(
        update(3000, "rusak").await.unwrap_err(),
        AppError::Invalid(vec![FieldError::new("status", Problem::Required)])
    );
    let saved = update(3000, "maintenance").await.unwrap();
    assert_eq!((saved.admin_fee, saved.partner_fee, saved.status.code()), (3_000, 500, "maintenance"));
    // In effect at once: a maintenance product answers rc 38 at the gateway.
    let m = backend::gateway::Merchant {
        user_id: uuid::Uuid::now_v7(),
        merchant_id: "DJI000000".into(),
        env: backend::gateway::Env::Development,
    };
    let body = serde_json::json!({"productID": "400461", "customerID": "1234500", "referenceID": "c1"});
    let answer = backend::gateway::services::inquiry(&app.state, &m, &body).await.unwrap();
    assert_eq!((answer["rc"].as_str(), answer["description"].as_str()), (Some("38"), Some("Link ke biller terputus")));
    let audit = send_with(&admin, &app.base, AuditLog { list: search("product.updated") }).await.unwrap();
    assert_eq!(audit.total, 1);
    assert!(audit.items[0].before.as_deref().unwrap_or_default().contains("2500"));
    // Partners cannot see or change it.
    let err = app.send(CatalogList {}).await.unwrap_err();
    assert_eq!(err, AppError::Problem(Problem::NotLoggedIn));
}

#[tokio::test]
async fn a_moderator_turns_on_the_second_factor_and_then_needs_a_code() {
    let app = TestApp::spawn().await;
    let (admin, ..) = app.operator().await;
    let password = create_staff(&app, &admin, "Mira Moderator", "mira@operator.test", "moderator").await;
    let mira = signed_in_staff(&app, "mira@operator.test", &password).await;
    let err = send_with(&mira, &app.base, TotpConfirm { code: "123456".into() }).await.unwrap_err();
    assert_eq!(err, AppError::Problem(Problem::NotFound), "nothing begun");
    let setup: domain::staff::TotpSetup = send_with(&mira, &app.base, TotpBegin {}).await.unwrap();
    assert!(setup.qr_svg.starts_with("<svg") || setup.qr_svg.contains("<svg"));
    let now = u64::try_from(chrono::Utc::now().timestamp()).unwrap();
    let wrong = totp_code(&setup.secret, now - 3_600);
    let err = send_with(&mira, &app.base, TotpConfirm { code: wrong.to_string() }).await.unwrap_err();
    assert_eq!(err, AppError::Invalid(vec![FieldError::new("code", Problem::WrongCode)]));
    let me: Option<StaffOut> = send_with(&mira, &app.base, CurrentStaff {}).await.unwrap();
    assert!(!me.unwrap().totp_enabled, "not on before a good code");
    let _: () =
        send_with(&mira, &app.base, TotpConfirm { code: totp_code(&setup.secret, now).to_string() }).await.unwrap();
    let me: Option<StaffOut> = send_with(&mira, &app.base, CurrentStaff {}).await.unwrap();
    assert!(me.unwrap().totp_enabled);
    let again = send_with(&mira, &app.base, TotpBegin {}).await.unwrap_err();
    assert_eq!(again, AppError::Problem(Problem::SecondFactorOn));
    // From now on her sign-in needs a code (the next time step: each is good once).
    let c = new_client(&app.base);
    let step: LoginStep =
        send_with(&c, &app.base, StaffLogin { email: "mira@operator.test".into(), password: password.to_string() })
            .await
            .unwrap();
    assert_eq!(step, LoginStep::Code);
    let _: () = send_with(&c, &app.base, StaffVerifyCode { code: totp_code(&setup.secret, now + 30).to_string() })
        .await
        .unwrap();
    let me: Option<StaffOut> = send_with(&c, &app.base, CurrentStaff {}).await.unwrap();
    assert_eq!(me.unwrap().email, "mira@operator.test");
    // Partners have no such page.
    app.signed_in_partner().await;
    let err = app.send(TotpBegin {}).await.unwrap_err();
    assert_eq!(err, AppError::Problem(Problem::NotLoggedIn));
}

#[tokio::test]
async fn a_second_factor_secret_never_crosses_into_another_accounts_sign_in() {
    let app = TestApp::spawn().await;
    let (admin, admin_email, admin_password, admin_secret) = app.operator().await;
    let password = create_staff(&app, &admin, "Mira Moderator", "mira@operator.test", "moderator").await;
    // Mira knows the admin's password and starts her own enrolment: the
    // secret she holds is in her browser's session.
    let mira = signed_in_staff(&app, "mira@operator.test", &password).await;
    let mine: domain::staff::TotpSetup = send_with(&mira, &app.base, TotpBegin {}).await.unwrap();
    let step: LoginStep = send_with(
        &mira,
        &app.base,
        StaffLogin { email: admin_email.to_string(), password: admin_password.to_string() },
    )
    .await
    .unwrap();
    assert_eq!(step, LoginStep::Code);
    let now = u64::try_from(chrono::Utc::now().timestamp()).unwrap();
    for at in [now, now + 30] {
        let err = send_with(&mira, &app.base, StaffVerifyCode { code: totp_code(&mine.secret, at).to_string() })
            .await
            .unwrap_err();
        assert_eq!(err, AppError::Invalid(vec![FieldError::new("code", Problem::WrongCode)]));
    }
    let who: Option<StaffOut> = send_with(&mira, &app.base, CurrentStaff {}).await.unwrap();
    assert_eq!(who, None, "not signed in as the admin");
    // The admin's own authenticator still works: the stored secret is untouched.
    let c = new_client(&app.base);
    staff_sign_in(&c, &app.base, &admin_email, &admin_password, Some(&admin_secret)).await;
    let who: Option<StaffOut> = send_with(&c, &app.base, CurrentStaff {}).await.unwrap();
    assert_eq!(who.unwrap().email, admin_email);
}

#[tokio::test]
async fn deactivation_and_a_second_factor_reset_sign_the_staff_member_out_everywhere() {
    let app = TestApp::spawn().await;
    let (admin, ..) = app.operator().await;
    let password = create_staff(&app, &admin, "Mira Moderator", "mira@operator.test", "moderator").await;
    let mira = signed_in_staff(&app, "mira@operator.test", &password).await;
    let rows: Vec<StaffRowOut> = send_with(&admin, &app.base, StaffList {}).await.unwrap();
    let id = rows.iter().find(|r| r.email == "mira@operator.test").unwrap().id;
    let change = |what: &'static str| {
        let (admin, base) = (admin.clone(), app.base.clone());
        async move { send_with(&admin, &base, StaffChange { id, what: what.into(), role: String::new() }).await }
    };
    change("reset_totp").await.unwrap();
    let who: Option<StaffOut> = send_with(&mira, &app.base, CurrentStaff {}).await.unwrap();
    assert_eq!(who, None, "signed out by the reset");
    let mira = signed_in_staff(&app, "mira@operator.test", &password).await;
    change("deactivate").await.unwrap();
    let sessions = backend::entity::session::Entity::find().all(&app.state.db).await.unwrap();
    assert!(sessions.iter().all(|s| !s.data.contains(&id.to_string())), "no session of hers is left");
    let who: Option<StaffOut> = send_with(&mira, &app.base, CurrentStaff {}).await.unwrap();
    assert_eq!(who, None);
}

#[tokio::test]
async fn fifty_parallel_wrong_codes_check_at_most_the_limit() {
    let app = TestApp::spawn().await;
    let (_, email, password, secret) = app.operator().await;
    let c = new_client(&app.base);
    let step: LoginStep =
        send_with(&c, &app.base, StaffLogin { email: email.to_string(), password: password.to_string() })
            .await
            .unwrap();
    assert_eq!(step, LoginStep::Code);
    let now = u64::try_from(chrono::Utc::now().timestamp()).unwrap();
    let wrong = totp_code(&secret, now - 3_600);
    let tries = (0..50).map(|_| {
        let (c, base, code) = (c.clone(), app.base.clone(), wrong.clone());
        tokio::spawn(async move { send_with(&c, &base, StaffVerifyCode { code: code.to_string() }).await })
    });
    let mut checked = 0;
    for t in tries {
        match t.await.unwrap().unwrap_err() {
            AppError::Invalid(_) => checked += 1,
            AppError::TooSoon { problem: Problem::TooManyAttempts, .. } => {}
            e => panic!("{e:?}"),
        }
    }
    assert!((1..=5).contains(&checked), "{checked} codes were checked");
}
