use anyhow::Context;
use backend::Config;
use clap::{Parser, Subcommand};
use std::process::ExitCode;

#[derive(Parser)]
#[command(name = "server", about = "Web Open API portal and back office")]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Serve the portal (the default).
    Serve,
    /// Print the configuration problems, if any, and exit.
    CheckConfig,
    /// Run an upstream simulator (seed protocols) for development and tests.
    #[command(subcommand)]
    Simulate(server::simulate::Simulator),
    /// Fill a PostgreSQL database with millions of payments and time the reports.
    BenchReports(server::bench::BenchArgs),
}

#[tokio::main]
async fn main() -> ExitCode {
    let cli = Cli::parse();
    if let Some(Command::Simulate(which)) = cli.command {
        // A simulator needs none of the portal's configuration.
        server::telemetry::init_logs(backend::config::LogFormat::Text);
        return match server::simulate::run(which).await {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("error: {e:#}");
                ExitCode::FAILURE
            }
        };
    }
    if let Some(Command::BenchReports(args)) = cli.command {
        server::telemetry::init_logs(backend::config::LogFormat::Text);
        return match server::bench::run(args).await {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("error: {e:#}");
                ExitCode::FAILURE
            }
        };
    }
    let config = match Config::load() {
        Ok(c) => c,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::from(2);
        }
    };
    server::telemetry::init_logs(config.log_format);
    let result = match cli.command.unwrap_or(Command::Serve) {
        Command::Serve => serve(config).await,
        Command::CheckConfig => {
            println!("configuration OK (database: {})", config.database_url_redacted());
            Ok(())
        }
        Command::Simulate(_) | Command::BenchReports(_) => Ok(()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            tracing::error!(error = %format!("{e:#}"), "fatal");
            eprintln!("error: {e:#}");
            ExitCode::FAILURE
        }
    }
}

async fn serve(config: Config) -> anyhow::Result<()> {
    let listener = tokio::net::TcpListener::bind(config.listen)
        .await
        .with_context(|| format!("binding APP_LISTEN={}", config.listen))?;
    let url = config.public_url.clone();
    let state = backend::AppState::build(config).await?;
    if let Some((email, password)) = backend::staff::ensure_initial_operator(&state).await? {
        // Printed once on the console, never logged: it is a credential.
        println!(
            "\n  Initial operator login (shown once): {url}admin\n    email:    {email}\n    password: {password}\n"
        );
    }
    server::serve_state(listener, state.clone());
    for (env, addr) in [
        (backend::gateway::Env::Development, state.config.gateway_dev_listen),
        (backend::gateway::Env::Production, state.config.gateway_prod_listen),
    ] {
        let gw = tokio::net::TcpListener::bind(addr)
            .await
            .with_context(|| format!("binding the {} gateway on {addr}", env.code()))?;
        server::gateway::spawn(gw, state.clone(), env);
        println!("  Open API gateway ({}) on http://{addr}", env.code());
    }
    println!("  Portal running at {url}  (database: {})", state.config.database_url_redacted());
    tokio::signal::ctrl_c().await.context("waiting for Ctrl-C")?;
    tracing::info!("shutting down");
    Ok(())
}
