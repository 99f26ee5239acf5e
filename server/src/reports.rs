//! Report downloads (plain HTTP, behind the session layers): every report
//! of `backend::reports::export::Report` as CSV, streamed batch by batch,
//! and as XLSX, written to a temporary file with constant memory and
//! streamed from it — memory stays flat however long the period.

use crate::documents::{refused, ApiError};
use app::ssr::{PARTNER_KEY, STAFF_KEY};
use axum::body::Body;
use axum::extract::{Query, State};
use axum::http::{header, HeaderValue};
use axum::response::{IntoResponse, Response};
use backend::reports::export::{self, Report, Table};
use backend::AppState;
use domain::rights::Right;
use domain::staff::Permission;
use domain::Problem;
use futures_util::TryStreamExt;
use std::sync::Arc;
use tower_sessions::Session;
use uuid::Uuid;

/// Staff name the partner whose report they download: `?mitra=<merchant ID>`.
#[derive(serde::Deserialize, Default)]
#[serde(default)]
pub struct Mitra {
    mitra: String,
}

/// Whose report it is: staff who may see partners get the partner the
/// merchant ID names (anyone else asking with `mitra` gets 404, never a
/// hint); otherwise the signed-in partner's own, if their user holds `right`.
async fn owner(state: &AppState, session: &Session, mitra: &str, right: Right) -> Result<Uuid, ApiError> {
    let staff = session.get::<Uuid>(STAFF_KEY).await.ok().flatten();
    if let (Some(staff), m) = (staff, mitra.trim()) {
        if !m.is_empty() {
            let not_found = |_| refused(Problem::NotFound);
            backend::authz::staff(&state.db, staff, Permission::ViewPartners).await.map_err(not_found)?;
            return backend::reports::staff::partner(&state.db, m).await.map_err(not_found);
        }
    }
    let user = session.get::<Uuid>(PARTNER_KEY).await.ok().flatten().ok_or(refused(Problem::NotLoggedIn))?;
    Ok(backend::authz::partner(&state.db, user, Some(right)).await?.partner_id())
}

/// The table of the report `q` asks for, and its file name.
async fn sheet<R: Report>(
    state: &AppState,
    session: &Session,
    mitra: &Mitra,
    q: &R,
    ext: &str,
) -> Result<(R::Sheet, String), ApiError> {
    let partner = owner(state, session, &mitra.mitra, R::RIGHT).await?;
    let (table, period) = q.sheet(partner)?;
    let name = export::file_name(&state.db, partner, R::SLUG, period, ext).await?;
    Ok((table, name))
}

/// `GET /unduh/<report>.csv?…` (the report page's filters).
pub async fn as_csv<R: Report>(
    State(state): State<AppState>,
    session: Session,
    Query(mitra): Query<Mitra>,
    Query(q): Query<R>,
) -> Result<Response, ApiError> {
    let (table, name) = sheet(&state, &session, &mitra, &q, "csv").await?;
    let title = table.title();
    let rows = export::csv(state.db.clone(), Arc::new(table)).map_err(move |err| {
        tracing::error!(error = %err, report = title, "export");
        std::io::Error::other("export failed")
    });
    Ok(download(&name, "text/csv; charset=utf-8", Body::from_stream(rows)))
}

/// `GET /unduh/<report>.xlsx?…`.
pub async fn as_xlsx<R: Report>(
    State(state): State<AppState>,
    session: Session,
    Query(mitra): Query<Mitra>,
    Query(q): Query<R>,
) -> Result<Response, ApiError> {
    let (table, name) = sheet(&state, &session, &mitra, &q, "xlsx").await?;
    let path = std::env::temp_dir().join(format!("export-{}.xlsx", Uuid::new_v4().simple()));
    let opened = match export::xlsx(&state.db, &table, &path).await {
        Ok(()) => tokio::fs::File::open(&path).await.map_err(|e| backend::Error::Unexpected(e.into())),
        Err(e) => Err(e),
    };
    // Unlinked now: the open handle keeps the bytes until they are sent.
    let _ = tokio::fs::remove_file(&path).await;
    let body = Body::from_stream(tokio_util::io::ReaderStream::new(opened?));
    Ok(download(&name, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", body))
}

pub(crate) fn download(name: &str, content_type: &'static str, body: Body) -> Response {
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

#[derive(serde::Deserialize, Default)]
#[serde(default)]
pub struct FileDay {
    day: String,
}

/// `GET /unduh/rekonsiliasi.csv?day=YYYY-MM-DD` (empty: yesterday): the
/// partner's daily reconciliation file, as made once the day was over.
pub async fn reconciliation_csv(
    State(state): State<AppState>,
    session: Session,
    Query(q): Query<FileDay>,
) -> Result<Response, ApiError> {
    let user = session.get::<Uuid>(PARTNER_KEY).await.ok().flatten().ok_or(refused(Problem::NotLoggedIn))?;
    let partner = backend::authz::partner(&state.db, user, Some(Right::PelunasanHarian)).await?;
    let yesterday = backend::infra::wib::date_of(chrono::Utc::now()) - chrono::Duration::days(1);
    let day = match q.day.trim() {
        "" => yesterday,
        d => chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d")
            .map_err(|_| backend::Error::field("day", Problem::Required))?,
    };
    let f = backend::reports::daily_file::file(&state.db, partner.partner_id(), day).await?;
    let name = export::file_name(&state.db, partner.partner_id(), "rekonsiliasi", (day, day), "csv").await?;
    Ok(download(&name, "text/csv; charset=utf-8", Body::from(f.body)))
}
