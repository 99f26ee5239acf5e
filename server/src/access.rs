//! Who may open which page, decided on the server before any HTML: an
//! anonymous request for a page that needs a signed-in partner or staff
//! member is answered 303 to the right login page (with a safe `next=`),
//! and a signed-in user opening a login page goes to their home. Without
//! this the redirect only happened after hydration, so without JavaScript
//! (a crawler, a monitor, a slow phone) the portal was blank.
//! Rights inside a page are still the server functions' to enforce.

use app::ssr::{PARTNER_KEY, STAFF_KEY};
use axum::extract::Request;
use axum::http::{header, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
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
    const PARTNER: [&str; 6] = ["/dashboard", "/ubah-password", "/profil", "/integrasi", "/koneksi", "/produk"];
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

pub async fn pages(session: Session, req: Request, next: Next) -> Response {
    if !matches!(*req.method(), Method::GET | Method::HEAD) {
        return next.run(req).await;
    }
    match need_of(req.uri().path()) {
        Need::Anyone => next.run(req).await,
        Need::Root if signed_in(&session, PARTNER_KEY).await => see_other("/dashboard"),
        Need::Root => see_other("/login"),
        Need::Partner if !signed_in(&session, PARTNER_KEY).await => to_login("/login", &req),
        Need::Staff if !signed_in(&session, STAFF_KEY).await => to_login("/admin", &req),
        Need::PartnerLogin if signed_in(&session, PARTNER_KEY).await => see_other("/dashboard"),
        Need::StaffLogin if signed_in(&session, STAFF_KEY).await => see_other("/admin/beranda"),
        _ => next.run(req).await,
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
