
using namespace System.Management.Automation
using namespace System.Management.Automation.Language

Register-ArgumentCompleter -Native -CommandName 'rtctl' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)

    $commandElements = $commandAst.CommandElements
    $command = @(
        'rtctl'
        for ($i = 1; $i -lt $commandElements.Count; $i++) {
            $element = $commandElements[$i]
            if ($element -isnot [StringConstantExpressionAst] -or
                $element.StringConstantType -ne [StringConstantType]::BareWord -or
                $element.Value.StartsWith('-') -or
                $element.Value -eq $wordToComplete) {
                break
        }
        $element.Value
    }) -join ';'

    $completions = @(switch ($command) {
        'rtctl' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use [default: $RTCTL_PROFILE, then `default_profile`, then `local`]')
            [CompletionResult]::new('--app-id', '--app-id', [CompletionResultType]::ParameterName, 'App id')
            [CompletionResult]::new('--key', '--key', [CompletionResultType]::ParameterName, 'App key')
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'Pusher cluster, e.g. eu: api-eu.pusher.com and ws-eu.pusher.com with TLS')
            [CompletionResult]::new('--host', '--host', [CompletionResultType]::ParameterName, 'REST host of a self-hosted server (overrides --cluster)')
            [CompletionResult]::new('--port', '--port', [CompletionResultType]::ParameterName, 'REST port')
            [CompletionResult]::new('--ws-host', '--ws-host', [CompletionResultType]::ParameterName, 'WebSocket host, when it differs from the REST host')
            [CompletionResult]::new('--ws-port', '--ws-port', [CompletionResultType]::ParameterName, 'WebSocket port, when it differs from the REST port')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'PEM file of CA certificates to trust besides the system''s (a private CA)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Network timeout, e.g. 5s or 500ms [default: 10s]')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Also read PUSHER_* and RTCTL_* variables from a .env file (--env-file=PATH for another) [default: ./.env]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print the version, the git commit it was built from and the target')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print the version, the git commit it was built from and the target')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'With --version: print it as one JSON object (for bug reports)')
            [CompletionResult]::new('--secret-stdin', '--secret-stdin', [CompletionResultType]::ParameterName, 'Read the app secret from the first line of stdin (never from a flag''s value)')
            [CompletionResult]::new('--tls', '--tls', [CompletionResultType]::ParameterName, 'Use https and wss')
            [CompletionResult]::new('--no-tls', '--no-tls', [CompletionResultType]::ParameterName, 'Use plain http and ws')
            [CompletionResult]::new('--trust-env-file', '--trust-env-file', [CompletionResultType]::ParameterName, 'Let the server and URLs the .env names receive credentials from elsewhere (the profile, the environment)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('trigger', 'trigger', [CompletionResultType]::ParameterValue, 'Publish events over the REST API: one, a batch file, or one many times')
            [CompletionResult]::new('tail', 'tail', [CompletionResultType]::ParameterValue, 'Subscribe to channels over the WebSocket and stream their events')
            [CompletionResult]::new('channels', 'channels', [CompletionResultType]::ParameterValue, 'List occupied channels, show one, list a presence channel''s members, watch them live')
            [CompletionResult]::new('users', 'users', [CompletionResultType]::ParameterValue, 'Send an event to a signed-in user, or close their connections')
            [CompletionResult]::new('catalog', 'catalog', [CompletionResultType]::ParameterValue, 'Show the event catalogue that trigger fills and checks payloads from')
            [CompletionResult]::new('auth', 'auth', [CompletionResultType]::ParameterValue, 'Sign and check channel authorization and user authentication')
            [CompletionResult]::new('webhook', 'webhook', [CompletionResultType]::ParameterValue, 'Generate, replay, verify and capture webhooks')
            [CompletionResult]::new('doctor', 'doctor', [CompletionResultType]::ParameterValue, 'Check an environment''s config and connectivity end to end')
            [CompletionResult]::new('probe', 'probe', [CompletionResultType]::ParameterValue, 'Measure publish and fan-out latency, loss and order on a channel')
            [CompletionResult]::new('bench', 'bench', [CompletionResultType]::ParameterValue, 'Put a bounded load on a server you own and measure fan-out latency and delivery')
            [CompletionResult]::new('config', 'config', [CompletionResultType]::ParameterValue, 'Show, list, create and choose profiles')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'rtctl;trigger' {
            [CompletionResult]::new('--set', '--set', [CompletionResultType]::ParameterName, 'Set a field of the JSON data (dotted paths; true, 75, null and JSON are typed)')
            [CompletionResult]::new('--socket-id', '--socket-id', [CompletionResultType]::ParameterName, 'Exclude this connection from receiving the event')
            [CompletionResult]::new('--info', '--info', [CompletionResultType]::ParameterName, 'Channel attributes to return: user_count (presence), subscription_count')
            [CompletionResult]::new('--catalog', '--catalog', [CompletionResultType]::ParameterName, 'Event catalogue (TOML), or `none` [default: profile''s `catalog`, else built-in]')
            [CompletionResult]::new('--via', '--via', [CompletionResultType]::ParameterName, 'Send through Pusher''s REST API or the app''s backend')
            [CompletionResult]::new('--batch', '--batch', [CompletionResultType]::ParameterName, 'Send events from JSON Lines ({"channel","name","data","socket_id"}), 10 per request')
            [CompletionResult]::new('--repeat', '--repeat', [CompletionResultType]::ParameterName, 'Send the event this many times')
            [CompletionResult]::new('--rate', '--rate', [CompletionResultType]::ParameterName, 'With --repeat: events per second, e.g. 50 or 50/s [default: as fast as allowed]')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'Requests in flight at once, for --batch and --repeat')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Times to retry a request refused with 429 or 5xx, or that got no answer')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use [default: $RTCTL_PROFILE, then `default_profile`, then `local`]')
            [CompletionResult]::new('--app-id', '--app-id', [CompletionResultType]::ParameterName, 'App id')
            [CompletionResult]::new('--key', '--key', [CompletionResultType]::ParameterName, 'App key')
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'Pusher cluster, e.g. eu: api-eu.pusher.com and ws-eu.pusher.com with TLS')
            [CompletionResult]::new('--host', '--host', [CompletionResultType]::ParameterName, 'REST host of a self-hosted server (overrides --cluster)')
            [CompletionResult]::new('--port', '--port', [CompletionResultType]::ParameterName, 'REST port')
            [CompletionResult]::new('--ws-host', '--ws-host', [CompletionResultType]::ParameterName, 'WebSocket host, when it differs from the REST host')
            [CompletionResult]::new('--ws-port', '--ws-port', [CompletionResultType]::ParameterName, 'WebSocket port, when it differs from the REST port')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'PEM file of CA certificates to trust besides the system''s (a private CA)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Network timeout, e.g. 5s or 500ms [default: 10s]')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Also read PUSHER_* and RTCTL_* variables from a .env file (--env-file=PATH for another) [default: ./.env]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output')
            [CompletionResult]::new('--text', '--text', [CompletionResultType]::ParameterName, 'Send DATA as plain text, even if it looks like JSON')
            [CompletionResult]::new('--no-validate', '--no-validate', [CompletionResultType]::ParameterName, 'Send even if the payload breaks the catalogue''s rules')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the signed request instead of sending it; with --batch, check every line and send nothing')
            [CompletionResult]::new('--curl', '--curl', [CompletionResultType]::ParameterName, 'Print a runnable curl command, already signed, instead of sending')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print the result as JSON')
            [CompletionResult]::new('--fail-fast', '--fail-fast', [CompletionResultType]::ParameterName, 'With --batch: stop at the first bad line')
            [CompletionResult]::new('--secret-stdin', '--secret-stdin', [CompletionResultType]::ParameterName, 'Read the app secret from the first line of stdin (never from a flag''s value)')
            [CompletionResult]::new('--tls', '--tls', [CompletionResultType]::ParameterName, 'Use https and wss')
            [CompletionResult]::new('--no-tls', '--no-tls', [CompletionResultType]::ParameterName, 'Use plain http and ws')
            [CompletionResult]::new('--trust-env-file', '--trust-env-file', [CompletionResultType]::ParameterName, 'Let the server and URLs the .env names receive credentials from elsewhere (the profile, the environment)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'rtctl;tail' {
            [CompletionResult]::new('--event', '--event', [CompletionResultType]::ParameterName, 'Only events whose name matches GLOB (`*`, `?`); repeatable')
            [CompletionResult]::new('--count', '--count', [CompletionResultType]::ParameterName, 'Exit 0 after N events have been shown')
            [CompletionResult]::new('--duration', '--duration', [CompletionResultType]::ParameterName, 'Stop after DURATION, e.g. 30s; with --count, exit 124 if they did not all arrive')
            [CompletionResult]::new('--ready-file', '--ready-file', [CompletionResultType]::ParameterName, 'Write the socket id to PATH once every channel is subscribed: trigger after it (an old file there is removed first)')
            [CompletionResult]::new('--rescan', '--rescan', [CompletionResultType]::ParameterName, 'How often to list channels again for patterns')
            [CompletionResult]::new('--auth-endpoint', '--auth-endpoint', [CompletionResultType]::ParameterName, 'Get authorizations from the app''s endpoint, as a browser would [default: the profile''s `auth_endpoint`]')
            [CompletionResult]::new('--auth-header', '--auth-header', [CompletionResultType]::ParameterName, 'A header for the auth endpoint, `Name: value`; repeatable (adds to the profile''s `auth_headers`)')
            [CompletionResult]::new('--auth-body', '--auth-body', [CompletionResultType]::ParameterName, 'How the auth endpoint''s request body is written')
            [CompletionResult]::new('--user-auth-endpoint', '--user-auth-endpoint', [CompletionResultType]::ParameterName, 'The app''s user-authentication endpoint for --signin [default: sign locally]')
            [CompletionResult]::new('--user-id', '--user-id', [CompletionResultType]::ParameterName, 'Member id for presence channels and --signin [default for presence: rtctl-<hostname>-<pid>]')
            [CompletionResult]::new('--user-info', '--user-info', [CompletionResultType]::ParameterName, 'Member info for presence channels and --signin, a JSON object')
            [CompletionResult]::new('--send', '--send', [CompletionResultType]::ParameterName, 'Send a client event to every channel once subscribed; DATA is JSON (or a plain string)')
            [CompletionResult]::new('--activity-timeout', '--activity-timeout', [CompletionResultType]::ParameterName, 'Ping after this much silence (the server''s activity_timeout caps it)')
            [CompletionResult]::new('--pong-timeout', '--pong-timeout', [CompletionResultType]::ParameterName, 'Reconnect when a ping gets no pong within this')
            [CompletionResult]::new('--max-message-size', '--max-message-size', [CompletionResultType]::ParameterName, 'The largest WebSocket message accepted, e.g. 4MiB, 512KiB or bytes; a larger one ends the run as a protocol error')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use [default: $RTCTL_PROFILE, then `default_profile`, then `local`]')
            [CompletionResult]::new('--app-id', '--app-id', [CompletionResultType]::ParameterName, 'App id')
            [CompletionResult]::new('--key', '--key', [CompletionResultType]::ParameterName, 'App key')
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'Pusher cluster, e.g. eu: api-eu.pusher.com and ws-eu.pusher.com with TLS')
            [CompletionResult]::new('--host', '--host', [CompletionResultType]::ParameterName, 'REST host of a self-hosted server (overrides --cluster)')
            [CompletionResult]::new('--port', '--port', [CompletionResultType]::ParameterName, 'REST port')
            [CompletionResult]::new('--ws-host', '--ws-host', [CompletionResultType]::ParameterName, 'WebSocket host, when it differs from the REST host')
            [CompletionResult]::new('--ws-port', '--ws-port', [CompletionResultType]::ParameterName, 'WebSocket port, when it differs from the REST port')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'PEM file of CA certificates to trust besides the system''s (a private CA)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Network timeout, e.g. 5s or 500ms [default: 10s]')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Also read PUSHER_* and RTCTL_* variables from a .env file (--env-file=PATH for another) [default: ./.env]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Write JSON Lines with a stable envelope, for jq and scripts')
            [CompletionResult]::new('--raw', '--raw', [CompletionResultType]::ParameterName, 'Show every protocol frame, both directions, instead of events')
            [CompletionResult]::new('--expand', '--expand', [CompletionResultType]::ParameterName, 'Show event data indented over several lines')
            [CompletionResult]::new('--exclude-internal', '--exclude-internal', [CompletionResultType]::ParameterName, 'Leave out pusher: and pusher_internal: events (member joins and leaves too)')
            [CompletionResult]::new('--sign-locally', '--sign-locally', [CompletionResultType]::ParameterName, 'Sign locally with the app secret even when the profile names an auth endpoint')
            [CompletionResult]::new('--signin', '--signin', [CompletionResultType]::ParameterName, 'Sign the connection in as --user-id (pusher:signin) and receive events sent to that user')
            [CompletionResult]::new('--interactive', '--interactive', [CompletionResultType]::ParameterName, 'Read client events from stdin, one `EVENT [DATA]` a line, and send each to every channel')
            [CompletionResult]::new('--no-reconnect', '--no-reconnect', [CompletionResultType]::ParameterName, 'Exit when the connection is lost instead of reconnecting')
            [CompletionResult]::new('--secret-stdin', '--secret-stdin', [CompletionResultType]::ParameterName, 'Read the app secret from the first line of stdin (never from a flag''s value)')
            [CompletionResult]::new('--tls', '--tls', [CompletionResultType]::ParameterName, 'Use https and wss')
            [CompletionResult]::new('--no-tls', '--no-tls', [CompletionResultType]::ParameterName, 'Use plain http and ws')
            [CompletionResult]::new('--trust-env-file', '--trust-env-file', [CompletionResultType]::ParameterName, 'Let the server and URLs the .env names receive credentials from elsewhere (the profile, the environment)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'rtctl;channels' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use [default: $RTCTL_PROFILE, then `default_profile`, then `local`]')
            [CompletionResult]::new('--app-id', '--app-id', [CompletionResultType]::ParameterName, 'App id')
            [CompletionResult]::new('--key', '--key', [CompletionResultType]::ParameterName, 'App key')
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'Pusher cluster, e.g. eu: api-eu.pusher.com and ws-eu.pusher.com with TLS')
            [CompletionResult]::new('--host', '--host', [CompletionResultType]::ParameterName, 'REST host of a self-hosted server (overrides --cluster)')
            [CompletionResult]::new('--port', '--port', [CompletionResultType]::ParameterName, 'REST port')
            [CompletionResult]::new('--ws-host', '--ws-host', [CompletionResultType]::ParameterName, 'WebSocket host, when it differs from the REST host')
            [CompletionResult]::new('--ws-port', '--ws-port', [CompletionResultType]::ParameterName, 'WebSocket port, when it differs from the REST port')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'PEM file of CA certificates to trust besides the system''s (a private CA)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Network timeout, e.g. 5s or 500ms [default: 10s]')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Also read PUSHER_* and RTCTL_* variables from a .env file (--env-file=PATH for another) [default: ./.env]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output')
            [CompletionResult]::new('--secret-stdin', '--secret-stdin', [CompletionResultType]::ParameterName, 'Read the app secret from the first line of stdin (never from a flag''s value)')
            [CompletionResult]::new('--tls', '--tls', [CompletionResultType]::ParameterName, 'Use https and wss')
            [CompletionResult]::new('--no-tls', '--no-tls', [CompletionResultType]::ParameterName, 'Use plain http and ws')
            [CompletionResult]::new('--trust-env-file', '--trust-env-file', [CompletionResultType]::ParameterName, 'Let the server and URLs the .env names receive credentials from elsewhere (the profile, the environment)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List occupied channels')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one channel''s state')
            [CompletionResult]::new('users', 'users', [CompletionResultType]::ParameterValue, 'List the members of a presence channel')
            [CompletionResult]::new('watch', 'watch', [CompletionResultType]::ParameterValue, 'Watch the occupied channels live: counts, and members joining and leaving')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'rtctl;channels;list' {
            [CompletionResult]::new('--prefix', '--prefix', [CompletionResultType]::ParameterName, 'Only channels whose names start with this, e.g. presence-')
            [CompletionResult]::new('--info', '--info', [CompletionResultType]::ParameterName, 'Attributes to include, comma-separated: user_count (presence), subscription_count')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use [default: $RTCTL_PROFILE, then `default_profile`, then `local`]')
            [CompletionResult]::new('--app-id', '--app-id', [CompletionResultType]::ParameterName, 'App id')
            [CompletionResult]::new('--key', '--key', [CompletionResultType]::ParameterName, 'App key')
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'Pusher cluster, e.g. eu: api-eu.pusher.com and ws-eu.pusher.com with TLS')
            [CompletionResult]::new('--host', '--host', [CompletionResultType]::ParameterName, 'REST host of a self-hosted server (overrides --cluster)')
            [CompletionResult]::new('--port', '--port', [CompletionResultType]::ParameterName, 'REST port')
            [CompletionResult]::new('--ws-host', '--ws-host', [CompletionResultType]::ParameterName, 'WebSocket host, when it differs from the REST host')
            [CompletionResult]::new('--ws-port', '--ws-port', [CompletionResultType]::ParameterName, 'WebSocket port, when it differs from the REST port')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'PEM file of CA certificates to trust besides the system''s (a private CA)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Network timeout, e.g. 5s or 500ms [default: 10s]')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Also read PUSHER_* and RTCTL_* variables from a .env file (--env-file=PATH for another) [default: ./.env]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print the server''s JSON answer')
            [CompletionResult]::new('--secret-stdin', '--secret-stdin', [CompletionResultType]::ParameterName, 'Read the app secret from the first line of stdin (never from a flag''s value)')
            [CompletionResult]::new('--tls', '--tls', [CompletionResultType]::ParameterName, 'Use https and wss')
            [CompletionResult]::new('--no-tls', '--no-tls', [CompletionResultType]::ParameterName, 'Use plain http and ws')
            [CompletionResult]::new('--trust-env-file', '--trust-env-file', [CompletionResultType]::ParameterName, 'Let the server and URLs the .env names receive credentials from elsewhere (the profile, the environment)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'rtctl;channels;show' {
            [CompletionResult]::new('--info', '--info', [CompletionResultType]::ParameterName, 'Attributes to include, comma-separated: user_count (presence), subscription_count')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use [default: $RTCTL_PROFILE, then `default_profile`, then `local`]')
            [CompletionResult]::new('--app-id', '--app-id', [CompletionResultType]::ParameterName, 'App id')
            [CompletionResult]::new('--key', '--key', [CompletionResultType]::ParameterName, 'App key')
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'Pusher cluster, e.g. eu: api-eu.pusher.com and ws-eu.pusher.com with TLS')
            [CompletionResult]::new('--host', '--host', [CompletionResultType]::ParameterName, 'REST host of a self-hosted server (overrides --cluster)')
            [CompletionResult]::new('--port', '--port', [CompletionResultType]::ParameterName, 'REST port')
            [CompletionResult]::new('--ws-host', '--ws-host', [CompletionResultType]::ParameterName, 'WebSocket host, when it differs from the REST host')
            [CompletionResult]::new('--ws-port', '--ws-port', [CompletionResultType]::ParameterName, 'WebSocket port, when it differs from the REST port')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'PEM file of CA certificates to trust besides the system''s (a private CA)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Network timeout, e.g. 5s or 500ms [default: 10s]')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Also read PUSHER_* and RTCTL_* variables from a .env file (--env-file=PATH for another) [default: ./.env]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print the server''s JSON answer')
            [CompletionResult]::new('--secret-stdin', '--secret-stdin', [CompletionResultType]::ParameterName, 'Read the app secret from the first line of stdin (never from a flag''s value)')
            [CompletionResult]::new('--tls', '--tls', [CompletionResultType]::ParameterName, 'Use https and wss')
            [CompletionResult]::new('--no-tls', '--no-tls', [CompletionResultType]::ParameterName, 'Use plain http and ws')
            [CompletionResult]::new('--trust-env-file', '--trust-env-file', [CompletionResultType]::ParameterName, 'Let the server and URLs the .env names receive credentials from elsewhere (the profile, the environment)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'rtctl;channels;users' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use [default: $RTCTL_PROFILE, then `default_profile`, then `local`]')
            [CompletionResult]::new('--app-id', '--app-id', [CompletionResultType]::ParameterName, 'App id')
            [CompletionResult]::new('--key', '--key', [CompletionResultType]::ParameterName, 'App key')
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'Pusher cluster, e.g. eu: api-eu.pusher.com and ws-eu.pusher.com with TLS')
            [CompletionResult]::new('--host', '--host', [CompletionResultType]::ParameterName, 'REST host of a self-hosted server (overrides --cluster)')
            [CompletionResult]::new('--port', '--port', [CompletionResultType]::ParameterName, 'REST port')
            [CompletionResult]::new('--ws-host', '--ws-host', [CompletionResultType]::ParameterName, 'WebSocket host, when it differs from the REST host')
            [CompletionResult]::new('--ws-port', '--ws-port', [CompletionResultType]::ParameterName, 'WebSocket port, when it differs from the REST port')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'PEM file of CA certificates to trust besides the system''s (a private CA)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Network timeout, e.g. 5s or 500ms [default: 10s]')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Also read PUSHER_* and RTCTL_* variables from a .env file (--env-file=PATH for another) [default: ./.env]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print the server''s JSON answer')
            [CompletionResult]::new('--secret-stdin', '--secret-stdin', [CompletionResultType]::ParameterName, 'Read the app secret from the first line of stdin (never from a flag''s value)')
            [CompletionResult]::new('--tls', '--tls', [CompletionResultType]::ParameterName, 'Use https and wss')
            [CompletionResult]::new('--no-tls', '--no-tls', [CompletionResultType]::ParameterName, 'Use plain http and ws')
            [CompletionResult]::new('--trust-env-file', '--trust-env-file', [CompletionResultType]::ParameterName, 'Let the server and URLs the .env names receive credentials from elsewhere (the profile, the environment)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'rtctl;channels;watch' {
            [CompletionResult]::new('--prefix', '--prefix', [CompletionResultType]::ParameterName, 'Only channels whose names start with this, e.g. presence-classroom-')
            [CompletionResult]::new('--interval', '--interval', [CompletionResultType]::ParameterName, 'How often to list the channels, at least 1s (longer when --members needs it)')
            [CompletionResult]::new('--duration', '--duration', [CompletionResultType]::ParameterName, 'Stop after DURATION, e.g. 10m, and exit 0')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use [default: $RTCTL_PROFILE, then `default_profile`, then `local`]')
            [CompletionResult]::new('--app-id', '--app-id', [CompletionResultType]::ParameterName, 'App id')
            [CompletionResult]::new('--key', '--key', [CompletionResultType]::ParameterName, 'App key')
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'Pusher cluster, e.g. eu: api-eu.pusher.com and ws-eu.pusher.com with TLS')
            [CompletionResult]::new('--host', '--host', [CompletionResultType]::ParameterName, 'REST host of a self-hosted server (overrides --cluster)')
            [CompletionResult]::new('--port', '--port', [CompletionResultType]::ParameterName, 'REST port')
            [CompletionResult]::new('--ws-host', '--ws-host', [CompletionResultType]::ParameterName, 'WebSocket host, when it differs from the REST host')
            [CompletionResult]::new('--ws-port', '--ws-port', [CompletionResultType]::ParameterName, 'WebSocket port, when it differs from the REST port')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'PEM file of CA certificates to trust besides the system''s (a private CA)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Network timeout, e.g. 5s or 500ms [default: 10s]')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Also read PUSHER_* and RTCTL_* variables from a .env file (--env-file=PATH for another) [default: ./.env]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output')
            [CompletionResult]::new('--members', '--members', [CompletionResultType]::ParameterName, 'Also ask for presence channels'' members, and show them joining and leaving')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Write JSON Lines: a snapshot, then one record per change')
            [CompletionResult]::new('--secret-stdin', '--secret-stdin', [CompletionResultType]::ParameterName, 'Read the app secret from the first line of stdin (never from a flag''s value)')
            [CompletionResult]::new('--tls', '--tls', [CompletionResultType]::ParameterName, 'Use https and wss')
            [CompletionResult]::new('--no-tls', '--no-tls', [CompletionResultType]::ParameterName, 'Use plain http and ws')
            [CompletionResult]::new('--trust-env-file', '--trust-env-file', [CompletionResultType]::ParameterName, 'Let the server and URLs the .env names receive credentials from elsewhere (the profile, the environment)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'rtctl;channels;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List occupied channels')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one channel''s state')
            [CompletionResult]::new('users', 'users', [CompletionResultType]::ParameterValue, 'List the members of a presence channel')
            [CompletionResult]::new('watch', 'watch', [CompletionResultType]::ParameterValue, 'Watch the occupied channels live: counts, and members joining and leaving')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'rtctl;channels;help;list' {
            break
        }
        'rtctl;channels;help;show' {
            break
        }
        'rtctl;channels;help;users' {
            break
        }
        'rtctl;channels;help;watch' {
            break
        }
        'rtctl;channels;help;help' {
            break
        }
        'rtctl;users' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use [default: $RTCTL_PROFILE, then `default_profile`, then `local`]')
            [CompletionResult]::new('--app-id', '--app-id', [CompletionResultType]::ParameterName, 'App id')
            [CompletionResult]::new('--key', '--key', [CompletionResultType]::ParameterName, 'App key')
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'Pusher cluster, e.g. eu: api-eu.pusher.com and ws-eu.pusher.com with TLS')
            [CompletionResult]::new('--host', '--host', [CompletionResultType]::ParameterName, 'REST host of a self-hosted server (overrides --cluster)')
            [CompletionResult]::new('--port', '--port', [CompletionResultType]::ParameterName, 'REST port')
            [CompletionResult]::new('--ws-host', '--ws-host', [CompletionResultType]::ParameterName, 'WebSocket host, when it differs from the REST host')
            [CompletionResult]::new('--ws-port', '--ws-port', [CompletionResultType]::ParameterName, 'WebSocket port, when it differs from the REST port')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'PEM file of CA certificates to trust besides the system''s (a private CA)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Network timeout, e.g. 5s or 500ms [default: 10s]')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Also read PUSHER_* and RTCTL_* variables from a .env file (--env-file=PATH for another) [default: ./.env]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output')
            [CompletionResult]::new('--secret-stdin', '--secret-stdin', [CompletionResultType]::ParameterName, 'Read the app secret from the first line of stdin (never from a flag''s value)')
            [CompletionResult]::new('--tls', '--tls', [CompletionResultType]::ParameterName, 'Use https and wss')
            [CompletionResult]::new('--no-tls', '--no-tls', [CompletionResultType]::ParameterName, 'Use plain http and ws')
            [CompletionResult]::new('--trust-env-file', '--trust-env-file', [CompletionResultType]::ParameterName, 'Let the server and URLs the .env names receive credentials from elsewhere (the profile, the environment)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('send', 'send', [CompletionResultType]::ParameterValue, 'Send an event to one signed-in user (the #server-to-user-ID channel)')
            [CompletionResult]::new('terminate', 'terminate', [CompletionResultType]::ParameterValue, 'Close every connection of a signed-in user')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'rtctl;users;send' {
            [CompletionResult]::new('--set', '--set', [CompletionResultType]::ParameterName, 'Set a field of the JSON data (dotted paths)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use [default: $RTCTL_PROFILE, then `default_profile`, then `local`]')
            [CompletionResult]::new('--app-id', '--app-id', [CompletionResultType]::ParameterName, 'App id')
            [CompletionResult]::new('--key', '--key', [CompletionResultType]::ParameterName, 'App key')
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'Pusher cluster, e.g. eu: api-eu.pusher.com and ws-eu.pusher.com with TLS')
            [CompletionResult]::new('--host', '--host', [CompletionResultType]::ParameterName, 'REST host of a self-hosted server (overrides --cluster)')
            [CompletionResult]::new('--port', '--port', [CompletionResultType]::ParameterName, 'REST port')
            [CompletionResult]::new('--ws-host', '--ws-host', [CompletionResultType]::ParameterName, 'WebSocket host, when it differs from the REST host')
            [CompletionResult]::new('--ws-port', '--ws-port', [CompletionResultType]::ParameterName, 'WebSocket port, when it differs from the REST port')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'PEM file of CA certificates to trust besides the system''s (a private CA)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Network timeout, e.g. 5s or 500ms [default: 10s]')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Also read PUSHER_* and RTCTL_* variables from a .env file (--env-file=PATH for another) [default: ./.env]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output')
            [CompletionResult]::new('--text', '--text', [CompletionResultType]::ParameterName, 'Send DATA as plain text, even if it looks like JSON')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print the result as JSON')
            [CompletionResult]::new('--secret-stdin', '--secret-stdin', [CompletionResultType]::ParameterName, 'Read the app secret from the first line of stdin (never from a flag''s value)')
            [CompletionResult]::new('--tls', '--tls', [CompletionResultType]::ParameterName, 'Use https and wss')
            [CompletionResult]::new('--no-tls', '--no-tls', [CompletionResultType]::ParameterName, 'Use plain http and ws')
            [CompletionResult]::new('--trust-env-file', '--trust-env-file', [CompletionResultType]::ParameterName, 'Let the server and URLs the .env names receive credentials from elsewhere (the profile, the environment)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'rtctl;users;terminate' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use [default: $RTCTL_PROFILE, then `default_profile`, then `local`]')
            [CompletionResult]::new('--app-id', '--app-id', [CompletionResultType]::ParameterName, 'App id')
            [CompletionResult]::new('--key', '--key', [CompletionResultType]::ParameterName, 'App key')
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'Pusher cluster, e.g. eu: api-eu.pusher.com and ws-eu.pusher.com with TLS')
            [CompletionResult]::new('--host', '--host', [CompletionResultType]::ParameterName, 'REST host of a self-hosted server (overrides --cluster)')
            [CompletionResult]::new('--port', '--port', [CompletionResultType]::ParameterName, 'REST port')
            [CompletionResult]::new('--ws-host', '--ws-host', [CompletionResultType]::ParameterName, 'WebSocket host, when it differs from the REST host')
            [CompletionResult]::new('--ws-port', '--ws-port', [CompletionResultType]::ParameterName, 'WebSocket port, when it differs from the REST port')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'PEM file of CA certificates to trust besides the system''s (a private CA)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Network timeout, e.g. 5s or 500ms [default: 10s]')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Also read PUSHER_* and RTCTL_* variables from a .env file (--env-file=PATH for another) [default: ./.env]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print the result as JSON')
            [CompletionResult]::new('--secret-stdin', '--secret-stdin', [CompletionResultType]::ParameterName, 'Read the app secret from the first line of stdin (never from a flag''s value)')
            [CompletionResult]::new('--tls', '--tls', [CompletionResultType]::ParameterName, 'Use https and wss')
            [CompletionResult]::new('--no-tls', '--no-tls', [CompletionResultType]::ParameterName, 'Use plain http and ws')
            [CompletionResult]::new('--trust-env-file', '--trust-env-file', [CompletionResultType]::ParameterName, 'Let the server and URLs the .env names receive credentials from elsewhere (the profile, the environment)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'rtctl;users;help' {
            [CompletionResult]::new('send', 'send', [CompletionResultType]::ParameterValue, 'Send an event to one signed-in user (the #server-to-user-ID channel)')
            [CompletionResult]::new('terminate', 'terminate', [CompletionResultType]::ParameterValue, 'Close every connection of a signed-in user')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'rtctl;users;help;send' {
            break
        }
        'rtctl;users;help;terminate' {
            break
        }
        'rtctl;users;help;help' {
            break
        }
        'rtctl;catalog' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use [default: $RTCTL_PROFILE, then `default_profile`, then `local`]')
            [CompletionResult]::new('--app-id', '--app-id', [CompletionResultType]::ParameterName, 'App id')
            [CompletionResult]::new('--key', '--key', [CompletionResultType]::ParameterName, 'App key')
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'Pusher cluster, e.g. eu: api-eu.pusher.com and ws-eu.pusher.com with TLS')
            [CompletionResult]::new('--host', '--host', [CompletionResultType]::ParameterName, 'REST host of a self-hosted server (overrides --cluster)')
            [CompletionResult]::new('--port', '--port', [CompletionResultType]::ParameterName, 'REST port')
            [CompletionResult]::new('--ws-host', '--ws-host', [CompletionResultType]::ParameterName, 'WebSocket host, when it differs from the REST host')
            [CompletionResult]::new('--ws-port', '--ws-port', [CompletionResultType]::ParameterName, 'WebSocket port, when it differs from the REST port')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'PEM file of CA certificates to trust besides the system''s (a private CA)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Network timeout, e.g. 5s or 500ms [default: 10s]')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Also read PUSHER_* and RTCTL_* variables from a .env file (--env-file=PATH for another) [default: ./.env]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output')
            [CompletionResult]::new('--secret-stdin', '--secret-stdin', [CompletionResultType]::ParameterName, 'Read the app secret from the first line of stdin (never from a flag''s value)')
            [CompletionResult]::new('--tls', '--tls', [CompletionResultType]::ParameterName, 'Use https and wss')
            [CompletionResult]::new('--no-tls', '--no-tls', [CompletionResultType]::ParameterName, 'Use plain http and ws')
            [CompletionResult]::new('--trust-env-file', '--trust-env-file', [CompletionResultType]::ParameterName, 'Let the server and URLs the .env names receive credentials from elsewhere (the profile, the environment)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the catalogue''s channels and their events')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show a channel''s events, or one event''s rules and example payload')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'rtctl;catalog;list' {
            [CompletionResult]::new('--catalog', '--catalog', [CompletionResultType]::ParameterName, 'Event catalogue (TOML) [default: profile''s `catalog`, else built-in]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use [default: $RTCTL_PROFILE, then `default_profile`, then `local`]')
            [CompletionResult]::new('--app-id', '--app-id', [CompletionResultType]::ParameterName, 'App id')
            [CompletionResult]::new('--key', '--key', [CompletionResultType]::ParameterName, 'App key')
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'Pusher cluster, e.g. eu: api-eu.pusher.com and ws-eu.pusher.com with TLS')
            [CompletionResult]::new('--host', '--host', [CompletionResultType]::ParameterName, 'REST host of a self-hosted server (overrides --cluster)')
            [CompletionResult]::new('--port', '--port', [CompletionResultType]::ParameterName, 'REST port')
            [CompletionResult]::new('--ws-host', '--ws-host', [CompletionResultType]::ParameterName, 'WebSocket host, when it differs from the REST host')
            [CompletionResult]::new('--ws-port', '--ws-port', [CompletionResultType]::ParameterName, 'WebSocket port, when it differs from the REST port')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'PEM file of CA certificates to trust besides the system''s (a private CA)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Network timeout, e.g. 5s or 500ms [default: 10s]')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Also read PUSHER_* and RTCTL_* variables from a .env file (--env-file=PATH for another) [default: ./.env]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print as JSON')
            [CompletionResult]::new('--secret-stdin', '--secret-stdin', [CompletionResultType]::ParameterName, 'Read the app secret from the first line of stdin (never from a flag''s value)')
            [CompletionResult]::new('--tls', '--tls', [CompletionResultType]::ParameterName, 'Use https and wss')
            [CompletionResult]::new('--no-tls', '--no-tls', [CompletionResultType]::ParameterName, 'Use plain http and ws')
            [CompletionResult]::new('--trust-env-file', '--trust-env-file', [CompletionResultType]::ParameterName, 'Let the server and URLs the .env names receive credentials from elsewhere (the profile, the environment)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'rtctl;catalog;show' {
            [CompletionResult]::new('--catalog', '--catalog', [CompletionResultType]::ParameterName, 'Event catalogue (TOML) [default: profile''s `catalog`, else built-in]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use [default: $RTCTL_PROFILE, then `default_profile`, then `local`]')
            [CompletionResult]::new('--app-id', '--app-id', [CompletionResultType]::ParameterName, 'App id')
            [CompletionResult]::new('--key', '--key', [CompletionResultType]::ParameterName, 'App key')
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'Pusher cluster, e.g. eu: api-eu.pusher.com and ws-eu.pusher.com with TLS')
            [CompletionResult]::new('--host', '--host', [CompletionResultType]::ParameterName, 'REST host of a self-hosted server (overrides --cluster)')
            [CompletionResult]::new('--port', '--port', [CompletionResultType]::ParameterName, 'REST port')
            [CompletionResult]::new('--ws-host', '--ws-host', [CompletionResultType]::ParameterName, 'WebSocket host, when it differs from the REST host')
            [CompletionResult]::new('--ws-port', '--ws-port', [CompletionResultType]::ParameterName, 'WebSocket port, when it differs from the REST port')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'PEM file of CA certificates to trust besides the system''s (a private CA)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Network timeout, e.g. 5s or 500ms [default: 10s]')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Also read PUSHER_* and RTCTL_* variables from a .env file (--env-file=PATH for another) [default: ./.env]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print as JSON')
            [CompletionResult]::new('--secret-stdin', '--secret-stdin', [CompletionResultType]::ParameterName, 'Read the app secret from the first line of stdin (never from a flag''s value)')
            [CompletionResult]::new('--tls', '--tls', [CompletionResultType]::ParameterName, 'Use https and wss')
            [CompletionResult]::new('--no-tls', '--no-tls', [CompletionResultType]::ParameterName, 'Use plain http and ws')
            [CompletionResult]::new('--trust-env-file', '--trust-env-file', [CompletionResultType]::ParameterName, 'Let the server and URLs the .env names receive credentials from elsewhere (the profile, the environment)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'rtctl;catalog;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the catalogue''s channels and their events')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show a channel''s events, or one event''s rules and example payload')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'rtctl;catalog;help;list' {
            break
        }
        'rtctl;catalog;help;show' {
            break
        }
        'rtctl;catalog;help;help' {
            break
        }
        'rtctl;auth' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use [default: $RTCTL_PROFILE, then `default_profile`, then `local`]')
            [CompletionResult]::new('--app-id', '--app-id', [CompletionResultType]::ParameterName, 'App id')
            [CompletionResult]::new('--key', '--key', [CompletionResultType]::ParameterName, 'App key')
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'Pusher cluster, e.g. eu: api-eu.pusher.com and ws-eu.pusher.com with TLS')
            [CompletionResult]::new('--host', '--host', [CompletionResultType]::ParameterName, 'REST host of a self-hosted server (overrides --cluster)')
            [CompletionResult]::new('--port', '--port', [CompletionResultType]::ParameterName, 'REST port')
            [CompletionResult]::new('--ws-host', '--ws-host', [CompletionResultType]::ParameterName, 'WebSocket host, when it differs from the REST host')
            [CompletionResult]::new('--ws-port', '--ws-port', [CompletionResultType]::ParameterName, 'WebSocket port, when it differs from the REST port')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'PEM file of CA certificates to trust besides the system''s (a private CA)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Network timeout, e.g. 5s or 500ms [default: 10s]')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Also read PUSHER_* and RTCTL_* variables from a .env file (--env-file=PATH for another) [default: ./.env]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output')
            [CompletionResult]::new('--secret-stdin', '--secret-stdin', [CompletionResultType]::ParameterName, 'Read the app secret from the first line of stdin (never from a flag''s value)')
            [CompletionResult]::new('--tls', '--tls', [CompletionResultType]::ParameterName, 'Use https and wss')
            [CompletionResult]::new('--no-tls', '--no-tls', [CompletionResultType]::ParameterName, 'Use plain http and ws')
            [CompletionResult]::new('--trust-env-file', '--trust-env-file', [CompletionResultType]::ParameterName, 'Let the server and URLs the .env names receive credentials from elsewhere (the profile, the environment)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('sign', 'sign', [CompletionResultType]::ParameterValue, 'Sign a channel subscription; prints exactly what an auth endpoint returns')
            [CompletionResult]::new('user', 'user', [CompletionResultType]::ParameterValue, 'Sign a user sign-in (pusher:signin); prints what a user-auth endpoint returns')
            [CompletionResult]::new('verify', 'verify', [CompletionResultType]::ParameterValue, 'Check a `key:signature` auth value and show what should have been signed')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'rtctl;auth;sign' {
            [CompletionResult]::new('--socket-id', '--socket-id', [CompletionResultType]::ParameterName, 'The connection''s socket id, from its pusher:connection_established event')
            [CompletionResult]::new('--user-id', '--user-id', [CompletionResultType]::ParameterName, 'Presence member id (builds channel data {"user_id":ID,"user_info":INFO})')
            [CompletionResult]::new('--user-info', '--user-info', [CompletionResultType]::ParameterName, 'Presence member info, a JSON object (with --user-id)')
            [CompletionResult]::new('--channel-data', '--channel-data', [CompletionResultType]::ParameterName, 'Channel data exactly as signed, a JSON string with a `user_id` for presence channels')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use [default: $RTCTL_PROFILE, then `default_profile`, then `local`]')
            [CompletionResult]::new('--app-id', '--app-id', [CompletionResultType]::ParameterName, 'App id')
            [CompletionResult]::new('--key', '--key', [CompletionResultType]::ParameterName, 'App key')
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'Pusher cluster, e.g. eu: api-eu.pusher.com and ws-eu.pusher.com with TLS')
            [CompletionResult]::new('--host', '--host', [CompletionResultType]::ParameterName, 'REST host of a self-hosted server (overrides --cluster)')
            [CompletionResult]::new('--port', '--port', [CompletionResultType]::ParameterName, 'REST port')
            [CompletionResult]::new('--ws-host', '--ws-host', [CompletionResultType]::ParameterName, 'WebSocket host, when it differs from the REST host')
            [CompletionResult]::new('--ws-port', '--ws-port', [CompletionResultType]::ParameterName, 'WebSocket port, when it differs from the REST port')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'PEM file of CA certificates to trust besides the system''s (a private CA)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Network timeout, e.g. 5s or 500ms [default: 10s]')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Also read PUSHER_* and RTCTL_* variables from a .env file (--env-file=PATH for another) [default: ./.env]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output')
            [CompletionResult]::new('--secret-stdin', '--secret-stdin', [CompletionResultType]::ParameterName, 'Read the app secret from the first line of stdin (never from a flag''s value)')
            [CompletionResult]::new('--tls', '--tls', [CompletionResultType]::ParameterName, 'Use https and wss')
            [CompletionResult]::new('--no-tls', '--no-tls', [CompletionResultType]::ParameterName, 'Use plain http and ws')
            [CompletionResult]::new('--trust-env-file', '--trust-env-file', [CompletionResultType]::ParameterName, 'Let the server and URLs the .env names receive credentials from elsewhere (the profile, the environment)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'rtctl;auth;user' {
            [CompletionResult]::new('--socket-id', '--socket-id', [CompletionResultType]::ParameterName, 'The connection''s socket id')
            [CompletionResult]::new('--user-data', '--user-data', [CompletionResultType]::ParameterName, 'User data exactly as signed: a JSON object with a non-empty string `id`')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use [default: $RTCTL_PROFILE, then `default_profile`, then `local`]')
            [CompletionResult]::new('--app-id', '--app-id', [CompletionResultType]::ParameterName, 'App id')
            [CompletionResult]::new('--key', '--key', [CompletionResultType]::ParameterName, 'App key')
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'Pusher cluster, e.g. eu: api-eu.pusher.com and ws-eu.pusher.com with TLS')
            [CompletionResult]::new('--host', '--host', [CompletionResultType]::ParameterName, 'REST host of a self-hosted server (overrides --cluster)')
            [CompletionResult]::new('--port', '--port', [CompletionResultType]::ParameterName, 'REST port')
            [CompletionResult]::new('--ws-host', '--ws-host', [CompletionResultType]::ParameterName, 'WebSocket host, when it differs from the REST host')
            [CompletionResult]::new('--ws-port', '--ws-port', [CompletionResultType]::ParameterName, 'WebSocket port, when it differs from the REST port')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'PEM file of CA certificates to trust besides the system''s (a private CA)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Network timeout, e.g. 5s or 500ms [default: 10s]')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Also read PUSHER_* and RTCTL_* variables from a .env file (--env-file=PATH for another) [default: ./.env]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output')
            [CompletionResult]::new('--secret-stdin', '--secret-stdin', [CompletionResultType]::ParameterName, 'Read the app secret from the first line of stdin (never from a flag''s value)')
            [CompletionResult]::new('--tls', '--tls', [CompletionResultType]::ParameterName, 'Use https and wss')
            [CompletionResult]::new('--no-tls', '--no-tls', [CompletionResultType]::ParameterName, 'Use plain http and ws')
            [CompletionResult]::new('--trust-env-file', '--trust-env-file', [CompletionResultType]::ParameterName, 'Let the server and URLs the .env names receive credentials from elsewhere (the profile, the environment)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'rtctl;auth;verify' {
            [CompletionResult]::new('--socket-id', '--socket-id', [CompletionResultType]::ParameterName, 'The connection''s socket id')
            [CompletionResult]::new('--auth', '--auth', [CompletionResultType]::ParameterName, 'The auth value to check, `key:signature`')
            [CompletionResult]::new('--user-id', '--user-id', [CompletionResultType]::ParameterName, 'Presence member id (builds channel data {"user_id":ID,"user_info":INFO})')
            [CompletionResult]::new('--user-info', '--user-info', [CompletionResultType]::ParameterName, 'Presence member info, a JSON object (with --user-id)')
            [CompletionResult]::new('--channel-data', '--channel-data', [CompletionResultType]::ParameterName, 'Channel data exactly as signed, a JSON string with a `user_id` for presence channels')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use [default: $RTCTL_PROFILE, then `default_profile`, then `local`]')
            [CompletionResult]::new('--app-id', '--app-id', [CompletionResultType]::ParameterName, 'App id')
            [CompletionResult]::new('--key', '--key', [CompletionResultType]::ParameterName, 'App key')
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'Pusher cluster, e.g. eu: api-eu.pusher.com and ws-eu.pusher.com with TLS')
            [CompletionResult]::new('--host', '--host', [CompletionResultType]::ParameterName, 'REST host of a self-hosted server (overrides --cluster)')
            [CompletionResult]::new('--port', '--port', [CompletionResultType]::ParameterName, 'REST port')
            [CompletionResult]::new('--ws-host', '--ws-host', [CompletionResultType]::ParameterName, 'WebSocket host, when it differs from the REST host')
            [CompletionResult]::new('--ws-port', '--ws-port', [CompletionResultType]::ParameterName, 'WebSocket port, when it differs from the REST port')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'PEM file of CA certificates to trust besides the system''s (a private CA)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Network timeout, e.g. 5s or 500ms [default: 10s]')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Also read PUSHER_* and RTCTL_* variables from a .env file (--env-file=PATH for another) [default: ./.env]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print the verdict as JSON')
            [CompletionResult]::new('--secret-stdin', '--secret-stdin', [CompletionResultType]::ParameterName, 'Read the app secret from the first line of stdin (never from a flag''s value)')
            [CompletionResult]::new('--tls', '--tls', [CompletionResultType]::ParameterName, 'Use https and wss')
            [CompletionResult]::new('--no-tls', '--no-tls', [CompletionResultType]::ParameterName, 'Use plain http and ws')
            [CompletionResult]::new('--trust-env-file', '--trust-env-file', [CompletionResultType]::ParameterName, 'Let the server and URLs the .env names receive credentials from elsewhere (the profile, the environment)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'rtctl;auth;help' {
            [CompletionResult]::new('sign', 'sign', [CompletionResultType]::ParameterValue, 'Sign a channel subscription; prints exactly what an auth endpoint returns')
            [CompletionResult]::new('user', 'user', [CompletionResultType]::ParameterValue, 'Sign a user sign-in (pusher:signin); prints what a user-auth endpoint returns')
            [CompletionResult]::new('verify', 'verify', [CompletionResultType]::ParameterValue, 'Check a `key:signature` auth value and show what should have been signed')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'rtctl;auth;help;sign' {
            break
        }
        'rtctl;auth;help;user' {
            break
        }
        'rtctl;auth;help;verify' {
            break
        }
        'rtctl;auth;help;help' {
            break
        }
        'rtctl;webhook' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use [default: $RTCTL_PROFILE, then `default_profile`, then `local`]')
            [CompletionResult]::new('--app-id', '--app-id', [CompletionResultType]::ParameterName, 'App id')
            [CompletionResult]::new('--key', '--key', [CompletionResultType]::ParameterName, 'App key')
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'Pusher cluster, e.g. eu: api-eu.pusher.com and ws-eu.pusher.com with TLS')
            [CompletionResult]::new('--host', '--host', [CompletionResultType]::ParameterName, 'REST host of a self-hosted server (overrides --cluster)')
            [CompletionResult]::new('--port', '--port', [CompletionResultType]::ParameterName, 'REST port')
            [CompletionResult]::new('--ws-host', '--ws-host', [CompletionResultType]::ParameterName, 'WebSocket host, when it differs from the REST host')
            [CompletionResult]::new('--ws-port', '--ws-port', [CompletionResultType]::ParameterName, 'WebSocket port, when it differs from the REST port')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'PEM file of CA certificates to trust besides the system''s (a private CA)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Network timeout, e.g. 5s or 500ms [default: 10s]')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Also read PUSHER_* and RTCTL_* variables from a .env file (--env-file=PATH for another) [default: ./.env]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output')
            [CompletionResult]::new('--secret-stdin', '--secret-stdin', [CompletionResultType]::ParameterName, 'Read the app secret from the first line of stdin (never from a flag''s value)')
            [CompletionResult]::new('--tls', '--tls', [CompletionResultType]::ParameterName, 'Use https and wss')
            [CompletionResult]::new('--no-tls', '--no-tls', [CompletionResultType]::ParameterName, 'Use plain http and ws')
            [CompletionResult]::new('--trust-env-file', '--trust-env-file', [CompletionResultType]::ParameterName, 'Let the server and URLs the .env names receive credentials from elsewhere (the profile, the environment)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('fixture', 'fixture', [CompletionResultType]::ParameterValue, 'Print a webhook body of one event type, for the platform''s channels by default')
            [CompletionResult]::new('replay', 'replay', [CompletionResultType]::ParameterValue, 'Sign fixtures with the app''s secret and post them to the app''s webhook endpoint')
            [CompletionResult]::new('verify', 'verify', [CompletionResultType]::ParameterValue, 'Say whether a captured webhook is authentic, and which part is wrong if not')
            [CompletionResult]::new('listen', 'listen', [CompletionResultType]::ParameterValue, 'Receive webhooks from a server, verify and print them; forward or save them')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'rtctl;webhook;fixture' {
            [CompletionResult]::new('--channel', '--channel', [CompletionResultType]::ParameterName, 'Channel [default: presence-classroom-101; private-class-101 for client_event; dashboard-updates for subscription_count; cache-dashboard-updates for cache_miss]')
            [CompletionResult]::new('--user-id', '--user-id', [CompletionResultType]::ParameterName, 'Presence member''s user id (member_added, member_removed, client_event on presence) [default: 12345]')
            [CompletionResult]::new('--event', '--event', [CompletionResultType]::ParameterName, 'Client event name, client-… (client_event) [default: client-activity_update]')
            [CompletionResult]::new('--data', '--data', [CompletionResultType]::ParameterName, 'Client event data: JSON or text, @FILE, or - for stdin (client_event)')
            [CompletionResult]::new('--socket-id', '--socket-id', [CompletionResultType]::ParameterName, 'The sending connection''s socket id (client_event) [default: 123456.789012]')
            [CompletionResult]::new('--count', '--count', [CompletionResultType]::ParameterName, 'The subscription count (subscription_count) [default: 1]')
            [CompletionResult]::new('--time-ms', '--time-ms', [CompletionResultType]::ParameterName, 'The webhook''s time_ms, milliseconds since the Unix epoch [default: now]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use [default: $RTCTL_PROFILE, then `default_profile`, then `local`]')
            [CompletionResult]::new('--app-id', '--app-id', [CompletionResultType]::ParameterName, 'App id')
            [CompletionResult]::new('--key', '--key', [CompletionResultType]::ParameterName, 'App key')
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'Pusher cluster, e.g. eu: api-eu.pusher.com and ws-eu.pusher.com with TLS')
            [CompletionResult]::new('--host', '--host', [CompletionResultType]::ParameterName, 'REST host of a self-hosted server (overrides --cluster)')
            [CompletionResult]::new('--port', '--port', [CompletionResultType]::ParameterName, 'REST port')
            [CompletionResult]::new('--ws-host', '--ws-host', [CompletionResultType]::ParameterName, 'WebSocket host, when it differs from the REST host')
            [CompletionResult]::new('--ws-port', '--ws-port', [CompletionResultType]::ParameterName, 'WebSocket port, when it differs from the REST port')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'PEM file of CA certificates to trust besides the system''s (a private CA)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Network timeout, e.g. 5s or 500ms [default: 10s]')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Also read PUSHER_* and RTCTL_* variables from a .env file (--env-file=PATH for another) [default: ./.env]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output')
            [CompletionResult]::new('--secret-stdin', '--secret-stdin', [CompletionResultType]::ParameterName, 'Read the app secret from the first line of stdin (never from a flag''s value)')
            [CompletionResult]::new('--tls', '--tls', [CompletionResultType]::ParameterName, 'Use https and wss')
            [CompletionResult]::new('--no-tls', '--no-tls', [CompletionResultType]::ParameterName, 'Use plain http and ws')
            [CompletionResult]::new('--trust-env-file', '--trust-env-file', [CompletionResultType]::ParameterName, 'Let the server and URLs the .env names receive credentials from elsewhere (the profile, the environment)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'rtctl;webhook;replay' {
            [CompletionResult]::new('--to', '--to', [CompletionResultType]::ParameterName, 'The webhook endpoint [default: the profile''s webhook_url]')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'Requests in flight at once (1 keeps the fixtures'' order)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use [default: $RTCTL_PROFILE, then `default_profile`, then `local`]')
            [CompletionResult]::new('--app-id', '--app-id', [CompletionResultType]::ParameterName, 'App id')
            [CompletionResult]::new('--key', '--key', [CompletionResultType]::ParameterName, 'App key')
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'Pusher cluster, e.g. eu: api-eu.pusher.com and ws-eu.pusher.com with TLS')
            [CompletionResult]::new('--host', '--host', [CompletionResultType]::ParameterName, 'REST host of a self-hosted server (overrides --cluster)')
            [CompletionResult]::new('--port', '--port', [CompletionResultType]::ParameterName, 'REST port')
            [CompletionResult]::new('--ws-host', '--ws-host', [CompletionResultType]::ParameterName, 'WebSocket host, when it differs from the REST host')
            [CompletionResult]::new('--ws-port', '--ws-port', [CompletionResultType]::ParameterName, 'WebSocket port, when it differs from the REST port')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'PEM file of CA certificates to trust besides the system''s (a private CA)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Network timeout, e.g. 5s or 500ms [default: 10s]')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Also read PUSHER_* and RTCTL_* variables from a .env file (--env-file=PATH for another) [default: ./.env]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output')
            [CompletionResult]::new('--now', '--now', [CompletionResultType]::ParameterName, 'Set each body''s time_ms to now (the body is then written compactly)')
            [CompletionResult]::new('--tamper', '--tamper', [CompletionResultType]::ParameterName, 'Sign each body wrongly: passes only if the endpoint refuses every one with a 4xx')
            [CompletionResult]::new('--no-validate', '--no-validate', [CompletionResultType]::ParameterName, 'Send bodies that are not valid webhooks too, to see how the endpoint copes')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the signed requests instead of sending them')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'One JSON line per fixture, then a summary line')
            [CompletionResult]::new('--secret-stdin', '--secret-stdin', [CompletionResultType]::ParameterName, 'Read the app secret from the first line of stdin (never from a flag''s value)')
            [CompletionResult]::new('--tls', '--tls', [CompletionResultType]::ParameterName, 'Use https and wss')
            [CompletionResult]::new('--no-tls', '--no-tls', [CompletionResultType]::ParameterName, 'Use plain http and ws')
            [CompletionResult]::new('--trust-env-file', '--trust-env-file', [CompletionResultType]::ParameterName, 'Let the server and URLs the .env names receive credentials from elsewhere (the profile, the environment)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'rtctl;webhook;verify' {
            [CompletionResult]::new('--signature', '--signature', [CompletionResultType]::ParameterName, 'The X-Pusher-Signature it came with [default: from --headers]')
            [CompletionResult]::new('--pusher-key', '--pusher-key', [CompletionResultType]::ParameterName, 'The X-Pusher-Key it came with, checked against the profile''s key [default: from --headers]')
            [CompletionResult]::new('--headers', '--headers', [CompletionResultType]::ParameterName, 'A captured request: optional request line, headers, a blank line, then the body')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use [default: $RTCTL_PROFILE, then `default_profile`, then `local`]')
            [CompletionResult]::new('--app-id', '--app-id', [CompletionResultType]::ParameterName, 'App id')
            [CompletionResult]::new('--key', '--key', [CompletionResultType]::ParameterName, 'App key')
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'Pusher cluster, e.g. eu: api-eu.pusher.com and ws-eu.pusher.com with TLS')
            [CompletionResult]::new('--host', '--host', [CompletionResultType]::ParameterName, 'REST host of a self-hosted server (overrides --cluster)')
            [CompletionResult]::new('--port', '--port', [CompletionResultType]::ParameterName, 'REST port')
            [CompletionResult]::new('--ws-host', '--ws-host', [CompletionResultType]::ParameterName, 'WebSocket host, when it differs from the REST host')
            [CompletionResult]::new('--ws-port', '--ws-port', [CompletionResultType]::ParameterName, 'WebSocket port, when it differs from the REST port')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'PEM file of CA certificates to trust besides the system''s (a private CA)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Network timeout, e.g. 5s or 500ms [default: 10s]')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Also read PUSHER_* and RTCTL_* variables from a .env file (--env-file=PATH for another) [default: ./.env]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print the verdict as JSON')
            [CompletionResult]::new('--secret-stdin', '--secret-stdin', [CompletionResultType]::ParameterName, 'Read the app secret from the first line of stdin (never from a flag''s value)')
            [CompletionResult]::new('--tls', '--tls', [CompletionResultType]::ParameterName, 'Use https and wss')
            [CompletionResult]::new('--no-tls', '--no-tls', [CompletionResultType]::ParameterName, 'Use plain http and ws')
            [CompletionResult]::new('--trust-env-file', '--trust-env-file', [CompletionResultType]::ParameterName, 'Let the server and URLs the .env names receive credentials from elsewhere (the profile, the environment)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'rtctl;webhook;listen' {
            [CompletionResult]::new('--bind', '--bind', [CompletionResultType]::ParameterName, 'Address to listen on: PORT (on 127.0.0.1) or HOST:PORT [default: 127.0.0.1:8090]')
            [CompletionResult]::new('--forward', '--forward', [CompletionResultType]::ParameterName, 'Also post each request, as received, to this URL (the app''s webhook endpoint)')
            [CompletionResult]::new('--save', '--save', [CompletionResultType]::ParameterName, 'Save each authentic webhook body in this folder, as fixtures for `webhook replay`')
            [CompletionResult]::new('--count', '--count', [CompletionResultType]::ParameterName, 'Stop after this many events from authentic webhooks')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use [default: $RTCTL_PROFILE, then `default_profile`, then `local`]')
            [CompletionResult]::new('--app-id', '--app-id', [CompletionResultType]::ParameterName, 'App id')
            [CompletionResult]::new('--key', '--key', [CompletionResultType]::ParameterName, 'App key')
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'Pusher cluster, e.g. eu: api-eu.pusher.com and ws-eu.pusher.com with TLS')
            [CompletionResult]::new('--host', '--host', [CompletionResultType]::ParameterName, 'REST host of a self-hosted server (overrides --cluster)')
            [CompletionResult]::new('--port', '--port', [CompletionResultType]::ParameterName, 'REST port')
            [CompletionResult]::new('--ws-host', '--ws-host', [CompletionResultType]::ParameterName, 'WebSocket host, when it differs from the REST host')
            [CompletionResult]::new('--ws-port', '--ws-port', [CompletionResultType]::ParameterName, 'WebSocket port, when it differs from the REST port')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'PEM file of CA certificates to trust besides the system''s (a private CA)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Network timeout, e.g. 5s or 500ms [default: 10s]')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Also read PUSHER_* and RTCTL_* variables from a .env file (--env-file=PATH for another) [default: ./.env]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'One JSON line per event')
            [CompletionResult]::new('--secret-stdin', '--secret-stdin', [CompletionResultType]::ParameterName, 'Read the app secret from the first line of stdin (never from a flag''s value)')
            [CompletionResult]::new('--tls', '--tls', [CompletionResultType]::ParameterName, 'Use https and wss')
            [CompletionResult]::new('--no-tls', '--no-tls', [CompletionResultType]::ParameterName, 'Use plain http and ws')
            [CompletionResult]::new('--trust-env-file', '--trust-env-file', [CompletionResultType]::ParameterName, 'Let the server and URLs the .env names receive credentials from elsewhere (the profile, the environment)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'rtctl;webhook;help' {
            [CompletionResult]::new('fixture', 'fixture', [CompletionResultType]::ParameterValue, 'Print a webhook body of one event type, for the platform''s channels by default')
            [CompletionResult]::new('replay', 'replay', [CompletionResultType]::ParameterValue, 'Sign fixtures with the app''s secret and post them to the app''s webhook endpoint')
            [CompletionResult]::new('verify', 'verify', [CompletionResultType]::ParameterValue, 'Say whether a captured webhook is authentic, and which part is wrong if not')
            [CompletionResult]::new('listen', 'listen', [CompletionResultType]::ParameterValue, 'Receive webhooks from a server, verify and print them; forward or save them')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'rtctl;webhook;help;fixture' {
            break
        }
        'rtctl;webhook;help;replay' {
            break
        }
        'rtctl;webhook;help;verify' {
            break
        }
        'rtctl;webhook;help;listen' {
            break
        }
        'rtctl;webhook;help;help' {
            break
        }
        'rtctl;doctor' {
            [CompletionResult]::new('--only', '--only', [CompletionResultType]::ParameterName, 'Run only these checks or groups (repeatable, or comma-separated)')
            [CompletionResult]::new('--skip', '--skip', [CompletionResultType]::ParameterName, 'Leave out these checks or groups (repeatable, or comma-separated)')
            [CompletionResult]::new('--compare-env', '--compare-env', [CompletionResultType]::ParameterName, 'An app .env to compare with the profile and the other files (repeatable)')
            [CompletionResult]::new('--origin', '--origin', [CompletionResultType]::ParameterName, 'The frontend''s address, whose origin the auth endpoint''s CORS must allow (app.cors)')
            [CompletionResult]::new('--junit', '--junit', [CompletionResultType]::ParameterName, 'Also write a JUnit XML report to FILE, a test case a check')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use [default: $RTCTL_PROFILE, then `default_profile`, then `local`]')
            [CompletionResult]::new('--app-id', '--app-id', [CompletionResultType]::ParameterName, 'App id')
            [CompletionResult]::new('--key', '--key', [CompletionResultType]::ParameterName, 'App key')
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'Pusher cluster, e.g. eu: api-eu.pusher.com and ws-eu.pusher.com with TLS')
            [CompletionResult]::new('--host', '--host', [CompletionResultType]::ParameterName, 'REST host of a self-hosted server (overrides --cluster)')
            [CompletionResult]::new('--port', '--port', [CompletionResultType]::ParameterName, 'REST port')
            [CompletionResult]::new('--ws-host', '--ws-host', [CompletionResultType]::ParameterName, 'WebSocket host, when it differs from the REST host')
            [CompletionResult]::new('--ws-port', '--ws-port', [CompletionResultType]::ParameterName, 'WebSocket port, when it differs from the REST port')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'PEM file of CA certificates to trust besides the system''s (a private CA)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Network timeout, e.g. 5s or 500ms [default: 10s]')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Also read PUSHER_* and RTCTL_* variables from a .env file (--env-file=PATH for another) [default: ./.env]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output')
            [CompletionResult]::new('--list-checks', '--list-checks', [CompletionResultType]::ParameterName, 'List the checks, with their ids and groups, and exit')
            [CompletionResult]::new('--offline', '--offline', [CompletionResultType]::ParameterName, 'Run only the checks that need no network')
            [CompletionResult]::new('--strict', '--strict', [CompletionResultType]::ParameterName, 'Count warnings as failures')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document instead of the checklist')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show each check''s details (values, URLs) and timing')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show each check''s details (values, URLs) and timing')
            [CompletionResult]::new('--secret-stdin', '--secret-stdin', [CompletionResultType]::ParameterName, 'Read the app secret from the first line of stdin (never from a flag''s value)')
            [CompletionResult]::new('--tls', '--tls', [CompletionResultType]::ParameterName, 'Use https and wss')
            [CompletionResult]::new('--no-tls', '--no-tls', [CompletionResultType]::ParameterName, 'Use plain http and ws')
            [CompletionResult]::new('--trust-env-file', '--trust-env-file', [CompletionResultType]::ParameterName, 'Let the server and URLs the .env names receive credentials from elsewhere (the profile, the environment)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'rtctl;probe' {
            [CompletionResult]::new('--kind', '--kind', [CompletionResultType]::ParameterName, 'The kind of channel the probe makes up when no CHANNEL is given')
            [CompletionResult]::new('--count', '--count', [CompletionResultType]::ParameterName, 'Events to send, from 1 to 100000')
            [CompletionResult]::new('--interval', '--interval', [CompletionResultType]::ParameterName, 'Time between sends, e.g. 100ms or 1s')
            [CompletionResult]::new('--via', '--via', [CompletionResultType]::ParameterName, 'Publish through Pusher''s REST API, or the app''s backend (what users'' own events go through)')
            [CompletionResult]::new('--slo', '--slo', [CompletionResultType]::ParameterName, 'Objectives, e.g. p99=250ms,loss=0 (loss: sent and never received, failed publishes included): a breach exits 5')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use [default: $RTCTL_PROFILE, then `default_profile`, then `local`]')
            [CompletionResult]::new('--app-id', '--app-id', [CompletionResultType]::ParameterName, 'App id')
            [CompletionResult]::new('--key', '--key', [CompletionResultType]::ParameterName, 'App key')
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'Pusher cluster, e.g. eu: api-eu.pusher.com and ws-eu.pusher.com with TLS')
            [CompletionResult]::new('--host', '--host', [CompletionResultType]::ParameterName, 'REST host of a self-hosted server (overrides --cluster)')
            [CompletionResult]::new('--port', '--port', [CompletionResultType]::ParameterName, 'REST port')
            [CompletionResult]::new('--ws-host', '--ws-host', [CompletionResultType]::ParameterName, 'WebSocket host, when it differs from the REST host')
            [CompletionResult]::new('--ws-port', '--ws-port', [CompletionResultType]::ParameterName, 'WebSocket port, when it differs from the REST port')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'PEM file of CA certificates to trust besides the system''s (a private CA)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Network timeout, e.g. 5s or 500ms [default: 10s]')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Also read PUSHER_* and RTCTL_* variables from a .env file (--env-file=PATH for another) [default: ./.env]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Write one JSON document, for scripts')
            [CompletionResult]::new('--junit', '--junit', [CompletionResultType]::ParameterName, 'Write JUnit XML, a test case per --slo term, for CI')
            [CompletionResult]::new('--secret-stdin', '--secret-stdin', [CompletionResultType]::ParameterName, 'Read the app secret from the first line of stdin (never from a flag''s value)')
            [CompletionResult]::new('--tls', '--tls', [CompletionResultType]::ParameterName, 'Use https and wss')
            [CompletionResult]::new('--no-tls', '--no-tls', [CompletionResultType]::ParameterName, 'Use plain http and ws')
            [CompletionResult]::new('--trust-env-file', '--trust-env-file', [CompletionResultType]::ParameterName, 'Let the server and URLs the .env names receive credentials from elsewhere (the profile, the environment)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'rtctl;bench' {
            [CompletionResult]::new('--subscribers', '--subscribers', [CompletionResultType]::ParameterName, 'WebSocket connections to open, each subscribed to one channel, from 1 to 100000')
            [CompletionResult]::new('--channels', '--channels', [CompletionResultType]::ParameterName, 'Channels to spread the subscribers over, from 1 to 10000 (at most --subscribers)')
            [CompletionResult]::new('--kind', '--kind', [CompletionResultType]::ParameterName, 'The kind of the channels')
            [CompletionResult]::new('--rate', '--rate', [CompletionResultType]::ParameterName, 'Events to publish, all channels together, e.g. 500/s or 600/min')
            [CompletionResult]::new('--duration', '--duration', [CompletionResultType]::ParameterName, 'How long to publish, e.g. 30s or 5m')
            [CompletionResult]::new('--payload-size', '--payload-size', [CompletionResultType]::ParameterName, 'Size of each event''s data, e.g. 100, 1KiB (at least 64 bytes)')
            [CompletionResult]::new('--ramp', '--ramp', [CompletionResultType]::ParameterName, 'Spread opening the connections evenly over this long, e.g. 10s [default: as fast as the server confirms them]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use [default: $RTCTL_PROFILE, then `default_profile`, then `local`]')
            [CompletionResult]::new('--app-id', '--app-id', [CompletionResultType]::ParameterName, 'App id')
            [CompletionResult]::new('--key', '--key', [CompletionResultType]::ParameterName, 'App key')
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'Pusher cluster, e.g. eu: api-eu.pusher.com and ws-eu.pusher.com with TLS')
            [CompletionResult]::new('--host', '--host', [CompletionResultType]::ParameterName, 'REST host of a self-hosted server (overrides --cluster)')
            [CompletionResult]::new('--port', '--port', [CompletionResultType]::ParameterName, 'REST port')
            [CompletionResult]::new('--ws-host', '--ws-host', [CompletionResultType]::ParameterName, 'WebSocket host, when it differs from the REST host')
            [CompletionResult]::new('--ws-port', '--ws-port', [CompletionResultType]::ParameterName, 'WebSocket port, when it differs from the REST port')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'PEM file of CA certificates to trust besides the system''s (a private CA)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Network timeout, e.g. 5s or 500ms [default: 10s]')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Also read PUSHER_* and RTCTL_* variables from a .env file (--env-file=PATH for another) [default: ./.env]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Run against Pusher''s hosted service, spending the account''s messages')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Write one JSON document, for scripts and `bench merge`')
            [CompletionResult]::new('--secret-stdin', '--secret-stdin', [CompletionResultType]::ParameterName, 'Read the app secret from the first line of stdin (never from a flag''s value)')
            [CompletionResult]::new('--tls', '--tls', [CompletionResultType]::ParameterName, 'Use https and wss')
            [CompletionResult]::new('--no-tls', '--no-tls', [CompletionResultType]::ParameterName, 'Use plain http and ws')
            [CompletionResult]::new('--trust-env-file', '--trust-env-file', [CompletionResultType]::ParameterName, 'Let the server and URLs the .env names receive credentials from elsewhere (the profile, the environment)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('merge', 'merge', [CompletionResultType]::ParameterValue, 'Combine the --json results of several bench runs into one report')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'rtctl;bench;merge' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use [default: $RTCTL_PROFILE, then `default_profile`, then `local`]')
            [CompletionResult]::new('--app-id', '--app-id', [CompletionResultType]::ParameterName, 'App id')
            [CompletionResult]::new('--key', '--key', [CompletionResultType]::ParameterName, 'App key')
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'Pusher cluster, e.g. eu: api-eu.pusher.com and ws-eu.pusher.com with TLS')
            [CompletionResult]::new('--host', '--host', [CompletionResultType]::ParameterName, 'REST host of a self-hosted server (overrides --cluster)')
            [CompletionResult]::new('--port', '--port', [CompletionResultType]::ParameterName, 'REST port')
            [CompletionResult]::new('--ws-host', '--ws-host', [CompletionResultType]::ParameterName, 'WebSocket host, when it differs from the REST host')
            [CompletionResult]::new('--ws-port', '--ws-port', [CompletionResultType]::ParameterName, 'WebSocket port, when it differs from the REST port')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'PEM file of CA certificates to trust besides the system''s (a private CA)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Network timeout, e.g. 5s or 500ms [default: 10s]')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Also read PUSHER_* and RTCTL_* variables from a .env file (--env-file=PATH for another) [default: ./.env]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Write one JSON document (the same shape as `bench --json`, without settings)')
            [CompletionResult]::new('--secret-stdin', '--secret-stdin', [CompletionResultType]::ParameterName, 'Read the app secret from the first line of stdin (never from a flag''s value)')
            [CompletionResult]::new('--tls', '--tls', [CompletionResultType]::ParameterName, 'Use https and wss')
            [CompletionResult]::new('--no-tls', '--no-tls', [CompletionResultType]::ParameterName, 'Use plain http and ws')
            [CompletionResult]::new('--trust-env-file', '--trust-env-file', [CompletionResultType]::ParameterName, 'Let the server and URLs the .env names receive credentials from elsewhere (the profile, the environment)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'rtctl;bench;help' {
            [CompletionResult]::new('merge', 'merge', [CompletionResultType]::ParameterValue, 'Combine the --json results of several bench runs into one report')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'rtctl;bench;help;merge' {
            break
        }
        'rtctl;bench;help;help' {
            break
        }
        'rtctl;config' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use [default: $RTCTL_PROFILE, then `default_profile`, then `local`]')
            [CompletionResult]::new('--app-id', '--app-id', [CompletionResultType]::ParameterName, 'App id')
            [CompletionResult]::new('--key', '--key', [CompletionResultType]::ParameterName, 'App key')
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'Pusher cluster, e.g. eu: api-eu.pusher.com and ws-eu.pusher.com with TLS')
            [CompletionResult]::new('--host', '--host', [CompletionResultType]::ParameterName, 'REST host of a self-hosted server (overrides --cluster)')
            [CompletionResult]::new('--port', '--port', [CompletionResultType]::ParameterName, 'REST port')
            [CompletionResult]::new('--ws-host', '--ws-host', [CompletionResultType]::ParameterName, 'WebSocket host, when it differs from the REST host')
            [CompletionResult]::new('--ws-port', '--ws-port', [CompletionResultType]::ParameterName, 'WebSocket port, when it differs from the REST port')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'PEM file of CA certificates to trust besides the system''s (a private CA)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Network timeout, e.g. 5s or 500ms [default: 10s]')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Also read PUSHER_* and RTCTL_* variables from a .env file (--env-file=PATH for another) [default: ./.env]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output')
            [CompletionResult]::new('--secret-stdin', '--secret-stdin', [CompletionResultType]::ParameterName, 'Read the app secret from the first line of stdin (never from a flag''s value)')
            [CompletionResult]::new('--tls', '--tls', [CompletionResultType]::ParameterName, 'Use https and wss')
            [CompletionResult]::new('--no-tls', '--no-tls', [CompletionResultType]::ParameterName, 'Use plain http and ws')
            [CompletionResult]::new('--trust-env-file', '--trust-env-file', [CompletionResultType]::ParameterName, 'Let the server and URLs the .env names receive credentials from elsewhere (the profile, the environment)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show the resolved profile (secrets masked)')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the profiles in the config file')
            [CompletionResult]::new('path', 'path', [CompletionResultType]::ParameterValue, 'Print the config file''s path')
            [CompletionResult]::new('init', 'init', [CompletionResultType]::ParameterValue, 'Create a profile, asking on a terminal or from flags without one')
            [CompletionResult]::new('use', 'use', [CompletionResultType]::ParameterValue, 'Make a profile the default')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'rtctl;config;show' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use [default: $RTCTL_PROFILE, then `default_profile`, then `local`]')
            [CompletionResult]::new('--app-id', '--app-id', [CompletionResultType]::ParameterName, 'App id')
            [CompletionResult]::new('--key', '--key', [CompletionResultType]::ParameterName, 'App key')
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'Pusher cluster, e.g. eu: api-eu.pusher.com and ws-eu.pusher.com with TLS')
            [CompletionResult]::new('--host', '--host', [CompletionResultType]::ParameterName, 'REST host of a self-hosted server (overrides --cluster)')
            [CompletionResult]::new('--port', '--port', [CompletionResultType]::ParameterName, 'REST port')
            [CompletionResult]::new('--ws-host', '--ws-host', [CompletionResultType]::ParameterName, 'WebSocket host, when it differs from the REST host')
            [CompletionResult]::new('--ws-port', '--ws-port', [CompletionResultType]::ParameterName, 'WebSocket port, when it differs from the REST port')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'PEM file of CA certificates to trust besides the system''s (a private CA)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Network timeout, e.g. 5s or 500ms [default: 10s]')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Also read PUSHER_* and RTCTL_* variables from a .env file (--env-file=PATH for another) [default: ./.env]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output')
            [CompletionResult]::new('--show-origin', '--show-origin', [CompletionResultType]::ParameterName, 'Show where each value comes from')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print as JSON, with sources')
            [CompletionResult]::new('--secret-stdin', '--secret-stdin', [CompletionResultType]::ParameterName, 'Read the app secret from the first line of stdin (never from a flag''s value)')
            [CompletionResult]::new('--tls', '--tls', [CompletionResultType]::ParameterName, 'Use https and wss')
            [CompletionResult]::new('--no-tls', '--no-tls', [CompletionResultType]::ParameterName, 'Use plain http and ws')
            [CompletionResult]::new('--trust-env-file', '--trust-env-file', [CompletionResultType]::ParameterName, 'Let the server and URLs the .env names receive credentials from elsewhere (the profile, the environment)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'rtctl;config;list' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use [default: $RTCTL_PROFILE, then `default_profile`, then `local`]')
            [CompletionResult]::new('--app-id', '--app-id', [CompletionResultType]::ParameterName, 'App id')
            [CompletionResult]::new('--key', '--key', [CompletionResultType]::ParameterName, 'App key')
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'Pusher cluster, e.g. eu: api-eu.pusher.com and ws-eu.pusher.com with TLS')
            [CompletionResult]::new('--host', '--host', [CompletionResultType]::ParameterName, 'REST host of a self-hosted server (overrides --cluster)')
            [CompletionResult]::new('--port', '--port', [CompletionResultType]::ParameterName, 'REST port')
            [CompletionResult]::new('--ws-host', '--ws-host', [CompletionResultType]::ParameterName, 'WebSocket host, when it differs from the REST host')
            [CompletionResult]::new('--ws-port', '--ws-port', [CompletionResultType]::ParameterName, 'WebSocket port, when it differs from the REST port')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'PEM file of CA certificates to trust besides the system''s (a private CA)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Network timeout, e.g. 5s or 500ms [default: 10s]')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Also read PUSHER_* and RTCTL_* variables from a .env file (--env-file=PATH for another) [default: ./.env]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print as JSON')
            [CompletionResult]::new('--secret-stdin', '--secret-stdin', [CompletionResultType]::ParameterName, 'Read the app secret from the first line of stdin (never from a flag''s value)')
            [CompletionResult]::new('--tls', '--tls', [CompletionResultType]::ParameterName, 'Use https and wss')
            [CompletionResult]::new('--no-tls', '--no-tls', [CompletionResultType]::ParameterName, 'Use plain http and ws')
            [CompletionResult]::new('--trust-env-file', '--trust-env-file', [CompletionResultType]::ParameterName, 'Let the server and URLs the .env names receive credentials from elsewhere (the profile, the environment)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'rtctl;config;path' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use [default: $RTCTL_PROFILE, then `default_profile`, then `local`]')
            [CompletionResult]::new('--app-id', '--app-id', [CompletionResultType]::ParameterName, 'App id')
            [CompletionResult]::new('--key', '--key', [CompletionResultType]::ParameterName, 'App key')
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'Pusher cluster, e.g. eu: api-eu.pusher.com and ws-eu.pusher.com with TLS')
            [CompletionResult]::new('--host', '--host', [CompletionResultType]::ParameterName, 'REST host of a self-hosted server (overrides --cluster)')
            [CompletionResult]::new('--port', '--port', [CompletionResultType]::ParameterName, 'REST port')
            [CompletionResult]::new('--ws-host', '--ws-host', [CompletionResultType]::ParameterName, 'WebSocket host, when it differs from the REST host')
            [CompletionResult]::new('--ws-port', '--ws-port', [CompletionResultType]::ParameterName, 'WebSocket port, when it differs from the REST port')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'PEM file of CA certificates to trust besides the system''s (a private CA)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Network timeout, e.g. 5s or 500ms [default: 10s]')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Also read PUSHER_* and RTCTL_* variables from a .env file (--env-file=PATH for another) [default: ./.env]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output')
            [CompletionResult]::new('--secret-stdin', '--secret-stdin', [CompletionResultType]::ParameterName, 'Read the app secret from the first line of stdin (never from a flag''s value)')
            [CompletionResult]::new('--tls', '--tls', [CompletionResultType]::ParameterName, 'Use https and wss')
            [CompletionResult]::new('--no-tls', '--no-tls', [CompletionResultType]::ParameterName, 'Use plain http and ws')
            [CompletionResult]::new('--trust-env-file', '--trust-env-file', [CompletionResultType]::ParameterName, 'Let the server and URLs the .env names receive credentials from elsewhere (the profile, the environment)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'rtctl;config;init' {
            [CompletionResult]::new('--secret-env', '--secret-env', [CompletionResultType]::ParameterName, 'Read the secret from this environment variable at run time')
            [CompletionResult]::new('--secret-command', '--secret-command', [CompletionResultType]::ParameterName, 'Run this command at run time and use its first line as the secret')
            [CompletionResult]::new('--auth-endpoint', '--auth-endpoint', [CompletionResultType]::ParameterName, 'The app''s auth endpoint [default: BACKEND_URL/pusher/auth]')
            [CompletionResult]::new('--backend-url', '--backend-url', [CompletionResultType]::ParameterName, 'The app''s backend, e.g. http://localhost:8008; the auth endpoint and webhook URL default to the platform''s paths under it')
            [CompletionResult]::new('--webhook-url', '--webhook-url', [CompletionResultType]::ParameterName, 'The app''s webhook endpoint [default: BACKEND_URL/pusher/webhook]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use [default: $RTCTL_PROFILE, then `default_profile`, then `local`]')
            [CompletionResult]::new('--app-id', '--app-id', [CompletionResultType]::ParameterName, 'App id')
            [CompletionResult]::new('--key', '--key', [CompletionResultType]::ParameterName, 'App key')
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'Pusher cluster, e.g. eu: api-eu.pusher.com and ws-eu.pusher.com with TLS')
            [CompletionResult]::new('--host', '--host', [CompletionResultType]::ParameterName, 'REST host of a self-hosted server (overrides --cluster)')
            [CompletionResult]::new('--port', '--port', [CompletionResultType]::ParameterName, 'REST port')
            [CompletionResult]::new('--ws-host', '--ws-host', [CompletionResultType]::ParameterName, 'WebSocket host, when it differs from the REST host')
            [CompletionResult]::new('--ws-port', '--ws-port', [CompletionResultType]::ParameterName, 'WebSocket port, when it differs from the REST port')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'PEM file of CA certificates to trust besides the system''s (a private CA)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Network timeout, e.g. 5s or 500ms [default: 10s]')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Also read PUSHER_* and RTCTL_* variables from a .env file (--env-file=PATH for another) [default: ./.env]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output')
            [CompletionResult]::new('--default', '--default', [CompletionResultType]::ParameterName, 'Make it the default profile (a new file''s first profile always is)')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Replace a profile of the same name')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt, even on a terminal')
            [CompletionResult]::new('--check', '--check', [CompletionResultType]::ParameterName, 'Check the new profile once written with doctor''s connection checks: a signed REST request, the server''s clock, a WebSocket handshake and a ping (asked on a terminal)')
            [CompletionResult]::new('--secret-stdin', '--secret-stdin', [CompletionResultType]::ParameterName, 'Read the app secret from the first line of stdin (never from a flag''s value)')
            [CompletionResult]::new('--tls', '--tls', [CompletionResultType]::ParameterName, 'Use https and wss')
            [CompletionResult]::new('--no-tls', '--no-tls', [CompletionResultType]::ParameterName, 'Use plain http and ws')
            [CompletionResult]::new('--trust-env-file', '--trust-env-file', [CompletionResultType]::ParameterName, 'Let the server and URLs the .env names receive credentials from elsewhere (the profile, the environment)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'rtctl;config;use' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use [default: $RTCTL_PROFILE, then `default_profile`, then `local`]')
            [CompletionResult]::new('--app-id', '--app-id', [CompletionResultType]::ParameterName, 'App id')
            [CompletionResult]::new('--key', '--key', [CompletionResultType]::ParameterName, 'App key')
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'Pusher cluster, e.g. eu: api-eu.pusher.com and ws-eu.pusher.com with TLS')
            [CompletionResult]::new('--host', '--host', [CompletionResultType]::ParameterName, 'REST host of a self-hosted server (overrides --cluster)')
            [CompletionResult]::new('--port', '--port', [CompletionResultType]::ParameterName, 'REST port')
            [CompletionResult]::new('--ws-host', '--ws-host', [CompletionResultType]::ParameterName, 'WebSocket host, when it differs from the REST host')
            [CompletionResult]::new('--ws-port', '--ws-port', [CompletionResultType]::ParameterName, 'WebSocket port, when it differs from the REST port')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'PEM file of CA certificates to trust besides the system''s (a private CA)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Network timeout, e.g. 5s or 500ms [default: 10s]')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Also read PUSHER_* and RTCTL_* variables from a .env file (--env-file=PATH for another) [default: ./.env]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output')
            [CompletionResult]::new('--secret-stdin', '--secret-stdin', [CompletionResultType]::ParameterName, 'Read the app secret from the first line of stdin (never from a flag''s value)')
            [CompletionResult]::new('--tls', '--tls', [CompletionResultType]::ParameterName, 'Use https and wss')
            [CompletionResult]::new('--no-tls', '--no-tls', [CompletionResultType]::ParameterName, 'Use plain http and ws')
            [CompletionResult]::new('--trust-env-file', '--trust-env-file', [CompletionResultType]::ParameterName, 'Let the server and URLs the .env names receive credentials from elsewhere (the profile, the environment)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'rtctl;config;help' {
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show the resolved profile (secrets masked)')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the profiles in the config file')
            [CompletionResult]::new('path', 'path', [CompletionResultType]::ParameterValue, 'Print the config file''s path')
            [CompletionResult]::new('init', 'init', [CompletionResultType]::ParameterValue, 'Create a profile, asking on a terminal or from flags without one')
            [CompletionResult]::new('use', 'use', [CompletionResultType]::ParameterValue, 'Make a profile the default')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'rtctl;config;help;show' {
            break
        }
        'rtctl;config;help;list' {
            break
        }
        'rtctl;config;help;path' {
            break
        }
        'rtctl;config;help;init' {
            break
        }
        'rtctl;config;help;use' {
            break
        }
        'rtctl;config;help;help' {
            break
        }
        'rtctl;completions' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use [default: $RTCTL_PROFILE, then `default_profile`, then `local`]')
            [CompletionResult]::new('--app-id', '--app-id', [CompletionResultType]::ParameterName, 'App id')
            [CompletionResult]::new('--key', '--key', [CompletionResultType]::ParameterName, 'App key')
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'Pusher cluster, e.g. eu: api-eu.pusher.com and ws-eu.pusher.com with TLS')
            [CompletionResult]::new('--host', '--host', [CompletionResultType]::ParameterName, 'REST host of a self-hosted server (overrides --cluster)')
            [CompletionResult]::new('--port', '--port', [CompletionResultType]::ParameterName, 'REST port')
            [CompletionResult]::new('--ws-host', '--ws-host', [CompletionResultType]::ParameterName, 'WebSocket host, when it differs from the REST host')
            [CompletionResult]::new('--ws-port', '--ws-port', [CompletionResultType]::ParameterName, 'WebSocket port, when it differs from the REST port')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'PEM file of CA certificates to trust besides the system''s (a private CA)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Network timeout, e.g. 5s or 500ms [default: 10s]')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Also read PUSHER_* and RTCTL_* variables from a .env file (--env-file=PATH for another) [default: ./.env]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output')
            [CompletionResult]::new('--dynamic', '--dynamic', [CompletionResultType]::ParameterName, 'Print a small script that asks rtctl at each <TAB>, so profile names, the catalogue''s channels and events, and the occupied channels complete too (rtctl must be on PATH)')
            [CompletionResult]::new('--secret-stdin', '--secret-stdin', [CompletionResultType]::ParameterName, 'Read the app secret from the first line of stdin (never from a flag''s value)')
            [CompletionResult]::new('--tls', '--tls', [CompletionResultType]::ParameterName, 'Use https and wss')
            [CompletionResult]::new('--no-tls', '--no-tls', [CompletionResultType]::ParameterName, 'Use plain http and ws')
            [CompletionResult]::new('--trust-env-file', '--trust-env-file', [CompletionResultType]::ParameterName, 'Let the server and URLs the .env names receive credentials from elsewhere (the profile, the environment)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'rtctl;help' {
            [CompletionResult]::new('trigger', 'trigger', [CompletionResultType]::ParameterValue, 'Publish events over the REST API: one, a batch file, or one many times')
            [CompletionResult]::new('tail', 'tail', [CompletionResultType]::ParameterValue, 'Subscribe to channels over the WebSocket and stream their events')
            [CompletionResult]::new('channels', 'channels', [CompletionResultType]::ParameterValue, 'List occupied channels, show one, list a presence channel''s members, watch them live')
            [CompletionResult]::new('users', 'users', [CompletionResultType]::ParameterValue, 'Send an event to a signed-in user, or close their connections')
            [CompletionResult]::new('catalog', 'catalog', [CompletionResultType]::ParameterValue, 'Show the event catalogue that trigger fills and checks payloads from')
            [CompletionResult]::new('auth', 'auth', [CompletionResultType]::ParameterValue, 'Sign and check channel authorization and user authentication')
            [CompletionResult]::new('webhook', 'webhook', [CompletionResultType]::ParameterValue, 'Generate, replay, verify and capture webhooks')
            [CompletionResult]::new('doctor', 'doctor', [CompletionResultType]::ParameterValue, 'Check an environment''s config and connectivity end to end')
            [CompletionResult]::new('probe', 'probe', [CompletionResultType]::ParameterValue, 'Measure publish and fan-out latency, loss and order on a channel')
            [CompletionResult]::new('bench', 'bench', [CompletionResultType]::ParameterValue, 'Put a bounded load on a server you own and measure fan-out latency and delivery')
            [CompletionResult]::new('config', 'config', [CompletionResultType]::ParameterValue, 'Show, list, create and choose profiles')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'rtctl;help;trigger' {
            break
        }
        'rtctl;help;tail' {
            break
        }
        'rtctl;help;channels' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List occupied channels')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one channel''s state')
            [CompletionResult]::new('users', 'users', [CompletionResultType]::ParameterValue, 'List the members of a presence channel')
            [CompletionResult]::new('watch', 'watch', [CompletionResultType]::ParameterValue, 'Watch the occupied channels live: counts, and members joining and leaving')
            break
        }
        'rtctl;help;channels;list' {
            break
        }
        'rtctl;help;channels;show' {
            break
        }
        'rtctl;help;channels;users' {
            break
        }
        'rtctl;help;channels;watch' {
            break
        }
        'rtctl;help;users' {
            [CompletionResult]::new('send', 'send', [CompletionResultType]::ParameterValue, 'Send an event to one signed-in user (the #server-to-user-ID channel)')
            [CompletionResult]::new('terminate', 'terminate', [CompletionResultType]::ParameterValue, 'Close every connection of a signed-in user')
            break
        }
        'rtctl;help;users;send' {
            break
        }
        'rtctl;help;users;terminate' {
            break
        }
        'rtctl;help;catalog' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the catalogue''s channels and their events')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show a channel''s events, or one event''s rules and example payload')
            break
        }
        'rtctl;help;catalog;list' {
            break
        }
        'rtctl;help;catalog;show' {
            break
        }
        'rtctl;help;auth' {
            [CompletionResult]::new('sign', 'sign', [CompletionResultType]::ParameterValue, 'Sign a channel subscription; prints exactly what an auth endpoint returns')
            [CompletionResult]::new('user', 'user', [CompletionResultType]::ParameterValue, 'Sign a user sign-in (pusher:signin); prints what a user-auth endpoint returns')
            [CompletionResult]::new('verify', 'verify', [CompletionResultType]::ParameterValue, 'Check a `key:signature` auth value and show what should have been signed')
            break
        }
        'rtctl;help;auth;sign' {
            break
        }
        'rtctl;help;auth;user' {
            break
        }
        'rtctl;help;auth;verify' {
            break
        }
        'rtctl;help;webhook' {
            [CompletionResult]::new('fixture', 'fixture', [CompletionResultType]::ParameterValue, 'Print a webhook body of one event type, for the platform''s channels by default')
            [CompletionResult]::new('replay', 'replay', [CompletionResultType]::ParameterValue, 'Sign fixtures with the app''s secret and post them to the app''s webhook endpoint')
            [CompletionResult]::new('verify', 'verify', [CompletionResultType]::ParameterValue, 'Say whether a captured webhook is authentic, and which part is wrong if not')
            [CompletionResult]::new('listen', 'listen', [CompletionResultType]::ParameterValue, 'Receive webhooks from a server, verify and print them; forward or save them')
            break
        }
        'rtctl;help;webhook;fixture' {
            break
        }
        'rtctl;help;webhook;replay' {
            break
        }
        'rtctl;help;webhook;verify' {
            break
        }
        'rtctl;help;webhook;listen' {
            break
        }
        'rtctl;help;doctor' {
            break
        }
        'rtctl;help;probe' {
            break
        }
        'rtctl;help;bench' {
            [CompletionResult]::new('merge', 'merge', [CompletionResultType]::ParameterValue, 'Combine the --json results of several bench runs into one report')
            break
        }
        'rtctl;help;bench;merge' {
            break
        }
        'rtctl;help;config' {
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show the resolved profile (secrets masked)')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the profiles in the config file')
            [CompletionResult]::new('path', 'path', [CompletionResultType]::ParameterValue, 'Print the config file''s path')
            [CompletionResult]::new('init', 'init', [CompletionResultType]::ParameterValue, 'Create a profile, asking on a terminal or from flags without one')
            [CompletionResult]::new('use', 'use', [CompletionResultType]::ParameterValue, 'Make a profile the default')
            break
        }
        'rtctl;help;config;show' {
            break
        }
        'rtctl;help;config;list' {
            break
        }
        'rtctl;help;config;path' {
            break
        }
        'rtctl;help;config;init' {
            break
        }
        'rtctl;help;config;use' {
            break
        }
        'rtctl;help;completions' {
            break
        }
        'rtctl;help;help' {
            break
        }
    })

    $completions.Where{ $_.CompletionText -like "$wordToComplete*" } |
        Sort-Object -Property ListItemText
}
