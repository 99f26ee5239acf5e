//! Who may open which page, decided on the server before any HTML: an
//! anonymous request for a page that needs a signed-in partner or staff
//! member is answered 303 to the right login page (with a safe `next=`),
//! and a signed-in user opening a login page goes to their home. Without
//! this the redirect only happened after hydration, so without JavaScript
//! (a crawler, a monitor, a slow phone) the portal was blank.
//! A partner page also needs its right (`domain::rights::for_page`): without
//! it the page says "Anda tidak memiliki akses" with HTTP 403. The data
//! inside a page is still the server functions' to guard, each on its own.

use app::ssr::{PARTNER_KEY, STAFF_KEY};
use axum::extract::{Request, State};
use axum::http::{header, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use backend::AppState;
use domain::Problem;
use tower_sessions::Session;

/// What a page needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Need {
    Anyone,
    Partner,
    Staff,
    /// A login page: its own kind of user is sent home.
    PartnerLogin,
    StaffLogin,
    /// `/`: home for a partner, the login page for anyone else.
    Root,
}

/// The portal's pages by path (assets, API and unknown paths: `Anyone`).
pub fn need_of(path: &str) -> Need {
    const PARTNER: [&str; 9] = [
        "/dashboard",
        "/ubah-password",
        "/profil",
        "/integrasi",
        "/koneksi",
        "/produk",
        "/manajemen-user",
        "/laporan",
        "/perangkat",
    ];
    let under = |prefix: &str| path == prefix || path.strip_prefix(prefix).is_some_and(|rest| rest.starts_with('/'));
    match path {
        "/" => Need::Root,
        "/login" => Need::PartnerLogin,
        "/admin" => Need::StaffLogin,
        _ if under("/admin") => Need::Staff,
        _ if PARTNER.iter().any(|p| under(p)) => Need::Partner,
        _ => Need::Anyone,
    }
}

fn see_other(to: &str) -> Response {
    (StatusCode::SEE_OTHER, [(header::LOCATION, to.to_owned())]).into_response()
}

/// `login?next=<this page>`; `next` is percent-encoded and stays on the site.
fn to_login(login: &str, req: &Request) -> Response {
    let here = req.uri().path_and_query().map_or("/", |p| p.as_str());
    match domain::nav::local_path(here) {
        Some(next) => see_other(&format!(
            "{login}?next={}",
            url::form_urlencoded::byte_serialize(next.as_bytes()).collect::<String>()
        )),
        None => see_other(login),
    }
}

async fn signed_in(session: &Session, key: &str) -> bool {
    matches!(session.get::<uuid::Uuid>(key).await, Ok(Some(_)))
}

pub async fn pages(State(state): State<AppState>, session: Session, req: Request, next: Next) -> Response {
    if !matches!(*req.method(), Method::GET | Method::HEAD) {
        return next.run(req).await;
    }
    match need_of(req.uri().path()) {
        Need::Anyone => next.run(req).await,
        Need::Root if signed_in(&session, PARTNER_KEY).await => see_other("/dashboard"),
        Need::Root => see_other("/login"),
        Need::Partner if !signed_in(&session, PARTNER_KEY).await => to_login("/login", &req),
        Need::Partner => partner_page(&state, &session, req, next).await,
        Need::Staff if !signed_in(&session, STAFF_KEY).await => to_login("/admin", &req),
        Need::PartnerLogin if signed_in(&session, PARTNER_KEY).await => see_other("/dashboard"),
        Need::StaffLogin if signed_in(&session, STAFF_KEY).await => see_other("/admin/beranda"),
        _ => next.run(req).await,
    }
}

/// A partner page for a signed-in user: rendered, with 403 when the user
/// lacks its right (the page itself says so); a user deleted or suspended
/// meanwhile goes to the login page.
async fn partner_page(state: &AppState, session: &Session, req: Request, next: Next) -> Response {
    let Ok(Some(id)) = session.get::<uuid::Uuid>(PARTNER_KEY).await else { return to_login("/login", &req) };
    let right = domain::rights::for_page(req.uri().path());
    match backend::authz::partner(&state.db, id, right).await {
        Ok(_) => next.run(req).await,
        Err(backend::Error::Refused(Problem::Forbidden)) => {
            let mut res = next.run(req).await;
            *res.status_mut() = StatusCode::FORBIDDEN;
            res
        }
        Err(backend::Error::Refused(_)) => {
            let _ = session.flush().await;
            to_login("/login", &req)
        }
        Err(e) => {
            tracing::error!(error = %e, "page access check failed");
            StatusCode::SERVICE_UNAVAILABLE.into_response()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_are_sorted_by_who_may_open_them() {
        assert_eq!(need_of("/"), Need::Root);
        assert_eq!(need_of("/dashboard"), Need::Partner);
        assert_eq!(need_of("/profil/lengkapi"), Need::Partner);
        assert_eq!(need_of("/integrasi/nomor-development"), Need::Partner);
        assert_eq!(need_of("/manajemen-user"), Need::Partner);
        assert_eq!(need_of("/perangkat"), Need::Partner);
        assert_eq!(need_of("/laporan/rekening-koran"), Need::Partner);
        assert_eq!(need_of("/admin/mitra/123"), Need::Staff);
        assert_eq!(need_of("/admin"), Need::StaffLogin);
        assert_eq!(need_of("/login"), Need::PartnerLogin);
        for open in
            ["/daftar", "/aktivasi", "/profilx", "/adminx", "/pkg/webopenapi.js", "/api/current_user", "/healthz"]
        {
            assert_eq!(need_of(open), Need::Anyone, "{open}");
        }
    }
}
