//! Report downloads (plain HTTP, behind the session layers): the deposit
//! statement as CSV, streamed batch by batch, and as XLSX, written to a
//! temporary file with constant memory and streamed from it — memory stays
//! flat however long the period.

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

/// Who asks, for which environment and period, under which file name.
struct Export {
    partner: backend::authz::PartnerActor,
    env: domain::Env,
    period: statement::Period,
    name: String,
}

async fn export(state: &AppState, session: &Session, q: &StatementIn, ext: &str) -> Result<Export, ApiError> {
    let user = session.get::<Uuid>(PARTNER_KEY).await.ok().flatten().ok_or(refused(Problem::NotLoggedIn))?;
    let partner = backend::authz::partner(&state.db, user, Some(Right::RekeningKoran)).await?;
    let env = statement::env_of(&q.environment)?;
    let period = statement::period(&q.from, &q.to)?;
    let name = statement::file_name(&state.db, partner.partner_id(), &period, ext).await?;
    Ok(Export { partner, env, period, name })
}

/// `GET /unduh/rekening-koran.csv?environment=&from=&to=`.
pub async fn statement_csv(
    State(state): State<AppState>,
    session: Session,
    Query(q): Query<StatementIn>,
) -> Result<Response, ApiError> {
    let e = export(&state, &session, &q, "csv").await?;
    let rows = statement::csv(state.db.clone(), e.partner.partner_id(), e.env, e.period).map_err(|err| {
        tracing::error!(error = %err, "statement export");
        std::io::Error::other("statement export failed")
    });
    Ok(download(&e.name, "text/csv; charset=utf-8", Body::from_stream(rows)))
}

/// `GET /unduh/rekening-koran.xlsx?environment=&from=&to=`.
pub async fn statement_xlsx(
    State(state): State<AppState>,
    session: Session,
    Query(q): Query<StatementIn>,
) -> Result<Response, ApiError> {
    let e = export(&state, &session, &q, "xlsx").await?;
    let path = std::env::temp_dir().join(format!("statement-{}.xlsx", Uuid::new_v4().simple()));
    let written = statement::xlsx(&state.db, e.partner.partner_id(), e.env, e.period, &path).await;
    let opened = match written {
        Ok(()) => tokio::fs::File::open(&path).await.map_err(|e| backend::Error::Unexpected(e.into())),
        Err(e) => Err(e),
    };
    // Unlinked now: the open handle keeps the bytes until they are sent.
    let _ = tokio::fs::remove_file(&path).await;
    let file = opened?;
    let body = Body::from_stream(tokio_util::io::ReaderStream::new(file));
    Ok(download(&e.name, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", body))
}

fn download(name: &str, content_type: &'static str, body: Body) -> Response {
    let disposition = format!("attachment; filename=\"{name}\"");
    let headers = [
        (header::CONTENT_TYPE, HeaderValue::from_static(content_type)),
        (
            header::CONTENT_DISPOSITION,
            HeaderValue::from_str(&disposition).unwrap_or(HeaderValue::from_static("attachment")),
        ),
        (header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff")),
        (header::CACHE_CONTROL, HeaderValue::from_static("private, no-store")),
    ];
    (headers, body).into_response()
}
