//! Report downloads (plain HTTP, behind the session layers): the deposit
//! statement as CSV, streamed batch by batch so memory stays flat.

use crate::documents::{refused, ApiError};
use app::ssr::PARTNER_KEY;
use axum::body::Body;
use axum::extract::{Query, State};
use axum::http::{header, HeaderValue};
use axum::response::{IntoResponse, Response};
use backend::reports::statement;
use backend::AppState;
use domain::reports::StatementIn;
use domain::rights::Right;
use domain::Problem;
use futures_util::TryStreamExt;
use tower_sessions::Session;
use uuid::Uuid;

/// `GET /unduh/rekening-koran.csv?environment=&from=&to=`.
pub async fn statement_csv(
    State(state): State<AppState>,
    session: Session,
    Query(q): Query<StatementIn>,
) -> Result<Response, ApiError> {
    let user = session.get::<Uuid>(PARTNER_KEY).await.ok().flatten().ok_or(refused(Problem::NotLoggedIn))?;
    let me = backend::authz::partner(&state.db, user, Some(Right::RekeningKoran)).await?;
    let env = statement::env_of(&q.environment)?;
    let period = statement::period(&q.from, &q.to)?;
    let name = statement::file_name(&state.db, me.partner_id(), &period, "csv").await?;
    let rows = statement::csv(state.db.clone(), me.partner_id(), env, period).map_err(|e| {
        tracing::error!(error = %e, "statement export");
        std::io::Error::other("statement export failed")
    });
    let disposition = format!("attachment; filename=\"{name}\"");
    let headers = [
        (header::CONTENT_TYPE, HeaderValue::from_static("text/csv; charset=utf-8")),
        (
            header::CONTENT_DISPOSITION,
            HeaderValue::from_str(&disposition).unwrap_or(HeaderValue::from_static("attachment")),
        ),
        (header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff")),
        (header::CACHE_CONTROL, HeaderValue::from_static("private, no-store")),
    ];
    Ok((headers, Body::from_stream(rows)).into_response())
}
