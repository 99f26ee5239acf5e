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
