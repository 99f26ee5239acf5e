//! Secrets the server makes for itself when configuration gives none: made
//! once, kept in the database, so every instance on it uses the same.

use crate::entity::server_secret::{self, Entity as ServerSecret};
use rand::RngCore;
use sea_orm::sea_query::OnConflict;
use sea_orm::{ActiveValue::Set, ConnectionTrait, EntityTrait};

/// The 32-byte secret `name`, made now if no instance made it before (the
/// first insert wins; the others read the winner's).
pub async fn shared(db: &impl ConnectionTrait, name: &str) -> anyhow::Result<Vec<u8>> {
    let mut bytes = [0u8; 32];
    rand::thread_rng().fill_bytes(&mut bytes);
    ServerSecret::insert(server_secret::ActiveModel {
        name: Set(name.to_owned()),
        value: Set(hex::encode(bytes)),
        created_at: Set(chrono::Utc::now()),
    })
    .on_conflict(OnConflict::column(server_secret::Column::Name).do_nothing().to_owned())
    .exec_without_returning(db)
    .await?;
    let row = ServerSecret::find_by_id(name.to_owned()).one(db).await?;
    let row = row.ok_or_else(|| anyhow::anyhow!("server secret {name} missing after insert"))?;
    Ok(hex::decode(row.value)?)
}
