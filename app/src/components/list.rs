//! Lists as the manual draws them: "Tampilkan 10 data", "Search:", sortable
//! column heads, "Menampilkan 1 sampai 3 dari 3 entri data" and
//! "Sebelumnya / Selanjutnya". The list's state lives in the address (a
//! plain GET form and links), so it works before the wasm has loaded, can
//! be bookmarked, and the back button walks through it.

use crate::components::form::{encode_query, LoadError};
use crate::error::AppError;
use crate::i18n::use_texts;
use domain::list::PER_PAGE_CHOICES;
use domain::{ListQuery, Page};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// The list state in the page's address (`?q=&per=&sort=&desc=&page=`).
pub fn use_list_query() -> Memo<ListQuery> {
    let query = use_query_map();
    Memo::new(move |_| query.with(|m| ListQuery::from_params(|k| m.get_str(k))))
}

/// One more parameter of the address (a filter), or empty.
pub fn use_query_param(key: &'static str) -> Memo<String> {
    let query = use_query_map();
    Memo::new(move |_| query.with(|m| m.get_str(key).unwrap_or_default().to_owned()))
}

/// `path?query` with the list's parameters and the page's own filters.
pub fn list_href(path: &str, list: &ListQuery, filters: &[(&'static str, String)]) -> String {
    let params: Vec<String> = filters
        .iter()
        .filter(|(_, v)| !v.is_empty())
        .cloned()
        .chain(list.params())
        .map(|(k, v)| format!("{k}={}", encode_query(&v)))
        .collect();
    if params.is_empty() {
        path.to_owned()
    } else {
        format!("{path}?{}", params.join("&"))
    }
}

/// Shows a resource's value with `children`, or what went wrong loading it.
/// (The page's `Suspense` shows the loading state.)
#[component]
pub fn Loaded<T, V>(
    resource: Resource<Result<T, AppError>>,
    children: impl Fn(T) -> V + Send + Sync + 'static,
) -> impl IntoView
where
    T: Clone + Send + Sync + serde::Serialize + serde::de::DeserializeOwned + 'static,
    V: IntoView + 'static,
{
    move || {
        resource.get().map(|r| match r {
            Ok(value) => children(value).into_any(),
            Err(e) => view! { <LoadError e /> }.into_any(),
        })
    }
}

/// A column head; `sort` names the key the server sorts by, if it can.
#[derive(Clone, Copy)]
pub struct Column {
    pub label: &'static str,
    pub sort: Option<&'static str>,
}

impl Column {
    pub fn new(label: &'static str) -> Column {
        Column { label, sort: None }
    }

    pub fn sortable(label: &'static str, key: &'static str) -> Column {
        Column { label, sort: Some(key) }
    }
}

/// The table of one list page: toolbar (page size, the page's `filters`,
/// search), the rows drawn by `row`, the count line and the pager.
/// `filters` are more inputs of the search form; their values (`kept`) are
/// kept in the sort and page links.
#[component]
pub fn DataTable<T, R, V>(
    /// Read by screen readers: what the table lists.
    caption: &'static str,
    /// The page's own address.
    #[prop(into)]
    path: String,
    columns: Vec<Column>,
    page: Page<T>,
    query: ListQuery,
    row: R,
    #[prop(optional)] filters: Option<Children>,
    #[prop(optional)] kept: Vec<(&'static str, String)>,
    #[prop(default = true)] searchable: bool,
    #[prop(optional)] search_hint: Option<&'static str>,
    /// Shown in the table when nothing matches (a default says so).
    #[prop(optional)]
    empty: Option<&'static str>,
) -> impl IntoView
where
    R: Fn(T) -> V + 'static,
    V: IntoView + 'static,
{
    let t = use_texts();
    let id = format!("dt{}", path.replace('/', "-"));
    let columns_count = columns.len();
    let heads = columns.into_iter().map(|c| head(c, &path, &query, &kept)).collect_view();
    let count = t.page_of(page.first(), page.last(), page.total);
    let pager = pager(&path, &query, &kept, &page);
    let rows = body(page.items, row, empty, columns_count);
    view! {
        <div class="datatable">
            <form class="dt-toolbar" method="get" action=path role="search" aria-label=caption>
                {kept.iter().filter(|(_, v)| !v.is_empty()).map(|(k, v)| view! { <input type="hidden" name=*k value=v.clone() /> }).collect_view()}
                {(!query.sort.is_empty()).then(|| view! { <input type="hidden" name="sort" value=query.sort.clone() /> })}
                {query.desc.then(|| view! { <input type="hidden" name="desc" value="true" /> })}
                <div class="dt-length">
                    <label for=format!("{id}-per")>{t.common.show_entries}</label>
                    <select id=format!("{id}-per") name="per" on:change=submit_form>
                        {PER_PAGE_CHOICES.map(|n| view! { <option value=n.to_string() selected=n == query.per_page()>{n}</option> }).collect_view()}
                    </select>
                    <span aria-hidden="true">{t.common.entries_word}</span>
                </div>
                {filters.map(|f| f())}
                {searchable.then(|| view! {
                    <div class="dt-search">
                        <label for=format!("{id}-q")>{t.common.search_label}</label>
                        <input id=format!("{id}-q") name="q" type="search" placeholder=search_hint value=query.q.clone() />
                    </div>
                })}
                <button type="submit" class="btn btn-light">{t.common.search_button}</button>
            </form>
            {frame(caption, heads, rows)}
            <div class="dt-footer">
                <p class="muted" role="status">{count}</p>
                {pager}
            </div>
        </div>
    }
}

/// A whole list as a table (a history, a short list): no search or paging.
#[component]
pub fn Table<T, R, V>(
    /// Read by screen readers: what the table lists.
    caption: &'static str,
    columns: Vec<Column>,
    rows: Vec<T>,
    row: R,
    /// Shown in the table when the list is empty (a default says so).
    #[prop(optional)]
    empty: Option<&'static str>,
) -> impl IntoView
where
    R: Fn(T) -> V + 'static,
    V: IntoView + 'static,
{
    let count = columns.len();
    let heads = columns.into_iter().map(|c| view! { <th scope="col">{c.label}</th> }).collect_view();
    frame(caption, heads, body(rows, row, empty, count))
}

fn frame(caption: &'static str, heads: impl IntoView, rows: AnyView) -> impl IntoView {
    // A wide table scrolls sideways on a phone: the keyboard must reach it
    // too, so its frame takes the focus (a named group for screen readers).
    view! {
        <div class="table-wrap panel" tabindex="0" role="group" aria-label=caption>
            <table class="table">
                <caption class="sr-only">{caption}</caption>
                <thead><tr>{heads}</tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}

/// The rows, or one row saying there is nothing.
fn body<T, V: IntoView + 'static>(
    items: Vec<T>,
    row: impl Fn(T) -> V,
    empty: Option<&'static str>,
    columns: usize,
) -> AnyView {
    if items.is_empty() {
        let text = empty.unwrap_or(use_texts().common.no_data);
        view! { <tr><td colspan=columns.to_string() class="muted empty">{text}</td></tr> }.into_any()
    } else {
        items.into_iter().map(row).collect_view().into_any()
    }
}

/// A filter in a list's search form: a labelled select, sent with the
/// search (at once with the wasm, by the form's button without it).
#[component]
pub fn FilterSelect(
    id: &'static str,
    label: &'static str,
    /// The address parameter it sets.
    name: &'static str,
    /// (value, text) pairs.
    options: Vec<(String, String)>,
    chosen: String,
) -> impl IntoView {
    view! {
        <div class="dt-filter">
            <label for=id>{label}</label>
            <select id=id name=name on:change=submit_form>
                {options.into_iter().map(|(v, text)| view! { <option selected=chosen == v value=v>{text}</option> }).collect_view()}
            </select>
        </div>
    }
}

/// A choice made in the search form (page size, a filter): send the form
/// (with the wasm; without it the form's button does).
fn submit_form(ev: leptos::ev::Event) {
    use wasm_bindgen::JsCast;
    let form = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlSelectElement>().ok()).and_then(|s| s.form());
    if let Some(form) = form {
        let _ = form.request_submit();
    }
}

fn head(c: Column, path: &str, query: &ListQuery, kept: &[(&'static str, String)]) -> AnyView {
    let Some(key) = c.sort else {
        return view! { <th scope="col">{c.label}</th> }.into_any();
    };
    let state = match query.sorted_by(key) {
        Some(true) => "descending",
        Some(false) => "ascending",
        None => "none",
    };
    let arrow = match query.sorted_by(key) {
        Some(true) => "▼",
        Some(false) => "▲",
        None => "↕",
    };
    let href = list_href(path, &query.sorted(key), kept);
    view! {
        <th scope="col" aria-sort=state>
            <a class="sort" href=href>{c.label}" "<span aria-hidden="true">{arrow}</span></a>
        </th>
    }
    .into_any()
}

/// "Sebelumnya 1 2 3 Selanjutnya": links (keyboard reachable), the current
/// page marked, the ends shown but not links.
fn pager<T>(path: &str, query: &ListQuery, kept: &[(&'static str, String)], page: &Page<T>) -> impl IntoView {
    let t = use_texts();
    let (current, pages) = (page.page, page.pages());
    let link = |n: u64| list_href(path, &query.at_page(n), kept);
    let step = move |label: &'static str, to: Option<u64>| match to {
        Some(n) => view! { <a class="page-link" href=link(n)>{label}</a> }.into_any(),
        None => view! { <span class="page-link disabled" aria-disabled="true">{label}</span> }.into_any(),
    };
    // At most five numbers, around the current page.
    let from = current.saturating_sub(2).min(pages.saturating_sub(5));
    let numbers = (from..pages.min(from + 5))
        .map(|n| {
            let here = (n == current).then_some("page");
            view! { <a class="page-link" href=link(n) aria-current=here>{n + 1}</a> }
        })
        .collect_view();
    view! {
        <nav class="pager" aria-label=t.common.pages_label>
            {step(t.common.prev_page, current.checked_sub(1))}
            {numbers}
            {step(t.common.next_page, (current + 1 < pages).then_some(current + 1))}
        </nav>
    }
}

/// "Unduh CSV" and "Unduh Excel" of a report (`/unduh/<report>.csv|xlsx`)
/// with the filters the page shows.
#[component]
pub fn Downloads(report: &'static str, params: Vec<(&'static str, String)>) -> impl IntoView {
    let t = use_texts();
    let query: Vec<String> = params.iter().map(|(k, v)| format!("{k}={}", encode_query(v))).collect();
    let query = query.join("&");
    let (csv, xlsx) = (format!("/unduh/{report}.csv?{query}"), format!("/unduh/{report}.xlsx?{query}"));
    view! {
        <a class="btn btn-light" href=csv download="">{t.reports.download_csv}</a>" "
        <a class="btn btn-light" href=xlsx download="">{t.reports.download_xlsx}</a>
    }
}

/// A cursor-paged list's "Halaman pertama" (when past the first page) and
/// "Halaman berikutnya" (when more follow): `go` gets the cursor to show
/// from, empty for the first page.
#[component]
pub fn CursorPager(paged: bool, next: Option<String>, go: Callback<String>) -> impl IntoView {
    let t = use_texts();
    view! {
        <p class="actions-line">
            {paged.then(|| view! {
                <button type="button" class="btn btn-light" on:click=move |_| go.run(String::new())>{t.reports.first}</button>
            })}
            {next.map(|cursor| view! {
                <button type="button" class="btn btn-light" on:click=move |_| go.run(cursor.clone())>{t.reports.next}</button>
            })}
        </p>
    }
}
