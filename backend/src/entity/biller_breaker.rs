use sea_orm::entity::prelude::*;

/// The circuit breaker of one biller in one scope (see `billers::breaker`).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "biller_breakers")]
pub struct Model {
    /// `production:<biller>`, or `development:<user id>:<biller>`.
    #[sea_orm(primary_key, auto_increment = false)]
    pub scope: String,
    pub biller: String,
    pub state: domain::finance::BreakerState,
    /// Consecutive failures while closed.
    pub failures: i32,
    /// How long the last opening lasts; doubles after a failed probe.
    pub cooldown_secs: i32,
    /// Open: no calls until then. Probing: the probe's deadline.
    pub open_until: Option<DateTimeUtc>,
    pub opened_at: Option<DateTimeUtc>,
    /// How often it opened.
    pub trips: i32,
    pub last_error: Option<String>,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
