//! Upload and download of profile documents (plain HTTP: multipart in,
//! bytes out), behind the same session and CSRF layers as everything else.

use crate::reports::{as_csv, as_xlsx};
use app::error::AppError;
use app::ssr::{PARTNER_KEY, STAFF_KEY};
use axum::extract::{DefaultBodyLimit, Multipart, Path, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post, MethodRouter};
use axum::{Json, Router};
use backend::onboarding::{self, Viewer};
use backend::AppState;
use domain::reports::{DayIn, RecapIn, StatementIn, TxSearchIn};
use domain::rights::Right;
use domain::staff::Permission;
use domain::Problem;
use tower_sessions::Session;
use uuid::Uuid;

/// Who may use a plain route: said once beside it, and checked by the
/// access sweep test over every route of `table` (a new route is swept
/// the day it is added).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Guard {
    /// Anyone, signed in or not (nothing secret in it).
    Public,
    /// A partner user holding the right (staff too, where they see files).
    Partner(Right),
}

/// Every plain route: method, path, who may use it, handler.
pub fn table(max_upload: usize) -> Vec<(&'static str, &'static str, Guard, MethodRouter<AppState>)> {
    vec![
        (
            "POST",
            "/api/dokumen/{doc_type}",
            Guard::Partner(Right::SubmitProfil),
            post(upload).layer(DefaultBodyLimit::max(max_upload + 64 * 1024)),
        ),
        ("GET", "/dokumen/{id}", Guard::Partner(Right::SubmitProfil), get(download)),
        // Two files in one request: twice the document limit.
        (
            "POST",
            "/api/uat",
            Guard::Partner(Right::RequestUat),
            post(uat_upload).layer(DefaultBodyLimit::max(2 * max_upload + 64 * 1024)),
        ),
        ("GET", "/uat/{id}/{kind}", Guard::Partner(Right::RequestUat), get(uat_download)),
        ("GET", "/contoh/uat-inquiry-payment.xlsx", Guard::Public, get(uat_examples)),
        // The gateway's protocol is no secret: partners' tools read it.
        ("GET", "/dokumentasi/openapi.json", Guard::Public, get(crate::openapi::serve)),
        ("GET", "/dokumentasi/postman.json", Guard::Public, get(crate::postman::serve)),
        ("GET", "/unduh/rekening-koran.csv", Guard::Partner(Right::RekeningKoran), get(as_csv::<StatementIn>)),
        ("GET", "/unduh/rekening-koran.xlsx", Guard::Partner(Right::RekeningKoran), get(as_xlsx::<StatementIn>)),
        ("GET", "/unduh/status-transaksi.csv", Guard::Partner(Right::StatusTransaksi), get(as_csv::<TxSearchIn>)),
        ("GET", "/unduh/status-transaksi.xlsx", Guard::Partner(Right::StatusTransaksi), get(as_xlsx::<TxSearchIn>)),
        ("GET", "/unduh/pelunasan-harian.csv", Guard::Partner(Right::PelunasanHarian), get(as_csv::<DayIn>)),
        ("GET", "/unduh/pelunasan-harian.xlsx", Guard::Partner(Right::PelunasanHarian), get(as_xlsx::<DayIn>)),
        ("GET", "/unduh/rekap-pelunasan.csv", Guard::Partner(Right::RekapPelunasan), get(as_csv::<RecapIn>)),
        ("GET", "/unduh/rekap-pelunasan.xlsx", Guard::Partner(Right::RekapPelunasan), get(as_xlsx::<RecapIn>)),
        (
            "GET",
            "/unduh/rekonsiliasi.csv",
            Guard::Partner(Right::PelunasanHarian),
            get(crate::reports::reconciliation_csv),
        ),
    ]
}

pub fn routes(max_upload: usize) -> Router<AppState> {
    table(max_upload).into_iter().fold(Router::new(), |r, (_, path, _, handler)| r.route(path, handler))
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

pub(crate) fn refused(p: Problem) -> ApiError {
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

/// Who is asking for a file: its owner (a signed-in partner user holding
/// `right`) or staff who
/// may see partners. Deactivated staff, or a role without partner rights,
/// see nothing: anyone not allowed gets 404, never a hint that the file exists.
async fn viewer(state: &AppState, session: &Session, right: Right) -> Result<Viewer, ApiError> {
    let not_found = |_| refused(Problem::NotFound);
    match (session_id(session, STAFF_KEY).await, session_id(session, PARTNER_KEY).await) {
        (Some(staff), _) => Ok(Viewer::Staff(
            backend::authz::staff(&state.db, staff, Permission::ViewPartners).await.map_err(not_found)?,
        )),
        (None, Some(partner)) => {
            Ok(Viewer::Partner(backend::authz::partner(&state.db, partner, Some(right)).await.map_err(not_found)?))
        }
        (None, None) => Err(refused(Problem::NotFound)),
    }
}

/// Served only to the owner and to staff; everyone else gets 404.
async fn download(
    State(state): State<AppState>,
    session: Session,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    let viewer = viewer(&state, &session, Right::SubmitProfil).await?;
    let file = onboarding::document_file(&state, viewer, &id).await?;
    Ok(file_response(&file.name, &file.content_type, file.bytes))
}

/// A stored file: shown in the browser when it can (PDF, images), saved
/// otherwise; never sniffed into something else, never cached.
fn file_response(name: &str, content_type: &str, bytes: Vec<u8>) -> Response {
    let inline = content_type == "application/pdf" || content_type.starts_with("image/");
    let how = if inline { "inline" } else { "attachment" };
    let disposition = format!("{how}; filename*=UTF-8''{}", percent_encode(name));
    let headers = [
        (
            header::CONTENT_TYPE,
            HeaderValue::from_str(content_type).unwrap_or(HeaderValue::from_static("application/octet-stream")),
        ),
        (header::CONTENT_DISPOSITION, HeaderValue::from_str(&disposition).unwrap_or(HeaderValue::from_static(how))),
        (header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff")),
        (header::CACHE_CONTROL, HeaderValue::from_static("private, no-store")),
    ];
    (headers, bytes).into_response()
}

/// "Tambah Data" → "Simpan" of Request UAT: the product and its two files
/// (`inquiry`, `struk`) in one multipart form.
async fn uat_upload(
    State(state): State<AppState>,
    session: Session,
    mut form: Multipart,
) -> Result<Json<domain::uat::UatRequestOut>, ApiError> {
    let user = session_id(&session, PARTNER_KEY).await.ok_or(refused(Problem::NotLoggedIn))?;
    let me = backend::authz::partner(&state.db, user, Some(Right::RequestUat)).await?;
    let (mut code, mut inquiry, mut struk) = (String::new(), None, None);
    while let Some(field) = form.next_field().await.map_err(|_| refused(Problem::FileTooLarge))? {
        let name = field.name().unwrap_or_default().to_owned();
        let file_name = field.file_name().unwrap_or_default().to_owned();
        let bytes = field.bytes().await.map_err(|_| refused(Problem::FileTooLarge))?;
        let evidence = || backend::uat::Evidence { name: file_name.clone(), bytes: bytes.to_vec() };
        match name.as_str() {
            "code" => code = String::from_utf8_lossy(&bytes).trim().to_owned(),
            "inquiry" => inquiry = Some(evidence()),
            "struk" => struk = Some(evidence()),
            _ => {}
        }
    }
    let missing = |field: &str| ApiError(AppError::Invalid(vec![domain::FieldError::new(field, Problem::Required)]));
    if code.is_empty() {
        return Err(missing("code"));
    }
    let inquiry = inquiry.ok_or_else(|| missing("inquiry"))?;
    let struk = struk.ok_or_else(|| missing("struk"))?;
    Ok(Json(backend::uat::request(&state, &me, &code, inquiry, struk).await?))
}

/// A Request UAT's file, for its owner and staff only.
async fn uat_download(
    State(state): State<AppState>,
    session: Session,
    Path((id, kind)): Path<(String, String)>,
) -> Result<Response, ApiError> {
    let viewer = viewer(&state, &session, Right::RequestUat).await?;
    let id = id.parse::<domain::UatRequestId>().map_err(|_| refused(Problem::NotFound))?;
    let kind = domain::uat::UatFileKind::from_code(&kind).ok_or(refused(Problem::NotFound))?;
    let (name, content_type, bytes) = backend::uat::file(&state, &viewer, id, kind).await?;
    Ok(file_response(&name, &content_type, bytes))
}

/// "Download contoh Inquiry dan Payment": no secret in it, served to anyone.
async fn uat_examples() -> Result<Response, ApiError> {
    let bytes = backend::uat::examples_workbook()?;
    let xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    Ok(file_response("contoh-uat-inquiry-payment.xlsx", xlsx, bytes))
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
