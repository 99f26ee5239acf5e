//! One profile under review: every field, every document inline, and a
//! decision per document (a rejection needs a reason).

use super::queue::status_text;
use super::StaffPage;
use crate::components::form::{general_problem, FormAlert};
use crate::error::AppError;
use crate::i18n::use_texts;
use crate::pages::profile::{doc_name, doc_status_class, doc_status_text};
use crate::server_fns::moderation::{moderation_review, ModerationDecide};
use domain::moderation::ReviewOut;
use domain::problem::problem_for;
use domain::profile::{DocStatus, DocumentOut, ProfileStatus};
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

#[component]
pub fn ReviewPage() -> impl IntoView {
    let params = use_params_map();
    let decide = ServerAction::<ModerationDecide>::new();
    // Reload after a decision that went through; a refused one keeps the
    // page (and the reason being typed) as it is.
    let decided = RwSignal::new(0u32);
    Effect::new(move |_| {
        if let Some(Ok(_)) = decide.value().get() {
            decided.update(|n| *n += 1);
        }
    });
    let review = Resource::new(
        move || (params.read().get("user_id").unwrap_or_default(), decided.get()),
        |(id, _)| moderation_review(id),
    );
    provide_context(LastDecided(RwSignal::new(String::new())));
    view! { <StaffPage render=move |_| view! { <Review review decide /> } /> }
}

#[component]
fn Review(review: Resource<Result<ReviewOut, AppError>>, decide: ServerAction<ModerationDecide>) -> impl IntoView {
    let t = use_texts();
    let general = general_problem(decide.value());
    view! {
        <p><a href="/admin/moderasi">"← "{t.back_to_queue}</a></p>
        <h1 class="page-title">{t.admin_review}</h1>
        <FormAlert problem=general />
        {move || review.get().map(|r| match r {
            Ok(r) => view! { <ReviewBody r decide /> }.into_any(),
            Err(e) => view! { <div class="alert alert-error" role="alert">{e.general().map(|p| t.problem(p))}</div> }.into_any(),
        })}
    }
}

#[component]
fn ReviewBody(r: ReviewOut, decide: ServerAction<ModerationDecide>) -> impl IntoView {
    let t = use_texts();
    let f = &r.fields;
    let facts = [
        (t.category_label, category_label(t, &f.category).to_owned()),
        (t.name_label, f.personal_name.clone()),
        (t.personal_phone_label, f.personal_phone.clone()),
        (t.email_label, f.personal_email.clone()),
        (t.business_name_label, f.business_name.clone()),
        (t.business_phone_label, f.business_phone.clone()),
        (t.region_label, r.region_names.join(" › ")),
        (t.address_label, f.address.clone()),
        (t.col_submitted, r.submitted_at.clone().map(|s| format!("{s} WIB")).unwrap_or_default()),
    ];
    let open = r.status == ProfileStatus::Submitted;
    let docs = r
        .required
        .iter()
        .filter_map(|code| {
            let ty = r.doc_types.iter().find(|d| &d.code == code)?;
            let doc = r.documents.iter().find(|d| &d.doc_type == code).cloned();
            Some(view! { <DocReview name=doc_name(t, ty) doc open decide /> })
        })
        .collect_view();
    view! {
        <section class="panel">
            <h2>{f.business_name.clone()}" "<span class="status status-pending">{status_text(t, r.status)}</span></h2>
            {r.merchant_id.clone().map(|m| view! { <p><strong>{t.merchant_id_label}": "</strong><span data-testid="merchant-id">{m}</span></p> })}
            <dl class="facts">
                {facts.into_iter().map(|(k, v)| view! { <dt>{k}</dt><dd>{v}</dd> }).collect_view()}
            </dl>
        </section>
        <h2>{t.documents_section}</h2>
        <div class="doc-grid">{docs}</div>
    }
}

fn category_label(t: &crate::i18n::Texts, code: &str) -> &'static str {
    match domain::profile::Category::from_code(code) {
        Some(domain::profile::Category::Pribadi) => t.category_pribadi,
        Some(domain::profile::Category::Koperasi) => t.category_koperasi,
        Some(domain::profile::Category::Perusahaan) => t.category_perusahaan,
        None => "",
    }
}

/// The document whose decision was sent last (its card shows the answer).
#[derive(Clone, Copy)]
struct LastDecided(RwSignal<String>);

fn mark_last(last: Option<RwSignal<String>>, doc_id: &str) {
    if let Some(last) = last {
        last.set(doc_id.to_owned());
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
        return view! { <article class="doc-card"><h3>{name}</h3><p class="muted">{t.doc_none}</p></article> }
            .into_any();
    };
    let url = format!("/dokumen/{}", doc.id);
    let preview = if doc.content_type == "application/pdf" {
        view! { <iframe class="doc-preview" src=url.clone() title=name.clone()></iframe> }.into_any()
    } else {
        view! { <img class="doc-preview" src=url.clone() alt=name.clone() /> }.into_any()
    };
    let pending = doc.status == DocStatus::Pending && open;
    let id = doc.id.clone();
    let id2 = doc.id.clone();
    let reason_id = format!("reason-{}", doc.id);
    // The action is shared by every card: only the card last sent shows its answer.
    let last = use_context::<LastDecided>().map(|l| l.0);
    let mine = doc.id.clone();
    let field_error = move || {
        decide
            .value()
            .get()
            .filter(|_| last.is_some_and(|l| l.get() == mine))
            .and_then(Result::err)
            .and_then(|e| problem_for(e.field_errors(), "reason"))
            .map(|p| t.problem(p))
    };
    view! {
        <article class="doc-card" aria-label=name.clone()>
            <header class="doc-head">
                <h3>{name.clone()}</h3>
                <span class=doc_status_class(Some(doc.status))>{doc_status_text(t, Some(doc.status))}</span>
            </header>
            {preview}
            <p class="doc-file"><a href=url target="_blank" rel="external noopener">{doc.original_name.clone()}</a></p>
            {doc.reason.clone().map(|r| view! { <p class="doc-reason">{r}</p> })}
            {pending.then(|| view! {
                <div class="decide">
                    <button type="button" class="btn btn-primary" disabled=move || decide.pending().get()
                        on:click=move |_| {
                            mark_last(last, &id);
                            decide.dispatch(ModerationDecide { doc_id: id.clone(), accept: true, reason: String::new() });
                        }>
                        {t.accept}
                    </button>
                    <label for=reason_id.clone()>{t.reject_reason}</label>
                    <textarea id=reason_id rows="2" prop:value=move || reason.get() on:input=move |ev| reason.set(event_target_value(&ev))></textarea>
                    <p class="field-error" role="alert">{field_error}</p>
                    <button type="button" class="btn btn-danger" disabled=move || decide.pending().get()
                        on:click=move |_| {
                            mark_last(last, &id2);
                            decide.dispatch(ModerationDecide { doc_id: id2.clone(), accept: false, reason: reason.get_untracked() });
                        }>
                        {t.reject}
                    </button>
                </div>
            })}
        </article>
    }
    .into_any()
}
