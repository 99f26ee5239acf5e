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
    // As the page shows them to this partner (made on the server), with
    // the user and password of their credentials e-mail typed in.
    let shown = app.send(app::server_fns::docs::DocSamples {}).await.unwrap();
    assert_eq!(shown.len(), app::docs::SAMPLES.len());
    for (s, runs) in shown.iter().zip(app::docs::SAMPLES) {
        let (user, password) = (&a.development.user, &a.development.password);
        let configured = &app.state.config.gateway_dev_url;
        assert!(s.code.contains(configured.as_str()) && s.code.contains(&a.merchant_id), "{}", s.code);
        // This test's gateway listens elsewhere than the configured one.
        let code = s.code.replace(configured.as_str(), &dev);
        let code = code.replace(app::docs::SHOWN_USER, user).replace(app::docs::SHOWN_PASSWORD, password);
        let path = dir.join(&s.file);
        std::fs::write(&path, code).unwrap();
        let mut cmd = std::process::Command::new(&s.runner);
        cmd.args(&runs.runner[1..]).arg(&path);
        let (ok, said) = run_tool(cmd).await;
        assert!(ok, "{} failed:\n{said}", s.language);
        let paid = said.lines().find(|l| l.starts_with("Payment:")).unwrap_or_default();
        assert!(paid.contains("SUKSES") && paid.contains("Transaksi berhasil"), "{}:\n{said}", s.language);
        assert!(!said.contains("{merchantID}"), "{}", s.language);
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
    let (ok, said) = run_tool(cmd).await;
    assert!(ok, "openapi-spec-validator (scripts/services.sh installs it):\n{said}");
    let _ = std::fs::remove_file(&path);
}

/// schemathesis (PyPI) generates requests from the served OpenAPI document
/// — valid ones from its schemas and examples, and broken ones — and sends
/// them with digest auth to a development gateway: no answer may be a 5xx,
/// anything but JSON, a status the document does not list, or a body its
/// schema does not describe.
#[tokio::test]
async fn schemathesis_finds_no_answer_the_openapi_document_does_not_describe() {
    // A thousand requests in seconds: above the default rate, whose 429 would
    // hide every other answer.
    let app = TestApp::spawn_set("gateway_rate_per_minute", 100_000).await;
    let a = approved(&app).await;
    let dev = gateway(&app.state, backend::gateway::Env::Development).await;
    let hooks = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/api/tools/schemathesis_digest.py");
    let mut cmd = std::process::Command::new("schemathesis");
    // Its cache (failures to replay) goes to a temporary folder, not the tree.
    let scratch = std::env::temp_dir().join(format!("schemathesis-{}", uuid::Uuid::now_v7().simple()));
    std::fs::create_dir_all(&scratch).unwrap();
    cmd.current_dir(&scratch)
        .env("SCHEMATHESIS_HOOKS", hooks)
        .env("GATEWAY_USER", &a.development.user)
        .env("GATEWAY_PASSWORD", &a.development.password)
        .env("MERCHANT_ID", &a.merchant_id)
        .env("EXAMPLE_MERCHANT_ID", app::docs::EXAMPLE_MERCHANT_ID)
        .env("EXAMPLE_SESSION_ID", app::docs::EXAMPLE_SESSION_ID)
        .env("NO_COLOR", "1")
        .arg("run")
        .arg(app.url("/dokumentasi/openapi.json"))
        .args(["--url", &dev, "--phases", "examples,coverage,fuzzing", "--max-examples", "25", "--seed", "16"])
        .args([
            "--checks",
            "not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance",
        ]);
    let (ok, said) = run_tool(cmd).await;
    let _ = std::fs::remove_dir_all(&scratch);
    assert!(ok, "schemathesis (scripts/services.sh installs it):\n{said}");
    // The examples, with the partner's own merchant and session put in by
    // the hook, went past authentication to the billers and paid.
    use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};
    let paid = backend::entity::transaction::Entity::find()
        .filter(backend::entity::transaction::Column::UserId.eq(a.user_id))
        .filter(backend::entity::transaction::Column::Rc.eq("00"))
        .count(&app.state.db)
        .await
        .unwrap();
    assert!(paid > 0, "no request reached a biller:\n{said}");
}

/// The Postman collection the portal serves, run by newman (npm) against a
/// development gateway with a partner's credentials put in as variables:
/// every request answers as its documented example does.
#[tokio::test]
async fn the_postman_collection_runs_in_newman() {
    let app = TestApp::spawn().await;
    let a = approved(&app).await;
    let dev = gateway(&app.state, backend::gateway::Env::Development).await;
    let res = crate::common::new_client(&app.base).get(app.url("/dokumentasi/postman.json")).send().await.unwrap();
    assert_eq!(res.status(), 200);
    let path = std::env::temp_dir().join(format!("postman-{}.json", uuid::Uuid::now_v7().simple()));
    std::fs::write(&path, res.text().await.unwrap()).unwrap();
    let newman = concat!(env!("CARGO_MANIFEST_DIR"), "/../end2end/node_modules/.bin/newman");
    let mut cmd = std::process::Command::new(newman);
    cmd.arg("run").arg(&path).args(["--color", "off", "--bail"]);
    for (key, value) in [
        ("baseUrl", dev.as_str()),
        ("username", &a.development.user),
        ("password", &a.development.password),
        ("merchantID", &a.merchant_id),
    ] {
        cmd.arg("--env-var").arg(format!("{key}={value}"));
    }
    let (ok, said) = run_tool(cmd).await;
    let _ = std::fs::remove_file(&path);
    assert!(ok, "newman:\n{said}");
    let ran = said.lines().filter(|l| l.starts_with("→ ")).count();
    assert_eq!(ran, EXAMPLES.len(), "every example ran:\n{said}");
}

/// "Coba API": the portal signs on and asks a bill as the signed-in
/// partner, through the development gateway's own path, and shows the
/// challenge round trip with the digest response and the session masked.
#[tokio::test]
async fn the_console_calls_the_development_gateway_as_the_partner() {
    use app::server_fns::docs::TryApi;
    use domain::docs::TryIn;
    let app = TestApp::spawn().await;
    let refused = app.send(TryApi { input: TryIn { path: "/auth/Sign-On".into(), body: "{}".into() } }).await;
    assert_eq!(refused, Err(app::error::AppError::Problem(domain::Problem::NotLoggedIn)));
    let a = approved(&app).await;
    let body = |name: &str| filled(app::docs::example(name).unwrap().request, &a.merchant_id, SESSION_ID);
    let call = |path: &str, body: String| app.send(TryApi { input: TryIn { path: path.into(), body } });

    let signed_on = call("/auth/Sign-On", body("sign-on")).await.unwrap();
    assert_eq!(signed_on.messages.len(), 4, "{signed_on:?}");
    let [ask, challenge, signed, answer] = &signed_on.messages[..] else { unreachable!() };
    assert!(ask.outgoing && !ask.text.contains("Authorization"), "{}", ask.text);
    assert!(challenge.text.starts_with("HTTP/1.1 401") && challenge.text.contains("www-authenticate: Digest realm="));
    assert!(signed.text.contains(&format!("username=\"{}\"", a.development.user)), "{}", signed.text);
    assert!(signed.text.contains("response=\"••••••••"), "the digest response is masked: {}", signed.text);
    assert!(
        answer.text.starts_with("HTTP/1.1 200") && answer.text.contains("\"SessionID\":\"••••••••"),
        "{}",
        answer.text
    );
    assert_eq!(signed_on.rc, None, "a Sign-On answers a SessionID, no rc");

    // The session just opened fills in "{sessionID}"; the billers answer.
    let asked = call("/Services/Inquiry", body("inquiry-pln")).await.unwrap();
    assert_eq!(asked.rc.as_deref(), Some("00"), "{asked:?}");
    let sent: serde_json::Value = serde_json::from_str(asked.messages[2].text.split_once("\n\n").unwrap().1).unwrap();
    assert!(sent["sessionID"].as_str().unwrap().starts_with("••••••••"), "the session is masked: {sent}");
    assert!(!asked.messages.iter().any(|m| m.text.contains(SESSION_ID)));
    // The link leads to the partner's own API log entry of that call.
    let entry = app.send(app::server_fns::integration::ApiLogEntry { id: asked.log.expect("logged") }).await.unwrap();
    assert_eq!(entry.row.path, "/Services/Inquiry");
    assert_eq!(entry.row.rc.as_deref(), Some("00"));
    assert_eq!(entry.row.client_ip, backend::console::CONSOLE_ADDRESS);

    // Only the documented services.
    let other = call("/admin", "{}".into()).await;
    assert_eq!(other, Err(app::error::AppError::Problem(domain::Problem::NotFound)));
}

/// The digest debugger: a pasted header is checked part by part as the
/// gateway would, for the partner's own usernames only, recording nothing.
#[tokio::test]
async fn the_debugger_tells_why_a_header_is_refused() {
    use app::server_fns::integration::DigestCheck;
    use backend::gateway::digest;
    use domain::apilog::{AuthOutcome, DigestCheckIn, DigestNote};
    let app = TestApp::spawn().await;
    let a = approved(&app).await;
    let dev = gateway(&app.state, backend::gateway::Env::Development).await;
    let realm = app.state.config.digest_realm.clone();
    let challenge = reqwest::Client::new().post(format!("{dev}/auth/Sign-On")).send().await.unwrap();
    let nonce = digest::parse_challenge(challenge.headers()["www-authenticate"].to_str().unwrap()).unwrap().nonce;
    let header = |user: &str, password: &str, method: &str, uri: &str, nc: &str| {
        let c = digest::Credentials {
            username: user.into(),
            realm: realm.clone(),
            nonce: nonce.clone(),
            uri: uri.into(),
            qop: Some("auth".into()),
            nc: Some(nc.into()),
            cnonce: Some("0a4f113b".into()),
            ..Default::default()
        };
        let response = digest::expected_response(&digest::ha1(user, &realm, password), method, &c);
        format!(
            r#"Digest username="{user}", realm="{realm}", nonce="{nonce}", uri="{uri}", qop=auth, nc={nc}, cnonce="0a4f113b", response="{response}""#
        )
    };
    let check =
        |header: String| app.send(DigestCheck { input: DigestCheckIn { header, path: "/auth/Sign-On".into() } });
    let note_of = |out: &domain::apilog::DigestCheckOut, field: &str| {
        out.fields.iter().find(|f| f.field == field).map(|f| f.note).unwrap_or_else(|| panic!("{field}: {out:?}"))
    };
    let user = a.development.user.clone();

    let wrong = check(header(&user, "salah", "POST", "/auth/Sign-On", "00000001")).await.unwrap();
    assert_eq!(wrong.verdict, AuthOutcome::WrongPassword, "{wrong:?}");
    assert_eq!(note_of(&wrong, "response"), DigestNote::ResponseWrong);
    assert_eq!(note_of(&wrong, "nonce"), DigestNote::NonceFresh);
    assert_eq!(note_of(&wrong, "username"), DigestNote::YourUser);

    let get = check(header(&user, &a.development.password, "GET", "/auth/Sign-On", "00000001")).await.unwrap();
    assert_eq!(note_of(&get, "response"), DigestNote::ResponseOtherMethod);
    let elsewhere =
        check(header(&user, &a.development.password, "POST", "/Services/Inquiry", "00000001")).await.unwrap();
    assert_eq!(elsewhere.verdict, AuthOutcome::WrongUri, "{elsewhere:?}");

    let right = header(&user, &a.development.password, "POST", "/auth/Sign-On", "00000001");
    let fine = check(right.clone()).await.unwrap();
    assert_eq!(fine.verdict, AuthOutcome::Ok, "{fine:?}");
    assert!(fine.fields.iter().all(|f| f.ok), "{fine:?}");
    // Checking recorded nothing: the header still serves once, then is a replay.
    let body = filled(app::docs::example("sign-on").unwrap().request, &a.merchant_id, SESSION_ID);
    let sent =
        reqwest::Client::new().post(format!("{dev}/auth/Sign-On")).header("Authorization", &right).body(body).send();
    assert_eq!(sent.await.unwrap().status(), 200);
    let again = check(right).await.unwrap();
    assert_eq!(again.verdict, AuthOutcome::Replayed, "{again:?}");
    assert_eq!(note_of(&again, "nonce + nc"), DigestNote::NonceUsed);

    // Another partner's (or nobody's) username: no password oracle.
    let foreign = check(header("someone-else", "x", "POST", "/auth/Sign-On", "00000001")).await.unwrap();
    assert_eq!(foreign.verdict, AuthOutcome::UnknownUser);
    assert_eq!(note_of(&foreign, "response"), DigestNote::NotChecked);
    let basic = check("Basic dXNlcjpwYXNz".into()).await.unwrap();
    assert_eq!((basic.verdict, basic.fields[0].note), (AuthOutcome::Malformed, DigestNote::NotDigest));
    let forged = check(forged_nonce(&header(&user, "x", "POST", "/auth/Sign-On", "00000002"), &nonce)).await.unwrap();
    assert_eq!(note_of(&forged, "nonce"), DigestNote::NonceForeign);
}

/// The header with its nonce swapped for one the gateway never issued.
fn forged_nonce(header: &str, nonce: &str) -> String {
    header.replace(nonce, "00000000000000000000000000000000")
}

/// Runs an outside tool to its end; whether it succeeded, and all it said.
async fn run_tool(mut cmd: std::process::Command) -> (bool, String) {
    let name = cmd.get_program().to_string_lossy().into_owned();
    let out = tokio::task::spawn_blocking(move || cmd.output()).await.unwrap();
    let out = out.unwrap_or_else(|e| panic!("{name} cannot run ({e}): scripts/services.sh installs it"));
    let said = format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    (out.status.success(), said)
}
