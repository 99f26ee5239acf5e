//! "Mitra" for staff: search partners by name, merchant ID, phone or e-mail
//! and state; one partner's page with profile, documents and history.

mod activity;
mod finance;
mod suspension;

use crate::components::audit::{audit_columns, audit_row};
use crate::components::frame::StaffPage;
use crate::components::list::{use_list_query, use_query_param, Column, DataTable, FilterSelect, Loaded, Table};
use crate::components::nav::{load_by, use_id_param};
use crate::components::profile::{DocPreview, ModeratedStamp, ProfileFacts};
use crate::components::status::{Chip, Tone};
use crate::error::AppError;
use crate::i18n::use_texts;
use crate::pages::admin::going_live::ProductHistory;
use crate::server_fns::integration::product_history;
use crate::server_fns::moderation::{partner, partners};
use activity::{PartnerActivity, PartnerIps};
use domain::moderation::{PartnerDetailOut, PartnerRowOut, ReviewOut};
use domain::profile::ProfileStatus;
use domain::staff::{Permission, StaffOut};
use domain::{ListQuery, Page, UserId};
use finance::{FinanceState, PartnerFinance};
use leptos::prelude::*;
use suspension::{PartnerUsers, SuspensionActions, SuspensionPanel};

#[component]
pub fn PartnersPage() -> impl IntoView {
    let t = use_texts();
    let list = use_list_query();
    let status = use_query_param("status");
    let rows = Resource::new(
        move || (list.get(), status.get()),
        |(list, status)| partners(list, ProfileStatus::from_code(&status)),
    );
    view! {
        <StaffPage render=move |_| view! {
            <h1 class="page-title">{t.moderation.admin_partners}</h1>
            <Loaded resource=rows children=move |page| view! { <Partners page list=list.get() status=status.get() /> } />
        } />
    }
}

#[component]
fn Partners(page: Page<PartnerRowOut>, list: ListQuery, status: String) -> impl IntoView {
    let t = use_texts();
    let columns = vec![
        Column::sortable(t.moderation.col_business, "company"),
        Column::new(t.common.name_label),
        Column::new(t.common.email_label),
        Column::new(t.common.phone_label),
        Column::new(t.moderation.col_merchant),
        Column::new(t.common.col_status),
        Column::sortable(t.moderation.col_registered, "registered"),
        Column::new(t.moderation.open_partner),
    ];
    let states: Vec<_> = std::iter::once(("", t.common.all))
        .chain(ProfileStatus::ALL.iter().map(|s| (s.code(), t.profile_status(*s))))
        .map(|(v, l)| (v.to_owned(), l.to_owned()))
        .collect();
    let chosen = status.clone();
    let filter = move || {
        view! { <FilterSelect id="partner-status" label=t.moderation.filter_status name="status" options=states chosen /> }.into_any()
    };
    view! {
        <DataTable
            caption=t.moderation.admin_partners
            path="/admin/mitra"
            columns
            page
            query=list
            kept=vec![("status", status)]
            filters=Box::new(filter)
            search_hint=t.moderation.partners_hint
            empty=t.moderation.partners_empty
            row=move |row: PartnerRowOut| view! {
                <tr>
                    <td>{row.company}</td>
                    <td>{row.name}</td>
                    <td>{row.email}</td>
                    <td>{row.phone}</td>
                    <td>{row.merchant_id.unwrap_or_default()}</td>
                    <td><Chip tone=Tone::of_profile(row.status) text=t.profile_status(row.status) /></td>
                    <td>{row.registered_at}</td>
                    <td><a class="btn btn-light" href=format!("/admin/mitra/{}", row.user_id)>{t.moderation.open_partner}</a></td>
                </tr>
            }
        />
    }
}

#[component]
pub fn PartnerDetailPage() -> impl IntoView {
    let user_id = use_id_param::<UserId>("user_id");
    let suspension = SuspensionActions::new();
    let detail = Resource::new(move || (user_id.get(), suspension.version()), |(id, _)| load_by(id, partner));
    let finance = FinanceState::new(move || user_id.get());
    let history = Resource::new(move || user_id.get(), |id| load_by(id, product_history));
    view! { <StaffPage render=move |me: StaffOut| view! { <PartnerDetail detail me finance history suspension /> } /> }
}

#[component]
fn PartnerDetail(
    detail: Resource<Result<PartnerDetailOut, AppError>>,
    me: StaffOut,
    finance: FinanceState,
    history: Resource<Result<Vec<domain::uat::ProductStepOut>, AppError>>,
    suspension: SuspensionActions,
) -> impl IntoView {
    let t = use_texts();
    let may_moderate = me.may(Permission::Moderate);
    view! {
        <p><a href="/admin/mitra">"← "{t.moderation.back_to_partners}</a></p>
        <Loaded resource=detail children=move |d| {
                let a = d.account.clone();
                let facts = [
                    (t.common.name_label, a.name.clone()),
                    (t.common.email_label, a.email.clone()),
                    (t.moderation.email_verified_label, if d.email_verified { t.common.yes } else { t.common.no }.to_owned()),
                    (t.common.phone_label, a.phone.clone()),
                    (t.moderation.col_merchant, a.merchant_id.clone().unwrap_or_default()),
                    (t.moderation.col_registered, format!("{} WIB", a.registered_at)),
                ];
                let review_link = (may_moderate && d.review.is_some()).then(|| format!("/admin/moderasi/{}", a.user_id));
                view! {
                    <h1 class="page-title">{a.company.clone()}" "<Chip tone=Tone::of_profile(a.status) text=t.profile_status(a.status) /></h1>
                    <section class="panel">
                        <dl class="facts">{facts.into_iter().map(|(k, v)| view! { <dt>{k}</dt><dd>{v}</dd> }).collect_view()}</dl>
                        {review_link.map(|href| view! { <a class="btn btn-primary" href=href>{t.moderation.open_review}</a> })}
                        // Up here, above what loads later: a link below the
                        // documents' previews moved as they arrived (a click
                        // in the e2e suite landed beside it).
                        " "<a class="btn btn-light" href=format!("/admin/mitra/{}/log", a.user_id)>{t.integration.partner_log}</a>
                    </section>
                    <SuspensionPanel user_id=a.user_id state=d.suspension.clone() timeline=d.timeline.clone() may_act=may_moderate actions=suspension />
                    <PartnerUsers rows=d.users.clone() />
                    <PartnerIps rows=d.ips.clone() />
                    {match d.review {
                        Some(r) => view! { <ProfileFacts r=r.clone() /><PartnerDocuments r /> }.into_any(),
                        None => view! { <p class="muted">{t.moderation.profile_not_started}</p> }.into_any(),
                    }}
                    {(a.status == ProfileStatus::Approved).then(|| view! { <PartnerFinance user_id=a.user_id me=me.clone() state=finance /> })}
                    {d.activity.map(|a| view! { <PartnerActivity a /> })}
                    <h2>{t.integration.history_title}</h2>
                    <Loaded resource=history children=move |rows| view! { <ProductHistory rows /> } />
                    <h2>{t.moderation.partner_timeline}</h2>
                    <Table caption=t.moderation.partner_timeline columns=audit_columns(t) rows=d.timeline row=audit_row />
                }
        } />
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
            let name = r.doc_types.iter().find(|ty| ty.code == d.doc_type).map(|ty| t.doc_name(ty)).unwrap_or_default();
            view! {
                <div>
                    <DocPreview name doc=d.clone() />
                    <p><Chip tone=Tone::of_doc(Some(d.status)) text=if sent { t.doc_status(Some(d.status)) } else { t.common.doc_none } /></p>
                    {d.reason.clone().map(|reason| view! { <p class="doc-reason">{reason}</p> })}
                    <ModeratedStamp m=d.moderated.clone() />
                </div>
            }
        })
        .collect_view();
    view! {
        <h2>{t.common.documents_section}</h2>
        <div class="doc-grid">{cards}</div>
    }
}
