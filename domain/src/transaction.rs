//! What a gateway transaction is and how it stands.

stored_enum! {
    /// An inquiry (a bill asked for) or a payment (money moved).
    pub enum TxKind {
        Inquiry = "inquiry",
        Payment = "payment",
    }
}

stored_enum! {
    /// A payment is pending until its biller's answer is final; an
    /// answered inquiry is `Inquired` (a bill the payment may follow).
    pub enum TxStatus {
        Inquired = "inquired",
        Pending = "pending",
        Success = "success",
        Failed = "failed",
    }
}

impl TxStatus {
    /// As the Open API's `status` field says it.
    pub fn api_text(self) -> &'static str {
        match self {
            TxStatus::Success => "SUKSES",
            TxStatus::Failed => "GAGAL",
            TxStatus::Pending | TxStatus::Inquired => "PENDING",
        }
    }
}
