//! Upload and download of profile documents (plain HTTP: multipart in,
//! bytes out), behind the same session and CSRF layers as everything else.

use app::error::AppError;
use app::ssr::{PARTNER_KEY, STAFF_KEY};
use axum::extract::{DefaultBodyLimit, Multipart, Path, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use backend::onboarding::{self, Viewer};
use backend::AppState;
use domain::rights::Right;
use domain::staff::Permission;
use domain::Problem;
use tower_sessions::Session;
use uuid::Uuid;

pub fn routes(max_upload: usize) -> Router<AppState> {
    Router::new()
        .route("/api/dokumen/{doc_type}", post(upload).layer(DefaultBodyLimit::max(max_upload + 64 * 1024)))
        .route("/dokumen/{id}", get(download))
}

/// `AppError` as JSON with a fitting status code.
pub struct ApiError(AppError);

impl From<backend::Error> for ApiError {
    fn from(e: backend::Error) -> Self {
        ApiError(e.into())
    }
}

impl IntoResponse for ApiError {
    /// The one status mapping of every server function (`AppError::http_status`).
    fn into_response(self) -> Response {
        let status = StatusCode::from_u16(self.0.http_status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        (status, Json(self.0)).into_response()
    }
}

fn refused(p: Problem) -> ApiError {
    ApiError(AppError::Problem(p))
}

async fn session_id(session: &Session, key: &str) -> Option<Uuid> {
    session.get::<Uuid>(key).await.ok().flatten()
}

async fn upload(
    State(state): State<AppState>,
    session: Session,
    Path(doc_type): Path<String>,
    mut form: Multipart,
) -> Result<Json<domain::profile::DocumentOut>, ApiError> {
    let user = session_id(&session, PARTNER_KEY).await.ok_or(refused(Problem::NotLoggedIn))?;
    let me = backend::authz::partner(&state.db, user, Some(Right::SubmitProfil)).await?;
    while let Some(field) = form.next_field().await.map_err(|_| refused(Problem::FileTooLarge))? {
        if field.name() == Some("file") {
            let name = field.file_name().unwrap_or_default().to_owned();
            let bytes = field.bytes().await.map_err(|_| refused(Problem::FileTooLarge))?;
            return Ok(Json(onboarding::upload_document(&state, &me, &doc_type, &name, bytes.to_vec()).await?));
        }
    }
    Err(refused(Problem::FileEmpty))
}

/// Served only to the owner and to staff; everyone else gets 404.
async fn download(
    State(state): State<AppState>,
    session: Session,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    // Deactivated staff, or a role without partner rights, see nothing:
    // anyone not allowed gets 404, never a hint that the file exists.
    let not_found = |_| refused(Problem::NotFound);
    let viewer = match (session_id(&session, STAFF_KEY).await, session_id(&session, PARTNER_KEY).await) {
        (Some(staff), _) => {
            Viewer::Staff(backend::authz::staff(&state.db, staff, Permission::ViewPartners).await.map_err(not_found)?)
        }
        (None, Some(partner)) => {
            Viewer::Partner(backend::authz::partner(&state.db, partner, None).await.map_err(not_found)?)
        }
        (None, None) => return Err(refused(Problem::NotFound)),
    };
    let file = onboarding::document_file(&state, viewer, &id).await?;
    let disposition = format!("inline; filename*=UTF-8''{}", percent_encode(&file.name));
    let headers = [
        (
            header::CONTENT_TYPE,
            HeaderValue::from_str(&file.content_type).unwrap_or(HeaderValue::from_static("application/octet-stream")),
        ),
        (
            header::CONTENT_DISPOSITION,
            HeaderValue::from_str(&disposition).unwrap_or(HeaderValue::from_static("inline")),
        ),
        (header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff")),
        (header::CACHE_CONTROL, HeaderValue::from_static("private, no-store")),
    ];
    Ok((headers, file.bytes).into_response())
}

/// RFC 5987 encoding for `filename*`.
fn percent_encode(name: &str) -> String {
    name.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'.' | b'-' | b'_' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}
