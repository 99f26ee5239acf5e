//! Every report as a file: a report is a `Table` (a sheet name, columns,
//! and its rows read batch by batch), written as CSV — streamed while it
//! is read — or as XLSX — rows written to disk as they are read
//! (`rust_xlsxwriter`'s constant memory) —, so memory stays flat however
//! many rows. Texts are neutralised against formulas in both; numbers stay
//! numbers (Rupiah-formatted in XLSX) and times are WIB.

use crate::error::{Error, Result};
use crate::infra::wib;
use chrono::{DateTime, Datelike, Timelike, Utc};
use futures_util::future::BoxFuture;
use sea_orm::DatabaseConnection;
use std::sync::Arc;
use uuid::Uuid;

/// Rows a table reads at a time.
pub const BATCH: u64 = 1_000;

/// One cell of a row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cell {
    Text(String),
    /// Whole Rupiah.
    Money(i64),
    Count(i64),
    At(DateTime<Utc>),
    Empty,
}

impl Cell {
    pub fn text(s: impl Into<String>) -> Cell {
        Cell::Text(s.into())
    }

    fn csv(&self) -> String {
        match self {
            Cell::Text(s) => domain::reports::csv_field(s),
            Cell::Money(n) | Cell::Count(n) => n.to_string(),
            Cell::At(t) => wib::format(*t),
            Cell::Empty => String::new(),
        }
    }
}

/// Where reading a table stands: its start, a phase of rows after a
/// cursor (the phase lets a table have sections), or done.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Step {
    Start,
    Rows(u8, String),
    Done,
}

/// Rows and the step after them.
pub type Batch = (Vec<Vec<Cell>>, Step);

/// A report as one sheet.
pub trait Table: Send + Sync + 'static {
    /// The sheet's name (at most 31 characters).
    fn title(&self) -> &'static str;
    /// The columns' titles and widths (in characters).
    fn columns(&self) -> &'static [(&'static str, f64)];
    /// The rows of `step` and the step after them.
    fn batch<'a>(&'a self, db: &'a DatabaseConnection, step: Step) -> BoxFuture<'a, Result<Batch>>;
}

fn csv_line<'a>(cells: impl Iterator<Item = String> + 'a) -> String {
    let mut line = cells.collect::<Vec<_>>().join(",");
    line.push_str("\r\n");
    line
}

/// The table as CSV, produced batch by batch as it is sent: the column
/// titles, then every row.
pub fn csv<T: Table>(
    db: DatabaseConnection,
    table: Arc<T>,
) -> impl futures_util::Stream<Item = std::result::Result<Vec<u8>, Error>> {
    let head = csv_line(table.columns().iter().map(|(title, _)| (*title).to_owned()));
    futures_util::stream::unfold(Some((Some(head), Step::Start)), move |state| {
        let (db, table) = (db.clone(), table.clone());
        async move {
            let (head, step) = state?;
            if let Some(head) = head {
                return Some((Ok(head.into_bytes()), Some((None, step))));
            }
            if step == Step::Done {
                return None;
            }
            Some(match table.batch(&db, step).await {
                Ok((rows, next)) => {
                    let out: String = rows.iter().map(|r| csv_line(r.iter().map(Cell::csv))).collect();
                    (Ok(out.into_bytes()), Some((None, next)))
                }
                Err(e) => (Err(e), None),
            })
        }
    })
}

fn excel_time(t: DateTime<Utc>) -> std::result::Result<rust_xlsxwriter::ExcelDateTime, rust_xlsxwriter::XlsxError> {
    let w = t.with_timezone(&wib::offset()).naive_local();
    rust_xlsxwriter::ExcelDateTime::from_ymd(w.year() as u16, w.month() as u8, w.day() as u8)?.and_hms(
        w.hour() as u16,
        w.minute() as u8,
        w.second(),
    )
}

/// The table as an XLSX file at `path`, written with constant memory.
pub async fn xlsx<T: Table>(db: &DatabaseConnection, table: &T, path: &std::path::Path) -> Result<()> {
    use rust_xlsxwriter::{Format, Workbook, XlsxError};
    let failed = |e: XlsxError| Error::Unexpected(anyhow::anyhow!("{} workbook: {e}", table.title()));
    let (rupiah, when, bold) = (
        Format::new().set_num_format("\"Rp\" #,##0"),
        Format::new().set_num_format("dd/mm/yyyy hh:mm:ss"),
        Format::new().set_bold(),
    );
    let mut book = Workbook::new();
    let sheet = book.add_worksheet_with_constant_memory().map_err(failed)?;
    sheet.set_name(table.title()).map_err(failed)?;
    for (col, (title, width)) in table.columns().iter().enumerate() {
        sheet.write_string_with_format(0, col as u16, *title, &bold).map_err(failed)?;
        sheet.set_column_width(col as u16, *width).map_err(failed)?;
    }
    let (mut row, mut step) = (1u32, Step::Start);
    while step != Step::Done {
        let (rows, next) = table.batch(db, step).await?;
        for cells in rows {
            for (col, cell) in cells.iter().enumerate() {
                let col = col as u16;
                match cell {
                    Cell::Text(s) => sheet.write_string(row, col, domain::reports::neutralised(s)).map(|_| ()),
                    Cell::Money(n) => sheet.write_number_with_format(row, col, *n as f64, &rupiah).map(|_| ()),
                    Cell::Count(n) => sheet.write_number(row, col, *n as f64).map(|_| ()),
                    Cell::At(t) => {
                        excel_time(*t).and_then(|t| sheet.write_datetime_with_format(row, col, t, &when).map(|_| ()))
                    }
                    Cell::Empty => Ok(()),
                }
                .map_err(failed)?;
            }
            row += 1;
        }
        step = next;
    }
    book.save(path).map_err(failed)
}

/// An export's file name: the report, the partner's merchant ID and the
/// period (`rekening-koran_M0001_20261201_20261231.csv`).
pub async fn file_name(
    db: &impl sea_orm::ConnectionTrait,
    user_id: Uuid,
    report: &str,
    period: (chrono::NaiveDate, chrono::NaiveDate),
    ext: &str,
) -> Result<String> {
    use sea_orm::EntityTrait;
    let profile = crate::entity::profile::Entity::find_by_id(user_id).one(db).await?;
    let merchant = profile.and_then(|p| p.merchant_id).unwrap_or_else(|| "mitra".into());
    let safe: String = merchant.chars().filter(char::is_ascii_alphanumeric).collect();
    let (from, to) = period;
    Ok(format!("{report}_{safe}_{}_{}.{ext}", from.format("%Y%m%d"), to.format("%Y%m%d")))
}

/// A report a partner downloads: the right it needs, its file's name, and
/// its table for a partner (the query's period read, nothing fetched yet).
pub trait Report: serde::de::DeserializeOwned + Send + 'static {
    const RIGHT: domain::rights::Right;
    /// The file name's first part (`rekening-koran`).
    const SLUG: &'static str;
    type Sheet: Table;
    /// The table and the period it covers.
    fn sheet(&self, user_id: Uuid) -> Result<(Self::Sheet, (chrono::NaiveDate, chrono::NaiveDate))>;
}

impl Report for domain::reports::StatementIn {
    const RIGHT: domain::rights::Right = domain::rights::Right::RekeningKoran;
    const SLUG: &'static str = "rekening-koran";
    type Sheet = super::statement::StatementTable;

    fn sheet(&self, user_id: Uuid) -> Result<(Self::Sheet, (chrono::NaiveDate, chrono::NaiveDate))> {
        let (env, period) =
            (super::statement::env_of(&self.environment)?, super::statement::period(&self.from, &self.to)?);
        Ok((super::statement::StatementTable { user_id, env, period }, (period.from, period.to)))
    }
}

impl Report for domain::reports::TxSearchIn {
    const RIGHT: domain::rights::Right = domain::rights::Right::StatusTransaksi;
    const SLUG: &'static str = "status-transaksi";
    type Sheet = super::transactions::TxTable;

    fn sheet(&self, user_id: Uuid) -> Result<(Self::Sheet, (chrono::NaiveDate, chrono::NaiveDate))> {
        let period = super::transactions::search_period(self)?;
        let query = domain::reports::TxSearchIn { after: String::new(), ..self.clone() };
        Ok((super::transactions::TxTable { user_id, query }, (period.from, period.to)))
    }
}

impl Report for domain::reports::DayIn {
    const RIGHT: domain::rights::Right = domain::rights::Right::PelunasanHarian;
    const SLUG: &'static str = "pelunasan-harian";
    type Sheet = super::day::DayTable;

    fn sheet(&self, user_id: Uuid) -> Result<(Self::Sheet, (chrono::NaiveDate, chrono::NaiveDate))> {
        let (env, period) = (super::statement::env_of(&self.environment)?, super::day::day_period(&self.day)?);
        Ok((super::day::DayTable { user_id, env, period }, (period.from, period.to)))
    }
}

impl Report for domain::reports::RecapIn {
    const RIGHT: domain::rights::Right = domain::rights::Right::RekapPelunasan;
    const SLUG: &'static str = "rekap-pelunasan";
    type Sheet = super::recap::RecapTable;

    fn sheet(&self, user_id: Uuid) -> Result<(Self::Sheet, (chrono::NaiveDate, chrono::NaiveDate))> {
        let (env, period) = (super::statement::env_of(&self.environment)?, super::recap::recap_period(self)?);
        Ok((super::recap::RecapTable { user_id, env, period }, (period.from, period.to)))
    }
}
