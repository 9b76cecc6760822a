//! The app's own endpoints, as the platform documents them under its backend URL:
//! channel auth, webhooks, the admin trigger, and the legacy WebSocket.

/// Where the platform's backend authorizes private and presence channels.
const AUTH_PATH: &str = "/pusher/auth";
/// Where the platform's backend receives the server's webhooks.
const WEBHOOK_PATH: &str = "/pusher/webhook";
/// The platform's admin endpoint that publishes an event (`trigger --via backend`).
const TRIGGER_PATH: &str = "/realtime/trigger";

/// The platform's legacy WebSocket endpoint, kept beside Pusher for older clients.
const LEGACY_WS_PATH: &str = "/ws/content";

/// `path` added to the base URL's own path (a query stays a query).
fn under(base: &str, path: &str) -> String {
    match reqwest::Url::parse(base) {
        Ok(mut u) => {
            let joined = format!("{}{path}", u.path().trim_end_matches('/'));
            u.set_path(&joined);
            u.to_string()
        }
        Err(_) => format!("{}{path}", base.trim_end_matches('/')),
    }
}

/// The channel auth endpoint under a backend URL.
pub fn auth_endpoint(backend_url: &str) -> String {
    under(backend_url, AUTH_PATH)
}

/// The webhook endpoint under a backend URL.
pub fn webhook_url(backend_url: &str) -> String {
    under(backend_url, WEBHOOK_PATH)
}

/// Where `trigger --via backend` posts, under a backend URL.
pub fn trigger_url(backend_url: &str) -> String {
    under(backend_url, TRIGGER_PATH)
}

/// The legacy WebSocket under a backend URL: its path, with http → ws and https → wss.
pub fn legacy_ws_url(backend_url: &str) -> String {
    let url = under(backend_url, LEGACY_WS_PATH);
    match url.split_once("://") {
        Some(("http", rest)) => format!("ws://{rest}"),
        Some(("https", rest)) => format!("wss://{rest}"),
        _ => url,
    }
}

/// Why `url` is not an http or https URL with a host, if it is not.
pub fn not_http(url: &str) -> Option<&'static str> {
    match reqwest::Url::parse(url) {
        Err(_) => Some("it is not a URL"),
        Ok(u) if !matches!(u.scheme(), "http" | "https") => Some("use an http:// or https:// URL"),
        Ok(u) if u.host_str().is_none_or(str::is_empty) => Some("the URL has no host"),
        Ok(_) => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_paths_go_on_the_urls_path() {
        assert_eq!(
            trigger_url("http://localhost:8008"),
            "http://localhost:8008/realtime/trigger"
        );
        assert_eq!(
            trigger_url("https://app.example/api/?v=2"),
            "https://app.example/api/realtime/trigger?v=2"
        );
        assert_eq!(
            auth_endpoint("http://127.0.0.1:8008/"),
            "http://127.0.0.1:8008/pusher/auth"
        );
        assert_eq!(
            webhook_url("https://app.example/api"),
            "https://app.example/api/pusher/webhook"
        );
        assert_eq!(
            legacy_ws_url("http://127.0.0.1:8008"),
            "ws://127.0.0.1:8008/ws/content"
        );
        assert_eq!(
            legacy_ws_url("https://app.example/api/"),
            "wss://app.example/api/ws/content"
        );
    }

    #[test]
    fn only_http_urls_with_a_host() {
        assert_eq!(not_http("http://localhost:8008"), None);
        assert_eq!(not_http("https://app.example/api"), None);
        assert!(not_http("localhost:8008").is_some());
        assert!(not_http("ftp://app.example").is_some());
        assert!(not_http("app.example").is_some());
        assert!(not_http("http://").is_some());
    }
}
