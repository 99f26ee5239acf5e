//! Payments of one deposit that arrive together are written together
//! (issue 17, PostgreSQL).
//!
//! A payment's debit locks its deposit's row until its commit is on disk,
//! so a busy partner's payments queue on that row one commit at a time,
//! however many clients it runs: with 8 clients on one merchant the row,
//! not the machine, set the pace. Here a payment that finds another of the
//! same deposit being written waits for that write and then goes with all
//! the others that waited meanwhile, in one statement
//! (`single_statement::record_payments`) — one row lock and one commit for
//! the lot. It is PostgreSQL's group commit, one level up.
//!
//! What stays as it was:
//! - each payment is written whole or not at all, with its own ledger entry
//!   and the balance after it, in arrival order;
//! - a payment alone (the usual case below a few hundred payments a second
//!   per partner) is written by the same single statement as before;
//! - a batch that cannot be written whole — the deposit is short for the
//!   sum, a reference was paid before, any error — writes nothing, and each
//!   of its payments is then written on its own, so no payment is refused
//!   because of another;
//! - other instances write their own batches; the row lock orders them.
//!
//! A payment that finds nobody writing for its deposit writes itself, as
//! before; those queued behind it are written by a task of their own. If a
//! writer goes away (its client hung up), the payments queued behind it are
//! told to write themselves: none waits for a writer that is gone.

use super::single_statement::{self, PendingPayment};
use crate::error::Result;
use crate::infra::kept_connections::KeptConnections;
use crate::ledger::Env;
use std::collections::hash_map::{Entry, HashMap};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use tokio::sync::oneshot;
use uuid::Uuid;

/// At most this many payments in one statement: a bound on its size, well
/// above the clients one partner runs.
const BATCH_MAX: usize = 64;

/// A deposit: its partner and environment.
type Deposit = (Uuid, Env);

/// The deposits being written, each with the payments waiting for it.
#[derive(Default)]
pub struct PaymentBatches {
    waiting: Mutex<HashMap<Deposit, Vec<Waiter>>>,
    /// Statements that wrote two or more payments, and those payments.
    batches: AtomicU64,
    batched: AtomicU64,
}

struct Waiter {
    payment: PendingPayment,
    reply: oneshot::Sender<Reply>,
}

enum Reply {
    /// Written as part of a batch, or alone: `record_payment`'s answer.
    Written(Result<bool>),
    /// The batch wrote nothing: the payment is to be written on its own.
    Alone(Box<PendingPayment>),
}

/// Where a payment stands when it arrives.
enum Place {
    /// No payment of its deposit is being written: it writes itself.
    Writer(Box<PendingPayment>),
    /// It waits for the deposit's writer.
    Queued(oneshot::Receiver<Reply>),
}

impl PaymentBatches {
    /// Writes `payment` (see `single_statement::record_payment`), with the
    /// other payments of its deposit that are waiting when its turn comes.
    pub async fn record(self: &Arc<Self>, kept: &Arc<KeptConnections>, payment: PendingPayment) -> Result<bool> {
        let deposit = (payment.row.user_id, payment.row.environment);
        let place = match self.lock().entry(deposit) {
            Entry::Occupied(mut queue) => {
                let (reply, answer) = oneshot::channel();
                queue.get_mut().push(Waiter { payment, reply });
                Place::Queued(answer)
            }
            Entry::Vacant(queue) => {
                queue.insert(Vec::new());
                Place::Writer(Box::new(payment))
            }
        };
        match place {
            Place::Writer(payment) => {
                let mut turn = Turn { batches: Arc::clone(self), deposit, over: false };
                let paid = single_statement::record_payment(kept, &payment).await;
                // Those that came meanwhile are written by a task of their
                // own: this answer does not wait for theirs.
                if let Some(batch) = turn.next() {
                    tokio::spawn(turn.write_all(batch, Arc::clone(kept)));
                }
                paid
            }
            Place::Queued(answer) => match answer.await {
                Ok(Reply::Written(paid)) => paid,
                Ok(Reply::Alone(payment)) => single_statement::record_payment(kept, &payment).await,
                Err(_) => Err(anyhow::anyhow!("the payment writer of a deposit stopped").into()),
            },
        }
    }

    /// How many statements wrote two or more payments, and how many
    /// payments they wrote.
    pub fn together(&self) -> (u64, u64) {
        (self.batches.load(Ordering::Relaxed), self.batched.load(Ordering::Relaxed))
    }

    async fn write(&self, kept: &KeptConnections, mut batch: Vec<Waiter>) {
        if batch.len() == 1 {
            if let Some(one) = batch.pop() {
                let paid = single_statement::record_payment(kept, &one.payment).await;
                // A requester that went away no longer needs the answer.
                let _ = one.reply.send(Reply::Written(paid));
            }
            return;
        }
        let (payments, replies): (Vec<_>, Vec<_>) = batch.into_iter().map(|w| (w.payment, w.reply)).unzip();
        match single_statement::record_payments(kept, &payments).await {
            Ok(true) => {
                self.batches.fetch_add(1, Ordering::Relaxed);
                self.batched.fetch_add(payments.len() as u64, Ordering::Relaxed);
                for reply in replies {
                    let _ = reply.send(Reply::Written(Ok(true)));
                }
            }
            outcome => {
                if let Err(e) = outcome {
                    tracing::debug!(error = %e, "a batch of payments went one by one");
                }
                for (payment, reply) in payments.into_iter().zip(replies) {
                    let _ = reply.send(Reply::Alone(Box::new(payment)));
                }
            }
        }
    }

    fn lock(&self) -> MutexGuard<'_, HashMap<Deposit, Vec<Waiter>>> {
        self.waiting.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

/// One deposit's writer: hands out what waits, and when it ends for any
/// reason (nothing waits, or its task is dropped) tells those still waiting
/// to go on their own, so none waits for a writer that is gone.
struct Turn {
    batches: Arc<PaymentBatches>,
    deposit: Deposit,
    /// The deposit's queue was removed: a payment arriving now starts a
    /// writer of its own, and this one has nothing more to do.
    over: bool,
}

impl Turn {
    /// Writes `batch`, then what waits for the deposit until nothing does.
    async fn write_all(mut self, mut batch: Vec<Waiter>, kept: Arc<KeptConnections>) {
        loop {
            self.batches.write(&kept, batch).await;
            match self.next() {
                Some(more) => batch = more,
                None => return,
            }
        }
    }

    /// The next batch; `None`, with the deposit's queue removed, when
    /// nothing waits.
    fn next(&mut self) -> Option<Vec<Waiter>> {
        let mut waiting = self.batches.lock();
        let queue = waiting.get_mut(&self.deposit)?;
        if queue.is_empty() {
            waiting.remove(&self.deposit);
            self.over = true;
            return None;
        }
        let n = queue.len().min(BATCH_MAX);
        Some(queue.drain(..n).collect())
    }
}

impl Drop for Turn {
    fn drop(&mut self) {
        if self.over {
            return;
        }
        let left = self.batches.lock().remove(&self.deposit).unwrap_or_default();
        for w in left {
            let _ = w.reply.send(Reply::Alone(Box::new(w.payment)));
        }
    }
}
