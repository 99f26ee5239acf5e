//! "Produk" (manual §9, Gambar 37–40): tab "Tambah Produk" — pick a
//! category, check products, "Simpan"; tab "Produk Anda" — the partner's
//! products with their status, filters, and "Hapus" for what is not live.

use crate::components::dialog::ConfirmButton;
use crate::components::form::{general_problem, FormAlert, SubmitButton};
use crate::components::frame::PartnerPage;
use crate::components::list::{use_list_query, use_query_param, Column, DataTable, FilterSelect, Loaded};
use crate::components::notice::SuccessNotice;
use crate::components::status::{Chip, Tone};
use crate::i18n::{use_texts, Texts};
use crate::server_fns::products::{products_choosable, products_mine, ProductRemove, ProductsChoose};
use domain::finance::{rupiah, ProductOut};
use domain::products::{MyProductOut, ProductState};
use domain::ListQuery;
use leptos::prelude::*;
use std::collections::BTreeSet;

#[component]
pub fn ProductsPage() -> impl IntoView {
    let t = use_texts();
    let list = use_list_query();
    let tab = use_query_param("tab");
    let category = use_query_param("kategori");
    let status = use_query_param("status");
    let choose = ServerAction::<ProductsChoose>::new();
    let remove = ServerAction::<ProductRemove>::new();
    // All choosable products (the category filter is applied here, so the
    // category list stays whole), and the partner's own.
    // A removed product can be chosen again: both lists follow both actions.
    let choosable =
        Resource::new(move || (choose.version().get(), remove.version().get()), |_| products_choosable(String::new()));
    let mine = Resource::new(move || (choose.version().get(), remove.version().get()), |_| products_mine());
    view! {
        <PartnerPage render=move |me: domain::account::UserOut| {
            // The tab follows the address (a link to the other tab changes
            // it without a reload). Without "Halaman Utama Produk" the user
            // only sees the products the company has ("Data Produk").
            let may_add = me.may(domain::rights::Right::Produk);
            let yours = move || !may_add || tab.get() == "anda";
            view! {
                <h1 class="page-title">{t.portal.products_title}</h1>
                <nav class="tabs" aria-label=t.portal.products_title>
                    {may_add.then(|| view! { <a href="/produk" aria-current=move || (!yours()).then_some("page")>{t.portal.tab_add}</a> })}
                    <a href="/produk?tab=anda" aria-current=move || yours().then_some("page")>{t.portal.tab_yours}</a>
                </nav>
                {move || if yours() {
                    view! {
                        <Loaded resource=mine children=move |all| view! {
                            <YourProducts all list=list.get() category=category.get() status=status.get() remove />
                        } />
                    }.into_any()
                } else {
                    view! {
                        <Loaded resource=choosable children=move |all| view! {
                            <AddProducts all list=list.get() category=category.get() choose />
                        } />
                    }.into_any()
                }}
            }
        } />
    }
}

/// The categories of `products`, for "Pilih Kategori Produk" (all first).
fn categories<'a>(t: &'static Texts, names: impl Iterator<Item = &'a str>) -> Vec<(String, String)> {
    let set: BTreeSet<&str> = names.collect();
    std::iter::once((String::new(), t.common.all.to_owned()))
        .chain(set.into_iter().map(|c| (c.to_owned(), c.to_owned())))
        .collect()
}

#[component]
fn AddProducts(
    all: Vec<ProductOut>,
    list: ListQuery,
    category: String,
    choose: ServerAction<ProductsChoose>,
) -> impl IntoView {
    let t = use_texts();
    let options = categories(t, all.iter().map(|p| p.category.as_str()));
    let kept = vec![("kategori", category.clone())];
    let shown: Vec<ProductOut> = all.into_iter().filter(|p| category.is_empty() || p.category == category).collect();
    let page = list.apply(shown, |p| format!("{} {}", p.code, p.name), |p, c| (c == "code").then(|| p.code.clone()));
    let checked = RwSignal::new(BTreeSet::<String>::new());
    let saved = Signal::derive(move || matches!(choose.value().get(), Some(Ok(_))));
    let general = general_problem(choose.value());
    let columns = vec![
        Column::new(t.portal.col_choose),
        Column::sortable(t.portal.col_product_code, "code"),
        Column::new(t.portal.col_product_name),
        Column::new(t.portal.col_admin_fee),
        Column::new(t.portal.col_fee),
    ];
    let row = move |p: ProductOut| {
        let code = p.code.clone();
        let box_id = format!("pilih-{}", p.code);
        view! {
            <tr>
                <td>
                    <input type="checkbox" id=box_id.clone() aria-label=format!("{} {}", t.portal.col_choose, p.code)
                        prop:checked={ let code = code.clone(); move || checked.with(|c| c.contains(&code)) }
                        on:change=move |_| checked.update(|c| if !c.remove(&code) { c.insert(code.clone()); }) />
                </td>
                <td><label for=box_id><code>{p.code.clone()}</code></label></td>
                <td>{p.name}</td>
                <td class="num">{rupiah(p.admin_fee)}</td>
                <td class="num">{rupiah(p.partner_fee)}</td>
            </tr>
        }
    };
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let codes: Vec<String> = checked.get_untracked().into_iter().collect();
        choose.dispatch(ProductsChoose { codes });
        checked.set(BTreeSet::new());
    };
    view! {
        <SuccessNotice show=saved />
        <FormAlert problem=general />
        <p class="muted">{t.portal.products_add_hint}</p>
        <DataTable
            caption=t.portal.tab_add
            path="/produk"
            columns
            page
            query=list
            kept
            filters=Box::new(move || view! { <FilterSelect id="kategori" label=t.portal.choose_category name="kategori" options chosen=category /> }.into_any())
            row
            empty=t.portal.products_none_left
        />
        <form on:submit=on_submit class="actions-line">
            <SubmitButton label=t.common.save pending=choose.pending() />
            <span class="muted">{move || t.products_checked(checked.with(|c| c.len()))}</span>
        </form>
    }
}

#[component]
fn YourProducts(
    all: Vec<MyProductOut>,
    list: ListQuery,
    category: String,
    status: String,
    remove: ServerAction<ProductRemove>,
) -> impl IntoView {
    let t = use_texts();
    let cats = categories(t, all.iter().map(|p| p.category.as_str()));
    let states: Vec<(String, String)> = std::iter::once(("", t.common.all))
        .chain(ProductState::ALL.iter().map(|s| (s.code(), t.product_state(*s))))
        .map(|(v, l)| (v.to_owned(), l.to_owned()))
        .collect();
    let shown: Vec<MyProductOut> = all
        .into_iter()
        .filter(|p| category.is_empty() || p.category == category)
        .filter(|p| status.is_empty() || p.state.code() == status)
        .collect();
    let page = list.apply(shown, |p| format!("{} {}", p.code, p.name), |p, c| (c == "code").then(|| p.code.clone()));
    let general = general_problem(remove.value());
    let columns = vec![
        Column::sortable(t.portal.col_product_code, "code"),
        Column::new(t.portal.col_product_name),
        Column::new(t.portal.col_admin_fee),
        Column::new(t.portal.col_product_status),
        Column::new(t.common.col_actions),
    ];
    let row = move |p: MyProductOut| {
        let code = p.code.clone();
        let tone = match p.state {
            ProductState::Active => Tone::Ok,
            ProductState::UatRejected | ProductState::Inactive | ProductState::Maintenance => Tone::Bad,
            _ => Tone::Pending,
        };
        view! {
            <tr>
                <td><code>{p.code.clone()}</code></td>
                <td>{p.name}</td>
                <td class="num">{rupiah(p.admin_fee)}</td>
                <td>
                    <Chip tone text=t.product_state(p.state) />
                    {p.reason.map(|r| view! { <br /><span class="muted small">{r}</span> })}
                </td>
                <td>
                    {p.state.removable().then(|| view! {
                        <ConfirmButton
                            label=t.common.delete
                            aria_label=format!("{} {}", t.common.delete, p.code)
                            on_yes=move || { remove.dispatch(ProductRemove { code: code.clone() }); }
                        />
                    })}
                </td>
            </tr>
        }
    };
    let kept = vec![("tab", "anda".to_owned()), ("kategori", category.clone()), ("status", status.clone())];
    let filters = move || {
        view! {
            <FilterSelect id="kategori" label=t.portal.choose_category name="kategori" options=cats chosen=category />
            <FilterSelect id="status" label=t.portal.choose_status name="status" options=states chosen=status />
        }
        .into_any()
    };
    view! {
        <FormAlert problem=general />
        <DataTable
            caption=t.portal.tab_yours
            path="/produk"
            columns
            page
            query=list
            kept
            filters=Box::new(filters)
            row
            empty=t.portal.products_none_yours
        />
    }
}
