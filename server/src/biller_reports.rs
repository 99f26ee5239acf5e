//! Our report URL for the pulsa provider (seed 002 "IP Report"):
//! `/biller/{name}/report`, by GET or POST, from the provider's configured
//! addresses only. The status line may come as the raw body or as any query
//! or form value (the seed names no parameter). The provider is answered
//! `OK` whenever the report was taken — also for a repeat or an unknown
//! refid, which change nothing — so it does not keep resending.

use axum::body::Bytes;
use axum::extract::{ConnectInfo, Path, RawQuery, Request, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::any;
use axum::Router;
use backend::billers::pulsa::report::{receive, Received};
use backend::AppState;
use std::net::SocketAddr;

/// The most a report may weigh (one status line).
const REPORT_MAX: usize = 8 * 1024;

pub fn routes(state: AppState) -> Router {
    Router::new()
        .route("/biller/{name}/report", any(report))
        .layer(axum::middleware::from_fn(crate::telemetry::track))
        .with_state(state)
}

/// The values of a query or form string, decoded.
fn values(encoded: &str) -> impl Iterator<Item = String> + '_ {
    url::form_urlencoded::parse(encoded.as_bytes()).map(|(_, v)| v.into_owned())
}

async fn report(
    State(state): State<AppState>,
    Path(name): Path<String>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    RawQuery(query): RawQuery,
    req: Request,
) -> Response {
    let forwarded = req.headers().get("x-forwarded-for").and_then(|v| v.to_str().ok()).map(str::to_owned);
    let ip = app::client_ip::resolve(peer.ip(), forwarded.as_deref(), state.config.trusted_proxy_addrs());
    let Ok(body) = axum::body::to_bytes(req.into_body(), REPORT_MAX).await else {
        return (StatusCode::PAYLOAD_TOO_LARGE, "terlalu besar").into_response();
    };
    let candidates = candidates(&body, query.as_deref());
    match receive(&state, &name, ip, &candidates).await {
        Ok(Received::Refused) => (StatusCode::FORBIDDEN, "ditolak").into_response(),
        Ok(_) => "OK".into_response(),
        Err(e) => {
            tracing::error!(error = %e, biller = %name, "report not handled");
            (StatusCode::SERVICE_UNAVAILABLE, "coba lagi").into_response()
        }
    }
}

/// Where a status line may be: the body as it is, the body's form values,
/// the query's values — and, for a provider that reports the reply's fields
/// as parameters (`refid`, `trxid`, `status`, `sn`, `ket`, …), the line they
/// make.
fn candidates(body: &Bytes, query: Option<&str>) -> Vec<String> {
    let text = String::from_utf8_lossy(body).into_owned();
    let mut out = Vec::new();
    let mut forms = Vec::new();
    if !text.trim().is_empty() {
        out.extend(values(&text));
        forms.push(text.clone());
        out.push(text);
    }
    out.extend(query.into_iter().flat_map(values));
    forms.extend(query.map(str::to_owned));
    out.extend(forms.iter().filter_map(|f| line_of_fields(f)));
    out
}

/// The seed's line from fields sent one by one, if they name a refid and a status.
fn line_of_fields(encoded: &str) -> Option<String> {
    let fields: std::collections::HashMap<String, String> = url::form_urlencoded::parse(encoded.as_bytes())
        .map(|(k, v)| (k.to_ascii_lowercase(), v.trim().to_owned()))
        .collect();
    let get = |keys: &[&str]| keys.iter().find_map(|k| fields.get(*k).filter(|v| !v.is_empty()).cloned());
    let refid = get(&["refid", "reffid"])?;
    let status = get(&["status"])?;
    let trxid = get(&["trxid"]).unwrap_or_else(|| "-".into());
    let product = get(&["product", "kodeproduk"]).unwrap_or_default();
    let dest = get(&["dest", "tujuan"]).unwrap_or_default();
    let middle = if status.eq_ignore_ascii_case("sukses") {
        format!("SUKSES#SN:{}", get(&["sn"]).unwrap_or_default())
    } else {
        format!("{status}; {}", get(&["ket", "message", "keterangan"]).unwrap_or_default())
    };
    Some(format!("#{trxid}#{product}#ke:{dest}#{middle}#Reffid:{refid}#"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_line_is_found_in_the_body_a_form_or_the_query() {
        let line = "#1#S10#ke:0812#SUKSES#SN:1# Sisa saldo Rp.1-Rp. 1=Rp. 0#Reffid:ab#";
        assert!(candidates(&Bytes::from(line), None).contains(&line.to_owned()));
        let form = format!("msg={}", url::form_urlencoded::byte_serialize(line.as_bytes()).collect::<String>());
        assert!(candidates(&Bytes::from(form.clone()), None).contains(&line.to_owned()));
        assert!(candidates(&Bytes::new(), Some(&form)).contains(&line.to_owned()));
    }

    #[test]
    fn fields_sent_one_by_one_make_the_line() {
        let q = "trxid=T1&refid=ab&status=SUKSES&sn=0412&dest=0812&product=S10";
        let found = candidates(&Bytes::new(), Some(q));
        assert!(found.contains(&"#T1#S10#ke:0812#SUKSES#SN:0412#Reffid:ab#".to_owned()), "{found:?}");
        let failed = line_of_fields("refid=ab&status=GAGAL&ket=Dibatalkan provider.").unwrap();
        assert_eq!(failed, "#-##ke:#GAGAL; Dibatalkan provider.#Reffid:ab#");
        assert!(line_of_fields("status=SUKSES").is_none());
    }
}
