//! "Katalog Produk" (R-BO-5): names, prices, fees and status of every
//! product, edited row by row; changes are audited and apply at once.

use crate::components::form::{general_problem, LoadError};
use crate::components::form::{FormState, SubmitButton, TextField};
use crate::components::frame::StaffPage;
use crate::components::list::{use_list_query, Column, DataTable, Loaded, Table};
use crate::components::notice::SuccessNotice;
use crate::components::outages::OutagePanel;
use crate::components::status::{Chip, Tone};
use crate::error::AppError;
use crate::i18n::use_texts;
use crate::server_fns::catalog::{
    breaker_list, catalog_categories, catalog_list, BreakerReset, CatalogCreate, CatalogUpdate, CategoryCreate,
    PriceCheck,
};
use domain::finance::{
    rupiah, CategoryIn, NewProductIn, PriceCheckOut, PriceRowOut, PriceVerdict, ProductIn, ProductOut, ProductStatus,
    BILLERS,
};
use domain::staff::{Permission, StaffOut};
use leptos::prelude::*;

#[component]
pub fn CatalogPage() -> impl IntoView {
    // The page's resources are made here, beside the staff check (see
    // DevNumbersPage): made inside the page's Suspense they would get other
    // ids on the server than in the browser.
    let create = ServerAction::<CatalogCreate>::new();
    let add_category = ServerAction::<CategoryCreate>::new();
    let products = Resource::new(move || create.version().get(), |_| catalog_list());
    let categories = Resource::new(move || add_category.version().get(), |_| catalog_categories());
    let reset = ServerAction::<BreakerReset>::new();
    let breakers = Resource::new(move || reset.version().get(), |_| breaker_list());
    view! {
        <StaffPage render=move |me: StaffOut| {
            let editable = me.may(Permission::Moderate);
            let t = use_texts();
            view! {
                <h1 class="page-title">{t.common.catalog_title}</h1>
                <BillerStatus editable reset list=breakers />
                {editable.then(|| view! {
                    <Loaded resource=categories children=move |cats| view! { <NewProductForm cats create /> } />
                    <NewCategoryForm add=add_category />
                })}
                <p class="muted small">{t.finance.retire_hint}</p>
                <Catalog products editable />
                <PriceCheckPanel />
            }
        } />
    }
}

/// Production's biller breakers; moderators mark a biller recovered.
#[component]
fn BillerStatus(
    editable: bool,
    reset: ServerAction<BreakerReset>,
    list: Resource<Result<Vec<domain::finance::BreakerOut>, AppError>>,
) -> impl IntoView {
    let t = use_texts();
    let on_reset = editable.then(|| {
        Callback::new(move |biller| {
            reset.dispatch(BreakerReset { biller });
        })
    });
    view! {
        <OutagePanel title=t.finance.outage_title_production hint=t.finance.outage_hint_production empty=t.finance.outage_empty_production list reset=on_reset />
    }
}

#[component]
fn Catalog(products: Resource<Result<Vec<ProductOut>, AppError>>, editable: bool) -> impl IntoView {
    let t = use_texts();
    let list = use_list_query();
    let sort_key = |p: &ProductOut, column: &str| match column {
        "code" => Some(p.code.clone()),
        "name" => Some(p.name.to_lowercase()),
        "price" => Some(format!("{:020}", p.price)),
        _ => None,
    };
    view! {
        <Loaded resource=products children=move |all| {
            let columns = vec![
                Column::sortable(t.finance.col_code, "code"),
                Column::sortable(t.common.name_label, "name"),
                Column::sortable(t.finance.col_price, "price"),
                Column::new(t.finance.col_admin_fee),
                Column::new(t.finance.col_partner_fee),
                Column::new(t.finance.col_buy_price),
                Column::new(t.common.col_status),
                Column::new(t.common.col_actions),
            ];
            let page = list.get().apply(all, |p| format!("{} {} {}", p.code, p.name, p.category), sort_key);
            view! {
                <DataTable
                    caption=t.common.catalog_title
                    path="/admin/katalog"
                    columns
                    page
                    query=list.get()
                    row=move |p| view! { <ProductRow p editable /> }
                />
            }
        } />
    }
}

#[component]
fn ProductRow(p: ProductOut, editable: bool) -> impl IntoView {
    let t = use_texts();
    let save = ServerAction::<CatalogUpdate>::new();
    let name = RwSignal::new(p.name.clone());
    let money = [p.price, p.admin_fee, p.partner_fee, p.buy_price].map(|v| RwSignal::new(v.to_string()));
    let status = RwSignal::new(p.status.code().to_owned());
    let biller = RwSignal::new(p.biller.clone());
    let code = p.code.clone();
    let on_save = move |_| {
        let input = product_in(name, biller, money, status.get_untracked(), -1);
        save.dispatch(CatalogUpdate { code: code.clone(), input });
    };
    let general = general_problem(save.value());
    let field_problem = move || {
        save.value()
            .get()
            .and_then(Result::err)
            .and_then(|e| e.field_errors().first().map(|f| (f.field.clone(), f.problem)))
    };
    let saved = move || matches!(save.value().get(), Some(Ok(_)));
    let row_code = p.code.clone();
    let cell = move |i: usize, column: &'static str| {
        let s = money[i];
        let label = format!("{column} {row_code}");
        view! {
            <td>
                <input class="num" aria-label=label size="9" disabled=!editable prop:value=move || s.get() on:input=move |ev| s.set(event_target_value(&ev)) />
                <br /><span class="muted small">{move || s.get().parse::<i64>().map(rupiah).unwrap_or_default()}</span>
            </td>
        }
    };
    view! {
        <tr aria-label=p.code.clone()>
            <td>
                <code>{p.code.clone()}</code><br /><span class="muted small">{p.category.clone()}" · "{p.flow.code()}</span><br />
                <BillerSelect id=format!("biller-{}", p.code) label=format!("{} {}", t.finance.biller_label, p.code) value=biller disabled=!editable />
            </td>
            <td><input aria-label=format!("{} {}", t.common.name_label, p.code) disabled=!editable prop:value=move || name.get() on:input=move |ev| name.set(event_target_value(&ev)) /></td>
            {cell(0, t.finance.col_price)}
            {cell(1, t.finance.col_admin_fee)}
            {cell(2, t.finance.col_partner_fee)}
            {cell(3, t.finance.col_buy_price)}
            <td>
                <select aria-label=format!("{} {}", t.common.col_status, p.code) disabled=!editable on:change=move |ev| status.set(event_target_value(&ev))>
                    {ProductStatus::ALL.iter().map(|s| view! { <option value=s.code() selected=*s == p.status>{s.code()}</option> }).collect_view()}
                </select>
            </td>
            <td>
                {editable.then(|| view! { <button type="button" class="btn btn-light" on:click=on_save disabled=move || save.pending().get()>{t.common.save}</button> })}
                <span role="status">{move || saved().then(|| view! { <Chip tone=Tone::Ok text=t.finance.saved /> })}</span>
                <p class="field-error" role="alert">
                    {move || general.get().map(|p| t.problem(p).to_owned()).or_else(|| field_problem().map(|(f, p)| format!("{f}: {}", t.problem(p))))}
                </p>
            </td>
        </tr>
    }
}

/// A product's name, biller and money as typed (`Rp 1.500` style accepted);
/// an amount that is not a number becomes `unreadable`, which the server
/// refuses (-1) or takes as none (0).
fn product_in(
    name: RwSignal<String>,
    biller: RwSignal<String>,
    money: [RwSignal<String>; 4],
    status: String,
    unreadable: i64,
) -> ProductIn {
    let num = |s: RwSignal<String>| s.get_untracked().trim().replace('.', "").parse::<i64>().unwrap_or(unreadable);
    ProductIn {
        name: name.get_untracked(),
        biller: biller.get_untracked(),
        price: num(money[0]),
        admin_fee: num(money[1]),
        partner_fee: num(money[2]),
        buy_price: num(money[3]),
        status,
    }
}

/// The billers a product may be served by.
#[component]
fn BillerSelect(
    id: String,
    label: String,
    value: RwSignal<String>,
    #[prop(default = false)] disabled: bool,
) -> impl IntoView {
    view! {
        <select id=id aria-label=label disabled=disabled on:change=move |ev| value.set(event_target_value(&ev))>
            {BILLERS.iter().map(|b| view! { <option value=*b selected=move || value.get() == *b>{*b}</option> }).collect_view()}
            // A configured biller outside the known names (e.g. a second PDAM)
            // stays chosen: it is routed on the Biller page.
            {move || {
                let v = value.get();
                (!BILLERS.contains(&v.as_str())).then(|| view! { <option value=v.clone() selected=true>{v.clone()}</option> })
            }}
        </select>
    }
}

/// A labelled select of (value, text) pairs bound to `value`.
#[component]
fn PickField(
    id: &'static str,
    label: &'static str,
    options: Vec<(String, String)>,
    value: RwSignal<String>,
) -> impl IntoView {
    view! {
        <div class="field">
            <label for=id>{label}</label>
            <select id=id on:change=move |ev| value.set(event_target_value(&ev))>
                {options.into_iter().map(|(v, text)| {
                    let chosen = v.clone();
                    view! { <option value=v selected=move || value.get() == chosen>{text}</option> }
                }).collect_view()}
            </select>
        </div>
    }
}

/// "Tambah Produk": a new product, on sale at once.
#[component]
fn NewProductForm(cats: Vec<CategoryIn>, create: ServerAction<CatalogCreate>) -> impl IntoView {
    let t = use_texts();
    let form = FormState::default();
    let text = || RwSignal::new(String::new());
    let (code, name, prefix, family) = (text(), text(), text(), text());
    let money = [text(), text(), text(), text()];
    let category = RwSignal::new(cats.first().map(|c| c.code.clone()).unwrap_or_default());
    let flow = RwSignal::new("dual".to_owned());
    let biller = RwSignal::new(BILLERS[0].to_owned());
    form.follow_then_clear(create.value(), move |_| {
        for s in [code, name, prefix, family].into_iter().chain(money) {
            s.set(String::new());
        }
    });
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let input = NewProductIn {
            code: code.get_untracked().trim().to_uppercase(),
            category: category.get_untracked(),
            flow: flow.get_untracked(),
            operator_prefix: prefix.get_untracked(),
            family: family.get_untracked().trim().to_uppercase(),
            details: product_in(name, biller, money, ProductStatus::Aktif.code().to_owned(), 0),
        };
        if form.submit(true) {
            create.dispatch(CatalogCreate { input });
        }
    };
    let err = move |f: &'static str| form.error(f, || None);
    let cat_options: Vec<(String, String)> =
        cats.into_iter().map(|c| (c.code.clone(), format!("{} — {}", c.code, c.name))).collect();
    let flows = vec![
        ("dual".to_owned(), t.finance.flow_dual.to_owned()),
        ("single".to_owned(), t.finance.flow_single.to_owned()),
    ];
    let money_fields = [
        ("price", t.finance.col_price),
        ("admin_fee", t.finance.col_admin_fee),
        ("partner_fee", t.finance.col_partner_fee),
        ("buy_price", t.finance.col_buy_price),
    ];
    view! {
        <section class="panel" aria-label=t.finance.new_product_title>
            <h2>{t.finance.new_product_title}</h2>
            <SuccessNotice show=Signal::derive(move || matches!(create.value().get(), Some(Ok(_)))) />
            <form class="field-grid" on:submit=on_submit novalidate>
                <TextField form name="code" label=t.finance.col_code value=code error=err("code") />
                <TextField form name="name" label=t.common.name_label value=name error=err("name") />
                <PickField id="new-category" label=t.moderation.col_category options=cat_options value=category />
                <PickField id="new-flow" label=t.finance.flow_label options=flows value=flow />
                <div class="field">
                    <label for="new-biller">{t.finance.biller_label}</label>
                    <BillerSelect id="new-biller".to_owned() label=t.finance.biller_label.to_owned() value=biller />
                </div>
                {money_fields.into_iter().zip(money).map(|((field, label), value)| view! {
                    <TextField form name=field label value error=err(field) required=false />
                }).collect_view()}
                <TextField form name="operator_prefix" label=t.finance.prefix_label value=prefix error=err("operator_prefix") required=false />
                <TextField form name="family" label=t.finance.family_label value=family error=err("family") required=false />
                <SubmitButton label=t.finance.new_product_title pending=create.pending() />
            </form>
        </section>
    }
}

/// "Tambah Kategori".
#[component]
fn NewCategoryForm(add: ServerAction<CategoryCreate>) -> impl IntoView {
    let t = use_texts();
    let form = FormState::default();
    let (code, name) = (RwSignal::new(String::new()), RwSignal::new(String::new()));
    form.follow_then_clear(add.value(), move |_| {
        code.set(String::new());
        name.set(String::new());
    });
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let input = CategoryIn { code: code.get_untracked().trim().to_uppercase(), name: name.get_untracked() };
        if form.submit(true) {
            add.dispatch(CategoryCreate { input });
        }
    };
    view! {
        <section class="panel" aria-label=t.finance.new_category_title>
            <h2>{t.finance.new_category_title}</h2>
            <SuccessNotice show=Signal::derive(move || matches!(add.value().get(), Some(Ok(_)))) />
            <form class="field-grid" on:submit=on_submit novalidate>
                <TextField form name="category_code" label=t.finance.category_code value=code error=form.error("code", || None) />
                <TextField form name="category_name" label=t.finance.category_name value=name error=form.error("name", || None) />
                <SubmitButton label=t.finance.new_category_title pending=add.pending() />
            </form>
        </section>
    }
}

/// "Harga Biller": each biller's price sheet against the catalog, on demand.
#[component]
fn PriceCheckPanel() -> impl IntoView {
    let t = use_texts();
    let check = ServerAction::<PriceCheck>::new();
    view! {
        <section class="panel" aria-label=t.finance.price_check_title>
            <h2>{t.finance.price_check_title}</h2>
            <p class="muted">{t.finance.price_check_hint}</p>
            <button type="button" class="btn btn-light" on:click=move |_| { check.dispatch(PriceCheck {}); } disabled=move || check.pending().get()>
                {t.finance.price_check_button}
            </button>
            {move || check.value().get().map(|r| match r {
                Ok(sources) => sources.into_iter().map(|s| view! { <PriceSheet s /> }).collect_view().into_any(),
                Err(e) => view! { <LoadError e /> }.into_any(),
            })}
        </section>
    }
}

#[component]
fn PriceSheet(s: PriceCheckOut) -> impl IntoView {
    let t = use_texts();
    let verdict = move |v: PriceVerdict| match v {
        PriceVerdict::Same => (Tone::Ok, t.finance.saved),
        PriceVerdict::Changed => (Tone::Pending, t.finance.verdict_changed),
        PriceVerdict::Loss => (Tone::Bad, t.finance.verdict_loss),
        PriceVerdict::Unavailable => (Tone::Bad, t.finance.verdict_unavailable),
        PriceVerdict::Missing => (Tone::None, t.finance.verdict_missing),
    };
    let same = s.rows.iter().filter(|r| r.verdict == PriceVerdict::Same).count();
    let differing: Vec<_> = s.rows.into_iter().filter(|r| r.verdict != PriceVerdict::Same).collect();
    let columns = [
        t.finance.col_code,
        t.common.name_label,
        t.finance.col_price,
        t.finance.col_catalog_buy,
        t.finance.col_biller_buy,
        t.common.col_note,
    ]
    .map(Column::new)
    .to_vec();
    let row = move |r: PriceRowOut| {
        let (tone, label) = verdict(r.verdict);
        view! {
            <tr aria-label=r.code.clone()>
                <td><code>{r.code.clone()}</code></td><td>{r.name}</td><td class="num">{rupiah(r.price)}</td>
                <td class="num">{rupiah(r.catalog_buy)}</td><td class="num">{r.biller_buy.map(rupiah).unwrap_or_else(|| "—".into())}</td>
                <td><Chip tone text=label /></td>
            </tr>
        }
    };
    view! {
        <h3>{format!("{} ({})", s.biller, s.environment.label())}</h3>
        {s.error.map(|e| view! { <div class="alert alert-error" role="alert">{e}</div> })}
        <p class="muted">{t.prices_unchanged(same)}</p>
        <Table caption=t.finance.price_check_title columns rows=differing row />
    }
}
