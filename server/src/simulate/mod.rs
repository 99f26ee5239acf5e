//! The upstream simulators (`server simulate pulsa|pdam|payment`): real HTTP
//! servers speaking the seed protocols, for `make run` and the tests.

pub mod payment;
pub mod pdam;
pub mod pulsa;

/// Which simulator to run.
#[derive(Debug, Clone, clap::Subcommand)]
pub enum Simulator {
    /// The pulsa & data provider of seed 002.
    Pulsa(pulsa::Options),
    /// A PDAM billing API of seed 004.
    Pdam(pdam::Options),
    /// The payment service of seed 003 (VA, GoPay, K-Wallet, signed settlements, a pay page).
    Payment(payment::Options),
}

pub async fn run(which: Simulator) -> anyhow::Result<()> {
    match which {
        Simulator::Pulsa(o) => pulsa::run(o).await,
        Simulator::Pdam(o) => pdam::run(o).await,
        Simulator::Payment(o) => payment::run(o).await,
    }
}
