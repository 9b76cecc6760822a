//! rtctl's own use of the machine during a bench: CPU time, peak memory, and the open
//! file limit every connection counts against.

use std::time::Duration;

/// Descriptors kept free beside the connections: the REST client's pool, stdio, files.
pub const SPARE_FILES: u64 = 64;

/// CPU time this process has used, user and system.
#[cfg(unix)]
pub fn cpu_time() -> Option<Duration> {
    let t = rustix::time::clock_gettime(rustix::time::ClockId::ProcessCPUTime);
    Some(Duration::new(
        u64::try_from(t.tv_sec).ok()?,
        u32::try_from(t.tv_nsec).ok()?,
    ))
}

#[cfg(not(unix))]
pub fn cpu_time() -> Option<Duration> {
    None
}

/// This process's peak resident memory in bytes, where the system says (Linux).
pub fn peak_rss() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    vm_hwm(&status)
}

/// `VmHWM` of a `/proc/<pid>/status` text, in bytes.
fn vm_hwm(status: &str) -> Option<u64> {
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kib: u64 = line
        .trim_start_matches("VmHWM:")
        .trim()
        .trim_end_matches("kB")
        .trim()
        .parse()
        .ok()?;
    kib.checked_mul(1024)
}

/// Raise this process's open-file limit to what `wanted` descriptors need, as far as the
/// hard limit allows; the limit now in force (`None` where unknown).
#[cfg(unix)]
pub fn raise_file_limit(wanted: u64) -> Option<u64> {
    use rustix::process::{Resource, getrlimit, setrlimit};
    let limit = getrlimit(Resource::Nofile);
    let current = limit.current?;
    if current >= wanted {
        return Some(current);
    }
    let target = limit.maximum.map_or(wanted, |hard| hard.min(wanted));
    let raised = rustix::process::Rlimit {
        current: Some(target),
        maximum: limit.maximum,
    };
    match setrlimit(Resource::Nofile, raised) {
        Ok(()) => Some(target),
        Err(_) => Some(current),
    }
}

#[cfg(not(unix))]
pub fn raise_file_limit(_wanted: u64) -> Option<u64> {
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn peak_memory_is_read_from_vm_hwm() {
        let status = "Name:\trtctl\nVmPeak:\t  20000 kB\nVmHWM:\t    1536 kB\nVmRSS:\t 1000 kB\n";
        assert_eq!(vm_hwm(status), Some(1536 * 1024));
        assert_eq!(vm_hwm("Name: x\n"), None);
        assert_eq!(vm_hwm("VmHWM: lots kB\n"), None);
    }

    #[test]
    fn cpu_time_moves_forward() {
        let before = cpu_time();
        let mut x = 0u64;
        for i in 0..2_000_000u64 {
            x = x.wrapping_add(i * i);
        }
        std::hint::black_box(x);
        if let (Some(a), Some(b)) = (before, cpu_time()) {
            assert!(b >= a);
        }
    }
}
