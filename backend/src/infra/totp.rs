//! Time-based one-time codes (RFC 6238: SHA-1, 6 digits, 30 s) for the
//! staff's second factor.

use crate::error::{Error, Result};
use domain::staff::TotpSetup;
use rand::RngCore;
use totp_rs::{Algorithm, Secret, TOTP};

const STEP_SECS: u64 = 30;

/// A new random secret (160 bits, as RFC 4226 recommends), base32.
pub fn new_secret() -> String {
    let mut bytes = [0u8; 20];
    rand::thread_rng().fill_bytes(&mut bytes);
    Secret::Raw(bytes.to_vec()).to_encoded().to_string()
}

fn totp(secret_b32: &str, issuer: &str, account: &str) -> Result<TOTP> {
    let bytes = Secret::Encoded(secret_b32.to_owned())
        .to_bytes()
        .map_err(|e| Error::Unexpected(anyhow::anyhow!("stored TOTP secret unreadable: {e:?}")))?;
    // The otpauth label may not hold ':'.
    let issuer = issuer.replace(':', " ");
    let account = account.replace(':', " ");
    TOTP::new(Algorithm::SHA1, 6, 1, STEP_SECS, bytes, Some(issuer), account)
        .map_err(|e| Error::Unexpected(anyhow::anyhow!("TOTP setup: {e:?}")))
}

/// What the enrolment page shows: the secret, its URI and a QR code.
pub fn setup(secret_b32: &str, issuer: &str, account: &str) -> Result<TotpSetup> {
    let uri = totp(secret_b32, issuer, account)?.get_url();
    let qr = qrcode::QrCode::new(uri.as_bytes()).map_err(|e| Error::Unexpected(anyhow::anyhow!("QR code: {e}")))?;
    let qr_svg = qr.render::<qrcode::render::svg::Color>().min_dimensions(200, 200).build();
    Ok(TotpSetup { secret: secret_b32.to_owned(), otpauth_uri: uri, qr_svg })
}

/// The time step whose code `code` is, allowing one step of clock drift
/// either way; `None` when it matches none.
pub fn matching_step(secret_b32: &str, code: &str, now_unix: u64) -> Result<Option<i64>> {
    let t = totp(secret_b32, "x", "x")?;
    let now_step = now_unix / STEP_SECS;
    for step in [now_step.saturating_sub(1), now_step, now_step + 1] {
        let expected = t.generate(step * STEP_SECS);
        if crate::infra::token::constant_time_eq(expected.as_bytes(), code.as_bytes()) {
            return Ok(Some(step as i64));
        }
    }
    Ok(None)
}

/// Five wrong codes per account, then a quarter of an hour's wait.
const CODE_FAILS_PER_ACCOUNT: crate::infra::ratelimit::Limit = crate::infra::ratelimit::Limit::new(5, 900);

/// One try of a code for the account `key` (staff or partner user): counted
/// before the check (a good code clears the count), then the time step it
/// matches, or `WrongCode`. The caller stores the step only if newer than
/// the last used one, so a code works once.
pub async fn attempt(db: &impl sea_orm::ConnectionTrait, key: &str, secret_b32: &str, code: &str) -> Result<i64> {
    let code = domain::staff::clean_code(code).map_err(|p| Error::field("code", p))?;
    count_failure(db, key).await?;
    let now = u64::try_from(chrono::Utc::now().timestamp()).unwrap_or_default();
    matching_step(secret_b32, &code, now)?.ok_or_else(|| Error::field("code", domain::Problem::WrongCode))
}

/// Counts a try that is not a 6-digit code (a recovery code) like one.
pub async fn count_failure(db: &impl sea_orm::ConnectionTrait, key: &str) -> Result<()> {
    CODE_FAILS_PER_ACCOUNT
        .hit(db, key)
        .await?
        .map_err(|secs| Error::TooSoon { problem: domain::Problem::TooManyAttempts, secs })
}

/// The account `key` got a code right: its failures are forgotten.
pub async fn succeeded(db: &impl sea_orm::ConnectionTrait, key: &str) -> Result<()> {
    crate::infra::ratelimit::Limit::clear(db, key).await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rfc_6238_sha1_vector() {
        // RFC 6238 Appendix B: secret "12345678901234567890", T = 59 → 94287082 (8 digits);
        // its last six digits are the 6-digit code.
        let secret = Secret::Raw(b"12345678901234567890".to_vec()).to_encoded().to_string();
        assert_eq!(matching_step(&secret, "287082", 59).unwrap(), Some(1));
        assert_eq!(matching_step(&secret, "287083", 59).unwrap(), None);
    }

    #[test]
    fn a_setup_has_a_scannable_uri() {
        let s = setup(&new_secret(), "Design Jaya", "admin@example.com").unwrap();
        assert!(s.otpauth_uri.starts_with("otpauth://totp/"), "{}", s.otpauth_uri);
        assert!(s.qr_svg.contains("<svg"));
    }
}
