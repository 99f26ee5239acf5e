//! The error every server function returns: what the UI needs to tell the
//! user, nothing more. Unexpected failures are logged on the server and
//! arrive here only as `Unavailable`.

use domain::{FieldError, Problem};
use leptos::prelude::*;
use leptos::server_fn::codec::JsonEncoding;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, thiserror::Error)]
pub enum AppError {
    #[error("invalid input")]
    Invalid(Vec<FieldError>),
    #[error("{0:?}")]
    Problem(Problem),
    #[error("{problem:?}: retry in {secs}s")]
    TooSoon { problem: Problem, secs: u64 },
    /// The call itself failed (network, server unreachable…).
    #[error("request failed: {0}")]
    Transport(String),
}

impl FromServerFnError for AppError {
    type Encoder = JsonEncoding;

    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        match value {
            // Arguments the server cannot read: mostly a malformed id in an
            // address, which names nothing there is (a 404, not our 500).
            ServerFnErrorErr::Args(_) | ServerFnErrorErr::MissingArg(_) => AppError::Problem(Problem::NotFound),
            other => AppError::Transport(other.to_string()),
        }
    }
}

impl AppError {
    /// The HTTP status a server function answers with: the caller's
    /// mistakes are 4xx (monitoring and proxies must not count or retry them
    /// as failures of ours), ours 5xx. The body is this error as JSON.
    pub fn http_status(&self) -> u16 {
        match self {
            AppError::Invalid(_) => 422,
            AppError::TooSoon { .. } => 429,
            AppError::Transport(_) => 500,
            AppError::Problem(p) => match p {
                Problem::NotLoggedIn => 401,
                Problem::Forbidden | Problem::StaffInactive | Problem::Suspended | Problem::OwnerProtected => 403,
                Problem::NotFound => 404,
                Problem::FileTooLarge => 413,
                Problem::TooManyAttempts | Problem::ResendTooSoon | Problem::TooSoon => 429,
                Problem::DuplicateReference
                | Problem::IpTaken
                | Problem::EmailTaken
                | Problem::PhoneTaken
                | Problem::AlreadyVerified
                | Problem::RevisionPending
                | Problem::SecondFactorOn
                | Problem::ProfileLocked
                | Problem::NotInReview
                | Problem::TokenUsed
                | Problem::AlreadyChosen
                | Problem::CodeTaken
                | Problem::AlreadySettled
                | Problem::InFlight
                | Problem::WrongStep => 409,
                Problem::Unavailable => 500,
                Problem::PaymentServiceDown => 503,
                Problem::PaymentRefused => 502,
                _ => 400,
            },
        }
    }

    /// Seconds to wait before trying again, for `Retry-After`.
    pub fn retry_after(&self) -> Option<u64> {
        match self {
            AppError::TooSoon { secs, .. } => Some(*secs),
            _ => None,
        }
    }

    pub fn field_errors(&self) -> &[FieldError] {
        match self {
            AppError::Invalid(errs) => errs,
            _ => &[],
        }
    }

    /// The problem to show above the form, if it is not about one field.
    pub fn general(&self) -> Option<Problem> {
        match self {
            AppError::Invalid(_) => None,
            AppError::Problem(p) | AppError::TooSoon { problem: p, .. } => Some(*p),
            AppError::Transport(_) => Some(Problem::Unavailable),
        }
    }
}

#[cfg(feature = "ssr")]
impl From<backend::Error> for AppError {
    fn from(e: backend::Error) -> Self {
        match e {
            backend::Error::Invalid(errs) => AppError::Invalid(errs),
            backend::Error::Refused(p) => AppError::Problem(p),
            backend::Error::TooSoon { problem, secs } => AppError::TooSoon { problem, secs },
            backend::Error::Unexpected(e) => {
                tracing::error!(error = %format!("{e:#}"), "unexpected error in a server function");
                AppError::Problem(Problem::Unavailable)
            }
        }
    }
}
