use domain::{FieldError, Problem};

/// The one error type of every use case. The web layer maps it once to a
/// localized message; the gateway (later) maps it once to an rc.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The caller's input broke a rule; each problem names its field.
    #[error("invalid input: {0:?}")]
    Invalid(Vec<FieldError>),
    /// The request was understood and refused for a reason the user can act on.
    #[error("refused: {0:?}")]
    Refused(Problem),
    /// Refused for now; the same request works after `secs` seconds.
    #[error("too soon ({problem:?}): retry after {secs}s")]
    TooSoon { problem: Problem, secs: u64 },
    /// Anything else: a bug or an unavailable dependency. Logged, never shown.
    #[error(transparent)]
    Unexpected(#[from] anyhow::Error),
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

impl From<sea_orm::DbErr> for Error {
    fn from(e: sea_orm::DbErr) -> Self {
        Error::Unexpected(e.into())
    }
}

impl From<sea_orm::TransactionError<Error>> for Error {
    fn from(e: sea_orm::TransactionError<Error>) -> Self {
        match e {
            sea_orm::TransactionError::Connection(db) => db.into(),
            sea_orm::TransactionError::Transaction(inner) => inner,
        }
    }
}

impl Error {
    pub fn field(field: &str, problem: Problem) -> Self {
        Error::Invalid(vec![FieldError::new(field, problem)])
    }
}

/// True when a database error is a unique-key violation, on any backend.
pub fn is_unique_violation(e: &sea_orm::DbErr) -> bool {
    matches!(e.sql_err(), Some(sea_orm::SqlErr::UniqueConstraintViolation(_)))
}
