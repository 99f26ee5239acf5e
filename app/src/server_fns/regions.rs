use crate::error::AppError;
use domain::region::{RegionLevel, RegionOut};
use leptos::prelude::*;

/// Areas of one level under a parent (the cascading selects of the profile).
#[server(prefix = "/api", endpoint = "regions", input = leptos::server_fn::codec::GetUrl)]
pub async fn list_regions(level: RegionLevel, parent: String) -> Result<Vec<RegionOut>, AppError> {
    Ok(backend::regions::children(&crate::ssr::state()?.db, level, &parent).await?)
}
