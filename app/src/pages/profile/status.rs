//! "Profil": the state of the partner's profile. After submission it is the
//! page of manual Gambar 10, plus each document's moderation state and the
//! clock of the 1x24-hour promise.

use crate::components::frame::PartnerPage;
use crate::components::list::{Column, Loaded, Table};
use crate::components::profile::ModeratedStamp;
use crate::components::status::{Chip, Tone};
use crate::error::AppError;
use crate::i18n::use_texts;
use crate::server_fns::profile::get_profile;
use domain::profile::{DocTypeOut, DocumentOut, ProfileOut, ProfileStatus, RevisionOut, RevisionStatus};
use leptos::prelude::*;

#[component]
pub fn ProfileStatusPage() -> impl IntoView {
    // Created here, beside the user check, so the server waits for both
    // before it renders (a resource inside a nested Suspense would not be).
    let profile = Resource::new(|| (), |_| get_profile());
    view! { <PartnerPage render=move |_| view! { <StatusLoader profile /> } /> }
}

#[component]
fn StatusLoader(profile: Resource<Result<ProfileOut, AppError>>) -> impl IntoView {
    view! {
        <Loaded resource=profile children=move |p| view! { <ProfileState profile=p /> } />
    }
}

#[component]
fn ProfileState(profile: ProfileOut) -> impl IntoView {
    let t = use_texts();
    let header = match profile.status {
        ProfileStatus::Draft => view! {
            <section class="notice">
                <h2>{t.common.complete_title}</h2>
                <p>{t.profile.profile_draft_notice}</p>
                <a class="btn btn-primary" href="/profil/lengkapi">{t.common.complete_button}</a>
            </section>
        }
        .into_any(),
        ProfileStatus::Submitted => view! {
            <section class="thanks" role="status">
                <div class="result-icon" aria-hidden="true">"✓"</div>
                <h2>{t.profile.thanks_title}</h2>
                <p class="lead">{t.common.thanks_in_review}</p>
                <p>{t.common.thanks_sla}</p>
                {profile.submitted_at.clone().map(|at| view! { <p class="muted">{t.submitted_on(&at)}</p> })}
                {profile.sla.map(|c| view! {
                    <p class="sla" data-testid="sla-clock">
                        {t.profile.sla_clock}": "<strong>{t.hours_left(c.left_hours.max(0))}</strong>
                        " ("{t.hours_used(c.used_hours)}") · "<span class="muted small">{t.profile.sla_explain}</span>
                    </p>
                })}
            </section>
        }
        .into_any(),
        ProfileStatus::Rejected => view! {
            <section class="notice notice-warn" role="alert">
                <p>{t.common.profile_rejected}</p>
                <a class="btn btn-primary" href="/profil/lengkapi">{t.common.fix_profile}</a>
            </section>
        }
        .into_any(),
        ProfileStatus::Approved => view! {
            <p class="status status-ok">{t.common.status_approved}</p>
            <RevisionState revision=profile.revision.clone() />
        }
        .into_any(),
    };
    // Until the profile is sent, a pending file is only "uploaded".
    let sent = matches!(profile.status, ProfileStatus::Submitted | ProfileStatus::Approved);
    let required = profile.required_for(&profile.fields.category);
    let docs: Vec<_> = required
        .into_iter()
        .filter_map(|code| {
            let ty = profile.doc_types.iter().find(|d| d.code == code)?.clone();
            Some((ty, profile.documents.iter().find(|d| d.doc_type == code).cloned()))
        })
        .collect();
    let row = move |(ty, doc): (DocTypeOut, Option<DocumentOut>)| {
        let status = doc.as_ref().map(|d| d.status);
        view! {
            <tr>
                <td>{t.doc_name(&ty)}</td>
                <td>{doc.as_ref().map(|d| view! { <a href=format!("/dokumen/{}", d.id) target="_blank" rel="external noopener">{d.original_name.clone()}</a> })}</td>
                <td><Chip tone=Tone::of_doc(status) text=if sent { t.doc_status(status) } else { t.form_doc_status(status) } /></td>
                <td>
                    {doc.clone().and_then(|d| d.reason)}
                    <ModeratedStamp m=doc.and_then(|d| d.moderated) />
                </td>
            </tr>
        }
    };
    let columns = [t.common.documents_section, t.profile.choose_file, t.common.account_status, t.common.col_note]
        .map(Column::new)
        .to_vec();
    view! {
        <h1 class="page-title">{t.common.menu_profile}</h1>
        {header}
        <section class="panel">
            <h2>{t.common.documents_section}</h2>
            <Table caption=t.common.documents_section columns rows=docs row />
        </section>
    }
}

/// The latest revision's state, and "Ubah Data" when none is waiting.
#[component]
fn RevisionState(revision: Option<RevisionOut>) -> impl IntoView {
    let t = use_texts();
    let status = revision.as_ref().map(|r| r.status);
    let notice = match revision {
        Some(r) if r.status == RevisionStatus::Submitted => view! {
            <div class="alert alert-warning" role="status">
                <p>{t.profile.revision_pending_notice}</p>
                <p class="muted small">{t.fields_changed(&r.changes.iter().map(|c| c.field.clone()).collect::<Vec<_>>())}</p>
            </div>
        }
        .into_any(),
        Some(r) if r.status == RevisionStatus::Rejected => view! {
            <div class="alert alert-error" role="status">{t.profile.revision_rejected_notice}" "{r.reason.clone().unwrap_or_default()}</div>
        }
        .into_any(),
        Some(_) => view! { <div class="alert alert-success" role="status">{t.profile.revision_approved_notice}</div> }.into_any(),
        None => ().into_any(),
    };
    view! {
        {notice}
        {(status != Some(RevisionStatus::Submitted)).then(|| view! { <p><a class="btn btn-primary" href="/profil/ubah">{t.profile.edit_data}</a></p> })}
    }
}
