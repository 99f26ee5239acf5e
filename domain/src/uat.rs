//! Request UAT and Request Live (manual §10, Gambar 41–49), and the
//! automatic evidence: a checklist graded from the partner's own
//! development log, so neither side has to read screenshots to know that
//! the integration works.

use crate::ids::{ApiLogId, UatRequestId, UserId};
use crate::products::ProductState;

stored_enum! {
    /// One thing a partner's client must have shown in development.
    /// Which items a product needs is data (`uat_checks`, per product flow).
    pub enum UatItem {
        /// A Sign-On answered with a SessionID.
        SignOn = "sign_on",
        /// An Inquiry of the product answered rc 00.
        InquiryOk = "inquiry_ok",
        /// A Payment of the product rc 00 (so with the inquiry's amounts).
        PaymentOk = "payment_ok",
        /// A SinglePayment of the product rc 00.
        SinglePaymentOk = "single_payment_ok",
        /// A referenceID sent again answered rc 86 (and debited once).
        DuplicateReference = "duplicate_reference",
        /// A payment answered pending (rc 71), then followed by Check-Status
        /// to its final answer.
        PendingFollowed = "pending_followed",
        /// A payment refused by the biller, seen by the client.
        FailureSeen = "failure_seen",
    }
}

/// One item of the checklist: passed (with the log entry that proves it)
/// or not yet.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct UatCheckOut {
    pub item: UatItem,
    pub proof: Option<ApiLogId>,
}

impl UatCheckOut {
    pub fn passed(&self) -> bool {
        self.proof.is_some()
    }
}

stored_enum! {
    /// Where one Request UAT stands.
    pub enum UatStatus {
        /// "Menunggu": in the operator's queue.
        Waiting = "waiting",
        Approved = "approved",
        Rejected = "rejected",
    }
}

stored_enum! {
    /// The two files of a Request UAT (Gambar 43).
    pub enum UatFileKind {
        /// "File Inquiry": request and response logs, screenshots.
        Inquiry = "inquiry",
        /// "File Struk": the receipt the partner's app prints.
        Struk = "struk",
    }
}

/// One Request UAT as the partner's list and the operator's queue show it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct UatRequestOut {
    pub id: UatRequestId,
    pub user_id: UserId,
    pub company: String,
    pub product_code: String,
    pub product_name: String,
    pub category: String,
    pub status: UatStatus,
    pub reason: Option<String>,
    /// WIB.
    pub created_at: String,
    /// Whole hours since it was sent (the queue's age column).
    pub age_hours: i64,
    pub inquiry_file: String,
    pub struk_file: String,
    /// The checklist as graded when it was sent (the operator's evidence).
    pub checks: Vec<UatCheckOut>,
}

/// A product on its way to production, as "Request Live" and the
/// operator's Live queue show it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct LiveProductOut {
    pub user_id: UserId,
    pub company: String,
    pub product_code: String,
    pub product_name: String,
    pub category: String,
    pub state: ProductState,
    /// WIB, when it last changed state.
    pub since: String,
}

/// One step of a partner's product, for the staff's history.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct ProductStepOut {
    pub product_code: String,
    pub state: ProductState,
    pub reason: Option<String>,
    /// "Mitra" or the staff member's name.
    pub by: String,
    pub at: String,
}
