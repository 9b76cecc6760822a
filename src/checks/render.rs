//! doctor's three outputs, from the same checks: a checklist for people, one JSON
//! document for scripts, and JUnit XML for CI systems.

use std::time::Duration;

use colored::Colorize as _;
use serde_json::{Map, Value, json};

use super::outcome::{Ran, Status, Tally};
use crate::text::{sanitize, xml};
use crate::ui::words::{counted, plural};

/// The JSON document's shape; raised when a field changes meaning or goes away.
pub const SCHEMA_VERSION: u32 = 1;

fn ms(d: Duration) -> String {
    let ms = d.as_secs_f64() * 1000.0;
    if ms < 10.0 {
        format!("{ms:.1} ms")
    } else {
        format!("{ms:.0} ms")
    }
}

/// The checklist: a heading per group, a line per check (✓ ! ✗ -), hints indented
/// under their check, `verbose` details and timings, then the count and the slowest.
pub fn human(ran: &[Ran], profile: &str, verbose: bool, color: bool) -> String {
    let paint = |s: &str, status: Status| -> String {
        if !color {
            return s.to_owned();
        }
        match status {
            Status::Pass => s.green().to_string(),
            Status::Warn => s.yellow().to_string(),
            Status::Fail => s.red().bold().to_string(),
            Status::Skip => s.dimmed().to_string(),
        }
    };
    let width = ran.iter().map(|r| r.spec.id.len()).max().unwrap_or(0);
    let mut out = format!("rtctl doctor: profile `{}`\n", sanitize(profile, false));
    let mut group = "";
    for r in ran {
        if r.spec.group() != group {
            group = r.spec.group();
            out.push('\n');
            out.push_str(&if color {
                group.bold().to_string()
            } else {
                group.to_owned()
            });
            out.push('\n');
        }
        let mark = match r.outcome.status {
            Status::Pass => "✓",
            Status::Warn => "!",
            Status::Fail => "✗",
            Status::Skip => "-",
        };
        out.push_str(&format!(
            "  {} {:width$}  {}",
            paint(mark, r.outcome.status),
            r.spec.id,
            sanitize(&r.outcome.finding, false)
        ));
        if verbose {
            out.push_str(&format!(" ({})", ms(r.took)));
        }
        out.push('\n');
        if let Some(hint) = &r.outcome.hint {
            out.push_str(&format!("      hint: {}\n", sanitize(hint, false)));
        }
        if verbose {
            for (name, value) in &r.outcome.details {
                out.push_str(&format!("      {name}: {}\n", sanitize(value, false)));
            }
        }
    }
    let t = Tally::of(ran);
    out.push_str(&format!(
        "\n{}: {} passed, {} warning{}, {} failed, {} skipped",
        counted(ran.len() as u64, "check"),
        t.pass,
        t.warn,
        plural(t.warn as u64),
        t.fail,
        t.skip
    ));
    if let Some(slowest) = ran
        .iter()
        .filter(|r| r.outcome.status != Status::Skip)
        .max_by_key(|r| r.took)
    {
        out.push_str(&format!(
            "; slowest {} ({})",
            slowest.spec.id,
            ms(slowest.took)
        ));
    }
    out.push('\n');
    out
}

/// One JSON document: the schema version, the profile, the tally and every check.
pub fn json(ran: &[Ran], profile: &str, profile_source: &str) -> Value {
    let t = Tally::of(ran);
    let checks: Vec<Value> = ran
        .iter()
        .map(|r| {
            let details: Map<String, Value> = r
                .outcome
                .details
                .iter()
                .map(|(k, v)| (k.clone(), Value::String(v.clone())))
                .collect();
            json!({
                "id": r.spec.id,
                "group": r.spec.group(),
                "status": r.outcome.status.word(),
                "finding": r.outcome.finding,
                "hint": r.outcome.hint,
                "duration_ms": (r.took.as_secs_f64() * 1e6).round() / 1000.0,
                "details": details,
            })
        })
        .collect();
    json!({
        "schema_version": SCHEMA_VERSION,
        "rtctl": crate::commands::version::CURRENT.to_value(),
        "profile": { "name": profile, "source": profile_source },
        "ok": t.fail == 0,
        "summary": { "pass": t.pass, "warn": t.warn, "fail": t.fail, "skip": t.skip },
        "checks": checks,
    })
}

/// JUnit XML: a test case a check (class name its group), failures and skips as JUnit
/// has them; a warning passes with its finding in `system-out`.
pub fn junit(ran: &[Ran], profile: &str) -> String {
    let t = Tally::of(ran);
    let total: Duration = ran.iter().map(|r| r.took).sum();
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.push_str(&format!(
        "<testsuites name=\"rtctl doctor\" tests=\"{}\" failures=\"{}\" skipped=\"{}\" time=\"{:.3}\">\n",
        ran.len(),
        t.fail,
        t.skip,
        total.as_secs_f64()
    ));
    out.push_str(&format!(
        "  <testsuite name=\"rtctl doctor ({})\" tests=\"{}\" failures=\"{}\" errors=\"0\" skipped=\"{}\" time=\"{:.3}\">\n",
        xml(profile),
        ran.len(),
        t.fail,
        t.skip,
        total.as_secs_f64()
    ));
    out.push_str(&format!(
        "    <properties>\n      <property name=\"rtctl.version\" value=\"{}\"/>\n    </properties>\n",
        xml(&crate::commands::version::CURRENT.line())
    ));
    for r in ran {
        out.push_str(&format!(
            "    <testcase classname=\"{}\" name=\"{}\" time=\"{:.3}\"",
            xml(r.spec.group()),
            xml(r.spec.id),
            r.took.as_secs_f64()
        ));
        let finding = xml(&r.outcome.finding);
        let hint = r.outcome.hint.as_deref().map(xml).unwrap_or_default();
        match r.outcome.status {
            Status::Pass => out.push_str("/>\n"),
            Status::Warn => out.push_str(&format!(
                ">\n      <system-out>warning: {finding}\nhint: {hint}</system-out>\n    </testcase>\n"
            )),
            Status::Fail => out.push_str(&format!(
                ">\n      <failure message=\"{finding}\" type=\"fail\">{finding}\nhint: {hint}</failure>\n    </testcase>\n"
            )),
            Status::Skip => out.push_str(&format!(
                ">\n      <skipped message=\"{finding}\"/>\n    </testcase>\n"
            )),
        }
    }
    out.push_str("  </testsuite>\n</testsuites>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::super::list::{ALL, Spec};
    use super::super::outcome::Outcome;
    use super::*;

    fn ran(spec: Spec, outcome: Outcome) -> Ran {
        Ran {
            spec,
            outcome,
            took: Duration::from_millis(3),
        }
    }

    fn spec(id: &str) -> Spec {
        *ALL.iter().find(|s| s.id == id).unwrap()
    }

    fn sample() -> Vec<Ran> {
        vec![
            ran(spec("config.profile"), Outcome::pass("profile `local`")),
            ran(
                spec("config.required"),
                Outcome::fail("no secret <set> & \"none\"", "export RTCTL_SECRET"),
            ),
            ran(
                spec("credentials.rest"),
                Outcome::skip("needs config.required, which failed"),
            ),
            ran(
                spec("clock.skew"),
                Outcome::warn("clock 40 s behind", "run NTP"),
            ),
        ]
    }

    #[test]
    fn checklist_has_a_line_per_check_hints_and_a_count() {
        let text = human(&sample(), "local", false, false);
        assert!(
            text.contains("  ✓ config.profile    profile `local`"),
            "{text}"
        );
        assert!(text.contains("  ✗ config.required   no secret"), "{text}");
        assert!(text.contains("      hint: export RTCTL_SECRET"), "{text}");
        assert!(text.contains("  - credentials.rest  needs"), "{text}");
        assert!(text.contains("\ncredentials\n"), "{text}");
        assert!(
            text.contains("4 checks: 1 passed, 1 warning, 1 failed, 1 skipped; slowest"),
            "{text}"
        );
    }

    #[test]
    fn json_lists_every_check_with_its_status() {
        let doc = json(&sample(), "local", "built-in");
        assert_eq!(doc["schema_version"], 1);
        assert_eq!(doc["ok"], false);
        assert_eq!(doc["summary"]["fail"], 1);
        let checks = doc["checks"].as_array().unwrap();
        assert_eq!(checks.len(), 4);
        assert_eq!(checks[1]["id"], "config.required");
        assert_eq!(checks[1]["group"], "config");
        assert_eq!(checks[1]["status"], "fail");
        assert_eq!(checks[1]["hint"], "export RTCTL_SECRET");
        assert_eq!(checks[0]["hint"], Value::Null);
    }

    #[test]
    fn junit_escapes_and_counts() {
        let x = junit(&sample(), "local");
        assert!(
            x.contains("tests=\"4\" failures=\"1\" skipped=\"1\""),
            "{x}"
        );
        assert!(
            x.contains("<failure message=\"no secret &lt;set&gt; &amp; &quot;none&quot;\""),
            "{x}"
        );
        assert!(
            x.contains("<skipped message=\"needs config.required"),
            "{x}"
        );
        assert!(x.contains("<system-out>warning: clock 40 s behind"), "{x}");
        assert_eq!(x.matches("<testcase ").count(), 4);
    }
}
