//! Audit entries as table rows: who did what to which record, and the change.

use crate::components::list::Column;
use crate::i18n::Texts;
use domain::moderation::AuditOut;
use leptos::prelude::*;

pub fn audit_columns(t: &Texts) -> Vec<Column> {
    [t.common.col_time, t.common.col_actor, t.moderation.col_action, t.moderation.col_entity, t.moderation.col_change]
        .map(Column::new)
        .to_vec()
}

pub fn audit_row(e: AuditOut) -> impl IntoView {
    let t = crate::i18n::use_texts();
    view! {
        <tr>
            <td>{e.at}</td>
            <td>{e.actor_name}<br /><span class="muted small">{t.actor_kind(e.actor_kind)}</span></td>
            <td><code>{e.action}</code></td>
            <td>{e.entity}<br /><span class="muted small">{e.entity_id}</span></td>
            <td class="small">
                {e.before.map(|b| view! { <div class="muted">"− "{b}</div> })}
                {e.after.map(|a| view! { <div>"+ "{a}</div> })}
            </td>
        </tr>
    }
}
