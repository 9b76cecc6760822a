//! probe's three outputs from one run: a table for people, one JSON document for
//! scripts, and JUnit XML for CI systems, each naming the same breached objectives.

use std::time::Duration;

use serde_json::{Value, json};

use super::measure::{Percentiles, Summary};
use super::slo::{Verdict, shown};
use crate::text::{one_line, sanitize, xml};
use crate::ui::table;
use crate::ui::words::counted;

/// The JSON document's shape; raised when a field changes meaning or goes away.
pub const SCHEMA_VERSION: u32 = 1;

/// The publish failures and disconnects the table lists; --json has them all.
const SHOWN: usize = 3;

/// Everything a report says.
pub struct Report<'a> {
    pub channel: &'a str,
    /// `pusher` (the REST API) or `backend`.
    pub via: &'a str,
    pub count: u64,
    pub interval: Duration,
    pub grace: Duration,
    /// `done`, or the signal's word (`interrupted`, `terminated`).
    pub ended: &'a str,
    pub took: Duration,
    pub summary: &'a Summary,
    /// Why the connection was lost, each time it was (each loss began a reconnect).
    pub disconnects: &'a [String],
    /// `None` without `--slo`.
    pub slo: Option<(&'a str, &'a [Verdict])>,
}

impl Report<'_> {
    fn breached(&self) -> Vec<&Verdict> {
        self.slo
            .map(|(_, v)| v.iter().filter(|v| !v.met).collect())
            .unwrap_or_default()
    }

    /// The counts line: what happened to the events and the connection.
    fn counts(&self) -> String {
        let s = self.summary;
        format!(
            "{} sent, {} accepted, {} failed to publish, {} received, {} lost ({:.2}%), {} duplicate{}, {} out of order, {}",
            s.sent,
            s.accepted,
            s.publish_failed,
            s.received,
            s.lost,
            s.loss_percent(),
            s.duplicates,
            crate::ui::words::plural(s.duplicates),
            s.out_of_order,
            counted(self.disconnects.len() as u64, "reconnect"),
        )
    }
}

/// The table for people.
pub fn human(r: &Report) -> String {
    let s = r.summary;
    let mut out = format!(
        "rtctl probe: {} on {} via {}, one every {}\n\n",
        counted(r.count, "event"),
        sanitize(r.channel, false),
        r.via,
        humantime::format_duration(r.interval)
    );
    let row = |name: &str, p: &Option<Percentiles>| -> Vec<String> {
        let mut row = vec![name.to_owned()];
        match p {
            Some(p) => row.extend([p.p50, p.p90, p.p99, p.max].map(shown)),
            None => row.extend(["-", "-", "-", "-"].map(str::to_owned)),
        }
        row
    };
    out.push_str(&table::render(
        &["LATENCY", "P50", "P90", "P99", "MAX"],
        &[row("publish", &s.publish), row("fan-out", &s.fan_out)],
    ));
    out.push('\n');
    out.push_str(&r.counts());
    out.push('\n');
    let failures: Vec<String> = s
        .failures
        .iter()
        .map(|(reason, n)| format!("publish failed ×{n}: {reason}"))
        .collect();
    let disconnects: Vec<String> = r
        .disconnects
        .iter()
        .map(|reason| format!("disconnected: {reason}"))
        .collect();
    for list in [failures, disconnects] {
        for line in list.iter().take(SHOWN) {
            out.push_str(&format!("  {}\n", one_line(line, 200)));
        }
        if list.len() > SHOWN {
            out.push_str(&format!(
                "  … and {} more (all in --json)\n",
                list.len() - SHOWN
            ));
        }
    }
    if r.ended != "done" {
        out.push_str(&format!("ended early: {}\n", r.ended));
    }
    if let Some((spec, verdicts)) = r.slo {
        let breached = r.breached();
        if breached.is_empty() {
            out.push_str(&format!("slo {}: met\n", sanitize(spec, false)));
        } else {
            out.push_str(&format!("slo {}: breached\n", sanitize(spec, false)));
        }
        for v in verdicts {
            out.push_str(&format!(
                "  {} {}: {}\n",
                if v.met { "✓" } else { "✗" },
                sanitize(&v.term, false),
                v.measured
            ));
        }
    }
    out
}

fn ms(d: Duration) -> f64 {
    (d.as_secs_f64() * 1e6).round() / 1000.0
}

fn percentiles(p: &Option<Percentiles>) -> Value {
    match p {
        Some(p) => json!({
            "min": ms(p.min), "p50": ms(p.p50), "p90": ms(p.p90), "p99": ms(p.p99),
            "max": ms(p.max), "mean": ms(p.mean),
        }),
        None => Value::Null,
    }
}

/// One JSON document.
pub fn json(r: &Report) -> Value {
    let s = r.summary;
    let failures: Vec<Value> = s
        .failures
        .iter()
        .map(|(reason, n)| json!({ "reason": reason, "count": n }))
        .collect();
    let slo = r.slo.map(|(spec, verdicts)| {
        let terms: Vec<Value> = verdicts
            .iter()
            .map(|v| json!({ "term": v.term, "measured": v.measured, "met": v.met }))
            .collect();
        let breached: Vec<&str> = r.breached().iter().map(|v| v.term.as_str()).collect();
        json!({ "spec": spec, "met": breached.is_empty(), "breached": breached, "terms": terms })
    });
    json!({
        "schema_version": SCHEMA_VERSION,
        "channel": r.channel,
        "via": r.via,
        "count": r.count,
        "interval_ms": ms(r.interval),
        "grace_ms": ms(r.grace),
        "ended": r.ended,
        "duration_ms": ms(r.took),
        "sent": s.sent,
        "accepted": s.accepted,
        "publish_failed": s.publish_failed,
        "publish_failures": failures,
        "received": s.received,
        "lost": s.lost,
        "loss_percent": (s.loss_percent() * 1000.0).round() / 1000.0,
        "duplicates": s.duplicates,
        "out_of_order": s.out_of_order,
        "reconnects": r.disconnects.len(),
        "disconnects": r.disconnects,
        "latency_ms": { "publish": percentiles(&s.publish), "fan_out": percentiles(&s.fan_out) },
        "slo": slo,
    })
}

/// JUnit XML: a test case an objective (or one `probe` case without `--slo`), the
/// counts and latencies in `system-out`.
/// When no event was accepted (the run fails, exit 1), why, in words.
pub fn none_accepted(s: &Summary) -> Option<String> {
    (s.accepted == 0).then(|| {
        let why = s
            .failures
            .keys()
            .next()
            .map(|r| format!(": {r}"))
            .unwrap_or_default();
        format!("none of the {} events was accepted{why}", s.sent)
    })
}

pub fn junit(r: &Report) -> String {
    // A case for the run, failed as its exit code is (no event accepted), then one an
    // objective.
    let mut cases: Vec<(String, Option<String>)> =
        vec![("probe".to_owned(), none_accepted(r.summary))];
    if let Some((_, verdicts)) = r.slo {
        cases.extend(verdicts.iter().map(|v| {
            let failure = (!v.met).then(|| format!("{} breached: {}", v.term, v.measured));
            (format!("slo {}", v.term), failure)
        }));
    }
    let failures = cases.iter().filter(|(_, f)| f.is_some()).count();
    let time = r.took.as_secs_f64();
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.push_str(&format!(
        "<testsuites name=\"rtctl probe\" tests=\"{}\" failures=\"{failures}\" time=\"{time:.3}\">\n",
        cases.len()
    ));
    out.push_str(&format!(
        "  <testsuite name=\"rtctl probe ({})\" tests=\"{}\" failures=\"{failures}\" errors=\"0\" skipped=\"0\" time=\"{time:.3}\">\n",
        xml(r.channel),
        cases.len()
    ));
    for (name, failure) in &cases {
        out.push_str(&format!(
            "    <testcase classname=\"probe\" name=\"{}\" time=\"{time:.3}\"",
            xml(name)
        ));
        match failure {
            None => out.push_str("/>\n"),
            Some(f) => out.push_str(&format!(
                ">\n      <failure message=\"{0}\" type=\"failure\">{0}</failure>\n    </testcase>\n",
                xml(f)
            )),
        }
    }
    out.push_str(&format!(
        "    <system-out>{}</system-out>\n  </testsuite>\n</testsuites>\n",
        xml(&human(r))
    ));
    out
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::*;

    fn summary() -> Summary {
        let d = Duration::from_micros(1500);
        Summary {
            sent: 10,
            accepted: 9,
            publish_failed: 1,
            received: 8,
            lost: 1,
            duplicates: 0,
            out_of_order: 0,
            failures: BTreeMap::from([("HTTP 500 <oops>".to_owned(), 1)]),
            publish: None,
            fan_out: Some(Percentiles::flat(d)),
        }
    }

    fn report<'a>(s: &'a Summary, verdicts: &'a [Verdict]) -> Report<'a> {
        Report {
            channel: "rtctl-probe-1",
            via: "pusher",
            count: 10,
            interval: Duration::from_millis(100),
            grace: Duration::from_secs(2),
            ended: "done",
            took: Duration::from_secs(3),
            summary: s,
            disconnects: &[],
            slo: Some(("p99=1us,loss=1", verdicts)),
        }
    }

    fn verdicts() -> Vec<Verdict> {
        vec![
            Verdict {
                term: "p99=1us".into(),
                measured: "1.5 ms".into(),
                met: false,
            },
            Verdict {
                term: "loss=1".into(),
                measured: "1 lost (11.11%)".into(),
                met: true,
            },
        ]
    }

    #[test]
    fn every_output_names_the_breached_term() {
        let s = summary();
        let v = verdicts();
        let r = report(&s, &v);
        let text = human(&r);
        assert!(text.contains("fan-out  1.5 ms"), "{text}");
        assert!(text.contains("publish  -"), "{text}");
        assert!(
            text.contains("10 sent, 9 accepted, 1 failed to publish, 8 received, 1 lost (11.11%)"),
            "{text}"
        );
        assert!(text.contains("✗ p99=1us: 1.5 ms"), "{text}");
        let doc = json(&r);
        assert_eq!(doc["slo"]["breached"], json!(["p99=1us"]));
        assert_eq!(doc["latency_ms"]["fan_out"]["p99"], 1.5);
        assert_eq!(doc["latency_ms"]["publish"], Value::Null);
        assert_eq!(doc["publish_failures"][0]["count"], 1);
        let x = junit(&r);
        assert!(x.contains("tests=\"3\" failures=\"1\""), "{x}");
        assert!(
            x.contains("<failure message=\"p99=1us breached: 1.5 ms\""),
            "{x}"
        );
        assert!(x.contains("HTTP 500 &lt;oops&gt;"), "{x}");
        // No event accepted: the run's own case fails, as its exit code does.
        let mut none = r.summary.clone();
        none.accepted = 0;
        let failed = Report {
            summary: &none,
            slo: None,
            ..r
        };
        let x = junit(&failed);
        assert!(x.contains("tests=\"1\" failures=\"1\""), "{x}");
        assert!(x.contains("none of the 10 events was accepted"), "{x}");
    }
}
