//! "Pengisian Data Profil" (manual Gambar 8–9): can be saved as a draft and
//! completed later; "Simpan" sends it to moderation.

use crate::components::documents::DocumentRow;
use crate::components::form::{general_problem, FormAlert, FormState, TextField};
use crate::components::frame::PartnerPage;
use crate::components::list::Loaded;
use crate::components::regions::{reset_on_change, RegionField};
use crate::error::AppError;
use crate::i18n::use_texts;
use crate::server_fns::profile::{get_profile, SaveProfile};
use domain::problem::problem_for;
use domain::profile::{Category, DocumentOut, ProfileIn, ProfileOut, ProfileStatus};
use domain::region::RegionLevel;
use domain::Problem;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

#[component]
pub fn ProfileFormPage() -> impl IntoView {
    // Created here, beside the user check, so the server waits for both
    // before it renders (a resource inside a nested Suspense would not be).
    let profile = Resource::new(|| (), |_| get_profile());
    view! { <PartnerPage render=move |_| view! { <ProfileFormLoader profile /> } /> }
}

#[component]
fn ProfileFormLoader(profile: Resource<Result<ProfileOut, AppError>>) -> impl IntoView {
    view! {
        <Loaded resource=profile children=move |p| view! { <ProfileForm profile=p /> } />
    }
}

#[component]
fn ProfileForm(profile: ProfileOut) -> impl IntoView {
    let t = use_texts();
    let form = FormState::default();
    let f = profile.fields.clone();
    let category = RwSignal::new(f.category.clone());
    let [personal_name, personal_phone, personal_email, business_name, business_phone, address] =
        [f.personal_name, f.personal_phone, f.personal_email, f.business_name, f.business_phone, f.address]
            .map(RwSignal::new);
    let [province, regency, district, village] = [f.province, f.regency, f.district, f.village].map(RwSignal::new);
    reset_on_change(province, regency);
    reset_on_change(regency, district);
    reset_on_change(district, village);
    let documents = RwSignal::new(profile.documents.clone());
    let locked = !profile.status.editable();

    let input = move || ProfileIn {
        category: category.get(),
        personal_name: personal_name.get(),
        personal_phone: personal_phone.get(),
        personal_email: personal_email.get(),
        business_name: business_name.get(),
        business_phone: business_phone.get(),
        province: province.get(),
        regency: regency.get(),
        district: district.get(),
        village: village.get(),
        address: address.get(),
    };
    let err = move |field: &'static str| form.error(field, move || problem_for(&input().problems(true), field));

    let profile_for_docs = profile.clone();
    let required = Memo::new(move |_| profile_for_docs.required_for(&category.get()));
    let missing_docs = move || {
        let have = documents.get();
        required.get().into_iter().filter(|code| !have.iter().any(|d| &d.doc_type == code)).count()
    };

    let action = ServerAction::<SaveProfile>::new();
    let draft_saved = RwSignal::new(false);
    let navigate = use_navigate();
    Effect::new(move |_| {
        let Some(result) = action.value().get() else { return };
        form.answer(&result);
        match result {
            Ok(ProfileStatus::Submitted) => navigate("/profil", Default::default()),
            Ok(_) => draft_saved.set(true),
            Err(_) => draft_saved.set(false),
        }
    });
    let save = move |submit: bool| {
        draft_saved.set(false);
        let i = untrack(input);
        let ok = i.problems(submit).is_empty() && (!submit || missing_docs() == 0);
        if form.submit(ok || !submit) && ok {
            action.dispatch(SaveProfile { input: i, submit });
        }
    };
    let general = general_problem(action.value());
    let doc_types = profile.doc_types.clone();
    let max_bytes = profile.max_upload_bytes;
    let on_uploaded = Callback::new(move |doc: DocumentOut| {
        documents.update(|ds| {
            ds.retain(|d| d.doc_type != doc.doc_type);
            ds.push(doc);
        });
    });

    view! {
        <h1 class="page-title">{t.profile.profile_form_title}</h1>
        <form class="panel profile-form" novalidate on:submit=move |ev| { ev.prevent_default(); save(true); }>
            <FormAlert problem=general />
            {move || draft_saved.get().then(|| view! { <div class="alert alert-success" role="status">{t.profile.draft_saved}</div> })}
            {locked.then(|| view! { <div class="alert alert-warning" role="status">{t.problem(Problem::ProfileLocked)}</div> })}
            <fieldset class="choice" disabled=locked>
                <legend>{t.profile.service_label}<span class="req" aria-hidden="true">" *"</span></legend>
                <label class="chip"><input type="radio" name="service" value="open_api" checked />{t.profile.service_open_api}</label>
            </fieldset>
            <fieldset class="choice" disabled=locked aria-describedby="category-msg">
                <legend>{t.common.category_label}<span class="req" aria-hidden="true">" *"</span></legend>
                {Category::ALL.into_iter().map(|c| {
                    let label = match c {
                        Category::Pribadi => t.common.category_pribadi,
                        Category::Koperasi => t.common.category_koperasi,
                        Category::Perusahaan => t.common.category_perusahaan,
                    };
                    view! {
                        <label class="chip">
                            <input
                                type="radio"
                                name="category"
                                value=c.code()
                                prop:checked=move || category.get() == c.code()
                                on:change=move |_| { category.set(c.code().to_owned()); form.touch("category"); }
                            />
                            {label}
                        </label>
                    }
                }).collect_view()}
                <p class="field-error" id="category-msg" role="alert">{move || err("category").get().map(|p| t.problem(p))}</p>
            </fieldset>

            <h2>{t.profile.personal_section}</h2>
            <div class="field-grid">
                <TextField form name="personal_name" label=t.common.name_label value=personal_name error=err("personal_name") autocomplete="name" />
                <TextField form name="personal_phone" label=t.common.personal_phone_label value=personal_phone error=err("personal_phone") kind="tel" autocomplete="tel" />
                <TextField form name="personal_email" label=t.common.email_label value=personal_email error=err("personal_email") kind="email" autocomplete="email" />
            </div>

            <h2>{t.profile.company_section}</h2>
            <div class="field-grid">
                <TextField form name="business_name" label=t.common.business_name_label value=business_name error=err("business_name") autocomplete="organization" />
                <TextField form name="business_phone" label=t.common.business_phone_label value=business_phone error=err("business_phone") kind="tel" />
                <RegionField form name="province" label=t.common.province_label level=RegionLevel::Province value=province waiting=t.profile.choose_province error=err("province") disabled_all=locked />
                <RegionField form name="regency" label=t.common.regency_label level=RegionLevel::Regency value=regency parent=province waiting=t.profile.choose_province_first error=err("regency") disabled_all=locked />
                <RegionField form name="district" label=t.common.district_label level=RegionLevel::District value=district parent=regency waiting=t.profile.choose_regency_first error=err("district") disabled_all=locked />
                <RegionField form name="village" label=t.common.village_label level=RegionLevel::Village value=village parent=district waiting=t.profile.choose_district_first error=err("village") disabled_all=locked />
            </div>
            <TextField form name="address" label=t.common.address_label value=address error=err("address") autocomplete="street-address" />

            <h2>{t.common.documents_section}</h2>
            {move || {
                let codes = required.get();
                if codes.is_empty() {
                    return view! { <p class="muted">{t.profile.choose_category_first}</p> }.into_any();
                }
                codes.into_iter().filter_map(|code| {
                    let ty = doc_types.iter().find(|d| d.code == code)?.clone();
                    let c = code.clone();
                    let current = Signal::derive(move || documents.get().into_iter().find(|d| d.doc_type == c));
                    // After a try to submit, every empty row says it is needed.
                    let missing = Signal::derive(move || form.was_submitted().then_some(Problem::DocumentMissing));
                    Some(view! { <DocumentRow doc_type=ty current on_uploaded max_bytes missing locked /> })
                }).collect_view().into_any()
            }}

            <div class="form-actions">
                <button type="button" class="btn btn-light" disabled=move || locked || action.pending().get() on:click=move |_| save(false)>
                    {t.profile.save_draft}
                </button>
                <button type="submit" class="btn btn-primary" disabled=move || locked || action.pending().get()>
                    {t.profile.submit_profile}
                </button>
            </div>
        </form>
    }
}
