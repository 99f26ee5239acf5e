//! Sentences that carry values, whole in each language (word order differs
//! between them, so they are never glued from fragments).

use super::Texts;
use domain::Lang;

/// `mm:ss` as in "Mohon tunggu 01:53 detik".
fn mm_ss(secs: u64) -> String {
    format!("{:02}:{:02}", secs / 60, secs % 60)
}

impl Texts {
    /// "Mohon tunggu 01:53 detik" before another activation mail may go.
    pub fn wait(&self, secs: u64) -> String {
        match self.lang {
            Lang::Id => format!("Mohon tunggu {} detik", mm_ss(secs)),
            Lang::En => format!("Please wait {} seconds", mm_ss(secs)),
        }
    }

    /// Under a table: "Menampilkan 1 sampai 10 dari 93 entri data".
    pub fn page_of(&self, from: u64, to: u64, total: u64) -> String {
        match self.lang {
            Lang::Id => format!("Menampilkan {from} sampai {to} dari {total} entri data"),
            Lang::En => format!("Showing {from} to {to} of {total} entries"),
        }
    }

    pub fn hours_used(&self, hours: i64) -> String {
        match self.lang {
            Lang::Id => format!("{hours} jam kerja berjalan"),
            Lang::En => format!("{hours} working hours used"),
        }
    }

    pub fn hours_left(&self, hours: i64) -> String {
        match self.lang {
            Lang::Id => format!("{hours} jam kerja tersisa"),
            Lang::En => format!("{hours} working hours left"),
        }
    }

    /// After a price check: how many products the biller prices as listed.
    pub fn prices_unchanged(&self, count: usize) -> String {
        match self.lang {
            Lang::Id => format!("{count} produk sesuai katalog"),
            Lang::En => format!("{count} products match the catalog"),
        }
    }

    pub fn submitted_on(&self, at: &str) -> String {
        match self.lang {
            Lang::Id => format!("Dikirim pada {at} WIB"),
            Lang::En => format!("Submitted on {at} WIB"),
        }
    }

    pub fn fields_changed(&self, fields: &[String]) -> String {
        match self.lang {
            Lang::Id => format!("Data yang diubah: {}", fields.join(", ")),
            Lang::En => format!("Changed fields: {}", fields.join(", ")),
        }
    }

    /// After "Reset deposit development".
    pub fn sandbox_deposit_now(&self, amount: i64) -> String {
        let amount = domain::finance::rupiah(amount);
        match self.lang {
            Lang::Id => format!("Deposit development kini {amount}"),
            Lang::En => format!("Development deposit is now {amount}"),
        }
    }

    /// After "Rekonsiliasi H+1": what it closed, and what a worker held.
    pub fn reconciled(&self, out: &domain::finance::ReconcileOut) -> String {
        let (ok, failed, busy) = (out.succeeded, out.failed, out.busy);
        match (self.lang, busy) {
            (Lang::Id, 0) => format!("Berhasil {ok} · Gagal {failed}"),
            (Lang::Id, _) => format!(
                "Berhasil {ok} · Gagal {failed} · Sedang ditanyakan worker (ditutup pada jalan berikutnya) {busy}"
            ),
            (Lang::En, 0) => format!("Successful {ok} · Failed {failed}"),
            (Lang::En, _) => {
                format!("Successful {ok} · Failed {failed} · Being asked by a worker (closed on the next run) {busy}")
            }
        }
    }

    /// Under "Tambah Produk": how many boxes are ticked.
    pub fn products_checked(&self, n: usize) -> String {
        match self.lang {
            Lang::Id => format!("{n} produk dipilih"),
            Lang::En => format!("{n} products ticked"),
        }
    }

    /// "Dimoderasi oleh NAME pada DD/MM/YYYY HH:MM:SS".
    pub fn moderated(&self, by: &str, at: &str) -> String {
        match self.lang {
            Lang::Id => format!("Dimoderasi oleh {by} pada {at}"),
            Lang::En => format!("Moderated by {by} on {at}"),
        }
    }

    /// Why a callback was not delivered, from its failure class (the raw
    /// error is never shown: it could tell about our network).
    pub fn callback_failure(&self, class: &str) -> &'static str {
        self.pick(match class {
            "timeout" => ("server Anda tidak menjawab dalam 5 detik", "your server did not answer within 5 seconds"),
            "connect" => ("server Anda tidak dapat dihubungi", "your server could not be reached"),
            "dns" => ("nama host tidak ditemukan", "the host name was not found"),
            "address" => ("alamat tidak diizinkan (lokal atau privat)", "address not allowed (local or private)"),
            "http" => ("server Anda tidak menjawab HTTP 200", "your server did not answer HTTP 200"),
            _ => ("gagal terkirim", "not delivered"),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::super::{EN, ID};

    #[test]
    fn sentences_read_whole_in_each_language() {
        assert_eq!(ID.wait(113), "Mohon tunggu 01:53 detik");
        assert_eq!(EN.wait(5), "Please wait 00:05 seconds");
        assert_eq!(ID.page_of(1, 3, 3), "Menampilkan 1 sampai 3 dari 3 entri data");
        assert_eq!(EN.page_of(11, 20, 93), "Showing 11 to 20 of 93 entries");
    }
}
