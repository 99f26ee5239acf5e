//! "Request UAT" (Gambar 41–46): "Tambah Data" → a category and one of the
//! partner's chosen products, File Inquiry and File Struk (with progress),
//! the automatic checklist from the development log; the list of requests
//! with Nama Produk / Kategori / Status / Hapus.

use crate::components::dialog::ConfirmButton;
use crate::components::form::{general_problem, FormAlert};
use crate::components::frame::PartnerPage;
use crate::components::list::{Column, Loaded, Table};
use crate::components::notice::SuccessNotice;
use crate::components::status::{Chip, Tone};
use crate::components::uat::{ChecklistView, UatFiles};
use crate::error::AppError;
use crate::i18n::use_texts;
use crate::server_fns::integration::{uat_checklist, uat_mine, UatWithdraw};
use crate::server_fns::products::products_mine;
use domain::products::{MyProductOut, ProductState};
use domain::uat::{UatRequestOut, UatStatus};
use domain::Problem;
use leptos::prelude::*;

#[component]
pub fn UatPage() -> impl IntoView {
    let t = use_texts();
    let withdraw = ServerAction::<UatWithdraw>::new();
    // Bumped when a request was sent: the lists reload.
    let sent = RwSignal::new(0u32);
    let requests = Resource::new(move || (sent.get(), withdraw.version().get()), |_| uat_mine());
    let products = Resource::new(move || (sent.get(), withdraw.version().get()), |_| products_mine());
    let chosen = RwSignal::new(String::new());
    let checks = Resource::new(
        move || chosen.get(),
        |code| async move {
            if code.is_empty() {
                Ok(Vec::new())
            } else {
                uat_checklist(code).await
            }
        },
    );
    let general = general_problem(withdraw.value());
    view! {
        <PartnerPage render=move |_| view! {
            <h1 class="page-title">{t.integration.uat_title}</h1>
            <p class="muted">{t.integration.uat_intro}</p>
            <p><a href="/contoh/uat-inquiry-payment.xlsx" download>{t.integration.download_examples}</a></p>
            <SuccessNotice show=Signal::derive(move || sent.get() > 0) />
            <FormAlert problem=general />
            <Loaded resource=products children=move |mine| view! { <UatForm mine chosen sent /> } />
            <section aria-labelledby="checklist-title" class="card">
                <h2 id="checklist-title">{t.integration.checklist_title}</h2>
                {move || if chosen.get().is_empty() {
                    view! { <p class="muted">{t.integration.checklist_pick}</p> }.into_any()
                } else {
                    view! { <Loaded resource=checks children=move |list| view! { <ChecklistView list log_href=crate::pages::portal::integration::log_entry_href warn=true /> } /> }.into_any()
                }}
            </section>
            <h2>{t.integration.uat_list_title}</h2>
            <Loaded resource=requests children=move |rows| view! { <UatList rows withdraw /> } />
        } />
    }
}

/// The products that may be sent to UAT: chosen, or rejected and to fix.
fn sendable(mine: &[MyProductOut]) -> Vec<&MyProductOut> {
    mine.iter().filter(|p| matches!(p.state, ProductState::Selected | ProductState::UatRejected)).collect()
}

/// "Tambah Data": the form, shown on demand.
#[component]
fn UatForm(mine: Vec<MyProductOut>, chosen: RwSignal<String>, sent: RwSignal<u32>) -> impl IntoView {
    let t = use_texts();
    let open = RwSignal::new(false);
    let progress = RwSignal::new(None::<u32>);
    let problem = RwSignal::new(None::<Problem>);
    let field_problems = RwSignal::new(Vec::<domain::FieldError>::new());
    let options: Vec<(String, String)> = sendable(&mine)
        .into_iter()
        .map(|p| (p.code.clone(), format!("{} — {} ({})", p.code, p.name, p.category)))
        .collect();
    if options.is_empty() {
        return view! { <p class="muted">{t.integration.no_products_for_uat}</p> }.into_any();
    }
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        send(ev, progress, problem, field_problems, sent);
    };
    let field = move |name: &'static str| {
        move || field_problems.with(|f| domain::problem::problem_for(f, name)).map(|p| t.problem(p))
    };
    view! {
        <button type="button" class="btn btn-primary" aria-expanded=move || open.get().to_string() on:click=move |_| open.update(|o| *o = !*o)>
            {t.integration.add_data}
        </button>
        <form class="card form" on:submit=on_submit hidden=move || !open.get()>
            <FormAlert problem=problem />
            <label for="uat-product">{t.integration.choose_product}</label>
            <select id="uat-product" name="code" required on:change=move |ev| chosen.set(event_target_value(&ev))>
                <option value="">{t.integration.choose_product}</option>
                {options.into_iter().map(|(v, text)| view! { <option value=v>{text}</option> }).collect_view()}
            </select>
            <p class="field-error" role="alert">{field("code")}</p>
            <UatFiles field_inquiry=field("inquiry") field_struk=field("struk") />
            {move || progress.get().map(|p| view! {
                <div class="progress" role="progressbar" aria-valuemin="0" aria-valuemax="100" aria-valuenow=p.to_string() aria-label=t.profile.uploading>
                    <div class="progress-bar" style=format!("width:{p}%")></div>
                </div>
            })}
            <button type="submit" class="btn btn-primary" disabled=move || progress.get().is_some()>{t.common.save}</button>
        </form>
    }
    .into_any()
}

/// Sends the form as multipart with progress; the lists reload when it went through.
fn send(
    ev: leptos::ev::SubmitEvent,
    progress: RwSignal<Option<u32>>,
    problem: RwSignal<Option<Problem>>,
    fields: RwSignal<Vec<domain::FieldError>>,
    sent: RwSignal<u32>,
) {
    use wasm_bindgen::JsCast;
    let Some(form) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlFormElement>().ok()) else { return };
    let Ok(data) = web_sys::FormData::new_with_form(&form) else { return };
    problem.set(None);
    fields.set(Vec::new());
    progress.set(Some(0));
    let started = crate::upload::send_form(
        "/api/uat",
        data,
        move |p| progress.set(Some(p)),
        move |result: Result<UatRequestOut, AppError>| {
            progress.set(None);
            match result {
                Ok(_) => {
                    form.reset();
                    sent.update(|n| *n += 1);
                }
                Err(AppError::Invalid(errs)) => fields.set(errs),
                Err(e) => problem.set(e.general().or(Some(Problem::Unavailable))),
            }
        },
    );
    if let Err(e) = started {
        progress.set(None);
        problem.set(e.general());
    }
}

#[component]
fn UatList(rows: Vec<UatRequestOut>, withdraw: ServerAction<UatWithdraw>) -> impl IntoView {
    let t = use_texts();
    let columns = [
        t.portal.col_product_name,
        t.moderation.col_category,
        t.common.col_status,
        t.integration.col_files,
        t.common.col_actions,
    ]
    .map(Column::new)
    .to_vec();
    view! {
        <Table caption=t.integration.uat_list_title columns rows empty=t.integration.uat_empty row=move |r: UatRequestOut| {
            let tone = match r.status {
                UatStatus::Waiting => Tone::Pending,
                UatStatus::Approved => Tone::Ok,
                UatStatus::Rejected => Tone::Bad,
            };
            let id = r.id;
            view! {
                <tr>
                    <td><code>{r.product_code.clone()}</code>" "{r.product_name.clone()}<br /><span class="muted small">{r.created_at.clone()}</span></td>
                    <td>{r.category.clone()}</td>
                    <td><Chip tone text=t.uat_status(r.status) />{r.reason.clone().map(|why| view! { <br /><span class="muted small">{why}</span> })}</td>
                    <td>
                        <a href=format!("/uat/{}/inquiry", r.id) target="_blank">{t.integration.file_inquiry}</a><br />
                        <a href=format!("/uat/{}/struk", r.id) target="_blank">{t.integration.file_struk}</a>
                    </td>
                    <td>
                        {(r.status == UatStatus::Waiting).then(|| view! {
                            <ConfirmButton
                                label=t.common.delete
                                message=t.integration.delete_confirm
                                aria_label=format!("{} {}", t.common.delete, r.product_code)
                                on_yes=move || { withdraw.dispatch(UatWithdraw { id }); }
                            />
                        })}
                    </td>
                </tr>
            }
        } />
    }
}
