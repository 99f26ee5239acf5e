//! The API log as partners and staff see it: the table with its filters,
//! and one request in full.

use crate::components::list::{Column, DataTable, FilterSelect};
use crate::components::status::{Chip, Tone};
use crate::i18n::use_texts;
use domain::apilog::{ApiLogDetail, ApiLogFilter, ApiLogOut, AuthOutcome};
use domain::{ApiLogId, Env, ListQuery, Page};
use leptos::prelude::*;

/// The filters of the log read from the address (`env`, `auth`, `rc`).
pub fn filter_of(env: &str, auth: &str, rc: &str) -> ApiLogFilter {
    ApiLogFilter {
        environment: Env::from_code(env),
        auth: AuthOutcome::from_code(auth),
        rc: (!rc.trim().is_empty()).then(|| rc.trim().to_owned()),
    }
}

/// A filter value as the address carries it.
fn code_of<T: Copy>(v: Option<T>, code: impl Fn(T) -> &'static str) -> String {
    v.map(code).unwrap_or_default().to_owned()
}

fn tone_of(r: &ApiLogOut) -> Tone {
    match (r.auth, r.rc.as_deref()) {
        (AuthOutcome::Ok, Some("00") | None) => Tone::Ok,
        (AuthOutcome::Ok, Some("71")) => Tone::Pending,
        (AuthOutcome::NoHeader, _) => Tone::None,
        _ => Tone::Bad,
    }
}

/// The log's table: newest first, filters, paging; each row links to
/// `detail(id)`.
#[component]
pub fn ApiLogTable(
    page: Page<ApiLogOut>,
    query: ListQuery,
    filter: ApiLogFilter,
    /// The page's own address.
    #[prop(into)]
    path: String,
    detail: fn(ApiLogId) -> String,
) -> impl IntoView {
    let t = use_texts();
    let columns = [
        t.common.col_time,
        t.finance.environment_label,
        t.integration.col_path,
        "IP",
        t.integration.col_auth,
        "rc",
        t.integration.col_latency,
        t.integration.detail,
    ]
    .map(Column::new)
    .to_vec();
    let envs: Vec<(String, String)> = std::iter::once((String::new(), t.common.all.to_owned()))
        .chain(Env::ALL.iter().map(|e| (e.code().to_owned(), e.label().to_owned())))
        .collect();
    let outcomes: Vec<(String, String)> = std::iter::once((String::new(), t.common.all.to_owned()))
        .chain(AuthOutcome::ALL.iter().map(|o| (o.code().to_owned(), t.auth_outcome(*o).to_owned())))
        .collect();
    let env = code_of(filter.environment, Env::code);
    let auth = code_of(filter.auth, AuthOutcome::code);
    let rc = filter.rc.clone().unwrap_or_default();
    let kept = vec![("env", env.clone()), ("auth", auth.clone()), ("rc", rc.clone())];
    let filters = move || {
        let rc = rc.clone();
        view! {
            <FilterSelect id="log-env" label=t.integration.filter_env name="env" options=envs.clone() chosen=env.clone() />
            <FilterSelect id="log-auth" label=t.integration.filter_auth name="auth" options=outcomes.clone() chosen=auth.clone() />
            <div class="dt-filter">
                <label for="log-rc">{t.integration.filter_rc}</label>
                <input id="log-rc" name="rc" type="text" inputmode="numeric" size="3" maxlength="4" value=rc />
            </div>
        }
        .into_any()
    };
    let row = move |r: ApiLogOut| {
        let tone = tone_of(&r);
        let href = detail(r.id);
        view! {
            <tr>
                <td>{r.at.clone()}</td>
                <td>{r.environment.label()}</td>
                <td><code>{format!("{} {}", r.method, r.path)}</code>{r.product_code.clone().map(|p| view! { <br /><span class="muted small">{p}" · "{r.reference_id.clone().unwrap_or_default()}</span> })}</td>
                <td><code>{r.client_ip.clone()}</code></td>
                <td><Chip tone text=t.auth_outcome(r.auth) /></td>
                <td><code>{r.rc.clone().unwrap_or_else(|| r.http_status.to_string())}</code></td>
                <td class="num">{format!("{} ms", r.latency_ms)}</td>
                <td><a href=href aria-label=format!("{} {}", t.integration.detail, r.at)>{t.integration.detail}</a></td>
            </tr>
        }
    };
    view! {
        <DataTable
            caption=t.integration.log_title
            path
            columns
            page
            query
            kept
            filters=Box::new(filters)
            row
            empty=t.integration.log_empty
        />
    }
}

/// One request in full: its facts and its masked bodies.
#[component]
pub fn ApiLogDetailView(d: ApiLogDetail) -> impl IntoView {
    let t = use_texts();
    let r = d.row;
    let body = |b: Option<String>| match b {
        Some(text) => view! { <pre class="code-block">{pretty(&text)}</pre> }.into_any(),
        None => view! { <p class="muted">{t.integration.no_body}</p> }.into_any(),
    };
    view! {
        <dl class="facts">
            <dt>{t.common.col_time}</dt><dd>{r.at}</dd>
            <dt>{t.finance.environment_label}</dt><dd>{r.environment.label()}</dd>
            <dt>{t.integration.col_path}</dt><dd><code>{format!("{} {}", r.method, r.path)}</code></dd>
            <dt>"IP"</dt><dd><code>{r.client_ip}</code></dd>
            <dt>"Username"</dt><dd><code>{d.username.unwrap_or_default()}</code></dd>
            <dt>{t.integration.col_auth}</dt><dd data-testid="log-auth">{t.auth_outcome(r.auth)}</dd>
            <dt>{t.integration.session_label}</dt><dd>{r.session.map(|s| t.session_outcome(s)).unwrap_or("–")}</dd>
            <dt>"rc"</dt><dd><code>{r.rc.unwrap_or_else(|| "–".into())}</code>" (HTTP "{r.http_status}")"</dd>
            <dt>{t.integration.col_latency}</dt><dd>{format!("{} ms", r.latency_ms)}</dd>
        </dl>
        <h2>{t.integration.request_body}</h2>
        {body(d.request_body)}
        <h2>{t.integration.response_body}</h2>
        {body(d.response_body)}
    }
}

/// JSON laid out for reading; anything else as it is.
fn pretty(text: &str) -> String {
    serde_json::from_str::<serde_json::Value>(text)
        .ok()
        .and_then(|v| serde_json::to_string_pretty(&v).ok())
        .unwrap_or_else(|| text.to_owned())
}
