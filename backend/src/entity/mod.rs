//! SeaORM entities: one module per table.

pub mod api_credential;
pub mod api_log;
pub mod audit_log;
pub mod biller_breaker;
pub mod biller_call;
pub mod biller_state;
pub mod callback_delivery;
pub mod deposit;
pub mod digest_nonce_use;
pub mod document_type;
pub mod email_token;
pub mod gateway_session;
pub mod ip_whitelist;
pub mod ledger_day;
pub mod ledger_entry;
pub mod mail_outbox;
pub mod partner_product;
pub mod partner_setting;
pub mod payment_day;
pub mod product;
pub mod product_category;
pub mod product_family;
pub mod product_step;
pub mod profile;
pub mod profile_document;
pub mod profile_revision;
pub mod rate_limit;
pub mod reconciliation_file;
pub mod required_document;
pub mod server_secret;
pub mod session;
pub mod signon_day;
pub mod staff;
pub mod topup_account;
pub mod topup_notification;
pub mod topup_order;
pub mod topup_reconciliation;
pub mod transaction;
pub mod uat_check;
pub mod uat_request;
pub mod user;
pub mod webreport_account;

/// Rows that belong to one partner. Use cases list them through
/// `X::of_partner(id)`, so a query cannot forget the tenant filter (and a
/// reader sees at once that it is scoped).
pub trait OfPartner: sea_orm::EntityTrait {
    fn partner_column() -> Self::Column;

    fn of_partner(user_id: uuid::Uuid) -> sea_orm::Select<Self> {
        use sea_orm::{ColumnTrait, QueryFilter};
        Self::find().filter(Self::partner_column().eq(user_id))
    }
}

macro_rules! of_partner {
    ($($module:ident),* $(,)?) => {
        $(
            impl OfPartner for $module::Entity {
                fn partner_column() -> $module::Column {
                    $module::Column::UserId
                }
            }
        )*
    };
}

of_partner!(
    api_credential,
    api_log,
    callback_delivery,
    deposit,
    email_token,
    gateway_session,
    ip_whitelist,
    ledger_day,
    ledger_entry,
    payment_day,
    partner_product,
    partner_setting,
    product_step,
    profile,
    profile_document,
    profile_revision,
    reconciliation_file,
    signon_day,
    transaction,
    uat_request,
    webreport_account,
);

/// A new row gets its id (UUIDv7, so ids sort by creation) and its creation
/// time here, in one place: use cases write `ActiveModel { …, ..ActiveModel::new() }`.
macro_rules! new_rows_get_id_and_time {
    ($($module:ident . $time:ident),* $(,)?) => {
        $(
            impl sea_orm::ActiveModelBehavior for $module::ActiveModel {
                fn new() -> Self {
                    Self {
                        id: sea_orm::ActiveValue::Set(uuid::Uuid::now_v7()),
                        $time: sea_orm::ActiveValue::Set(chrono::Utc::now()),
                        ..<Self as sea_orm::ActiveModelTrait>::default()
                    }
                }
            }
        )*
    };
}

new_rows_get_id_and_time!(
    api_credential.created_at,
    audit_log.at,
    callback_delivery.created_at,
    ip_whitelist.created_at,
    ledger_entry.created_at,
    mail_outbox.created_at,
    product_step.at,
    staff.created_at,
    transaction.created_at,
    uat_request.created_at,
    user.created_at,
);
