use sea_orm::entity::prelude::*;

/// One gateway request, as "Log API" shows it.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "api_log")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    /// The partner whose credentials signed it; `None` before that is known.
    pub user_id: Option<Uuid>,
    pub environment: domain::Env,
    pub at: DateTimeUtc,
    pub method: String,
    pub path: String,
    pub client_ip: String,
    pub auth: domain::apilog::AuthOutcome,
    pub username: Option<String>,
    pub session: Option<domain::apilog::SessionOutcome>,
    pub product_code: Option<String>,
    pub reference_id: Option<String>,
    pub rc: Option<String>,
    pub http_status: i32,
    pub latency_ms: i32,
    /// Development only, secrets masked (`apilog::mask`).
    pub request_body: Option<String>,
    pub response_body: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
