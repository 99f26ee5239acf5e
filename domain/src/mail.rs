//! The states of the server's mail outbox (kept here beside the other
//! stored codes).

stored_enum! {
    pub enum MailStatus {
        /// Waiting for its (next) attempt.
        Pending = "pending",
        Sent = "sent",
        /// Given up after the last attempt.
        Failed = "failed",
    }
}
