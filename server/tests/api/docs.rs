//! The documentation cannot drift (issue 16): every example the
//! Dokumentasi pages show is sent, exactly as shown, to a real development
//! gateway by a new partner, and its answer must be the one stored beside
//! it. `DOC_EXAMPLES=write` stores what the gateway answers now instead —
//! then review the diff as a change of the API.

use crate::common::TestApp;
use crate::gateway::{approved, gateway, Client, Style};
use app::docs::{filled, EXAMPLES, MERCHANT_ID, SESSION_ID};

fn stored_at(name: &str) -> std::path::PathBuf {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../app/docs/examples");
    std::path::Path::new(dir).join(format!("{name}.response.json"))
}

#[tokio::test]
async fn every_documented_example_is_what_the_development_gateway_answers() {
    let app = TestApp::spawn().await;
    let a = approved(&app).await;
    let dev = gateway(&app.state, backend::gateway::Env::Development).await;
    let client = Client::new(&dev, &a.development, Style::Go);
    let write = std::env::var("DOC_EXAMPLES").is_ok_and(|v| v == "write");
    let mut session = String::new();
    let mut drifted = Vec::new();
    for e in EXAMPLES {
        let (status, answer) = client.call_text(e.path, &filled(e.request, &a.merchant_id, &session)).await;
        assert_eq!(status, 200, "{}: {answer}", e.name);
        if e.path == "/auth/Sign-On" {
            let v: serde_json::Value = serde_json::from_str(&answer).unwrap();
            session = v["SessionID"].as_str().unwrap_or_else(|| panic!("no session: {answer}")).to_owned();
        }
        // The partner's own values go back to their stand-ins.
        let answer = answer.replace(&session, SESSION_ID).replace(&a.merchant_id, MERCHANT_ID);
        if write {
            std::fs::write(stored_at(e.name), format!("{answer}\n")).unwrap();
        } else if answer != e.response.trim_end() {
            drifted.push(format!("{} ({})\n  stored:  {}\n  answers: {answer}", e.name, e.path, e.response.trim_end()));
        }
    }
    assert!(
        drifted.is_empty(),
        "the gateway no longer answers as documented (DOC_EXAMPLES=write stores the new answers):\n{}",
        drifted.join("\n")
    );
}

/// The code samples of the Sign On and Payment pages, as shown (with the
/// partner's values put in), run by their own interpreters against a
/// development gateway: each signs on, asks a bill and pays it.
#[tokio::test]
async fn every_code_sample_signs_on_and_pays_as_shown() {
    let app = TestApp::spawn().await;
    let a = approved(&app).await;
    let dev = gateway(&app.state, backend::gateway::Env::Development).await;
    let dir = std::env::temp_dir().join(format!("samples-{}", uuid::Uuid::now_v7().simple()));
    std::fs::create_dir_all(&dir).unwrap();
    for s in app::docs::SAMPLES {
        let (user, password) = (&a.development.user, &a.development.password);
        let path = dir.join(s.file);
        std::fs::write(&path, app::docs::sample_filled(s.code, &dev, user, password, &a.merchant_id)).unwrap();
        let mut cmd = std::process::Command::new(s.runner);
        cmd.arg(&path);
        let run = tokio::task::spawn_blocking(move || cmd.output()).await.unwrap();
        let out = run.unwrap_or_else(|e| panic!("{} cannot run ({e}): scripts/services.sh installs it", s.runner));
        let (stdout, stderr) = (String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
        assert!(out.status.success(), "{} failed:\n{stdout}\n{stderr}", s.language);
        let paid = stdout.lines().find(|l| l.starts_with("Payment:")).unwrap_or_default();
        assert!(paid.contains("SUKSES") && paid.contains("Transaksi berhasil"), "{}:\n{stdout}\n{stderr}", s.language);
        assert!(!stdout.contains("{merchantID}"), "{}", s.language);
    }
    let _ = std::fs::remove_dir_all(&dir);
}

/// The OpenAPI document the portal serves (to anyone: the protocol is no
/// secret) is valid OpenAPI 3.1 by `openapi-spec-validator` (PyPI) and
/// carries every documented example.
#[tokio::test]
async fn the_openapi_document_is_valid_and_carries_every_example() {
    let app = TestApp::spawn().await;
    let res = crate::common::new_client(&app.base).get(app.url("/dokumentasi/openapi.json")).send().await.unwrap();
    assert_eq!(res.status(), 200);
    let text = res.text().await.unwrap();
    let doc: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(doc["openapi"], "3.1.0");
    assert_eq!(doc["paths"].as_object().map(|p| p.len()), Some(9));
    for e in EXAMPLES {
        assert!(text.contains(&format!("\"{}\":{{\"value\"", e.name)), "{} is not in the document", e.name);
    }
    let path = std::env::temp_dir().join(format!("openapi-{}.json", uuid::Uuid::now_v7().simple()));
    std::fs::write(&path, &text).unwrap();
    let mut cmd = std::process::Command::new("python3");
    cmd.args(["-m", "openapi_spec_validator"]).arg(&path);
    let out = tokio::task::spawn_blocking(move || cmd.output()).await.unwrap().expect("python3 runs");
    let said = format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    assert!(out.status.success(), "openapi-spec-validator (scripts/services.sh installs it):\n{said}");
    let _ = std::fs::remove_file(&path);
}
