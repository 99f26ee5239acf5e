//! Rekening Koran: every ledger entry of one environment in a WIB period,
//! oldest first, with the balance after each (stored with the entry: the
//! movements of an account are serialised, so it *is* the running
//! balance), the opening balance (after the last entry before the period)
//! and the closing one. Paged by keyset on (created_at, id) — never OFFSET.

use crate::entity::ledger_entry::{self, Entity as LedgerEntry};
use crate::entity::OfPartner;
use crate::error::{Error, Result};
use crate::infra::wib;
use chrono::{DateTime, Datelike, Duration, NaiveDate, Utc};
use domain::reports::{StatementIn, StatementLineOut, StatementOut, MAX_PERIOD_DAYS, STATEMENT_PAGE};
use domain::{Env, FieldError, Problem};
use sea_orm::sea_query::{Condition, Expr, Func};
use sea_orm::{ColumnTrait, ConnectionTrait, PaginatorTrait, QueryFilter, QueryOrder, QuerySelect};
use uuid::Uuid;

/// A period in WIB days, inclusive, and its bounds in UTC.
#[derive(Debug, Clone, Copy)]
pub struct Period {
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub start: DateTime<Utc>,
    /// The first instant after the period.
    pub end: DateTime<Utc>,
}

/// Reads the period (empty: this WIB month so far); at most a year.
pub fn period(from: &str, to: &str) -> Result<Period> {
    let today = wib::date_of(Utc::now());
    let day = |s: &str, field: &str, default: NaiveDate| -> Result<NaiveDate> {
        match s.trim() {
            "" => Ok(default),
            s => NaiveDate::parse_from_str(s, "%Y-%m-%d").map_err(|_| Error::field(field, Problem::Required)),
        }
    };
    let month_start = today.with_day0(0).unwrap_or(today);
    let (from, to) = (day(from, "from", month_start)?, day(to, "to", today)?);
    if to < from || (to - from).num_days() >= MAX_PERIOD_DAYS {
        return Err(Error::Invalid(vec![FieldError::new("to", Problem::Required)]));
    }
    Ok(Period { from, to, start: wib::start_of(from), end: wib::start_of(to + Duration::days(1)) })
}

pub fn env_of(code: &str) -> Result<Env> {
    match code.trim() {
        "" => Ok(Env::Production),
        other => Env::from_code(other).ok_or(Error::field("environment", Problem::Required)),
    }
}

/// The balance after the last entry before `at` (0 when none).
pub(super) async fn balance_before(
    db: &impl ConnectionTrait,
    user_id: Uuid,
    env: Env,
    at: DateTime<Utc>,
) -> Result<i64> {
    let last = LedgerEntry::of_partner(user_id)
        .filter(ledger_entry::Column::Environment.eq(env))
        .filter(ledger_entry::Column::CreatedAt.lt(at))
        .order_by_desc(ledger_entry::Column::CreatedAt)
        .order_by_desc(ledger_entry::Column::Id)
        .one(db)
        .await?;
    Ok(last.map_or(0, |e| e.balance_after))
}

fn cursor(e: &ledger_entry::Model) -> String {
    super::cursor::encode(e.created_at, e.id)
}

/// The entries of the period, unordered (for sums and counts).
fn scope(user_id: Uuid, env: Env, p: &Period) -> sea_orm::Select<LedgerEntry> {
    LedgerEntry::of_partner(user_id)
        .filter(ledger_entry::Column::Environment.eq(env))
        .filter(ledger_entry::Column::CreatedAt.gte(p.start))
        .filter(ledger_entry::Column::CreatedAt.lt(p.end))
}

/// The entries of the period, after `cursor` (keyset), oldest first.
pub fn entries(user_id: Uuid, env: Env, p: &Period, after: &str) -> sea_orm::Select<LedgerEntry> {
    let mut q = scope(user_id, env, p);
    if let Some((at, id)) = super::cursor::decode(after) {
        q =
            q.filter(Condition::any().add(ledger_entry::Column::CreatedAt.gt(at)).add(
                Condition::all().add(ledger_entry::Column::CreatedAt.eq(at)).add(ledger_entry::Column::Id.gt(id)),
            ));
    }
    q.order_by_asc(ledger_entry::Column::CreatedAt).order_by_asc(ledger_entry::Column::Id)
}

pub fn line(e: &ledger_entry::Model) -> StatementLineOut {
    StatementLineOut {
        at: wib::format(e.created_at),
        kind: e.kind,
        reference: e.reference.clone(),
        note: e.note.clone(),
        debit: (-e.amount).max(0),
        credit: e.amount.max(0),
        balance: e.balance_after,
    }
}

/// Sum of the period's entries of one sign.
async fn total(db: &impl ConnectionTrait, user_id: Uuid, env: Env, p: &Period, credits: bool) -> Result<i64> {
    let side = if credits { ledger_entry::Column::Amount.gt(0) } else { ledger_entry::Column::Amount.lt(0) };
    let sum: Option<Option<i64>> = scope(user_id, env, p)
        .filter(side)
        .select_only()
        // SUM of a BIGINT is NUMERIC on PostgreSQL: cast back.
        .column_as(
            sea_orm::sea_query::ExprTrait::cast_as(
                Expr::expr(Func::sum(Expr::col(ledger_entry::Column::Amount))),
                "BIGINT",
            ),
            "sum",
        )
        .into_tuple()
        .one(db)
        .await?;
    Ok(sum.flatten().unwrap_or(0).abs())
}

/// One page of the partner's statement.
pub async fn page(db: &impl ConnectionTrait, user_id: Uuid, q: &StatementIn) -> Result<StatementOut> {
    let env = env_of(&q.environment)?;
    let p = period(&q.from, &q.to)?;
    let mut rows = entries(user_id, env, &p, &q.after).limit(STATEMENT_PAGE + 1).all(db).await?;
    let next = (rows.len() as u64 > STATEMENT_PAGE).then(|| {
        rows.truncate(STATEMENT_PAGE as usize);
        rows.last().map(cursor).unwrap_or_default()
    });
    Ok(StatementOut {
        environment: env,
        from: p.from.format("%Y-%m-%d").to_string(),
        to: p.to.format("%Y-%m-%d").to_string(),
        opening: balance_before(db, user_id, env, p.start).await?,
        closing: balance_before(db, user_id, env, p.end).await?,
        total_credit: total(db, user_id, env, &p, true).await?,
        total_debit: total(db, user_id, env, &p, false).await?,
        count: scope(user_id, env, &p).count(db).await?,
        lines: rows.iter().map(line).collect(),
        next,
    })
}

/// Rows the export reads at a time (memory stays flat however long the period).
const EXPORT_BATCH: u64 = 1_000;

/// The export's file name: the partner's merchant ID and the period.
pub async fn file_name(db: &impl ConnectionTrait, user_id: Uuid, p: &Period, ext: &str) -> Result<String> {
    use sea_orm::EntityTrait;
    let profile = crate::entity::profile::Entity::find_by_id(user_id).one(db).await?;
    let merchant = profile.and_then(|p| p.merchant_id).unwrap_or_else(|| "mitra".into());
    let safe: String = merchant.chars().filter(char::is_ascii_alphanumeric).collect();
    Ok(format!("rekening-koran_{safe}_{}_{}.{ext}", p.from.format("%Y%m%d"), p.to.format("%Y%m%d")))
}

fn csv_line(cells: &[String]) -> String {
    let mut line = cells.iter().map(|c| domain::reports::csv_field(c)).collect::<Vec<_>>().join(",");
    line.push_str("\r\n");
    line
}

/// The whole statement as CSV, produced batch by batch as it is sent:
/// a header, "Saldo Awal", every entry (numbers as plain integers, texts
/// neutralised against formulas), "Saldo Akhir".
pub fn csv(
    db: sea_orm::DatabaseConnection,
    user_id: Uuid,
    env: Env,
    p: Period,
) -> impl futures_util::Stream<Item = std::result::Result<Vec<u8>, Error>> {
    enum Step {
        Head,
        Rows(String),
        Tail,
        Done,
    }
    futures_util::stream::unfold(Step::Head, move |step| {
        let db = db.clone();
        async move {
            let chunk = match step {
                Step::Done => return None,
                Step::Head => balance_before(&db, user_id, env, p.start).await.map(|opening| {
                    let head = ["Waktu (WIB)", "Jenis", "Referensi", "Keterangan", "Debit", "Kredit", "Saldo"];
                    let mut out = csv_line(&head.map(str::to_owned));
                    out.push_str(&csv_line(&[
                        wib::format(p.start),
                        "Saldo Awal".into(),
                        String::new(),
                        String::new(),
                        "0".into(),
                        "0".into(),
                        opening.to_string(),
                    ]));
                    (out, Step::Rows(String::new()))
                }),
                Step::Rows(after) => {
                    entries(user_id, env, &p, &after).limit(EXPORT_BATCH).all(&db).await.map_err(Error::from).map(
                        |rows| {
                            let next = match rows.last() {
                                Some(last) if rows.len() as u64 == EXPORT_BATCH => Step::Rows(cursor(last)),
                                _ => Step::Tail,
                            };
                            let out: String = rows
                                .iter()
                                .map(|e| {
                                    let l = line(e);
                                    csv_line(&[
                                        l.at,
                                        e.kind.code().into(),
                                        l.reference,
                                        l.note.unwrap_or_default(),
                                        l.debit.to_string(),
                                        l.credit.to_string(),
                                        l.balance.to_string(),
                                    ])
                                })
                                .collect();
                            (out, next)
                        },
                    )
                }
                Step::Tail => balance_before(&db, user_id, env, p.end).await.map(|closing| {
                    let at = wib::format(p.end - Duration::seconds(1));
                    (
                        csv_line(&[
                            at,
                            "Saldo Akhir".into(),
                            String::new(),
                            String::new(),
                            "0".into(),
                            "0".into(),
                            closing.to_string(),
                        ]),
                        Step::Done,
                    )
                }),
            };
            Some(match chunk {
                Ok((bytes, next)) => (Ok(bytes.into_bytes()), next),
                Err(e) => (Err(e), Step::Done),
            })
        }
    })
}

/// The whole statement as an XLSX file at `path`: rows written to disk as
/// they are read (constant memory), times as WIB date-times, amounts as
/// numbers in a Rupiah format.
pub async fn xlsx(db: &impl ConnectionTrait, user_id: Uuid, env: Env, p: Period, path: &std::path::Path) -> Result<()> {
    use rust_xlsxwriter::{ExcelDateTime, Format, Workbook, XlsxError};
    let failed = |e: XlsxError| Error::Unexpected(anyhow::anyhow!("statement workbook: {e}"));
    let (rupiah, when, bold) = (
        Format::new().set_num_format("\"Rp\" #,##0"),
        Format::new().set_num_format("dd/mm/yyyy hh:mm:ss"),
        Format::new().set_bold(),
    );
    let at = |t: DateTime<Utc>| -> std::result::Result<ExcelDateTime, XlsxError> {
        let w = t.with_timezone(&wib::offset()).naive_local();
        ExcelDateTime::from_ymd(w.year() as u16, w.month() as u8, w.day() as u8)?.and_hms(
            chrono::Timelike::hour(&w) as u16,
            chrono::Timelike::minute(&w) as u8,
            chrono::Timelike::second(&w),
        )
    };
    let mut book = Workbook::new();
    let sheet = book.add_worksheet_with_constant_memory().map_err(failed)?;
    sheet.set_name("Rekening Koran").map_err(failed)?;
    let head = ["Waktu (WIB)", "Jenis", "Referensi", "Keterangan", "Debit", "Kredit", "Saldo"];
    for (col, (title, width)) in head.iter().zip([20, 12, 36, 36, 16, 16, 18]).enumerate() {
        sheet.write_string_with_format(0, col as u16, *title, &bold).map_err(failed)?;
        sheet.set_column_width(col as u16, width).map_err(failed)?;
    }
    // (time, label, reference, note, debit, credit, balance) per row.
    let mut row = 1u32;
    let mut put = |t: DateTime<Utc>, texts: [&str; 3], money: [i64; 3]| -> Result<()> {
        sheet.write_datetime_with_format(row, 0, at(t).map_err(failed)?, &when).map_err(failed)?;
        for (col, text) in texts.iter().enumerate() {
            sheet.write_string(row, col as u16 + 1, domain::reports::neutralised(text)).map_err(failed)?;
        }
        for (col, amount) in money.iter().enumerate() {
            sheet.write_number_with_format(row, col as u16 + 4, *amount as f64, &rupiah).map_err(failed)?;
        }
        row += 1;
        Ok(())
    };
    put(p.start, ["Saldo Awal", "", ""], [0, 0, balance_before(db, user_id, env, p.start).await?])?;
    let mut after = String::new();
    loop {
        let rows = entries(user_id, env, &p, &after).limit(EXPORT_BATCH).all(db).await?;
        for e in &rows {
            let l = line(e);
            put(
                e.created_at,
                [e.kind.code(), &l.reference, l.note.as_deref().unwrap_or_default()],
                [l.debit, l.credit, l.balance],
            )?;
        }
        match rows.last() {
            Some(last) if rows.len() as u64 == EXPORT_BATCH => after = cursor(last),
            _ => break,
        }
    }
    put(p.end - Duration::seconds(1), ["Saldo Akhir", "", ""], [0, 0, balance_before(db, user_id, env, p.end).await?])?;
    book.save(path).map_err(failed)
}
