//! "Profil": the state of the partner's profile. After submission it is the
//! page of manual Gambar 10, plus each document's moderation state and the
//! clock of the 1x24-hour promise.

use super::{doc_name, doc_status_class, doc_status_text};
use crate::components::form::LoadError;
use crate::error::AppError;
use crate::i18n::use_texts;
use crate::pages::admin::review::ModeratedStamp;
use crate::pages::portal::PartnerPage;
use crate::server_fns::profile::get_profile;
use domain::profile::{ProfileOut, ProfileStatus, RevisionOut, RevisionStatus};
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
        {move || profile.get().map(|r| match r {
                Ok(p) => view! { <ProfileState profile=p /> }.into_any(),
                Err(e) => view! { <LoadError e /> }.into_any(),
            })}
    }
}

#[component]
fn ProfileState(profile: ProfileOut) -> impl IntoView {
    let t = use_texts();
    let header = match profile.status {
        ProfileStatus::Draft => view! {
            <section class="notice">
                <h2>{t.complete_title}</h2>
                <p>{t.profile_draft_notice}</p>
                <a class="btn btn-primary" href="/profil/lengkapi">{t.complete_button}</a>
            </section>
        }
        .into_any(),
        ProfileStatus::Submitted => view! {
            <section class="thanks" role="status">
                <div class="result-icon" aria-hidden="true">"✓"</div>
                <h2>{t.thanks_title}</h2>
                <p class="lead">{t.thanks_in_review}</p>
                <p>{t.thanks_sla}</p>
                {profile.submitted_at.clone().map(|at| view! { <p class="muted">{t.submitted_on}" "{at}" WIB"</p> })}
                {profile.sla.map(|c| view! {
                    <p class="sla" data-testid="sla-clock">
                        {t.sla_clock}": "<strong>{c.left_hours.max(0)}" "{t.hours_left}</strong>
                        " ("{c.used_hours}" "{t.hours_used}") · "<span class="muted small">{t.sla_explain}</span>
                    </p>
                })}
            </section>
        }
        .into_any(),
        ProfileStatus::Rejected => view! {
            <section class="notice notice-warn" role="alert">
                <p>{t.profile_rejected}</p>
                <a class="btn btn-primary" href="/profil/lengkapi">{t.fix_profile}</a>
            </section>
        }
        .into_any(),
        ProfileStatus::Approved => view! {
            <p class="status status-ok">{t.status_approved}</p>
            <RevisionState revision=profile.revision.clone() />
        }
        .into_any(),
    };
    // Until the profile is sent, a pending file is only "uploaded".
    let sent = matches!(profile.status, ProfileStatus::Submitted | ProfileStatus::Approved);
    let required = profile.required_for(&profile.fields.category);
    let rows = required
        .into_iter()
        .filter_map(|code| {
            let ty = profile.doc_types.iter().find(|d| d.code == code)?;
            let doc = profile.documents.iter().find(|d| d.doc_type == code).cloned();
            let status = doc.as_ref().map(|d| d.status);
            Some(view! {
                <tr>
                    <td>{doc_name(t, ty)}</td>
                    <td>{doc.as_ref().map(|d| view! { <a href=format!("/dokumen/{}", d.id) target="_blank" rel="external noopener">{d.original_name.clone()}</a> })}</td>
                    <td><span class=doc_status_class(status)>{if sent { doc_status_text(t, status) } else { super::documents::form_status_text(t, status) }}</span></td>
                    <td>
                        {doc.clone().and_then(|d| d.reason)}
                        <ModeratedStamp m=doc.and_then(|d| d.moderated) />
                    </td>
                </tr>
            })
        })
        .collect_view();
    view! {
        <h1 class="page-title">{t.menu_profile}</h1>
        {header}
        <section class="panel">
            <h2>{t.documents_section}</h2>
            <div class="table-wrap">
                <table class="table">
                    <thead><tr><th>{t.documents_section}</th><th>{t.choose_file}</th><th>{t.account_status}</th><th></th></tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
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
                <p>{t.revision_pending_notice}</p>
                <p class="muted small">{t.revision_fields_changed}": "{r.changes.iter().map(|c| c.field.clone()).collect::<Vec<_>>().join(", ")}</p>
            </div>
        }
        .into_any(),
        Some(r) if r.status == RevisionStatus::Rejected => view! {
            <div class="alert alert-error" role="status">{t.revision_rejected_notice}" "{r.reason.clone().unwrap_or_default()}</div>
        }
        .into_any(),
        Some(_) => view! { <div class="alert alert-success" role="status">{t.revision_approved_notice}</div> }.into_any(),
        None => ().into_any(),
    };
    view! {
        {notice}
        {(status != Some(RevisionStatus::Submitted)).then(|| view! { <p><a class="btn btn-primary" href="/profil/ubah">{t.edit_data}</a></p> })}
    }
}
