//! One profile-based config loader for every subcommand.
//!
//! Everything here is pure except `load`, the one module that reads the disk and the
//! environment or runs a command. `resolve` drives resolution: `inputs` become
//! `layers`, each field's highest value is checked (`typed`) and `chosen`, the `.env`
//! rule (`dotenv_trust`) sets aside what a `.env` may not point at, `builtin_app` keeps
//! the built-in credentials to the built-in server, and `endpoints` and `secret_choice`
//! build the `resolved` profile. `defaults` holds the built-in values, and `headers` the
//! one rule for HTTP headers people type.

pub mod builtin_app;
mod chosen;
pub mod defaults;
pub mod dotenv_trust;
pub mod edit;
mod endpoints;
pub mod error;
pub mod fields;
pub mod file;
pub mod headers;
pub mod inputs;
mod layers;
pub mod load;
pub mod resolve;
pub mod resolved;
mod secret_choice;
#[cfg(test)]
pub(crate) mod testing;
mod typed;
pub mod value;

pub use defaults::LOCAL_PROFILE;
pub use error::ConfigError;
pub use fields::Field;
pub use inputs::CliValues;
pub use resolved::{Endpoint, Resolved, SecretSpec};
pub use typed::parse_bool;
pub use value::{Secret, Source, Value};
