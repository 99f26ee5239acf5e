//! A pulsa provider speaking seed 002 over real HTTP: `GET /trx?memberid=…
//! &dest=…&product=…&refid=…&pin=…&password=…` answered with the seed's
//! `#`-lines, `GET /balance`, the "double" row for a refid seen before, and
//! reports of pending purchases to the report URL when they end.
//!
//! What a purchase does is chosen by the destination number, from the same
//! table as the development sandbox (`billers::sandbox::NUMBERS`), so the
//! "Nomor Development" page describes the simulator too.

use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use backend::billers::sandbox::{self, Outcome, PRICES};
use backend::billers::settings::CutOff;
use backend::gateway::rc::Rc;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::net::TcpListener;

/// How the simulator is run (`server simulate pulsa --help`).
#[derive(Debug, Clone, clap::Args)]
pub struct Options {
    /// Address to listen on.
    #[arg(long, default_value = "127.0.0.1:9998")]
    pub listen: String,
    #[arg(long, default_value = "SIM0001")]
    pub memberid: String,
    #[arg(long, default_value = "1234")]
    pub pin: String,
    /// The password exactly as it arrives (after the adapter's encoding).
    #[arg(long, default_value = "rahasia")]
    pub password: String,
    /// Where reports of pending purchases are sent (our report URL).
    #[arg(long)]
    pub report_url: Option<String>,
    /// Seconds until a pending purchase ends (and is reported).
    #[arg(long, default_value_t = 5)]
    pub settle_secs: u64,
    /// Seconds a "no reply" purchase keeps the connection silent.
    #[arg(long, default_value_t = 65)]
    pub hang_secs: u64,
    /// The provider's cut-off, WIB (`HH:MM-HH:MM`; empty: none).
    #[arg(long, default_value = "23:30-00:30")]
    pub cutoff: String,
    /// Opening balance in Rupiah.
    #[arg(long, default_value_t = 50_000_000)]
    pub balance: i64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Status {
    Success,
    Failed,
    Pending,
}

#[derive(Debug, Clone)]
struct Trx {
    trxid: String,
    product: String,
    dest: String,
    status: Status,
    sn: String,
    at: String,
}

struct Sim {
    opts: Options,
    cutoff: Option<CutOff>,
    next: Mutex<u64>,
    trxs: Mutex<HashMap<String, Trx>>,
    balance: Mutex<i64>,
    http: reqwest::Client,
}

pub async fn run(opts: Options) -> anyhow::Result<()> {
    let listener = TcpListener::bind(&opts.listen).await?;
    println!("  Pulsa provider simulator (seed 002) on http://{}", listener.local_addr()?);
    serve(listener, opts).await
}

/// Serves on `listener` until the task ends.
pub async fn serve(listener: TcpListener, opts: Options) -> anyhow::Result<()> {
    let cutoff = CutOff::parse(&opts.cutoff).map_err(anyhow::Error::msg)?;
    let sim = Arc::new(Sim {
        balance: Mutex::new(opts.balance),
        opts,
        cutoff,
        next: Mutex::new(0),
        trxs: Mutex::new(HashMap::new()),
        http: reqwest::Client::builder().timeout(Duration::from_secs(10)).build()?,
    });
    let app = Router::new().route("/trx", get(trx)).route("/balance", get(balance)).with_state(sim);
    axum::serve(listener, app).await?;
    Ok(())
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// `Rp.1,234,567`.
fn rp(n: i64) -> String {
    let s = n.unsigned_abs().to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    format!("Rp.{out}")
}

fn now_hms() -> String {
    chrono::Utc::now().with_timezone(&backend::infra::wib::offset()).format("%H:%M:%S").to_string()
}

impl Sim {
    fn authorised(&self, q: &HashMap<String, String>) -> bool {
        let get = |k: &str| q.get(k).map(String::as_str).unwrap_or_default();
        get("memberid") == self.opts.memberid && get("pin") == self.opts.pin && get("password") == self.opts.password
    }

    fn trxid(&self) -> String {
        let mut n = lock(&self.next);
        *n += 1;
        format!("{}{:06}", chrono::Utc::now().format("%y%m%d"), *n)
    }

    fn head(&self, t: &Trx) -> String {
        format!("#{}#{}#ke:{}#", t.trxid, t.product, t.dest)
    }

    fn saldo_tail(&self, refid: &str) -> String {
        format!("#Saldo {}#Reffid:{refid} #", rp(*lock(&self.balance)))
    }

    fn success_line(&self, t: &Trx, refid: &str, price: i64) -> String {
        let after = *lock(&self.balance);
        format!(
            "{}SUKSES#SN:{}# Sisa saldo {}-Rp. {}=Rp. {}#Reffid:{refid}#",
            self.head(t),
            t.sn,
            rp(after + price),
            rp(price).trim_start_matches("Rp."),
            rp(after).trim_start_matches("Rp."),
        )
    }

    fn failed_line(&self, t: &Trx, refid: &str, text: &str) -> String {
        format!("{}GAGAL; {text}{}", self.head(t), self.saldo_tail(refid))
    }

    /// Row 12: the original's status, time and SN/Ref.
    fn double_line(&self, t: &Trx, refid: &str) -> String {
        let status = match t.status {
            Status::Success => "SUKSES",
            Status::Failed => "GAGAL",
            Status::Pending => "PENDING",
        };
        format!("{}{status}; sudah pernah jam {} SN/Ref: {}.{}", self.head(t), t.at, t.sn, self.saldo_tail(refid))
    }

    /// Charges a sale (the buy price) and returns the price.
    fn charge(&self, product: &str) -> Option<i64> {
        let price = PRICES.iter().find(|(code, _, available)| *code == product && *available).map(|p| p.1)?;
        *lock(&self.balance) -= price;
        Some(price)
    }
}

fn sn_for(refid: &str) -> String {
    let h = refid.bytes().fold(17u64, |h, b| h.wrapping_mul(131).wrapping_add(u64::from(b)));
    format!("{:016}", h % 10_000_000_000_000_000)
}

/// The failure text of seed 002 for a refusal the sandbox table names.
fn refusal_text(rc: Rc) -> &'static str {
    match rc {
        Rc::WrongCustomerNumber => "Nomor tujuan salah, periksa kembali nomor anda.",
        Rc::AlreadyPaid => "Paket Data Sudah terisi.",
        Rc::CutOff => "CutOff/ Timeout, silahkan ulangi beberapa saat kemudian.",
        Rc::ProcessFailure => "Saldo Tidak Cukup.",
        Rc::NumberBlocked => {
            "Nomor tujuan tdk dpt di proses krn trx gagal berturut-turut (max 5x), Silahkan Hubungi CS."
        }
        Rc::NumberExpired => "Nomor Kadaluarsa.",
        _ => "Transaksi tidak dapat diproses.",
    }
}

async fn trx(State(sim): State<Arc<Sim>>, Query(q): Query<HashMap<String, String>>) -> Response {
    if !sim.authorised(&q) {
        return (StatusCode::FORBIDDEN, "Akses ditolak").into_response();
    }
    let get = |k: &str| q.get(k).cloned().unwrap_or_default();
    let (dest, product, refid) = (get("dest"), get("product"), get("refid"));
    if dest.is_empty() || product.is_empty() || refid.is_empty() {
        return (StatusCode::BAD_REQUEST, "Parameter tidak lengkap").into_response();
    }
    // CrossCheck: a refid seen before answers row 12 with the original's status.
    if let Some(t) = lock(&sim.trxs).get(&refid).cloned() {
        return sim.double_line(&t, &refid).into_response();
    }
    let mut t = Trx {
        trxid: sim.trxid(),
        product: product.clone(),
        dest: dest.clone(),
        status: Status::Pending,
        sn: String::new(),
        at: now_hms(),
    };
    if sim.cutoff.is_some_and(|c| c.covers(chrono::Utc::now())) {
        return sim.failed_line(&t, &refid, refusal_text(Rc::CutOff)).into_response();
    }
    if !PRICES.iter().any(|(code, _, _)| *code == product) {
        return sim.failed_line(&t, &refid, "Kode Produk Salah. Silahkan Hubungi CS, ketik PRODUK.").into_response();
    }
    let outcome = sandbox::outcome_of(&dest);
    let line = match outcome {
        Outcome::Success | Outcome::Slow | Outcome::TimeoutThenSuccess => {
            if outcome == Outcome::Slow {
                tokio::time::sleep(sandbox::SLOW_PAY).await;
            }
            let Some(price) = sim.charge(&product) else {
                return sim.failed_line(&t, &refid, "Produk Sedang Gangguan.").into_response();
            };
            t.status = Status::Success;
            t.sn = sn_for(&refid);
            lock(&sim.trxs).insert(refid.clone(), t.clone());
            if outcome == Outcome::TimeoutThenSuccess {
                // Sold, but the answer never comes in time: the buyer must
                // ask again (CrossCheck) to learn it.
                tokio::time::sleep(Duration::from_secs(sim.opts.hang_secs)).await;
            }
            sim.success_line(&t, &refid, price)
        }
        Outcome::PendingThenSuccess | Outcome::PendingThenFailed | Outcome::PendingUntilReconciliation => {
            lock(&sim.trxs).insert(refid.clone(), t.clone());
            if outcome != Outcome::PendingUntilReconciliation {
                tokio::spawn(finish_later(sim.clone(), refid.clone(), outcome == Outcome::PendingThenSuccess));
            }
            let text = if outcome == Outcome::PendingUntilReconciliation {
                format!("masih dalam proses {}. Mohon ditunggu, lebih dari 15mnt Silahkan hubungi CS.", now_hms())
            } else {
                format!("akan diproses {}.", now_hms())
            };
            format!("{}{text}{}", sim.head(&t), sim.saldo_tail(&refid))
        }
        Outcome::Down => sim.failed_line(&t, &refid, "Produk Sedang Gangguan."),
        Outcome::Declined(rc) => {
            t.status = Status::Failed;
            lock(&sim.trxs).insert(refid.clone(), t.clone());
            sim.failed_line(&t, &refid, refusal_text(rc))
        }
    };
    line.into_response()
}

/// Ends a pending purchase and reports it, as the provider does after its
/// 30-second re-checks.
async fn finish_later(sim: Arc<Sim>, refid: String, success: bool) {
    tokio::time::sleep(Duration::from_secs(sim.opts.settle_secs)).await;
    let Some(mut t) = lock(&sim.trxs).get(&refid).cloned() else { return };
    let line = if success {
        let Some(price) = sim.charge(&t.product) else { return };
        t.status = Status::Success;
        t.sn = sn_for(&refid);
        sim.success_line(&t, &refid, price)
    } else {
        t.status = Status::Failed;
        sim.failed_line(&t, &refid, "Transaksi tidak dapat diproses.")
    };
    lock(&sim.trxs).insert(refid.clone(), t);
    let Some(url) = &sim.opts.report_url else { return };
    match sim.http.get(url).query(&[("msg", line.as_str())]).send().await {
        Ok(r) => tracing::info!(status = %r.status(), refid, "report sent"),
        Err(e) => tracing::warn!(error = %e, refid, "report not delivered"),
    }
}

async fn balance(State(sim): State<Arc<Sim>>, Query(q): Query<HashMap<String, String>>) -> Response {
    if !sim.authorised(&q) {
        return (StatusCode::FORBIDDEN, "Akses ditolak").into_response();
    }
    format!("#{}#Saldo {}#", sim.opts.memberid, rp(*lock(&sim.balance))).into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_are_written_the_seeds_way() {
        assert_eq!(rp(1_234_567), "Rp.1,234,567");
        assert_eq!(rp(150), "Rp.150");
        assert_eq!(rp(0), "Rp.0");
    }
}
