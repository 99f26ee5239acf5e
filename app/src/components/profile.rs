//! Pieces of a partner's profile that the partner's and the staff's pages
//! both show: the facts, a document preview, a moderation stamp.

use crate::components::status::{Chip, Tone};
use crate::i18n::use_texts;
use domain::moderation::ReviewOut;
use domain::profile::{DocumentOut, Moderation};
use leptos::prelude::*;

/// The profile's fields and state, as the partner filled them in.
#[component]
pub fn ProfileFacts(r: ReviewOut) -> impl IntoView {
    let t = use_texts();
    let f = &r.fields;
    let facts = [
        (t.common.category_label, t.category(&f.category).to_owned()),
        (t.common.name_label, f.personal_name.clone()),
        (t.common.personal_phone_label, f.personal_phone.clone()),
        (t.common.email_label, f.personal_email.clone()),
        (t.common.business_name_label, f.business_name.clone()),
        (t.common.business_phone_label, f.business_phone.clone()),
        (t.moderation.region_label, r.region_names.join(" › ")),
        (t.common.address_label, f.address.clone()),
        (t.moderation.col_submitted, r.submitted_at.clone().map(|s| format!("{s} WIB")).unwrap_or_default()),
        (t.moderation.assigned_to, r.assignee.clone().unwrap_or_else(|| t.moderation.unassigned.to_owned())),
    ];
    view! {
        <section class="panel">
            <h2>{f.business_name.clone()}" "<Chip tone=Tone::of_profile(r.status) text=t.profile_status(r.status) /></h2>
            {r.merchant_id.clone().map(|m| view! { <p><strong>{t.common.merchant_id_label}": "</strong><span data-testid="merchant-id">{m}</span></p> })}
            <dl class="facts">
                {facts.into_iter().map(|(k, v)| view! { <dt>{k}</dt><dd>{v}</dd> }).collect_view()}
            </dl>
        </section>
    }
}

/// "Dimoderasi oleh NAME pada DD/MM/YYYY HH:MM:SS".
#[component]
pub fn ModeratedStamp(m: Option<Moderation>) -> impl IntoView {
    let t = use_texts();
    m.map(|m| view! { <p class="stamp muted small">{t.moderated(&m.by, &m.at)}</p> })
}

/// A document shown inline: image preview or PDF viewer, and its file link.
#[component]
pub fn DocPreview(name: String, doc: DocumentOut) -> impl IntoView {
    let url = format!("/dokumen/{}", doc.id);
    let preview = if doc.content_type == "application/pdf" {
        view! { <iframe class="doc-preview" src=url.clone() title=name.clone()></iframe> }.into_any()
    } else {
        view! { <img class="doc-preview" src=url.clone() alt=name.clone() /> }.into_any()
    };
    view! {
        <article class="doc-card" aria-label=name.clone()>
            <header class="doc-head"><h3>{name.clone()}</h3></header>
            {preview}
            <p class="doc-file"><a href=url target="_blank" rel="external noopener">{doc.original_name.clone()}</a></p>
        </article>
    }
}
