//! Random tokens, their hashes, and password hashing.

use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::{Algorithm, Argon2, Params, Version};
use base64::Engine;
use rand::RngCore;
use sha2::{Digest, Sha256};

use crate::config::PasswordCost;
use crate::error::{AppError, AppResult};

/// A new random token: 32 bytes, URL-safe base64 without padding.
pub fn random_token() -> String {
    let mut bytes = [0u8; 32];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
}

/// The stored form of a session or API token: its SHA-256 in hex. Tokens are
/// random and long, so a fast hash suffices (no dictionary to guess from).
pub fn token_hash(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

fn argon2(cost: PasswordCost) -> AppResult<Argon2<'static>> {
    let params = match cost {
        // OWASP Password Storage Cheat Sheet: m=19 MiB, t=2, p=1.
        PasswordCost::Standard => Params::new(19 * 1024, 2, 1, None),
        PasswordCost::Fast => Params::new(256, 1, 1, None),
    }
    .map_err(|e| AppError::Internal(anyhow::anyhow!("argon2 parameters: {e}")))?;
    Ok(Argon2::new(Algorithm::Argon2id, Version::V0x13, params))
}

/// Hashes a password with Argon2id on a blocking thread.
pub async fn hash_password(password: String, cost: PasswordCost) -> AppResult<String> {
    tokio::task::spawn_blocking(move || {
        let salt = SaltString::generate(&mut rand::rngs::OsRng);
        argon2(cost)?
            .hash_password(password.as_bytes(), &salt)
            .map(|h| h.to_string())
            .map_err(|e| AppError::Internal(anyhow::anyhow!("hashing failed: {e}")))
    })
    .await
    .map_err(|e| AppError::Internal(e.into()))?
}

/// Checks a password against a stored hash on a blocking thread; the
/// parameters are read from the hash itself.
pub async fn verify_password(password: String, hash: String) -> AppResult<bool> {
    tokio::task::spawn_blocking(move || {
        let parsed =
            PasswordHash::new(&hash).map_err(|e| AppError::Internal(anyhow::anyhow!("stored hash unreadable: {e}")))?;
        Ok(Argon2::default().verify_password(password.as_bytes(), &parsed).is_ok())
    })
    .await
    .map_err(|e| AppError::Internal(e.into()))?
}

/// A hash that no password matches, verified against when the username is
/// unknown so that timing does not reveal which usernames exist.
pub(crate) const DUMMY_HASH: &str =
    "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$YxWyiQRrWDmfCE6yb5kAz4Hc7XR1fRRNMFKL8Ygsd8o";

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_hashed_password_verifies_and_another_does_not() {
        let hash = hash_password("correct horse battery".into(), PasswordCost::Fast).await.expect("hash");
        assert!(hash.starts_with("$argon2id$"));
        assert!(verify_password("correct horse battery".into(), hash.clone()).await.expect("verify"));
        assert!(!verify_password("wrong".into(), hash).await.expect("verify"));
    }

    #[tokio::test]
    async fn the_dummy_hash_is_readable_and_matches_nothing() {
        assert!(!verify_password("demo".into(), DUMMY_HASH.into()).await.expect("verify"));
    }

    #[test]
    fn tokens_are_random_and_hashes_stable() {
        assert_ne!(random_token(), random_token());
        assert_eq!(token_hash("a"), token_hash("a"));
        assert_eq!(random_token().len(), 43);
    }
}
