//! argon2id hashing, always off the async runtime's worker threads.

use anyhow::anyhow;
use argon2::password_hash::{rand_core::OsRng, PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::Argon2;

pub async fn hash(password: String) -> anyhow::Result<String> {
    tokio::task::spawn_blocking(move || {
        let salt = SaltString::generate(&mut OsRng);
        Argon2::default()
            .hash_password(password.as_bytes(), &salt)
            .map(|h| h.to_string())
            .map_err(|e| anyhow!("argon2: {e}"))
    })
    .await?
}

/// Verifies against `stored`; with `None` it still spends the same work so
/// that "no such account" cannot be told apart by timing.
pub async fn verify(password: String, stored: Option<String>) -> anyhow::Result<bool> {
    tokio::task::spawn_blocking(move || {
        let real = stored.is_some();
        let stored = match stored {
            Some(s) => s,
            None => dummy_hash()?.to_owned(),
        };
        let parsed = PasswordHash::new(&stored).map_err(|e| anyhow!("argon2: {e}"))?;
        let ok = Argon2::default().verify_password(password.as_bytes(), &parsed).is_ok();
        Ok(ok && real)
    })
    .await?
}

/// A hash of a random string nobody knows, made once per process.
fn dummy_hash() -> anyhow::Result<&'static str> {
    static DUMMY: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    if let Some(h) = DUMMY.get() {
        return Ok(h);
    }
    let salt = SaltString::generate(&mut OsRng);
    let h = Argon2::default()
        .hash_password(crate::infra::token::new_token().as_bytes(), &salt)
        .map_err(|e| anyhow!("argon2: {e}"))?
        .to_string();
    Ok(DUMMY.get_or_init(|| h))
}

#[cfg(test)]
mod tests {
    #[tokio::test]
    async fn hashes_are_argon2id_and_verify() {
        let h = super::hash("rahasia123".into()).await.unwrap();
        assert!(h.starts_with("$argon2id$"));
        assert!(super::verify("rahasia123".into(), Some(h.clone())).await.unwrap());
        assert!(!super::verify("salah".into(), Some(h)).await.unwrap());
        assert!(!super::verify("x".into(), None).await.unwrap());
    }
}
