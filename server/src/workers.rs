//! Background work inside the server process: the mail outbox, pending
//! payments and cleanup.
//! Safe to run in several processes at once (the outbox leases its rows).

use backend::session_store::DbSessionStore;
use backend::AppState;
use std::time::Duration;

pub fn spawn(state: AppState, sessions: DbSessionStore) {
    let poll = Duration::from_millis(state.config.mail_poll_ms.max(50));
    let gateway = state.clone();
    let callbacks = state.clone();
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(poll);
        loop {
            tick.tick().await;
            if let Err(e) = backend::mail::outbox::deliver_due(&state.db, &state.mailer).await {
                tracing::error!(error = %format!("{e:#}"), "mail outbox run failed");
            }
        }
    });
    tokio::spawn(async move {
        let http = reqwest::Client::new();
        let mut tick = tokio::time::interval(Duration::from_secs(2));
        loop {
            tick.tick().await;
            if let Err(e) = backend::callbacks::deliver_due(&callbacks, &http).await {
                tracing::error!(error = %format!("{e:#}"), "callback delivery run failed");
            }
        }
    });
    tokio::spawn(async move {
        // Pending payments: ask their biller how they stand. Settling is a
        // conditional update, so two instances asking at once refund once.
        let mut tick = tokio::time::interval(Duration::from_secs(15));
        loop {
            tick.tick().await;
            if let Err(e) = settle_pending(&gateway).await {
                tracing::error!(error = %format!("{e:#}"), "pending payments run failed");
            }
            if let Err(e) = reconcile_yesterday(&gateway).await {
                tracing::error!(error = %format!("{e:#}"), "reconciliation run failed");
            }
        }
    });
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(Duration::from_secs(600));
        loop {
            tick.tick().await;
            match sessions.delete_expired().await {
                Ok(n) if n > 0 => tracing::info!(removed = n, "expired sessions removed"),
                Ok(_) => {}
                Err(e) => tracing::error!(error = %e, "session cleanup failed"),
            }
        }
    });
}

/// H+1: after 01:00 WIB, yesterday's still-pending payments are closed.
/// Re-running a day is harmless, so every instance may try.
async fn reconcile_yesterday(state: &AppState) -> backend::Result<()> {
    let wib = chrono::Utc::now() + chrono::Duration::hours(7);
    if chrono::Timelike::hour(&wib) < 1 {
        return Ok(());
    }
    let yesterday = (wib - chrono::Duration::days(1)).format("%Y-%m-%d").to_string();
    backend::gateway::services::reconcile_day(state, &yesterday).await.map(|_| ())
}

async fn settle_pending(state: &AppState) -> backend::Result<()> {
    for t in backend::gateway::services::pending(&state.db, 100).await? {
        let id = t.id;
        let settled = backend::gateway::services::poll(state, t).await?;
        if settled.status != "pending" {
            tracing::info!(transaction = %id, status = %settled.status, "pending payment settled");
        }
    }
    Ok(())
}
