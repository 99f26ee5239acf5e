//! One profile under review: every field, every document inline, and a
//! decision per document (a rejection needs a reason).

use crate::components::form::{general_problem, FormAlert};
use crate::components::frame::StaffPage;
use crate::components::list::{Column, Loaded, Table};
use crate::components::nav::{load_by, use_id_param};
use crate::components::profile::{DocPreview, ModeratedStamp, ProfileFacts};
use crate::components::status::{Chip, Tone};
use crate::error::AppError;
use crate::i18n::use_texts;
use crate::server_fns::moderation::{moderation_review, ModerationAssign, ModerationDecide, RevisionDecide};
use domain::moderation::ReviewOut;
use domain::problem::problem_for;
use domain::profile::{DocStatus, DocumentOut, FieldChange, ProfileStatus, RevisionOut, RevisionStatus};
use domain::{DocumentId, UserId};
use leptos::prelude::*;

#[component]
pub fn ReviewPage() -> impl IntoView {
    let user_id = use_id_param::<UserId>("user_id");
    let decide = ServerAction::<ModerationDecide>::new();
    // Reload after a decision that went through; a refused one keeps the
    // page (and the reason being typed) as it is.
    let decided = RwSignal::new(0u32);
    Effect::new(move |_| {
        if let Some(Ok(_)) = decide.value().get() {
            decided.update(|n| *n += 1);
        }
    });
    let review = Resource::new(move || (user_id.get(), decided.get()), |(id, _)| load_by(id, moderation_review));
    provide_context(LastDecided(RwSignal::new(None)));
    view! {
        <StaffPage render=move |me: domain::staff::StaffOut| {
            provide_context(StaffName(me.name.clone()));
            view! { <Review review decide /> }
        } />
    }
}

#[component]
fn Review(review: Resource<Result<ReviewOut, AppError>>, decide: ServerAction<ModerationDecide>) -> impl IntoView {
    let t = use_texts();
    let general = general_problem(decide.value());
    view! {
        <p><a href="/admin/moderasi">"← "{t.moderation.back_to_queue}</a></p>
        <h1 class="page-title">{t.moderation.admin_review}</h1>
        <FormAlert problem=general />
        <Loaded resource=review children=move |r| view! { <ReviewBody r decide /> } />
    }
}

#[component]
fn ReviewBody(r: ReviewOut, decide: ServerAction<ModerationDecide>) -> impl IntoView {
    let t = use_texts();
    let open = r.status == ProfileStatus::Submitted;
    let docs = r
        .required
        .iter()
        .filter_map(|code| {
            let ty = r.doc_types.iter().find(|d| &d.code == code)?;
            let doc = r.documents.iter().find(|d| &d.doc_type == code).cloned();
            Some(view! { <DocReview name=t.doc_name(ty) doc open decide /> })
        })
        .collect_view();
    let revision = r.revision.clone().filter(|rev| rev.status == RevisionStatus::Submitted);
    let names = r.revision_region_names.clone();
    let doc_types = r.doc_types.clone();
    let user_id = r.user_id;
    view! {
        <AssignBar user_id assignee=r.assignee.clone() />
        <ProfileFacts r=r.clone() />
        {revision.map(|rev| view! { <RevisionReview rev region_names=names current=r.region_names.clone() doc_types /> })}
        <h2>{t.common.documents_section}</h2>
        <div class="doc-grid">{docs}</div>
    }
}

/// "Ambil" (assign to me) and who holds the profile now.
#[component]
fn AssignBar(user_id: UserId, assignee: Option<String>) -> impl IntoView {
    let t = use_texts();
    let assign = ServerAction::<ModerationAssign>::new();
    let shown = RwSignal::new(assignee);
    let me = use_context::<StaffName>().map(|n| n.0).unwrap_or_default();
    Effect::new(move |_| {
        if let Some(Ok(())) = assign.value().get() {
            shown.set(Some(me.clone()));
        }
    });
    view! {
        <div class="toolbar">
            <span>{t.moderation.assigned_to}": "<strong data-testid="assignee">{move || shown.get().unwrap_or_else(|| t.moderation.unassigned.to_owned())}</strong></span>
            <button type="button" class="btn btn-light" disabled=move || assign.pending().get()
                on:click=move |_| { assign.dispatch(ModerationAssign { user_id }); }>
                {t.moderation.assign_to_me}
            </button>
        </div>
    }
}

/// The signed-in moderator's name, for optimistic "assigned to" text.
#[derive(Clone)]
pub struct StaffName(pub String);

/// A region code shown with its name (index into the path's names).
fn shown_value(field: &str, value: &str, names: &[String]) -> String {
    let i = ["province", "regency", "district", "village"].iter().position(|f| *f == field);
    match i.and_then(|i| names.get(i)).filter(|n| !n.is_empty()) {
        Some(name) => format!("{name} ({value})"),
        None => value.to_owned(),
    }
}

/// A revision side by side: old value, new value and the partner's note;
/// the replacement documents; approve, or reject with a reason.
#[component]
fn RevisionReview(
    rev: RevisionOut,
    region_names: Vec<String>,
    current: Vec<String>,
    doc_types: Vec<domain::profile::DocTypeOut>,
) -> impl IntoView {
    let t = use_texts();
    let decide = ServerAction::<RevisionDecide>::new();
    let reason = RwSignal::new(String::new());
    Effect::new(move |_| {
        if let Some(Ok(())) = decide.value().get() {
            // The page's data changed as a whole: load it again.
            let _ = window().location().reload();
        }
    });
    let reason_err = move || {
        decide
            .value()
            .get()
            .and_then(Result::err)
            .and_then(|e| problem_for(e.field_errors(), "reason"))
            .map(|p| t.problem(p))
    };
    let general = general_problem(decide.value());
    let (current_names, new_names) = (current.clone(), region_names.clone());
    let change_row = move |c: FieldChange| {
        view! {
            <tr>
                <th scope="row">{t.profile_field(&c.field)}</th>
                <td class="old">{shown_value(&c.field, &c.old, &current_names)}</td>
                <td class="new">{shown_value(&c.field, &c.new, &new_names)}</td>
                <td>{c.note}</td>
            </tr>
        }
    };
    let columns = [t.moderation.col_field, t.moderation.col_old, t.moderation.col_new, t.common.col_note]
        .map(Column::new)
        .to_vec();
    let docs = rev
        .documents
        .iter()
        .map(|d| {
            let name = doc_types.iter().find(|ty| ty.code == d.doc_type).map(|ty| t.doc_name(ty)).unwrap_or_default();
            view! { <DocPreview name doc=d.clone() /> }
        })
        .collect_view();
    let (id1, id2) = (rev.id, rev.id);
    view! {
        <section class="panel revision" aria-label=t.common.revision_title>
            <h2>{t.common.revision_title}" · "<span class="muted small">{rev.submitted_at.clone()}" WIB"</span></h2>
            <Table caption=t.common.revision_title columns rows=rev.changes.clone() row=change_row />
            {(!rev.documents.is_empty()).then(|| view! { <h3>{t.moderation.revision_docs}</h3><div class="doc-grid">{docs}</div> })}
            <FormAlert problem=general />
            <div class="decide">
                <button type="button" class="btn btn-primary" disabled=move || decide.pending().get()
                    on:click=move |_| { decide.dispatch(RevisionDecide { revision_id: id1, approve: true, reason: String::new() }); }>
                    {t.moderation.approve_revision}
                </button>
                <label for="revision-reason">{t.moderation.reject_reason}</label>
                <textarea id="revision-reason" rows="2" prop:value=move || reason.get() on:input=move |ev| reason.set(event_target_value(&ev))></textarea>
                <p class="field-error" role="alert">{reason_err}</p>
                <button type="button" class="btn btn-danger" disabled=move || decide.pending().get()
                    on:click=move |_| { decide.dispatch(RevisionDecide { revision_id: id2, approve: false, reason: reason.get_untracked() }); }>
                    {t.moderation.reject_revision}
                </button>
            </div>
        </section>
    }
}

/// The document whose decision was sent last (its card shows the answer).
#[derive(Clone, Copy)]
struct LastDecided(RwSignal<Option<DocumentId>>);

fn mark_last(last: Option<RwSignal<Option<DocumentId>>>, doc_id: DocumentId) {
    if let Some(last) = last {
        last.set(Some(doc_id));
    }
}

#[component]
fn DocReview(
    name: String,
    doc: Option<DocumentOut>,
    open: bool,
    decide: ServerAction<ModerationDecide>,
) -> impl IntoView {
    let t = use_texts();
    let reason = RwSignal::new(String::new());
    let Some(doc) = doc else {
        return view! { <article class="doc-card"><h3>{name}</h3><p class="muted">{t.common.doc_none}</p></article> }
            .into_any();
    };
    let url = format!("/dokumen/{}", doc.id);
    let preview = if doc.content_type == "application/pdf" {
        view! { <iframe class="doc-preview" src=url.clone() title=name.clone()></iframe> }.into_any()
    } else {
        view! { <img class="doc-preview" src=url.clone() alt=name.clone() /> }.into_any()
    };
    let pending = doc.status == DocStatus::Pending && open;
    let id = doc.id;
    let id2 = doc.id;
    let reason_id = format!("reason-{}", doc.id);
    // The action is shared by every card: only the card last sent shows its answer.
    let last = use_context::<LastDecided>().map(|l| l.0);
    let mine = doc.id;
    let field_error = move || {
        decide
            .value()
            .get()
            .filter(|_| last.is_some_and(|l| l.get() == Some(mine)))
            .and_then(Result::err)
            .and_then(|e| problem_for(e.field_errors(), "reason"))
            .map(|p| t.problem(p))
    };
    view! {
        <article class="doc-card" aria-label=name.clone()>
            <header class="doc-head">
                <h3>{name.clone()}</h3>
                <Chip tone=Tone::of_doc(Some(doc.status)) text=t.doc_status(Some(doc.status)) />
            </header>
            {preview}
            <p class="doc-file"><a href=url target="_blank" rel="external noopener">{doc.original_name.clone()}</a></p>
            {doc.reason.clone().map(|r| view! { <p class="doc-reason">{r}</p> })}
            <ModeratedStamp m=doc.moderated.clone() />
            {pending.then(|| view! {
                <div class="decide">
                    <button type="button" class="btn btn-primary" disabled=move || decide.pending().get()
                        on:click=move |_| {
                            mark_last(last, id);
                            decide.dispatch(ModerationDecide { doc_id: id, accept: true, reason: String::new() });
                        }>
                        {t.moderation.accept}
                    </button>
                    <label for=reason_id.clone()>{t.moderation.reject_reason}</label>
                    <textarea id=reason_id rows="2" prop:value=move || reason.get() on:input=move |ev| reason.set(event_target_value(&ev))></textarea>
                    <p class="field-error" role="alert">{field_error}</p>
                    <button type="button" class="btn btn-danger" disabled=move || decide.pending().get()
                        on:click=move |_| {
                            mark_last(last, id2);
                            decide.dispatch(ModerationDecide { doc_id: id2, accept: false, reason: reason.get_untracked() });
                        }>
                        {t.moderation.reject}
                    </button>
                </div>
            })}
        </article>
    }
    .into_any()
}
