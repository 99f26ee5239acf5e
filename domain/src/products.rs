//! A partner's product and its way to production (manual §9–§10): chosen in
//! "Produk", proven in UAT, requested Live, made Aktif by the operator.
//! `after` is the one place that says which step may follow which; the
//! server applies it to every change and refuses the rest.

use crate::Problem;

stored_enum! {
    /// Where one product of one partner stands ("Status Produk").
    pub enum ProductState {
        /// Chosen in "Tambah Produk": usable in development.
        Selected = "selected",
        UatRequested = "uat_requested",
        UatApproved = "uat_approved",
        /// With the operator's reason; a new request goes back to review.
        UatRejected = "uat_rejected",
        LiveRequested = "live_requested",
        /// Usable in production.
        Active = "active",
        /// Paused by staff or the biller's breaker; back to Aktif when fixed.
        Maintenance = "maintenance",
        /// Switched off by staff.
        Inactive = "inactive",
    }
}

/// What happens to a partner's product.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ProductEvent {
    /// The partner chooses it ("Simpan" in "Tambah Produk").
    Select,
    RequestUat,
    /// The partner deletes a request still waiting ("Hapus").
    WithdrawUat,
    ApproveUat,
    RejectUat,
    RequestLive,
    ApproveLive,
    /// The operator refuses Live: back to UAT-approved, to ask again.
    RejectLive,
    Maintenance,
    Deactivate,
    /// Staff end a maintenance or a deactivation.
    Reactivate,
}

impl ProductState {
    /// Production answers for it (the gateway's rule).
    pub fn is_live(self) -> bool {
        self == ProductState::Active
    }

    /// The gateway of `env` serves it: development once chosen (the partner
    /// builds and proves the integration there), production once Aktif;
    /// a product staff switched off serves nowhere.
    pub fn usable_in(self, env: crate::Env) -> bool {
        match env {
            crate::Env::Production => self.is_live(),
            crate::Env::Development => self != ProductState::Inactive,
        }
    }

    /// The partner may drop it: anything not (on its way to being) live.
    pub fn removable(self) -> bool {
        matches!(
            self,
            ProductState::Selected | ProductState::UatRequested | ProductState::UatApproved | ProductState::UatRejected
        )
    }
}

/// The state after `event` from `now` (`None`: not chosen yet), or why not.
pub fn after(now: Option<ProductState>, event: ProductEvent) -> Result<ProductState, Problem> {
    use ProductEvent as E;
    use ProductState as S;
    let next = match (now, event) {
        (None, E::Select) => S::Selected,
        (Some(S::Selected | S::UatRejected), E::RequestUat) => S::UatRequested,
        (Some(S::UatRequested), E::WithdrawUat) => S::Selected,
        (Some(S::UatRequested), E::ApproveUat) => S::UatApproved,
        (Some(S::UatRequested), E::RejectUat) => S::UatRejected,
        (Some(S::UatApproved), E::RequestLive) => S::LiveRequested,
        (Some(S::LiveRequested), E::ApproveLive) => S::Active,
        (Some(S::LiveRequested), E::RejectLive) => S::UatApproved,
        (Some(S::Active), E::Maintenance) => S::Maintenance,
        (Some(S::Active | S::Maintenance), E::Deactivate) => S::Inactive,
        (Some(S::Maintenance | S::Inactive), E::Reactivate) => S::Active,
        (Some(_), E::Select) => return Err(Problem::AlreadyChosen),
        _ => return Err(Problem::WrongStep),
    };
    Ok(next)
}

/// One of the partner's products as "Produk Anda" lists it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct MyProductOut {
    pub code: String,
    pub name: String,
    pub category: String,
    pub admin_fee: i64,
    pub partner_fee: i64,
    pub state: ProductState,
    /// The operator's reason of the last refusal.
    pub reason: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::ProductEvent as E;
    use super::ProductState as S;
    use super::*;

    const EVENTS: [ProductEvent; 11] = [
        E::Select,
        E::RequestUat,
        E::WithdrawUat,
        E::ApproveUat,
        E::RejectUat,
        E::RequestLive,
        E::ApproveLive,
        E::RejectLive,
        E::Maintenance,
        E::Deactivate,
        E::Reactivate,
    ];

    #[test]
    fn the_manuals_path_leads_to_production() {
        let mut state = None;
        for e in [E::Select, E::RequestUat, E::RejectUat, E::RequestUat, E::ApproveUat, E::RequestLive, E::ApproveLive]
        {
            state = Some(after(state, e).unwrap_or_else(|p| panic!("{e:?} from {state:?}: {p:?}")));
        }
        assert_eq!(state, Some(S::Active));
    }

    #[test]
    fn every_other_step_is_refused() {
        let allowed = [
            (None, E::Select),
            (Some(S::Selected), E::RequestUat),
            (Some(S::UatRejected), E::RequestUat),
            (Some(S::UatRequested), E::WithdrawUat),
            (Some(S::UatRequested), E::ApproveUat),
            (Some(S::UatRequested), E::RejectUat),
            (Some(S::UatApproved), E::RequestLive),
            (Some(S::LiveRequested), E::ApproveLive),
            (Some(S::LiveRequested), E::RejectLive),
            (Some(S::Active), E::Maintenance),
            (Some(S::Active), E::Deactivate),
            (Some(S::Maintenance), E::Deactivate),
            (Some(S::Maintenance), E::Reactivate),
            (Some(S::Inactive), E::Reactivate),
        ];
        let states = std::iter::once(None).chain(S::ALL.iter().copied().map(Some));
        for now in states {
            for e in EVENTS {
                assert_eq!(after(now, e).is_ok(), allowed.contains(&(now, e)), "{e:?} from {now:?}");
            }
        }
    }

    #[test]
    fn production_is_reached_only_through_an_approved_live_request() {
        // Every path to Aktif passes UAT approval and then Live approval.
        for now in S::ALL.iter().copied() {
            for e in EVENTS {
                if after(Some(now), e) == Ok(S::Active) {
                    assert!(
                        matches!((now, e), (S::LiveRequested, E::ApproveLive) | (_, E::Reactivate)),
                        "{e:?} from {now:?}"
                    );
                }
            }
        }
        assert_eq!(after(None, E::ApproveLive), Err(Problem::WrongStep));
        assert_eq!(after(Some(S::Selected), E::Select), Err(Problem::AlreadyChosen));
    }

    #[test]
    fn only_what_is_not_live_may_be_removed() {
        let removable: Vec<_> = S::ALL.iter().copied().filter(|s| s.removable()).collect();
        assert_eq!(removable, [S::Selected, S::UatRequested, S::UatApproved, S::UatRejected]);
        assert!(S::Active.is_live() && !S::Maintenance.is_live());
    }
}
