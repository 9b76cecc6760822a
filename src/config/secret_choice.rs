//! Which of `secret`, `secret_env` and `secret_command` gives the secret.

use super::chosen::Chosen;
use super::error::ConfigError;
use super::fields::Field;
use super::resolved::SecretSpec;
use super::value::Source;

/// The highest of `secret`, `secret_env` and `secret_command`; two at one level is an error.
pub(super) fn secret_spec(chosen: &Chosen) -> Result<Option<SecretSpec>, ConfigError> {
    let ways = [Field::Secret, Field::SecretEnv, Field::SecretCommand];
    let Some(best) = ways
        .iter()
        .map(|&f| chosen.rank(f))
        .min()
        .filter(|r| *r != usize::MAX)
    else {
        return Ok(None);
    };
    let at_best: Vec<Field> = ways
        .into_iter()
        .filter(|&f| chosen.rank(f) == best)
        .collect();
    if at_best.len() > 1 {
        let origin = chosen
            .get(at_best[0])
            .map(|(v, _)| v.source.clone())
            .unwrap_or(Source::Default);
        let fields = at_best
            .iter()
            .map(|f| format!("`{f}`"))
            .collect::<Vec<_>>()
            .join(", ");
        return Err(ConfigError::SecretConflict { origin, fields });
    }
    Ok(match at_best[0] {
        Field::Secret => chosen.secret(Field::Secret).map(SecretSpec::Given),
        Field::SecretEnv => chosen.text(Field::SecretEnv).map(|v| SecretSpec::Env {
            var: v.val,
            source: v.source,
        }),
        _ => chosen
            .text(Field::SecretCommand)
            .map(|v| SecretSpec::Command {
                command: v.val,
                source: v.source,
            }),
    })
}
