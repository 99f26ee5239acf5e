//! The text of each enum value the UI shows, beside `problem`.

use super::Texts;
use domain::apilog::{AuthOutcome, DigestNote, SessionOutcome};
use domain::finance::{BreakerState, DeliveryStatus, IpStatus, LedgerKind};
use domain::moderation::ActorKind;
use domain::products::ProductState;
use domain::profile::{Category, DocStatus, DocTypeOut, ProfileStatus};
use domain::staff::Role;
use domain::uat::{UatItem, UatStatus};
use domain::Lang;

impl Texts {
    pub fn tx_status(&self, s: domain::transaction::TxStatus) -> &'static str {
        use domain::transaction::TxStatus as S;
        match s {
            S::Inquired => self.reports.status_inquired,
            S::Pending => self.portal.count_pending,
            S::Success => self.common.count_success,
            S::Failed => self.common.count_failed,
        }
    }

    pub fn topup_status(&self, s: domain::topup::TopupStatus) -> &'static str {
        let (id, en) = s.label();
        match self.lang {
            Lang::Id => id,
            Lang::En => en,
        }
    }

    pub fn profile_status(&self, s: ProfileStatus) -> &'static str {
        match s {
            ProfileStatus::Draft => self.common.status_incomplete,
            ProfileStatus::Submitted => self.common.status_submitted,
            ProfileStatus::Rejected => self.common.status_rejected,
            ProfileStatus::Approved => self.common.status_approved,
        }
    }

    pub fn role(&self, r: Role) -> &'static str {
        match r {
            Role::Admin => self.moderation.role_admin,
            Role::Moderator => self.moderation.role_moderator,
            Role::Finance => self.moderation.role_finance,
        }
    }

    /// A profile field's label, by the field's name in revisions.
    pub fn profile_field(&self, field: &str) -> &'static str {
        let c = &self.common;
        match field {
            "personal_name" => c.name_label,
            "personal_phone" => c.personal_phone_label,
            "personal_email" => c.email_label,
            "business_name" => c.business_name_label,
            "business_phone" => c.business_phone_label,
            "province" => c.province_label,
            "regency" => c.regency_label,
            "district" => c.district_label,
            "village" => c.village_label,
            "address" => c.address_label,
            _ => "",
        }
    }

    pub fn category(&self, code: &str) -> &'static str {
        match Category::from_code(code) {
            Some(Category::Pribadi) => self.common.category_pribadi,
            Some(Category::Koperasi) => self.common.category_koperasi,
            Some(Category::Perusahaan) => self.common.category_perusahaan,
            None => "",
        }
    }

    /// A document type's name in the page's language.
    pub fn doc_name(&self, d: &DocTypeOut) -> String {
        match self.lang {
            Lang::Id => d.name_id.clone(),
            Lang::En => d.name_en.clone(),
        }
    }

    /// A sent document's state ("none" when there is no file).
    pub fn doc_status(&self, s: Option<DocStatus>) -> &'static str {
        match s {
            None => self.common.doc_none,
            Some(DocStatus::Pending) => self.profile.doc_pending,
            Some(DocStatus::Accepted) => self.profile.doc_accepted,
            Some(DocStatus::Rejected) => self.profile.doc_rejected,
        }
    }

    /// In the form nothing has been sent yet: a new file is "uploaded", not
    /// "waiting for review"; the moderator's verdicts still show as they are.
    pub fn form_doc_status(&self, s: Option<DocStatus>) -> &'static str {
        match s {
            Some(DocStatus::Pending) => self.profile.doc_uploaded,
            other => self.doc_status(other),
        }
    }

    pub fn ip_status(&self, s: IpStatus) -> &'static str {
        match s {
            IpStatus::Approved => self.portal.ip_approved,
            IpStatus::Rejected => self.portal.ip_rejected,
            IpStatus::Pending => self.portal.ip_pending,
        }
    }

    /// A biller circuit breaker's state.
    pub fn breaker_state(&self, state: BreakerState) -> &'static str {
        match state {
            BreakerState::Open => self.finance.outage_open,
            BreakerState::Probing => self.finance.outage_probing,
            BreakerState::Closed => self.finance.outage_closed,
        }
    }

    /// A callback delivery's state.
    pub fn delivery_status(&self, s: DeliveryStatus) -> &'static str {
        match s {
            DeliveryStatus::Pending => self.portal.delivery_pending,
            DeliveryStatus::Delivered => self.portal.delivery_delivered,
            DeliveryStatus::Failed => self.portal.delivery_failed,
        }
    }

    pub fn ledger_kind(&self, k: LedgerKind) -> &'static str {
        match k {
            LedgerKind::Credit => self.finance.kind_credit,
            LedgerKind::Debit => self.finance.kind_debit,
            LedgerKind::Refund => self.finance.kind_refund,
            LedgerKind::Adjustment => self.finance.kind_adjustment,
        }
    }

    /// How a gateway request's authentication ended, in words.
    pub fn auth_outcome(&self, o: AuthOutcome) -> &'static str {
        match o {
            AuthOutcome::Ok => self.integration.auth_ok,
            AuthOutcome::NoHeader => self.integration.auth_no_header,
            AuthOutcome::Malformed => self.integration.auth_malformed,
            AuthOutcome::WrongRealm => self.integration.auth_wrong_realm,
            AuthOutcome::WrongUri => self.integration.auth_wrong_uri,
            AuthOutcome::StaleNonce => self.integration.auth_stale_nonce,
            AuthOutcome::Replayed => self.integration.auth_replayed,
            AuthOutcome::UnknownUser => self.integration.auth_unknown_user,
            AuthOutcome::WrongPassword => self.integration.auth_wrong_password,
            AuthOutcome::AddressRefused => self.integration.auth_address_refused,
            AuthOutcome::RateLimited => self.integration.auth_rate_limited,
            AuthOutcome::Suspended => self.integration.auth_suspended,
        }
    }

    /// Why a refused request was refused and what to do, in words.
    pub fn auth_outcome_why(&self, o: AuthOutcome) -> Option<&'static str> {
        Some(match o {
            AuthOutcome::Ok => return None,
            AuthOutcome::NoHeader => self.integration.why_no_header,
            AuthOutcome::Malformed => self.integration.why_malformed,
            AuthOutcome::WrongRealm => self.integration.why_wrong_realm,
            AuthOutcome::WrongUri => self.integration.why_wrong_uri,
            AuthOutcome::StaleNonce => self.integration.why_stale_nonce,
            AuthOutcome::Replayed => self.integration.why_replayed,
            AuthOutcome::UnknownUser => self.integration.why_unknown_user,
            AuthOutcome::WrongPassword => self.integration.why_wrong_password,
            AuthOutcome::AddressRefused => self.integration.why_address_refused,
            AuthOutcome::RateLimited => self.integration.why_rate_limited,
            AuthOutcome::Suspended => self.integration.why_suspended,
        })
    }

    /// A finding of the digest debugger, with what it refers to.
    pub fn digest_note(&self, note: DigestNote, detail: Option<&str>) -> String {
        let text = match note {
            DigestNote::NotDigest => self.integration.note_not_digest,
            DigestNote::Missing => self.integration.note_missing,
            DigestNote::Matches => self.integration.note_matches,
            DigestNote::Differs => self.integration.note_differs,
            DigestNote::YourUser => self.integration.note_your_user,
            DigestNote::NotYourUser => self.integration.note_not_your_user,
            DigestNote::NonceFresh => self.integration.note_nonce_fresh,
            DigestNote::NonceExpired => self.integration.note_nonce_expired,
            DigestNote::NonceForeign => self.integration.note_nonce_foreign,
            DigestNote::NonceOtherEnv => self.integration.note_nonce_other_env,
            DigestNote::NonceUsed => self.integration.note_nonce_used,
            DigestNote::NcInvalid => self.integration.note_nc_invalid,
            DigestNote::QopMissing => self.integration.note_qop_missing,
            DigestNote::QopOther => self.integration.note_qop_other,
            DigestNote::AlgorithmOther => self.integration.note_algorithm_other,
            DigestNote::ResponseOk => self.integration.note_response_ok,
            DigestNote::ResponseWrong => self.integration.note_response_wrong,
            DigestNote::ResponseOtherMethod => self.integration.note_response_other_method,
            DigestNote::NotChecked => self.integration.note_not_checked,
        };
        // A text with a place for the detail gets it; the others stand alone.
        text.replace("{}", detail.unwrap_or("–"))
    }

    pub fn session_outcome(&self, s: SessionOutcome) -> &'static str {
        match s {
            SessionOutcome::Valid => self.integration.session_valid,
            SessionOutcome::Refused => self.integration.session_refused,
        }
    }

    /// One item of the UAT checklist.
    pub fn uat_item(&self, i: UatItem) -> &'static str {
        match i {
            UatItem::SignOn => self.integration.item_sign_on,
            UatItem::InquiryOk => self.integration.item_inquiry_ok,
            UatItem::PaymentOk => self.integration.item_payment_ok,
            UatItem::SinglePaymentOk => self.integration.item_single_payment_ok,
            UatItem::DuplicateReference => self.integration.item_duplicate_reference,
            UatItem::PendingFollowed => self.integration.item_pending_followed,
            UatItem::FailureSeen => self.integration.item_failure_seen,
        }
    }

    pub fn uat_status(&self, s: UatStatus) -> &'static str {
        match s {
            UatStatus::Waiting => self.integration.status_waiting,
            UatStatus::Approved => self.integration.status_approved,
            UatStatus::Rejected => self.integration.status_rejected,
        }
    }

    /// "Status Produk" of a partner's product.
    pub fn product_state(&self, s: ProductState) -> &'static str {
        match s {
            ProductState::Selected => self.portal.state_selected,
            ProductState::UatRequested => self.portal.state_uat_requested,
            ProductState::UatApproved => self.portal.state_uat_approved,
            ProductState::UatRejected => self.portal.state_uat_rejected,
            ProductState::LiveRequested => self.portal.state_live_requested,
            ProductState::Active => self.portal.state_active,
            ProductState::Maintenance => self.portal.state_maintenance,
            ProductState::Inactive => self.portal.state_inactive,
        }
    }

    pub fn actor_kind(&self, k: ActorKind) -> &'static str {
        match k {
            ActorKind::Partner => self.moderation.actor_partner,
            ActorKind::Staff => self.moderation.actor_staff,
        }
    }
}
