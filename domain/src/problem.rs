use serde::{Deserialize, Serialize};

/// Everything the user can be told went wrong, as a code. Each side maps a
/// code to words once (the UI in its language, the API to an rc).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Problem {
    Required,
    TooLong,
    EmailInvalid,
    PhoneInvalid,
    UrlInvalid,
    /// A callback URL that reaches a private, loopback or our own address.
    UrlNotPublic,
    PasswordWeak,
    PasswordMismatch,
    EmailTaken,
    PhoneTaken,
    InvalidCredentials,
    WrongEmailOrPassword,
    NotVerified,
    AlreadyVerified,
    TooManyAttempts,
    ResendTooSoon,
    TokenInvalid,
    TokenExpired,
    TokenUsed,
    WrongCurrentPassword,
    NotLoggedIn,
    Forbidden,
    Unavailable,
    NotFound,
    FileEmpty,
    FileTooLarge,
    FileTypeNotAllowed,
    UnknownDocument,
    ProfileLocked,
    DocumentMissing,
    RegionInvalid,
    NotInReview,
    CodeInvalid,
    WrongCode,
    StaffInactive,
    SecondFactorOn,
    NothingChanged,
    NoteRequired,
    RevisionPending,
    InsufficientDeposit,
    DuplicateReference,
    SessionInvalid,
    AmountInvalid,
    IpInvalid,
    IpTaken,
    IpLimit,
    TooSoon,
    /// The product is already among the partner's.
    AlreadyChosen,
    /// Not a step this product may take now (its lifecycle refuses it).
    WrongStep,
    /// A catalog code (product or category) that exists already.
    CodeTaken,
    /// The partner account is suspended by the operator.
    Suspended,
    /// The company's owner: not edited or deleted in "Manajemen User".
    OwnerProtected,
    /// A top-up amount outside the configured minimum and maximum.
    AmountOutOfRange,
    /// A payment method the service does not offer now.
    MethodUnavailable,
    /// The payment service could not be reached (try again later).
    PaymentServiceDown,
    /// The payment service refused the order.
    PaymentRefused,
    /// A payment already final the other way: success and refund never both.
    AlreadySettled,
    /// A payment whose biller call is in flight: not settled under it.
    InFlight,
    /// The webreport's merchant ID, officer code or password is wrong.
    WrongWebreportLogin,
    /// Coba API before the development credentials exist (not approved yet).
    NoCredentials,
}

/// A problem attached to one input of a form, by the input's `name`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldError {
    pub field: String,
    pub problem: Problem,
}

impl FieldError {
    pub fn new(field: &str, problem: Problem) -> Self {
        FieldError { field: field.to_owned(), problem }
    }
}

/// Finds the first problem reported for `field`.
pub fn problem_for(errors: &[FieldError], field: &str) -> Option<Problem> {
    errors.iter().find(|e| e.field == field).map(|e| e.problem)
}
