//! "Web Report" (manual Gambar 12, issue 15): the credentials e-mail's
//! merchant ID, officer code and password sign in here; the first time the
//! password must be changed; then the merchant's production transactions
//! and deposit statement, read only.

use crate::components::form::{general_problem, FormAlert, FormState, SubmitButton, TextField};
use crate::components::layout::AuthCard;
use crate::components::list::{Column, CursorPager, Loaded, Table};
use crate::i18n::use_texts;
use crate::pages::portal::tx_status::TxList;
use crate::server_fns::webreport::{
    webreport_me, webreport_statement, webreport_transactions, WebreportChangePassword, WebreportLogin, WebreportLogout,
};
use domain::account::{check_new_password, check_required};
use domain::finance::rupiah;
use domain::problem::problem_for;
use domain::reports::{StatementIn, StatementLineOut, StatementOut, TxPageOut, TxSearchIn, WebreportOut};
use leptos::prelude::*;

#[component]
pub fn WebreportPage() -> impl IntoView {
    let t = use_texts();
    let login = ServerAction::<WebreportLogin>::new();
    let change = ServerAction::<WebreportChangePassword>::new();
    let logout = ServerAction::<WebreportLogout>::new();
    let me = Resource::new(
        // Only a sign-in that worked reloads: a refused one keeps the form as typed.
        move || (matches!(login.value().get(), Some(Ok(_))), change.version().get(), logout.version().get()),
        |_| webreport_me(),
    );
    let screen = move |w: Option<WebreportOut>| match w {
        None => view! { <AuthCard title=t.reports.wr_title><LoginForm login /></AuthCard> }.into_any(),
        Some(w) if w.must_change_password => {
            view! { <AuthCard title=t.reports.wr_change_title><ChangeForm change /></AuthCard> }.into_any()
        }
        Some(w) => view! { <Reports w logout /> }.into_any(),
    };
    view! {
        <Suspense fallback=move || view! { <p class="muted page-loading">{t.common.loading}</p> }>
            <Loaded resource=me children=screen />
        </Suspense>
    }
}

#[component]
fn LoginForm(login: ServerAction<WebreportLogin>) -> impl IntoView {
    let t = use_texts();
    let form = FormState::default();
    form.follow(login.value());
    let [merchant, officer, password] = std::array::from_fn(|_| RwSignal::new(String::new()));
    let required = move |s: RwSignal<String>| move || check_required(&s.get(), 128).err();
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let (m, o, p) = (merchant.get_untracked(), officer.get_untracked(), password.get_untracked());
        if form.submit(!m.trim().is_empty() && !o.trim().is_empty() && !p.is_empty()) {
            login.dispatch(WebreportLogin { merchant_id: m, officer_code: o, password: p });
        }
    };
    view! {
        <p class="muted">{t.reports.wr_intro}</p>
        <form on:submit=on_submit novalidate>
            <FormAlert problem=general_problem(login.value()) />
            <TextField form name="merchant_id" label=t.reports.merchant_id value=merchant error=form.error("merchant_id", required(merchant)) autocomplete="username" />
            <TextField form name="officer_code" label=t.reports.wr_officer value=officer error=form.error("officer_code", required(officer)) />
            <TextField form name="password" label=t.reports.wr_password value=password error=form.error("password", required(password)) kind="password" autocomplete="current-password" />
            <SubmitButton label=t.reports.wr_login pending=login.pending() />
        </form>
    }
}

#[component]
fn ChangeForm(change: ServerAction<WebreportChangePassword>) -> impl IntoView {
    let t = use_texts();
    let form = FormState::default();
    form.follow(change.value());
    let [current, password, confirm] = std::array::from_fn(|_| RwSignal::new(String::new()));
    let check = move |field| move || problem_for(&check_new_password(&password.get(), &confirm.get()), field);
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let (c, pw, pc) = (current.get_untracked(), password.get_untracked(), confirm.get_untracked());
        if form.submit(!c.is_empty() && check_new_password(&pw, &pc).is_empty()) {
            change.dispatch(WebreportChangePassword { current_password: c, password: pw, password_confirm: pc });
        }
    };
    view! {
        <p class="muted">{t.reports.wr_change_intro}</p>
        <form on:submit=on_submit novalidate>
            <FormAlert problem=general_problem(change.value()) />
            <TextField form name="current_password" label=t.reports.wr_current value=current error=form.error("current_password", move || check_required(&current.get(), 128).err()) kind="password" autocomplete="current-password" />
            <TextField form name="password" label=t.reports.wr_new value=password error=form.error("password", check("password")) kind="password" hint=t.common.password_hint autocomplete="new-password" />
            <TextField form name="password_confirm" label=t.reports.wr_confirm value=confirm error=form.error("password_confirm", check("password_confirm")) kind="password" autocomplete="new-password" />
            <SubmitButton label=t.reports.wr_change pending=change.pending() />
        </form>
    }
}

/// The read-only reports: transactions, then the statement.
#[component]
fn Reports(w: WebreportOut, logout: ServerAction<WebreportLogout>) -> impl IntoView {
    let t = use_texts();
    let txq = RwSignal::new(TxSearchIn::default());
    let stq = RwSignal::new(StatementIn::default());
    let txs = Resource::new(move || txq.get(), webreport_transactions);
    let statement = Resource::new(move || stq.get(), webreport_statement);
    view! {
        <div class="auth-page webreport">
            <header class="auth-top">
                <span class="brand">{t.reports.wr_title}" · "{w.company.clone()}" · "<code>{w.merchant_id.clone()}</code></span>
                <button type="button" class="btn btn-light" on:click=move |_| { logout.dispatch(WebreportLogout {}); }>{t.reports.wr_logout}</button>
            </header>
            <main class="content">
                <p class="muted">{t.reports.wr_readonly}</p>
                <h1 class="page-title">{t.reports.tx_title}</h1>
                <Loaded resource=txs children=move |p: TxPageOut| view! { <Transactions p query=txq /> } />
                <h1 class="page-title">{t.reports.statement_title}</h1>
                <Loaded resource=statement children=move |s: StatementOut| view! { <Statement s query=stq /> } />
            </main>
        </div>
    }
}

#[component]
fn Transactions(p: TxPageOut, query: RwSignal<TxSearchIn>) -> impl IntoView {
    let paged = !query.with_untracked(|q| q.after.is_empty());
    view! { <TxList p paged go=Callback::new(move |after| query.update(|q| q.after = after)) /> }
}

#[component]
fn Statement(s: StatementOut, query: RwSignal<StatementIn>) -> impl IntoView {
    let t = use_texts();
    let columns =
        [t.reports.col_time, t.reports.col_reference, t.reports.col_debit, t.reports.col_credit, t.reports.col_balance]
            .map(Column::new)
            .to_vec();
    let money = |v: i64| if v == 0 { String::new() } else { rupiah(v) };
    let row = move |l: StatementLineOut| {
        view! {
            <tr data-testid="wr-statement-row">
                <td class="nowrap">{l.at}</td><td><code>{l.reference}</code></td>
                <td class="num">{money(l.debit)}</td><td class="num">{money(l.credit)}</td><td class="num">{rupiah(l.balance)}</td>
            </tr>
        }
    };
    let paged = !query.with_untracked(|q| q.after.is_empty());
    view! {
        <p class="actions-line">
            {format!("{} – {} · {} {} · {} {}", s.from, s.to, t.reports.opening, rupiah(s.opening), t.reports.closing, rupiah(s.closing))}
        </p>
        <Table caption=t.reports.statement_title columns rows=s.lines empty=t.reports.empty row />
        <CursorPager paged next=s.next go=Callback::new(move |after| query.update(|q| q.after = after)) />
    }
}
