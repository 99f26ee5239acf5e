//! Background work inside the server process: the mail outbox, pending
//! payments and cleanup.
//! Safe to run in several processes at once (the outbox leases its rows).

use backend::infra::session_store::DbSessionStore;
use backend::AppState;
use std::time::Duration;

pub fn spawn(state: AppState, sessions: DbSessionStore) {
    let poll = Duration::from_millis(state.config.mail_poll_ms.max(50));
    let mail = state.clone();
    every(poll, "mail outbox", move || {
        let state = mail.clone();
        async move { backend::mail::outbox::deliver_due(&state.db, &state.mailer).await.map(drop) }
    });
    let callbacks = state.clone();
    every(Duration::from_secs(2), "callback delivery", move || {
        let state = callbacks.clone();
        async move { backend::callbacks::deliver_due(&state).await.map(drop) }
    });
    // Pending payments whose next question is due: each taken with a lease,
    // asked on its biller's schedule (the job decides what is due).
    let pending = state.clone();
    every(Duration::from_secs(5), "pending payments", move || {
        let state = pending.clone();
        async move { settle_pending(&state).await }
    });
    // Transfers to partners' permanent VAs, moved from K-Wallet to the deposit.
    if state.payments.is_some() {
        let sweep = state.clone();
        every(Duration::from_secs(30), "K-Wallet sweep", move || {
            let state = sweep.clone();
            async move { backend::topup::accounts::sweep_all(&state).await.map(drop) }
        });
        // Yesterday's top-ups against the service's books, once a day.
        let books = state.clone();
        every(Duration::from_secs(600), "top-up reconciliation", move || {
            let state = books.clone();
            async move { backend::topup::reconcile::yesterday(&state).await }
        });
    }
    // Partners whose production deposit fell under their alert level.
    let alerts = state.clone();
    every(Duration::from_secs(300), "low-balance alerts", move || {
        let state = alerts.clone();
        async move { backend::balance_alert::check_all(&state).await.map(drop) }
    });
    // Yesterday's reconciliation files, made and announced once a day is over.
    let files = state.clone();
    every(Duration::from_secs(900), "reconciliation files", move || {
        let state = files.clone();
        async move { backend::reports::daily_file::announce_yesterday(&state).await.map(drop) }
    });
    let log = state.clone();
    every(Duration::from_secs(3_600), "API log retention", move || {
        let state = log.clone();
        async move { backend::apilog::purge(&state).await.map(drop) }
    });
    // The providers' balances, so a low balance is noticed without a sale.
    let balances = state.clone();
    let later = tokio::time::Instant::now() + Duration::from_secs(900);
    every_from(later, Duration::from_secs(900), "biller balances", move || {
        let state = balances.clone();
        async move {
            backend::billers::back_office::refresh_balances(&state).await;
            Ok::<(), String>(())
        }
    });
    every(Duration::from_secs(600), "reconciliation", move || {
        let state = state.clone();
        async move { reconcile_yesterday(&state).await }
    });
    every(Duration::from_secs(600), "session cleanup", move || {
        let sessions = sessions.clone();
        async move {
            let n = sessions.delete_expired().await.map_err(|e| e.to_string())?;
            if n > 0 {
                tracing::info!(removed = n, "expired sessions removed");
            }
            Ok::<(), String>(())
        }
    });
}

/// Runs `job` every `period` for the life of the process; a failed run is
/// logged and the next one comes as planned.
fn every<F, Fut, E>(period: Duration, what: &'static str, job: F)
where
    F: FnMut() -> Fut + Send + 'static,
    Fut: std::future::Future<Output = Result<(), E>> + Send,
    E: std::fmt::Display,
{
    every_from(tokio::time::Instant::now(), period, what, job);
}

/// `every`, the first run one period after start (not at once).
fn every_from<F, Fut, E>(start: tokio::time::Instant, period: Duration, what: &'static str, mut job: F)
where
    F: FnMut() -> Fut + Send + 'static,
    Fut: std::future::Future<Output = Result<(), E>> + Send,
    E: std::fmt::Display,
{
    tokio::spawn(async move {
        let mut tick = tokio::time::interval_at(start, period);
        loop {
            tick.tick().await;
            if let Err(e) = job().await {
                tracing::error!(error = %format!("{e:#}"), job = what, "background job failed");
            }
        }
    });
}

/// H+1: after 01:00 WIB, yesterday's still-pending payments are closed.
/// Re-running a day is harmless, so every instance may try.
async fn reconcile_yesterday(state: &AppState) -> backend::Result<()> {
    let now = chrono::Utc::now();
    if chrono::Timelike::hour(&now.with_timezone(&backend::infra::wib::offset())) < 1 {
        return Ok(());
    }
    let yesterday = (backend::infra::wib::date_of(now) - chrono::Duration::days(1)).format("%Y-%m-%d").to_string();
    backend::gateway::settlement::reconcile_day(state, &yesterday).await.map(|_| ())
}

async fn settle_pending(state: &AppState) -> backend::Result<()> {
    backend::gateway::settlement::poll_due(state, 100).await.map(drop)
}
