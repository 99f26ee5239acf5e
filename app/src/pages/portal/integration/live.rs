//! "Request Live" (Gambar 47–49): the UAT-approved products, each with
//! "Request Live" → "Konfirmasi Request Live — Yakin melakukan Request
//! Live?" (Ya / Tidak) → "Proses Berhasil".

use crate::components::dialog::ConfirmButton;
use crate::components::form::{general_problem, FormAlert};
use crate::components::frame::PartnerPage;
use crate::components::list::{Column, Loaded, Table};
use crate::components::notice::SuccessNotice;
use crate::components::status::{Chip, Tone};
use crate::i18n::use_texts;
use crate::server_fns::integration::{live_products, LiveRequest};
use domain::products::ProductState;
use domain::uat::LiveProductOut;
use leptos::prelude::*;

#[component]
pub fn LivePage() -> impl IntoView {
    let t = use_texts();
    let ask = ServerAction::<LiveRequest>::new();
    let rows = Resource::new(move || ask.version().get(), |_| live_products());
    let done = Signal::derive(move || matches!(ask.value().get(), Some(Ok(()))));
    let general = general_problem(ask.value());
    view! {
        <PartnerPage render=move |_| view! {
            <h1 class="page-title">{t.integration.live_title}</h1>
            <p class="muted">{t.integration.live_intro}</p>
            <SuccessNotice show=done message=t.integration.live_done />
            <FormAlert problem=general />
            <Loaded resource=rows children=move |rows| {
                let columns = [t.portal.col_product_code, t.portal.col_product_name, t.moderation.col_category, t.integration.col_state, t.common.col_actions]
                    .map(Column::new)
                    .to_vec();
                view! {
                    <Table caption=t.integration.live_title columns rows empty=t.integration.live_empty row=move |p: LiveProductOut| {
                        let code = (p.state == ProductState::UatApproved).then(|| p.product_code.clone());
                        let tone = if p.state == ProductState::Active { Tone::Ok } else { Tone::Pending };
                        view! {
                            <tr>
                                <td><code>{p.product_code.clone()}</code></td>
                                <td>{p.product_name.clone()}</td>
                                <td>{p.category.clone()}</td>
                                <td><Chip tone text=t.product_state(p.state) /><br /><span class="muted small">{p.since.clone()}</span></td>
                                <td>
                                    {code.map(|code| view! {
                                        <ConfirmButton
                                            label=t.integration.live_button
                                            class="btn btn-primary"
                                            title=t.integration.live_confirm_title
                                            message=t.integration.live_confirm
                                            aria_label=format!("{} {}", t.integration.live_button, p.product_code)
                                            on_yes=move || { ask.dispatch(LiveRequest { code: code.clone() }); }
                                        />
                                    })}
                                </td>
                            </tr>
                        }
                    } />
                }
            } />
        } />
    }
}
