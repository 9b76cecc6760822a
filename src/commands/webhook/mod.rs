//! `rtctl webhook`: generate, replay, verify and capture the webhooks a Pusher-protocol
//! server posts to an app.

mod fixture;
mod hints;
mod listen;
pub(crate) mod replay;
mod verify;

use clap::Subcommand;

use super::Ctx;
use crate::error::CliError;

pub use fixture::Args as FixtureArgs;
pub use listen::Args as ListenArgs;
pub use replay::Args as ReplayArgs;
pub use verify::Args as VerifyArgs;

const EXAMPLES: &str = "\
Examples:
  rtctl webhook fixture member_added --user-id 42 > joined.json
  rtctl webhook replay joined.json --to http://localhost:8008/pusher/webhook
  rtctl webhook replay fixtures/webhooks/ --tamper            the app must refuse bad signatures
  rtctl webhook verify --headers request.http
  rtctl webhook listen --save captured/                       then point the server's webhooks here

The profile's key and secret sign and check webhooks; replay posts to its webhook_url.";

#[derive(Debug, Subcommand)]
#[command(after_help = EXAMPLES)]
pub enum Command {
    /// Print a webhook body of one event type, for the platform's channels by default
    #[command(after_help = fixture::EXAMPLES)]
    Fixture(FixtureArgs),
    /// Sign fixtures with the app's secret and post them to the app's webhook endpoint
    #[command(after_help = replay::EXAMPLES)]
    Replay(ReplayArgs),
    /// Say whether a captured webhook is authentic, and which part is wrong if not
    #[command(after_help = verify::EXAMPLES)]
    Verify(VerifyArgs),
    /// Receive webhooks from a server, verify and print them; forward or save them
    #[command(after_help = listen::EXAMPLES)]
    Listen(ListenArgs),
}

pub async fn run(ctx: &mut Ctx, cmd: Command) -> Result<(), CliError> {
    match cmd {
        Command::Fixture(args) => fixture::run(ctx, &args).await,
        // replay stops on a signal itself, to account for every fixture.
        Command::Replay(args) => replay::run(ctx, &args).await,
        Command::Verify(args) => verify::run(ctx, &args).await,
        Command::Listen(args) => listen::run(ctx, &args).await,
    }
}
