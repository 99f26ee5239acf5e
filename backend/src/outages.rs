//! Biller outages as people see them: staff watch production's circuit
//! breakers in the back office and close one by hand when a biller is known
//! to be back; partners see (and close) the outages they simulated in the
//! development environment. Both are audited.

use crate::audit;
use crate::authz::{PartnerActor, StaffActor};
use crate::billers::breaker::{self, Breaker};
use crate::error::{Error, Result};
use crate::ledger::Env;
use crate::AppState;
use domain::finance::BreakerOut;
use domain::Problem;
use uuid::Uuid;

/// Production's breakers.
pub async fn production(state: &AppState, _by: &StaffActor) -> Result<Vec<BreakerOut>> {
    breaker::list(&state.db, Env::Production, Uuid::nil()).await
}

/// Staff close a production breaker.
pub async fn reset_production(state: &AppState, staff: &StaffActor, biller: &str) -> Result<()> {
    let actor = staff.audit();
    reset(state, &actor, &Breaker::new(Env::Production, Uuid::nil(), biller)).await
}

/// The partner's simulated outages in development.
pub async fn sandbox(state: &AppState, partner: &PartnerActor) -> Result<Vec<BreakerOut>> {
    let user_id = partner.partner_id();
    breaker::list(&state.db, Env::Development, user_id).await
}

/// The partner ends a simulated outage at once instead of waiting.
pub async fn reset_sandbox(state: &AppState, partner: &PartnerActor, biller: &str) -> Result<()> {
    let user_id = partner.partner_id();
    let actor = partner.audit();
    reset(state, &actor, &Breaker::new(Env::Development, user_id, biller)).await
}

async fn reset(state: &AppState, actor: &audit::Actor, b: &Breaker) -> Result<()> {
    if !breaker::reset(&state.db, b).await? {
        return Err(Error::Refused(Problem::NotFound));
    }
    let after = serde_json::json!({ "state": domain::finance::BreakerState::Closed });
    audit::record(&state.db, actor, "biller.breaker_reset", "biller", &b.scope, None, Some(after)).await?;
    Ok(())
}
