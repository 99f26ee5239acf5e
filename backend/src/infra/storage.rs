//! Where uploaded files live: one trait, two backends — a local folder
//! (embedded default) and any S3-compatible server.

use crate::config::Config;
use anyhow::{bail, Context};
use async_trait::async_trait;
use aws_sdk_s3::config::{Credentials, Region};
use aws_sdk_s3::primitives::ByteStream;
use secrecy::ExposeSecret;
use std::path::PathBuf;

#[async_trait]
pub trait Storage: Send + Sync {
    async fn put(&self, key: &str, bytes: Vec<u8>, content_type: &str) -> anyhow::Result<()>;
    /// `None` when there is no such object.
    async fn get(&self, key: &str) -> anyhow::Result<Option<Vec<u8>>>;
    async fn delete(&self, key: &str) -> anyhow::Result<()>;
}

/// A new random object key under `prefix` (never derived from user input).
pub fn new_key(prefix: &str) -> String {
    format!("{prefix}/{}", uuid::Uuid::new_v4().simple())
}

/// Keys are ours: lower-case letters, digits, `-` and `/` separators, no `..`.
fn check_key(key: &str) -> anyhow::Result<()> {
    let ok = !key.is_empty()
        && key.split('/').all(|part| {
            !part.is_empty() && part.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        });
    if !ok {
        bail!("invalid storage key");
    }
    Ok(())
}

pub fn from_config(config: &Config) -> anyhow::Result<Box<dyn Storage>> {
    match (&config.s3_bucket, &config.s3_access_key_id, &config.s3_secret_access_key) {
        (Some(bucket), Some(id), Some(secret)) => {
            let mut builder = aws_sdk_s3::Config::builder()
                .behavior_version_latest()
                .region(Region::new(config.s3_region.clone()))
                .credentials_provider(Credentials::new(
                    id.expose_secret(),
                    secret.expose_secret(),
                    None,
                    None,
                    "configuration",
                ))
                .force_path_style(config.s3_force_path_style);
            if let Some(endpoint) = &config.s3_endpoint {
                builder = builder.endpoint_url(endpoint);
            }
            Ok(Box::new(S3Storage { client: aws_sdk_s3::Client::from_conf(builder.build()), bucket: bucket.clone() }))
        }
        _ => Ok(Box::new(LocalStorage::new(config.data_dir.join("files"))?)),
    }
}

pub struct LocalStorage {
    root: PathBuf,
}

impl LocalStorage {
    pub fn new(root: PathBuf) -> anyhow::Result<LocalStorage> {
        std::fs::create_dir_all(&root).with_context(|| format!("creating {}", root.display()))?;
        Ok(LocalStorage { root })
    }

    fn path(&self, key: &str) -> anyhow::Result<PathBuf> {
        check_key(key)?;
        Ok(self.root.join(key))
    }
}

#[async_trait]
impl Storage for LocalStorage {
    async fn put(&self, key: &str, bytes: Vec<u8>, _content_type: &str) -> anyhow::Result<()> {
        let path = self.path(key)?;
        if let Some(dir) = path.parent() {
            tokio::fs::create_dir_all(dir).await?;
        }
        // Write then rename: a reader never sees half a file.
        let tmp = path.with_extension("part");
        tokio::fs::write(&tmp, bytes).await?;
        tokio::fs::rename(&tmp, &path).await?;
        Ok(())
    }

    async fn get(&self, key: &str) -> anyhow::Result<Option<Vec<u8>>> {
        match tokio::fs::read(self.path(key)?).await {
            Ok(b) => Ok(Some(b)),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(e.into()),
        }
    }

    async fn delete(&self, key: &str) -> anyhow::Result<()> {
        match tokio::fs::remove_file(self.path(key)?).await {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(e.into()),
            _ => Ok(()),
        }
    }
}

pub struct S3Storage {
    client: aws_sdk_s3::Client,
    bucket: String,
}

#[async_trait]
impl Storage for S3Storage {
    async fn put(&self, key: &str, bytes: Vec<u8>, content_type: &str) -> anyhow::Result<()> {
        check_key(key)?;
        self.client
            .put_object()
            .bucket(&self.bucket)
            .key(key)
            .content_type(content_type)
            .body(ByteStream::from(bytes))
            .send()
            .await
            .context("S3 put_object")?;
        Ok(())
    }

    async fn get(&self, key: &str) -> anyhow::Result<Option<Vec<u8>>> {
        check_key(key)?;
        match self.client.get_object().bucket(&self.bucket).key(key).send().await {
            Ok(out) => Ok(Some(out.body.collect().await.context("S3 body")?.into_bytes().to_vec())),
            Err(e) if e.as_service_error().is_some_and(|s| s.is_no_such_key()) => Ok(None),
            Err(e) => Err(anyhow::Error::new(e).context("S3 get_object")),
        }
    }

    async fn delete(&self, key: &str) -> anyhow::Result<()> {
        check_key(key)?;
        self.client.delete_object().bucket(&self.bucket).key(key).send().await.context("S3 delete_object")?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_cannot_escape_the_root() {
        for bad in ["", "../etc/passwd", "a/../../b", "/abs", "A/b", "a//b", "a\\b", "docs/x.pdf"] {
            assert!(check_key(bad).is_err(), "{bad}");
        }
        assert!(check_key(&new_key("documents")).is_ok());
    }

    #[tokio::test]
    async fn local_storage_round_trip() {
        let dir = std::env::temp_dir().join(format!("wo-store-{}", uuid::Uuid::new_v4().simple()));
        let s = LocalStorage::new(dir).unwrap();
        let key = new_key("documents");
        s.put(&key, b"%PDF-1.4".to_vec(), "application/pdf").await.unwrap();
        assert_eq!(s.get(&key).await.unwrap().unwrap(), b"%PDF-1.4");
        s.delete(&key).await.unwrap();
        assert!(s.get(&key).await.unwrap().is_none());
    }
}
