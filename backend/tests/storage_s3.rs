//! The S3 backend against a real S3-compatible server (s3rver, started by
//! `make test`, which sets TEST_S3_ENDPOINT and TEST_S3_BUCKET).

#![allow(clippy::unwrap_used, clippy::expect_used)]

use backend::Config;
use figment::providers::Serialized;
use figment::Figment;

fn s3_config() -> Option<Config> {
    let endpoint = std::env::var("TEST_S3_ENDPOINT").ok()?;
    let bucket = std::env::var("TEST_S3_BUCKET").unwrap_or_else(|_| "webopenapi-test".into());
    let f = Figment::new()
        .merge(Serialized::default("s3_endpoint", endpoint))
        .merge(Serialized::default("s3_bucket", bucket))
        .merge(Serialized::default("s3_access_key_id", "S3RVER"))
        .merge(Serialized::default("s3_secret_access_key", "S3RVER"));
    Some(Config::from_figment(f).unwrap())
}

#[tokio::test]
async fn objects_round_trip_through_the_s3_server() {
    let Some(config) = s3_config() else {
        // `make test` always provides the server; say so loudly when it is missing there.
        assert!(std::env::var("TEST_REQUIRE_SERVICES").is_err(), "TEST_S3_ENDPOINT is not set");
        eprintln!("skipped: TEST_S3_ENDPOINT not set (run `make test`)");
        return;
    };
    let store = backend::infra::storage::from_config(&config).unwrap();
    let key = backend::infra::storage::new_key("documents");
    let pdf = b"%PDF-1.4\n% test document\n".to_vec();
    store.put(&key, pdf.clone(), "application/pdf").await.unwrap();
    assert_eq!(store.get(&key).await.unwrap(), Some(pdf));
    assert_eq!(store.get(&backend::infra::storage::new_key("documents")).await.unwrap(), None);
    store.delete(&key).await.unwrap();
    assert_eq!(store.get(&key).await.unwrap(), None);
    assert!(store.put("../escape", vec![1], "text/plain").await.is_err());
}
