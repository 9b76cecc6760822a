//! One profile-based config loader for every subcommand.
//!
//! `file`, `resolve` and `edit` are pure; `load` is the only module here that reads
//! the environment, the disk or runs a command.

pub mod edit;
pub mod error;
pub mod fields;
pub mod file;
pub mod load;
pub mod resolve;
pub mod value;

pub use error::ConfigError;
pub use fields::Field;
pub use resolve::{CliValues, Endpoint, Resolved, SecretSpec};
pub use value::{Secret, Source, Value};
