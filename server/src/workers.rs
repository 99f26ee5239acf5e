//! Background work inside the server process: the mail outbox and cleanup.
//! Safe to run in several processes at once (the outbox leases its rows).

use backend::session_store::DbSessionStore;
use backend::AppState;
use std::time::Duration;

pub fn spawn(state: AppState, sessions: DbSessionStore) {
    let poll = Duration::from_millis(state.config.mail_poll_ms.max(50));
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
