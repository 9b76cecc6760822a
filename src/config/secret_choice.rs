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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::testing::*;

    #[test]
    fn secret_ways() {
        let r = run(&inputs(None, &[("RTCTL_SECRET_ENV", "MY_SECRET")], &[])).unwrap();
        assert_eq!(
            r.secret,
            Some(SecretSpec::Env {
                var: "MY_SECRET".into(),
                source: src("RTCTL_SECRET_ENV")
            })
        );
        // A higher level's way wins over a lower level's literal secret.
        let r = run(&inputs(
            Some(file()),
            &[("RTCTL_SECRET_COMMAND", "echo s")],
            &[],
        ))
        .unwrap();
        assert!(matches!(r.secret, Some(SecretSpec::Command { .. })));
        let r = run(&inputs(
            Some(file()),
            &[("RTCTL_SECRET_COMMAND", "echo s")],
            &[(Field::Secret, "x", "--secret-stdin")],
        ))
        .unwrap();
        assert!(matches!(r.secret, Some(SecretSpec::Given(_))));
        assert_eq!(
            r.secret.unwrap().source(),
            &Source::Cli {
                flag: "--secret-stdin".into()
            }
        );
    }
}
