//! KYB profile and documents over real HTTP: uploads checked by content,
//! files served only to their owner and staff, submission rules.

use crate::common::{call_with, new_client, send_with, TestApp, PDF, PNG};
use app::error::AppError;
use app::server_fns::profile::GetProfile;
use domain::profile::{ProfileOut, ProfileStatus};
use domain::{FieldError, Problem};
use sea_orm::{EntityTrait, PaginatorTrait};

const EIGHT: [&str; 8] =
    ["akte_pendirian", "akte_perubahan", "ektp", "izin_lokasi", "izin_usaha", "nib", "npwp", "surat_kuasa"];

async fn doc_rows(app: &TestApp) -> u64 {
    backend::entity::profile_document::Entity::find().count(&app.state.db).await.unwrap()
}

fn stored_files(app: &TestApp) -> usize {
    std::fs::read_dir(app.data_dir.join("files/documents")).map(|d| d.count()).unwrap_or(0)
}

async fn save(app: &TestApp, form: &[(String, String)], submit: bool) -> Result<ProfileStatus, AppError> {
    let mut body: Vec<(&str, &str)> = form.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    body.push(("submit", if submit { "true" } else { "false" }));
    app.call("save_profile", &body).await
}

#[tokio::test]
async fn the_form_starts_from_the_registration() {
    let app = TestApp::spawn().await;
    let p = app.signed_in_partner().await;
    let profile: ProfileOut = app.send(GetProfile {}).await.unwrap();
    assert_eq!(profile.status, ProfileStatus::Draft);
    assert_eq!(profile.fields.personal_name, p.name);
    assert_eq!(profile.fields.personal_email, p.email);
    assert_eq!(profile.fields.personal_phone, p.phone);
    assert_eq!(profile.fields.business_name, "PT. SAMPURNA JAYA");
    assert_eq!(profile.required_for("perusahaan").len(), 8);
    assert_eq!(profile.required_for("pribadi"), vec!["ektp".to_string(), "npwp".to_string()]);
}

#[tokio::test]
async fn bad_uploads_are_refused_with_a_reason_and_store_nothing() {
    let app = TestApp::spawn_with(|f| f.merge(figment::providers::Serialized::default("max_upload_bytes", 4096))).await;
    app.signed_in_partner().await;
    let c = &app.client;
    let cases: [(&str, &str, Vec<u8>, u16, Problem); 4] = [
        ("npwp", "foto.jpg", b"just some text, renamed to .jpg".to_vec(), 400, Problem::FileTypeNotAllowed),
        ("npwp", "kosong.pdf", Vec::new(), 400, Problem::FileEmpty),
        ("npwp", "besar.pdf", [PDF, &vec![b' '; 5000]].concat(), 413, Problem::FileTooLarge),
        ("ijazah", "x.pdf", PDF.to_vec(), 400, Problem::UnknownDocument),
    ];
    for (doc, name, bytes, status, problem) in cases {
        let (got, body) = app.upload(c, doc, name, &bytes).await;
        assert_eq!(got, status, "{name}: {body}");
        if got != 413 || body != serde_json::Value::Null {
            let err: AppError = serde_json::from_value(body).unwrap();
            assert_eq!(err, AppError::Problem(problem), "{name}");
        }
    }
    assert_eq!(doc_rows(&app).await, 0);
    assert_eq!(stored_files(&app), 0);

    // A hostile name is kept only as a harmless display name.
    let (got, body) = app.upload(c, "npwp", "../../etc/passwd.pdf", PDF).await;
    assert_eq!(got, 200, "{body}");
    assert_eq!(body["original_name"], "passwd.pdf");
    assert_eq!(stored_files(&app), 1);
    // Replacing a document keeps one file.
    let (got, _) = app.upload(c, "npwp", "npwp-baru.png", PNG).await;
    assert_eq!(got, 200);
    assert_eq!((doc_rows(&app).await, stored_files(&app)), (1, 1));
}

#[tokio::test]
async fn documents_are_served_to_their_owner_and_staff_only() {
    let app = TestApp::spawn().await;
    app.signed_in_partner().await;
    let (_, body) = app.upload(&app.client, "ektp", "ktp.png", PNG).await;
    let url = app.url(&format!("/dokumen/{}", body["id"].as_str().unwrap()));

    let res = app.client.get(&url).send().await.unwrap();
    assert_eq!(res.status(), 200);
    assert_eq!(res.headers()["x-content-type-options"], "nosniff");
    assert_eq!(res.headers()["content-type"], "image/png");
    assert!(res.headers()["content-disposition"].to_str().unwrap().contains("ktp.png"));
    assert_eq!(res.bytes().await.unwrap().as_ref(), PNG);

    // Another partner and an anonymous client: 404, as if it did not exist.
    let other = new_client(&app.base);
    app.signed_in_partner_on(&other).await;
    assert_eq!(other.get(&url).send().await.unwrap().status(), 404);
    assert_eq!(new_client(&app.base).get(&url).send().await.unwrap().status(), 404);
    let err = send_with(&new_client(&app.base), &app.base, GetProfile {}).await.unwrap_err();
    assert_eq!(err, AppError::Problem(Problem::NotLoggedIn));
    let err = call_with::<ProfileStatus>(&new_client(&app.base), &app.base, "save_profile", &[("submit", "false")])
        .await
        .unwrap_err();
    // Without its form the request cannot even be read: refused as such (a 4xx).
    assert!(matches!(err, AppError::Problem(Problem::NotLoggedIn | Problem::NotFound)), "{err:?}");
    let anon_upload = app.upload(&new_client(&app.base), "ektp", "x.png", PNG).await;
    assert_eq!(anon_upload.0, 401);

    // Staff see every partner's documents.
    let (staff, ..) = app.operator().await;
    assert_eq!(staff.get(&url).send().await.unwrap().status(), 200);
    assert_eq!(staff.get(app.url("/dokumen/not-a-uuid")).send().await.unwrap().status(), 404);
}

#[tokio::test]
async fn a_draft_saves_partially_and_a_submission_needs_everything() {
    let app = TestApp::spawn().await;
    app.signed_in_partner().await;
    let draft = vec![("input[business_name]".to_string(), "PT. SAMPURNA JAYA".to_string())];
    assert_eq!(save(&app, &draft, false).await.unwrap(), ProfileStatus::Draft);

    let form = app.complete_profile_form().await;
    let err = save(&app, &form, true).await.unwrap_err();
    let missing: Vec<String> = err.field_errors().iter().map(|e| e.field.clone()).collect();
    assert_eq!(missing, EIGHT.iter().map(|d| format!("doc_{d}")).collect::<Vec<_>>());

    let mut bad_region = form.clone();
    bad_region.iter_mut().find(|(k, _)| k == "input[village]").unwrap().1 = "11.01.01.2001".into();
    let err = save(&app, &bad_region, true).await.unwrap_err();
    assert!(err.field_errors().contains(&FieldError::new("village", Problem::RegionInvalid)));

    for doc in EIGHT {
        let (status, _) = app.upload(&app.client, doc, &format!("{doc}.pdf"), PDF).await;
        assert_eq!(status, 200);
    }
    assert_eq!(save(&app, &form, true).await.unwrap(), ProfileStatus::Submitted);
    let profile: ProfileOut = app.send(GetProfile {}).await.unwrap();
    assert_eq!(profile.status, ProfileStatus::Submitted);
    assert!(profile.submitted_at.is_some());

    // Waiting for moderation: nothing can change.
    assert_eq!(save(&app, &form, false).await.unwrap_err(), AppError::Problem(Problem::ProfileLocked));
    let (status, body) = app.upload(&app.client, "npwp", "lagi.pdf", PDF).await;
    assert_eq!((status, body["Problem"].as_str()), (409, Some("ProfileLocked")));
}
