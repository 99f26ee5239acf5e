//! "Revisi Data Profil" (manual Gambar 16): an approved partner changes
//! fields, each with its change note, and replaces documents ("Ubah
//! dokumen"). The revision goes to moderation; the account stays active on
//! the approved data meanwhile.

use crate::components::documents::DocumentRow;
use crate::components::form::{general_problem, FormAlert, FormState, TextField};
use crate::components::frame::PartnerPage;
use crate::components::list::Loaded;
use crate::components::profile::ModeratedStamp;
use crate::components::regions::{reset_on_change, RegionField};
use crate::components::status::{Chip, Tone};
use crate::error::AppError;
use crate::i18n::use_texts;
use crate::server_fns::profile::{get_profile, RemoveRevisionUpload, SubmitRevision};
use domain::problem::problem_for;
use domain::profile::{DocumentOut, ProfileIn, ProfileOut, ProfileStatus, RevisionStatus};
use domain::region::RegionLevel;
use domain::Problem;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use std::collections::BTreeMap;

#[component]
pub fn RevisionFormPage() -> impl IntoView {
    let profile = Resource::new(|| (), |_| get_profile());
    view! { <PartnerPage render=move |_| view! { <RevisionLoader profile /> } /> }
}

#[component]
fn RevisionLoader(profile: Resource<Result<ProfileOut, AppError>>) -> impl IntoView {
    let t = use_texts();
    view! {
        <h1 class="page-title">{t.common.revision_title}</h1>
        <Loaded resource=profile children=move |p| {
            let waiting = p.revision.as_ref().is_some_and(|r| r.status == RevisionStatus::Submitted);
            if p.status != ProfileStatus::Approved {
                view! {
                    <div class="alert alert-warning" role="status">{t.problem(Problem::ProfileLocked)}</div>
                    <a class="btn btn-light" href="/profil">{t.common.menu_profile}</a>
                }.into_any()
            } else if waiting {
                view! {
                    <div class="alert alert-warning" role="status">{t.profile.revision_pending_notice}</div>
                    <a class="btn btn-light" href="/profil">{t.common.menu_profile}</a>
                }.into_any()
            } else {
                view! { <RevisionForm profile=p /> }.into_any()
            }
        } />
    }
}

/// A revisable field: its value and its change note, both as signals.
#[derive(Clone, Copy)]
struct Revisable {
    name: &'static str,
    note_name: &'static str,
    approved: Signal<String>,
    value: RwSignal<String>,
    note: RwSignal<String>,
}

impl Revisable {
    fn new(name: &'static str, note_name: &'static str, approved: &ProfileIn) -> Revisable {
        let original = approved.get(name).to_owned();
        Revisable {
            name,
            note_name,
            approved: Signal::stored(original.clone()),
            value: RwSignal::new(original),
            note: RwSignal::new(String::new()),
        }
    }

    fn changed(self) -> bool {
        self.value.get().trim() != self.approved.get().trim()
    }
}

/// The change-note input, shown once the field differs from the approved value.
#[component]
fn ChangeNote(form: FormState, field: Revisable) -> impl IntoView {
    let t = use_texts();
    let err = form.error(field.note_name, move || {
        (field.changed() && field.note.get().trim().is_empty()).then_some(Problem::NoteRequired)
    });
    move || {
        field.changed().then(|| {
            view! {
                <div class="change-note">
                    <TextField form name=field.note_name label=t.profile.change_note_label value=field.note error=err hint=t.profile.change_note_hint />
                </div>
            }
        })
    }
}

#[component]
fn RevisionForm(profile: ProfileOut) -> impl IntoView {
    let t = use_texts();
    let form = FormState::default();
    let f = profile.fields.clone();
    let field = |name: &'static str, note: &'static str| Revisable::new(name, note, &f);
    let personal_name = field("personal_name", "note_personal_name");
    let personal_phone = field("personal_phone", "note_personal_phone");
    let personal_email = field("personal_email", "note_personal_email");
    let business_name = field("business_name", "note_business_name");
    let business_phone = field("business_phone", "note_business_phone");
    let province = field("province", "note_province");
    let regency = field("regency", "note_regency");
    let district = field("district", "note_district");
    let village = field("village", "note_village");
    let address = field("address", "note_address");
    reset_on_change(province.value, regency.value);
    reset_on_change(regency.value, district.value);
    reset_on_change(district.value, village.value);
    let all = [
        personal_name,
        personal_phone,
        personal_email,
        business_name,
        business_phone,
        province,
        regency,
        district,
        village,
        address,
    ];
    let category = f.category.clone();
    let input = move || {
        let mut i = ProfileIn { category: category.clone(), ..Default::default() };
        for r in all {
            i.set(r.name, &r.value.get());
        }
        i
    };
    let input_for_err = input.clone();
    let err = move |name: &'static str| {
        let input = input_for_err.clone();
        form.error(name, move || problem_for(&input().problems(true), name))
    };
    let uploads = RwSignal::new(profile.revision_uploads.clone());
    let action = ServerAction::<SubmitRevision>::new();
    let navigate = use_navigate();
    Effect::new(move |_| {
        let Some(result) = action.value().get() else { return };
        form.answer(&result);
        if result.is_ok() {
            navigate("/profil?revisi=terkirim", Default::default());
        }
    });
    let input_submit = input.clone();
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let i = untrack(&input_submit);
        let notes: BTreeMap<String, String> =
            all.iter().filter(|r| r.changed()).map(|r| (r.name.to_owned(), r.note.get_untracked())).collect();
        let notes_ok = notes.values().all(|n| !n.trim().is_empty());
        if form.submit(i.problems(true).is_empty() && notes_ok) {
            action.dispatch(SubmitRevision { input: i, notes });
        }
    };
    let general = general_problem(action.value());
    let on_uploaded = Callback::new(move |doc: DocumentOut| {
        uploads.update(|ds| {
            ds.retain(|d| d.doc_type != doc.doc_type);
            ds.push(doc);
        });
    });
    let remove = ServerAction::<RemoveRevisionUpload>::new();
    let text = |r: Revisable, label: &'static str, kind: &'static str| {
        view! {
            <div class="revisable">
                <TextField form name=r.name label value=r.value error=err(r.name) kind />
                <ChangeNote form field=r />
            </div>
        }
    };
    let required = profile.required_for(&profile.fields.category);
    let docs = required
        .into_iter()
        .filter_map(|code| {
            let ty = profile.doc_types.iter().find(|d| d.code == code)?.clone();
            let approved = profile.documents.iter().find(|d| d.doc_type == code).cloned();
            let c = code.clone();
            let replacement = Signal::derive(move || uploads.get().into_iter().find(|d| d.doc_type == c));
            let name = t.doc_name(&ty);
            let max_bytes = profile.max_upload_bytes;
            Some(view! {
                <div class="revision-doc">
                    <p>
                        <strong>{name}</strong>" "
                        <Chip tone=Tone::of_doc(approved.as_ref().map(|d| d.status)) text=t.doc_status(approved.as_ref().map(|d| d.status)) />
                        {approved.clone().map(|d| view! { " | "<a href=format!("/dokumen/{}", d.id) target="_blank" rel="external noopener">{d.original_name}</a> })}
                    </p>
                    <ModeratedStamp m=approved.and_then(|d| d.moderated) />
                    <details open=move || replacement.get().is_some()>
                        <summary>{t.profile.change_document}</summary>
                        <DocumentRow doc_type=ty current=replacement on_uploaded max_bytes missing=Signal::stored(None) />
                        {move || replacement.get().map(|d| {
                            let id = d.id;
                            let doc_type = d.doc_type.clone();
                            view! {
                                <button type="button" class="btn btn-light" on:click=move |_| {
                                    remove.dispatch(RemoveRevisionUpload { doc_id: id });
                                    uploads.update(|ds| ds.retain(|x| x.doc_type != doc_type));
                                }>{t.profile.cancel_replacement}</button>
                            }
                        })}
                    </details>
                </div>
            })
        })
        .collect_view();
    view! {
        <form class="panel profile-form" novalidate on:submit=on_submit>
            <FormAlert problem=general />
            <h2>{t.profile.personal_section}</h2>
            <div class="field-grid">
                {text(personal_name, t.common.name_label, "text")}
                {text(personal_phone, t.common.personal_phone_label, "tel")}
                {text(personal_email, t.common.email_label, "email")}
            </div>
            <h2>{t.profile.company_section}</h2>
            <div class="field-grid">
                {text(business_name, t.common.business_name_label, "text")}
                {text(business_phone, t.common.business_phone_label, "tel")}
                <div class="revisable">
                    <RegionField form name="province" label=t.common.province_label level=RegionLevel::Province value=province.value waiting=t.profile.choose_province error=err("province") disabled_all=false />
                    <ChangeNote form field=province />
                </div>
                <div class="revisable">
                    <RegionField form name="regency" label=t.common.regency_label level=RegionLevel::Regency value=regency.value parent=province.value waiting=t.profile.choose_province_first error=err("regency") disabled_all=false />
                    <ChangeNote form field=regency />
                </div>
                <div class="revisable">
                    <RegionField form name="district" label=t.common.district_label level=RegionLevel::District value=district.value parent=regency.value waiting=t.profile.choose_regency_first error=err("district") disabled_all=false />
                    <ChangeNote form field=district />
                </div>
                <div class="revisable">
                    <RegionField form name="village" label=t.common.village_label level=RegionLevel::Village value=village.value parent=district.value waiting=t.profile.choose_district_first error=err("village") disabled_all=false />
                    <ChangeNote form field=village />
                </div>
            </div>
            {text(address, t.common.address_label, "text")}
            <h2>{t.common.documents_section}</h2>
            {docs}
            <div class="form-actions">
                <a class="btn btn-light" href="/profil">{t.profile.cancel}</a>
                <button type="submit" class="btn btn-primary" disabled=move || action.pending().get()>{t.profile.send_revision}</button>
            </div>
        </form>
    }
}
