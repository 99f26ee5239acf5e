//! "Mitra" for staff: search partners by name, merchant ID, phone or e-mail
//! and state; one partner's page with profile, documents and history.

use super::audit::{AuditTable, Pager};
use super::partner_finance::{FinanceState, PartnerFinance};
use super::queue::status_text;
use super::review::{DocPreview, ModeratedStamp, ProfileFacts};
use super::StaffPage;
use crate::components::form::encode_query;
use crate::components::form::LoadError;
use crate::error::AppError;
use crate::i18n::use_texts;
use crate::pages::profile::{doc_name, doc_status_class, doc_status_text};
use crate::server_fns::moderation::{partner, partners};
use domain::moderation::{PartnerDetailOut, PartnerPage, ReviewOut};
use domain::profile::ProfileStatus;
use domain::staff::{Permission, StaffOut};
use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};

#[component]
pub fn PartnersPage() -> impl IntoView {
    let query = use_query_map();
    let q = move || query.read().get("q").unwrap_or_default();
    let status = move || query.read().get("status").unwrap_or_default();
    let page = move || query.read().get("page").and_then(|p| p.parse::<u64>().ok()).unwrap_or(0);
    let list = Resource::new(move || (q(), status(), page()), |(q, s, p)| partners(q, s, p));
    view! {
        <StaffPage render=move |_| view! { <Partners list q=Signal::derive(q) status=Signal::derive(status) /> } />
    }
}

#[component]
fn Partners(list: Resource<Result<PartnerPage, AppError>>, q: Signal<String>, status: Signal<String>) -> impl IntoView {
    let t = use_texts();
    let states = [
        ("", t.all),
        ("draft", t.status_incomplete),
        ("submitted", t.status_submitted),
        ("rejected", t.status_rejected),
        ("approved", t.status_approved),
    ];
    view! {
        <h1 class="page-title">{t.admin_partners}</h1>
        // A plain GET form: searching works before (and without) the wasm.
        <form class="toolbar" method="get" action="/admin/mitra" role="search">
            <label for="partner-q">{t.search_label}</label>
            <input id="partner-q" name="q" type="search" placeholder=t.partners_hint prop:value=move || q.get() />
            <label for="partner-status">{t.filter_status}</label>
            <select id="partner-status" name="status">
                {states.map(|(v, label)| view! { <option value=v selected=move || status.get() == v>{label}</option> }).collect_view()}
            </select>
            <button type="submit" class="btn btn-light">{t.search_label}</button>
        </form>
        {move || list.get().map(|r| match r {
            Ok(p) if p.rows.is_empty() => view! { <p class="muted">{t.partners_empty}</p> }.into_any(),
            Ok(p) => {
                let (query, st) = (q.get(), status.get());
                let link = move |n: u64| format!("/admin/mitra?q={}&status={}&page={n}", encode_query(&query), encode_query(&st));
                view! {
                    <div class="table-wrap panel">
                        <table class="table">
                            <thead><tr>
                                <th>{t.col_business}</th><th>{t.name_label}</th><th>{t.email_label}</th><th>{t.phone_label}</th>
                                <th>{t.col_merchant}</th><th>{t.col_status}</th><th>{t.col_registered}</th><th></th>
                            </tr></thead>
                            <tbody>
                                {p.rows.into_iter().map(|row| view! {
                                    <tr>
                                        <td>{row.company}</td>
                                        <td>{row.name}</td>
                                        <td>{row.email}</td>
                                        <td>{row.phone}</td>
                                        <td>{row.merchant_id.unwrap_or_default()}</td>
                                        <td>{status_text(t, row.status)}</td>
                                        <td>{row.registered_at}</td>
                                        <td><a class="btn btn-light" href=format!("/admin/mitra/{}", row.user_id)>{t.open_partner}</a></td>
                                    </tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                    <Pager page=p.page pages=p.pages total=p.total label=t.admin_partners link />
                }
                .into_any()
            }
            Err(e) => view! { <LoadError e /> }.into_any(),
        })}
    }
}

#[component]
pub fn PartnerDetailPage() -> impl IntoView {
    let params = use_params_map();
    let detail = Resource::new(move || params.read().get("user_id").unwrap_or_default(), partner);
    let finance = FinanceState::new(move || params.read().get("user_id").unwrap_or_default());
    view! { <StaffPage render=move |me: StaffOut| view! { <PartnerDetail detail me finance /> } /> }
}

#[component]
fn PartnerDetail(
    detail: Resource<Result<PartnerDetailOut, AppError>>,
    me: StaffOut,
    finance: FinanceState,
) -> impl IntoView {
    let t = use_texts();
    let may_moderate = me.may(Permission::Moderate);
    view! {
        <p><a href="/admin/mitra">"← "{t.back_to_partners}</a></p>
        {move || detail.get().map(|r| match r {
            Ok(d) => {
                let a = d.account.clone();
                let facts = [
                    (t.name_label, a.name.clone()),
                    (t.email_label, a.email.clone()),
                    (t.email_verified_label, if d.email_verified { t.yes } else { t.no }.to_owned()),
                    (t.phone_label, a.phone.clone()),
                    (t.col_merchant, a.merchant_id.clone().unwrap_or_default()),
                    (t.col_registered, format!("{} WIB", a.registered_at)),
                ];
                let review_link = (may_moderate && d.review.is_some()).then(|| format!("/admin/moderasi/{}", a.user_id));
                view! {
                    <h1 class="page-title">{a.company.clone()}" "<span class="status status-pending">{status_text(t, a.status)}</span></h1>
                    <section class="panel">
                        <dl class="facts">{facts.into_iter().map(|(k, v)| view! { <dt>{k}</dt><dd>{v}</dd> }).collect_view()}</dl>
                        {review_link.map(|href| view! { <a class="btn btn-primary" href=href>{t.open_review}</a> })}
                    </section>
                    {match d.review {
                        Some(r) => view! { <ProfileFacts r=r.clone() /><PartnerDocuments r /> }.into_any(),
                        None => view! { <p class="muted">{t.profile_not_started}</p> }.into_any(),
                    }}
                    {(a.status == ProfileStatus::Approved).then(|| view! { <PartnerFinance user_id=a.user_id.clone() me=me.clone() state=finance /> })}
                    <h2>{t.partner_timeline}</h2>
                    <AuditTable entries=d.timeline />
                }
                .into_any()
            }
            Err(e) => view! { <LoadError e /> }.into_any(),
        })}
    }
}

#[component]
fn PartnerDocuments(r: ReviewOut) -> impl IntoView {
    let t = use_texts();
    let sent = r.status != ProfileStatus::Draft;
    let cards = r
        .documents
        .iter()
        .map(|d| {
            let name = r.doc_types.iter().find(|ty| ty.code == d.doc_type).map(|ty| doc_name(t, ty)).unwrap_or_default();
            view! {
                <div>
                    <DocPreview name doc=d.clone() />
                    <p><span class=doc_status_class(Some(d.status))>{if sent { doc_status_text(t, Some(d.status)) } else { t.doc_none }}</span></p>
                    {d.reason.clone().map(|reason| view! { <p class="doc-reason">{reason}</p> })}
                    <ModeratedStamp m=d.moderated.clone() />
                </div>
            }
        })
        .collect_view();
    view! {
        <h2>{t.documents_section}</h2>
        <div class="doc-grid">{cards}</div>
    }
}
