
use builtin;
use str;

set edit:completion:arg-completer[rtctl] = {|@words|
    fn spaces {|n|
        builtin:repeat $n ' ' | str:join ''
    }
    fn cand {|text desc|
        edit:complex-candidate $text &display=$text' '(spaces (- 14 (wcswidth $text)))$desc
    }
    var command = 'rtctl'
    for word $words[1..-1] {
        if (str:has-prefix $word '-') {
            break
        }
        set command = $command';'$word
    }
    var completions = [
        &'rtctl'= {
            cand --profile 'Profile to use [default: $RTCTL_PROFILE, then `default_profile`, then `local`]'
            cand --app-id 'App id'
            cand --key 'App key'
            cand --cluster 'Pusher cluster, e.g. eu: api-eu.pusher.com and ws-eu.pusher.com with TLS'
            cand --host 'REST host of a self-hosted server (overrides --cluster)'
            cand --port 'REST port'
            cand --ws-host 'WebSocket host, when it differs from the REST host'
            cand --ws-port 'WebSocket port, when it differs from the REST port'
            cand --ca-cert 'PEM file of CA certificates to trust besides the system''s (a private CA)'
            cand --timeout 'Network timeout, e.g. 5s or 500ms [default: 10s]'
            cand --env-file 'Also read PUSHER_* and RTCTL_* variables from a .env file (--env-file=PATH for another) [default: ./.env]'
            cand --color 'When to colour output'
            cand -V 'Print the version, the git commit it was built from and the target'
            cand --version 'Print the version, the git commit it was built from and the target'
            cand --json 'With --version: print it as one JSON object (for bug reports)'
            cand --secret-stdin 'Read the app secret from the first line of stdin (never from a flag''s value)'
            cand --tls 'Use https and wss'
            cand --no-tls 'Use plain http and ws'
            cand --trust-env-file 'Let the server and URLs the .env names receive credentials from elsewhere (the profile, the environment)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand trigger 'Publish events over the REST API: one, a batch file, or one many times'
            cand tail 'Subscribe to channels over the WebSocket and stream their events'
            cand channels 'List occupied channels, show one, list a presence channel''s members, watch them live'
            cand users 'Send an event to a signed-in user, or close their connections'
            cand catalog 'Show the event catalogue that trigger fills and checks payloads from'
            cand auth 'Sign and check channel authorization and user authentication'
            cand webhook 'Generate, replay, verify and capture webhooks'
            cand doctor 'Check an environment''s config and connectivity end to end'
            cand probe 'Measure publish and fan-out latency, loss and order on a channel'
            cand bench 'Put a bounded load on a server you own and measure fan-out latency and delivery'
            cand config 'Show, list, create and choose profiles'
            cand completions 'Print a shell completion script'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'rtctl;trigger'= {
            cand --set 'Set a field of the JSON data (dotted paths; true, 75, null and JSON are typed)'
            cand --socket-id 'Exclude this connection from receiving the event'
            cand --info 'Channel attributes to return: user_count (presence), subscription_count'
            cand --catalog 'Event catalogue (TOML), or `none` [default: profile''s `catalog`, else built-in]'
            cand --via 'Send through Pusher''s REST API or the app''s backend'
            cand --batch 'Send events from JSON Lines ({"channel","name","data","socket_id"}), 10 per request'
            cand --repeat 'Send the event this many times'
            cand --rate 'With --repeat: events per second, e.g. 50 or 50/s [default: as fast as allowed]'
            cand --concurrency 'Requests in flight at once, for --batch and --repeat'
            cand --retries 'Times to retry a request refused with 429 or 5xx, or that got no answer'
            cand --profile 'Profile to use [default: $RTCTL_PROFILE, then `default_profile`, then `local`]'
            cand --app-id 'App id'
            cand --key 'App key'
            cand --cluster 'Pusher cluster, e.g. eu: api-eu.pusher.com and ws-eu.pusher.com with TLS'
            cand --host 'REST host of a self-hosted server (overrides --cluster)'
            cand --port 'REST port'
            cand --ws-host 'WebSocket host, when it differs from the REST host'
            cand --ws-port 'WebSocket port, when it differs from the REST port'
            cand --ca-cert 'PEM file of CA certificates to trust besides the system''s (a private CA)'
            cand --timeout 'Network timeout, e.g. 5s or 500ms [default: 10s]'
            cand --env-file 'Also read PUSHER_* and RTCTL_* variables from a .env file (--env-file=PATH for another) [default: ./.env]'
            cand --color 'When to colour output'
            cand --text 'Send DATA as plain text, even if it looks like JSON'
            cand --no-validate 'Send even if the payload breaks the catalogue''s rules'
            cand --dry-run 'Print the signed request instead of sending it; with --batch, check every line and send nothing'
            cand --curl 'Print a runnable curl command, already signed, instead of sending'
            cand --json 'Print the result as JSON'
            cand --fail-fast 'With --batch: stop at the first bad line'
            cand --secret-stdin 'Read the app secret from the first line of stdin (never from a flag''s value)'
            cand --tls 'Use https and wss'
            cand --no-tls 'Use plain http and ws'
            cand --trust-env-file 'Let the server and URLs the .env names receive credentials from elsewhere (the profile, the environment)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'rtctl;tail'= {
            cand --event 'Only events whose name matches GLOB (`*`, `?`); repeatable'
            cand --count 'Exit 0 after N events have been shown'
            cand --duration 'Stop after DURATION, e.g. 30s; with --count, exit 124 if they did not all arrive'
            cand --ready-file 'Write the socket id to PATH once every channel is subscribed: trigger after it (an old file there is removed first)'
            cand --rescan 'How often to list channels again for patterns'
            cand --auth-endpoint 'Get authorizations from the app''s endpoint, as a browser would [default: the profile''s `auth_endpoint`]'
            cand --auth-header 'A header for the auth endpoint, `Name: value`; repeatable (adds to the profile''s `auth_headers`)'
            cand --auth-body 'How the auth endpoint''s request body is written'
            cand --user-auth-endpoint 'The app''s user-authentication endpoint for --signin [default: sign locally]'
            cand --user-id 'Member id for presence channels and --signin [default for presence: rtctl-<hostname>-<pid>]'
            cand --user-info 'Member info for presence channels and --signin, a JSON object'
            cand --send 'Send a client event to every channel once subscribed; DATA is JSON (or a plain string)'
            cand --activity-timeout 'Ping after this much silence (the server''s activity_timeout caps it)'
            cand --pong-timeout 'Reconnect when a ping gets no pong within this'
            cand --max-message-size 'The largest WebSocket message accepted, e.g. 4MiB, 512KiB or bytes; a larger one ends the run as a protocol error'
            cand --profile 'Profile to use [default: $RTCTL_PROFILE, then `default_profile`, then `local`]'
            cand --app-id 'App id'
            cand --key 'App key'
            cand --cluster 'Pusher cluster, e.g. eu: api-eu.pusher.com and ws-eu.pusher.com with TLS'
            cand --host 'REST host of a self-hosted server (overrides --cluster)'
            cand --port 'REST port'
            cand --ws-host 'WebSocket host, when it differs from the REST host'
            cand --ws-port 'WebSocket port, when it differs from the REST port'
            cand --ca-cert 'PEM file of CA certificates to trust besides the system''s (a private CA)'
            cand --timeout 'Network timeout, e.g. 5s or 500ms [default: 10s]'
            cand --env-file 'Also read PUSHER_* and RTCTL_* variables from a .env file (--env-file=PATH for another) [default: ./.env]'
            cand --color 'When to colour output'
            cand --json 'Write JSON Lines with a stable envelope, for jq and scripts'
            cand --raw 'Show every protocol frame, both directions, instead of events'
            cand --expand 'Show event data indented over several lines'
            cand --exclude-internal 'Leave out pusher: and pusher_internal: events (member joins and leaves too)'
            cand --sign-locally 'Sign locally with the app secret even when the profile names an auth endpoint'
            cand --signin 'Sign the connection in as --user-id (pusher:signin) and receive events sent to that user'
            cand --interactive 'Read client events from stdin, one `EVENT [DATA]` a line, and send each to every channel'
            cand --no-reconnect 'Exit when the connection is lost instead of reconnecting'
            cand --secret-stdin 'Read the app secret from the first line of stdin (never from a flag''s value)'
            cand --tls 'Use https and wss'
            cand --no-tls 'Use plain http and ws'
            cand --trust-env-file 'Let the server and URLs the .env names receive credentials from elsewhere (the profile, the environment)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'rtctl;channels'= {
            cand --profile 'Profile to use [default: $RTCTL_PROFILE, then `default_profile`, then `local`]'
            cand --app-id 'App id'
            cand --key 'App key'
            cand --cluster 'Pusher cluster, e.g. eu: api-eu.pusher.com and ws-eu.pusher.com with TLS'
            cand --host 'REST host of a self-hosted server (overrides --cluster)'
            cand --port 'REST port'
            cand --ws-host 'WebSocket host, when it differs from the REST host'
            cand --ws-port 'WebSocket port, when it differs from the REST port'
            cand --ca-cert 'PEM file of CA certificates to trust besides the system''s (a private CA)'
            cand --timeout 'Network timeout, e.g. 5s or 500ms [default: 10s]'
            cand --env-file 'Also read PUSHER_* and RTCTL_* variables from a .env file (--env-file=PATH for another) [default: ./.env]'
            cand --color 'When to colour output'
            cand --secret-stdin 'Read the app secret from the first line of stdin (never from a flag''s value)'
            cand --tls 'Use https and wss'
            cand --no-tls 'Use plain http and ws'
            cand --trust-env-file 'Let the server and URLs the .env names receive credentials from elsewhere (the profile, the environment)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand list 'List occupied channels'
            cand show 'Show one channel''s state'
            cand users 'List the members of a presence channel'
            cand watch 'Watch the occupied channels live: counts, and members joining and leaving'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'rtctl;channels;list'= {
            cand --prefix 'Only channels whose names start with this, e.g. presence-'
            cand --info 'Attributes to include, comma-separated: user_count (presence), subscription_count'
            cand --profile 'Profile to use [default: $RTCTL_PROFILE, then `default_profile`, then `local`]'
            cand --app-id 'App id'
            cand --key 'App key'
            cand --cluster 'Pusher cluster, e.g. eu: api-eu.pusher.com and ws-eu.pusher.com with TLS'
            cand --host 'REST host of a self-hosted server (overrides --cluster)'
            cand --port 'REST port'
            cand --ws-host 'WebSocket host, when it differs from the REST host'
            cand --ws-port 'WebSocket port, when it differs from the REST port'
            cand --ca-cert 'PEM file of CA certificates to trust besides the system''s (a private CA)'
            cand --timeout 'Network timeout, e.g. 5s or 500ms [default: 10s]'
            cand --env-file 'Also read PUSHER_* and RTCTL_* variables from a .env file (--env-file=PATH for another) [default: ./.env]'
            cand --color 'When to colour output'
            cand --json 'Print the server''s JSON answer'
            cand --secret-stdin 'Read the app secret from the first line of stdin (never from a flag''s value)'
            cand --tls 'Use https and wss'
            cand --no-tls 'Use plain http and ws'
            cand --trust-env-file 'Let the server and URLs the .env names receive credentials from elsewhere (the profile, the environment)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'rtctl;channels;show'= {
            cand --info 'Attributes to include, comma-separated: user_count (presence), subscription_count'
            cand --profile 'Profile to use [default: $RTCTL_PROFILE, then `default_profile`, then `local`]'
            cand --app-id 'App id'
            cand --key 'App key'
            cand --cluster 'Pusher cluster, e.g. eu: api-eu.pusher.com and ws-eu.pusher.com with TLS'
            cand --host 'REST host of a self-hosted server (overrides --cluster)'
            cand --port 'REST port'
            cand --ws-host 'WebSocket host, when it differs from the REST host'
            cand --ws-port 'WebSocket port, when it differs from the REST port'
            cand --ca-cert 'PEM file of CA certificates to trust besides the system''s (a private CA)'
            cand --timeout 'Network timeout, e.g. 5s or 500ms [default: 10s]'
            cand --env-file 'Also read PUSHER_* and RTCTL_* variables from a .env file (--env-file=PATH for another) [default: ./.env]'
            cand --color 'When to colour output'
            cand --json 'Print the server''s JSON answer'
            cand --secret-stdin 'Read the app secret from the first line of stdin (never from a flag''s value)'
            cand --tls 'Use https and wss'
            cand --no-tls 'Use plain http and ws'
            cand --trust-env-file 'Let the server and URLs the .env names receive credentials from elsewhere (the profile, the environment)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'rtctl;channels;users'= {
            cand --profile 'Profile to use [default: $RTCTL_PROFILE, then `default_profile`, then `local`]'
            cand --app-id 'App id'
            cand --key 'App key'
            cand --cluster 'Pusher cluster, e.g. eu: api-eu.pusher.com and ws-eu.pusher.com with TLS'
            cand --host 'REST host of a self-hosted server (overrides --cluster)'
            cand --port 'REST port'
            cand --ws-host 'WebSocket host, when it differs from the REST host'
            cand --ws-port 'WebSocket port, when it differs from the REST port'
            cand --ca-cert 'PEM file of CA certificates to trust besides the system''s (a private CA)'
            cand --timeout 'Network timeout, e.g. 5s or 500ms [default: 10s]'
            cand --env-file 'Also read PUSHER_* and RTCTL_* variables from a .env file (--env-file=PATH for another) [default: ./.env]'
            cand --color 'When to colour output'
            cand --json 'Print the server''s JSON answer'
            cand --secret-stdin 'Read the app secret from the first line of stdin (never from a flag''s value)'
            cand --tls 'Use https and wss'
            cand --no-tls 'Use plain http and ws'
            cand --trust-env-file 'Let the server and URLs the .env names receive credentials from elsewhere (the profile, the environment)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'rtctl;channels;watch'= {
            cand --prefix 'Only channels whose names start with this, e.g. presence-classroom-'
            cand --interval 'How often to list the channels, at least 1s (longer when --members needs it)'
            cand --duration 'Stop after DURATION, e.g. 10m, and exit 0'
            cand --profile 'Profile to use [default: $RTCTL_PROFILE, then `default_profile`, then `local`]'
            cand --app-id 'App id'
            cand --key 'App key'
            cand --cluster 'Pusher cluster, e.g. eu: api-eu.pusher.com and ws-eu.pusher.com with TLS'
            cand --host 'REST host of a self-hosted server (overrides --cluster)'
            cand --port 'REST port'
            cand --ws-host 'WebSocket host, when it differs from the REST host'
            cand --ws-port 'WebSocket port, when it differs from the REST port'
            cand --ca-cert 'PEM file of CA certificates to trust besides the system''s (a private CA)'
            cand --timeout 'Network timeout, e.g. 5s or 500ms [default: 10s]'
            cand --env-file 'Also read PUSHER_* and RTCTL_* variables from a .env file (--env-file=PATH for another) [default: ./.env]'
            cand --color 'When to colour output'
            cand --members 'Also ask for presence channels'' members, and show them joining and leaving'
            cand --json 'Write JSON Lines: a snapshot, then one record per change'
            cand --secret-stdin 'Read the app secret from the first line of stdin (never from a flag''s value)'
            cand --tls 'Use https and wss'
            cand --no-tls 'Use plain http and ws'
            cand --trust-env-file 'Let the server and URLs the .env names receive credentials from elsewhere (the profile, the environment)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'rtctl;channels;help'= {
            cand list 'List occupied channels'
            cand show 'Show one channel''s state'
            cand users 'List the members of a presence channel'
            cand watch 'Watch the occupied channels live: counts, and members joining and leaving'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'rtctl;channels;help;list'= {
        }
        &'rtctl;channels;help;show'= {
        }
        &'rtctl;channels;help;users'= {
        }
        &'rtctl;channels;help;watch'= {
        }
        &'rtctl;channels;help;help'= {
        }
        &'rtctl;users'= {
            cand --profile 'Profile to use [default: $RTCTL_PROFILE, then `default_profile`, then `local`]'
            cand --app-id 'App id'
            cand --key 'App key'
            cand --cluster 'Pusher cluster, e.g. eu: api-eu.pusher.com and ws-eu.pusher.com with TLS'
            cand --host 'REST host of a self-hosted server (overrides --cluster)'
            cand --port 'REST port'
            cand --ws-host 'WebSocket host, when it differs from the REST host'
            cand --ws-port 'WebSocket port, when it differs from the REST port'
            cand --ca-cert 'PEM file of CA certificates to trust besides the system''s (a private CA)'
            cand --timeout 'Network timeout, e.g. 5s or 500ms [default: 10s]'
            cand --env-file 'Also read PUSHER_* and RTCTL_* variables from a .env file (--env-file=PATH for another) [default: ./.env]'
            cand --color 'When to colour output'
            cand --secret-stdin 'Read the app secret from the first line of stdin (never from a flag''s value)'
            cand --tls 'Use https and wss'
            cand --no-tls 'Use plain http and ws'
            cand --trust-env-file 'Let the server and URLs the .env names receive credentials from elsewhere (the profile, the environment)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand send 'Send an event to one signed-in user (the #server-to-user-ID channel)'
            cand terminate 'Close every connection of a signed-in user'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'rtctl;users;send'= {
            cand --set 'Set a field of the JSON data (dotted paths)'
            cand --profile 'Profile to use [default: $RTCTL_PROFILE, then `default_profile`, then `local`]'
            cand --app-id 'App id'
            cand --key 'App key'
            cand --cluster 'Pusher cluster, e.g. eu: api-eu.pusher.com and ws-eu.pusher.com with TLS'
            cand --host 'REST host of a self-hosted server (overrides --cluster)'
            cand --port 'REST port'
            cand --ws-host 'WebSocket host, when it differs from the REST host'
            cand --ws-port 'WebSocket port, when it differs from the REST port'
            cand --ca-cert 'PEM file of CA certificates to trust besides the system''s (a private CA)'
            cand --timeout 'Network timeout, e.g. 5s or 500ms [default: 10s]'
            cand --env-file 'Also read PUSHER_* and RTCTL_* variables from a .env file (--env-file=PATH for another) [default: ./.env]'
            cand --color 'When to colour output'
            cand --text 'Send DATA as plain text, even if it looks like JSON'
            cand --json 'Print the result as JSON'
            cand --secret-stdin 'Read the app secret from the first line of stdin (never from a flag''s value)'
            cand --tls 'Use https and wss'
            cand --no-tls 'Use plain http and ws'
            cand --trust-env-file 'Let the server and URLs the .env names receive credentials from elsewhere (the profile, the environment)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'rtctl;users;terminate'= {
            cand --profile 'Profile to use [default: $RTCTL_PROFILE, then `default_profile`, then `local`]'
            cand --app-id 'App id'
            cand --key 'App key'
            cand --cluster 'Pusher cluster, e.g. eu: api-eu.pusher.com and ws-eu.pusher.com with TLS'
            cand --host 'REST host of a self-hosted server (overrides --cluster)'
            cand --port 'REST port'
            cand --ws-host 'WebSocket host, when it differs from the REST host'
            cand --ws-port 'WebSocket port, when it differs from the REST port'
            cand --ca-cert 'PEM file of CA certificates to trust besides the system''s (a private CA)'
            cand --timeout 'Network timeout, e.g. 5s or 500ms [default: 10s]'
            cand --env-file 'Also read PUSHER_* and RTCTL_* variables from a .env file (--env-file=PATH for another) [default: ./.env]'
            cand --color 'When to colour output'
            cand --json 'Print the result as JSON'
            cand --secret-stdin 'Read the app secret from the first line of stdin (never from a flag''s value)'
            cand --tls 'Use https and wss'
            cand --no-tls 'Use plain http and ws'
            cand --trust-env-file 'Let the server and URLs the .env names receive credentials from elsewhere (the profile, the environment)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'rtctl;users;help'= {
            cand send 'Send an event to one signed-in user (the #server-to-user-ID channel)'
            cand terminate 'Close every connection of a signed-in user'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'rtctl;users;help;send'= {
        }
        &'rtctl;users;help;terminate'= {
        }
        &'rtctl;users;help;help'= {
        }
        &'rtctl;catalog'= {
            cand --profile 'Profile to use [default: $RTCTL_PROFILE, then `default_profile`, then `local`]'
            cand --app-id 'App id'
            cand --key 'App key'
            cand --cluster 'Pusher cluster, e.g. eu: api-eu.pusher.com and ws-eu.pusher.com with TLS'
            cand --host 'REST host of a self-hosted server (overrides --cluster)'
            cand --port 'REST port'
            cand --ws-host 'WebSocket host, when it differs from the REST host'
            cand --ws-port 'WebSocket port, when it differs from the REST port'
            cand --ca-cert 'PEM file of CA certificates to trust besides the system''s (a private CA)'
            cand --timeout 'Network timeout, e.g. 5s or 500ms [default: 10s]'
            cand --env-file 'Also read PUSHER_* and RTCTL_* variables from a .env file (--env-file=PATH for another) [default: ./.env]'
            cand --color 'When to colour output'
            cand --secret-stdin 'Read the app secret from the first line of stdin (never from a flag''s value)'
            cand --tls 'Use https and wss'
            cand --no-tls 'Use plain http and ws'
            cand --trust-env-file 'Let the server and URLs the .env names receive credentials from elsewhere (the profile, the environment)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand list 'List the catalogue''s channels and their events'
            cand show 'Show a channel''s events, or one event''s rules and example payload'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'rtctl;catalog;list'= {
            cand --catalog 'Event catalogue (TOML) [default: profile''s `catalog`, else built-in]'
            cand --profile 'Profile to use [default: $RTCTL_PROFILE, then `default_profile`, then `local`]'
            cand --app-id 'App id'
            cand --key 'App key'
            cand --cluster 'Pusher cluster, e.g. eu: api-eu.pusher.com and ws-eu.pusher.com with TLS'
            cand --host 'REST host of a self-hosted server (overrides --cluster)'
            cand --port 'REST port'
            cand --ws-host 'WebSocket host, when it differs from the REST host'
            cand --ws-port 'WebSocket port, when it differs from the REST port'
            cand --ca-cert 'PEM file of CA certificates to trust besides the system''s (a private CA)'
            cand --timeout 'Network timeout, e.g. 5s or 500ms [default: 10s]'
            cand --env-file 'Also read PUSHER_* and RTCTL_* variables from a .env file (--env-file=PATH for another) [default: ./.env]'
            cand --color 'When to colour output'
            cand --json 'Print as JSON'
            cand --secret-stdin 'Read the app secret from the first line of stdin (never from a flag''s value)'
            cand --tls 'Use https and wss'
            cand --no-tls 'Use plain http and ws'
            cand --trust-env-file 'Let the server and URLs the .env names receive credentials from elsewhere (the profile, the environment)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'rtctl;catalog;show'= {
            cand --catalog 'Event catalogue (TOML) [default: profile''s `catalog`, else built-in]'
            cand --profile 'Profile to use [default: $RTCTL_PROFILE, then `default_profile`, then `local`]'
            cand --app-id 'App id'
            cand --key 'App key'
            cand --cluster 'Pusher cluster, e.g. eu: api-eu.pusher.com and ws-eu.pusher.com with TLS'
            cand --host 'REST host of a self-hosted server (overrides --cluster)'
            cand --port 'REST port'
            cand --ws-host 'WebSocket host, when it differs from the REST host'
            cand --ws-port 'WebSocket port, when it differs from the REST port'
            cand --ca-cert 'PEM file of CA certificates to trust besides the system''s (a private CA)'
            cand --timeout 'Network timeout, e.g. 5s or 500ms [default: 10s]'
            cand --env-file 'Also read PUSHER_* and RTCTL_* variables from a .env file (--env-file=PATH for another) [default: ./.env]'
            cand --color 'When to colour output'
            cand --json 'Print as JSON'
            cand --secret-stdin 'Read the app secret from the first line of stdin (never from a flag''s value)'
            cand --tls 'Use https and wss'
            cand --no-tls 'Use plain http and ws'
            cand --trust-env-file 'Let the server and URLs the .env names receive credentials from elsewhere (the profile, the environment)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'rtctl;catalog;help'= {
            cand list 'List the catalogue''s channels and their events'
            cand show 'Show a channel''s events, or one event''s rules and example payload'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'rtctl;catalog;help;list'= {
        }
        &'rtctl;catalog;help;show'= {
        }
        &'rtctl;catalog;help;help'= {
        }
        &'rtctl;auth'= {
            cand --profile 'Profile to use [default: $RTCTL_PROFILE, then `default_profile`, then `local`]'
            cand --app-id 'App id'
            cand --key 'App key'
            cand --cluster 'Pusher cluster, e.g. eu: api-eu.pusher.com and ws-eu.pusher.com with TLS'
            cand --host 'REST host of a self-hosted server (overrides --cluster)'
            cand --port 'REST port'
            cand --ws-host 'WebSocket host, when it differs from the REST host'
            cand --ws-port 'WebSocket port, when it differs from the REST port'
            cand --ca-cert 'PEM file of CA certificates to trust besides the system''s (a private CA)'
            cand --timeout 'Network timeout, e.g. 5s or 500ms [default: 10s]'
            cand --env-file 'Also read PUSHER_* and RTCTL_* variables from a .env file (--env-file=PATH for another) [default: ./.env]'
            cand --color 'When to colour output'
            cand --secret-stdin 'Read the app secret from the first line of stdin (never from a flag''s value)'
            cand --tls 'Use https and wss'
            cand --no-tls 'Use plain http and ws'
            cand --trust-env-file 'Let the server and URLs the .env names receive credentials from elsewhere (the profile, the environment)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand sign 'Sign a channel subscription; prints exactly what an auth endpoint returns'
            cand user 'Sign a user sign-in (pusher:signin); prints what a user-auth endpoint returns'
            cand verify 'Check a `key:signature` auth value and show what should have been signed'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'rtctl;auth;sign'= {
            cand --socket-id 'The connection''s socket id, from its pusher:connection_established event'
            cand --user-id 'Presence member id (builds channel data {"user_id":ID,"user_info":INFO})'
            cand --user-info 'Presence member info, a JSON object (with --user-id)'
            cand --channel-data 'Channel data exactly as signed, a JSON string with a `user_id` for presence channels'
            cand --profile 'Profile to use [default: $RTCTL_PROFILE, then `default_profile`, then `local`]'
            cand --app-id 'App id'
            cand --key 'App key'
            cand --cluster 'Pusher cluster, e.g. eu: api-eu.pusher.com and ws-eu.pusher.com with TLS'
            cand --host 'REST host of a self-hosted server (overrides --cluster)'
            cand --port 'REST port'
            cand --ws-host 'WebSocket host, when it differs from the REST host'
            cand --ws-port 'WebSocket port, when it differs from the REST port'
            cand --ca-cert 'PEM file of CA certificates to trust besides the system''s (a private CA)'
            cand --timeout 'Network timeout, e.g. 5s or 500ms [default: 10s]'
            cand --env-file 'Also read PUSHER_* and RTCTL_* variables from a .env file (--env-file=PATH for another) [default: ./.env]'
            cand --color 'When to colour output'
            cand --secret-stdin 'Read the app secret from the first line of stdin (never from a flag''s value)'
            cand --tls 'Use https and wss'
            cand --no-tls 'Use plain http and ws'
            cand --trust-env-file 'Let the server and URLs the .env names receive credentials from elsewhere (the profile, the environment)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'rtctl;auth;user'= {
            cand --socket-id 'The connection''s socket id'
            cand --user-data 'User data exactly as signed: a JSON object with a non-empty string `id`'
            cand --profile 'Profile to use [default: $RTCTL_PROFILE, then `default_profile`, then `local`]'
            cand --app-id 'App id'
            cand --key 'App key'
            cand --cluster 'Pusher cluster, e.g. eu: api-eu.pusher.com and ws-eu.pusher.com with TLS'
            cand --host 'REST host of a self-hosted server (overrides --cluster)'
            cand --port 'REST port'
            cand --ws-host 'WebSocket host, when it differs from the REST host'
            cand --ws-port 'WebSocket port, when it differs from the REST port'
            cand --ca-cert 'PEM file of CA certificates to trust besides the system''s (a private CA)'
            cand --timeout 'Network timeout, e.g. 5s or 500ms [default: 10s]'
            cand --env-file 'Also read PUSHER_* and RTCTL_* variables from a .env file (--env-file=PATH for another) [default: ./.env]'
            cand --color 'When to colour output'
            cand --secret-stdin 'Read the app secret from the first line of stdin (never from a flag''s value)'
            cand --tls 'Use https and wss'
            cand --no-tls 'Use plain http and ws'
            cand --trust-env-file 'Let the server and URLs the .env names receive credentials from elsewhere (the profile, the environment)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'rtctl;auth;verify'= {
            cand --socket-id 'The connection''s socket id'
            cand --auth 'The auth value to check, `key:signature`'
            cand --user-id 'Presence member id (builds channel data {"user_id":ID,"user_info":INFO})'
            cand --user-info 'Presence member info, a JSON object (with --user-id)'
            cand --channel-data 'Channel data exactly as signed, a JSON string with a `user_id` for presence channels'
            cand --profile 'Profile to use [default: $RTCTL_PROFILE, then `default_profile`, then `local`]'
            cand --app-id 'App id'
            cand --key 'App key'
            cand --cluster 'Pusher cluster, e.g. eu: api-eu.pusher.com and ws-eu.pusher.com with TLS'
            cand --host 'REST host of a self-hosted server (overrides --cluster)'
            cand --port 'REST port'
            cand --ws-host 'WebSocket host, when it differs from the REST host'
            cand --ws-port 'WebSocket port, when it differs from the REST port'
            cand --ca-cert 'PEM file of CA certificates to trust besides the system''s (a private CA)'
            cand --timeout 'Network timeout, e.g. 5s or 500ms [default: 10s]'
            cand --env-file 'Also read PUSHER_* and RTCTL_* variables from a .env file (--env-file=PATH for another) [default: ./.env]'
            cand --color 'When to colour output'
            cand --json 'Print the verdict as JSON'
            cand --secret-stdin 'Read the app secret from the first line of stdin (never from a flag''s value)'
            cand --tls 'Use https and wss'
            cand --no-tls 'Use plain http and ws'
            cand --trust-env-file 'Let the server and URLs the .env names receive credentials from elsewhere (the profile, the environment)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'rtctl;auth;help'= {
            cand sign 'Sign a channel subscription; prints exactly what an auth endpoint returns'
            cand user 'Sign a user sign-in (pusher:signin); prints what a user-auth endpoint returns'
            cand verify 'Check a `key:signature` auth value and show what should have been signed'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'rtctl;auth;help;sign'= {
        }
        &'rtctl;auth;help;user'= {
        }
        &'rtctl;auth;help;verify'= {
        }
        &'rtctl;auth;help;help'= {
        }
        &'rtctl;webhook'= {
            cand --profile 'Profile to use [default: $RTCTL_PROFILE, then `default_profile`, then `local`]'
            cand --app-id 'App id'
            cand --key 'App key'
            cand --cluster 'Pusher cluster, e.g. eu: api-eu.pusher.com and ws-eu.pusher.com with TLS'
            cand --host 'REST host of a self-hosted server (overrides --cluster)'
            cand --port 'REST port'
            cand --ws-host 'WebSocket host, when it differs from the REST host'
            cand --ws-port 'WebSocket port, when it differs from the REST port'
            cand --ca-cert 'PEM file of CA certificates to trust besides the system''s (a private CA)'
            cand --timeout 'Network timeout, e.g. 5s or 500ms [default: 10s]'
            cand --env-file 'Also read PUSHER_* and RTCTL_* variables from a .env file (--env-file=PATH for another) [default: ./.env]'
            cand --color 'When to colour output'
            cand --secret-stdin 'Read the app secret from the first line of stdin (never from a flag''s value)'
            cand --tls 'Use https and wss'
            cand --no-tls 'Use plain http and ws'
            cand --trust-env-file 'Let the server and URLs the .env names receive credentials from elsewhere (the profile, the environment)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand fixture 'Print a webhook body of one event type, for the platform''s channels by default'
            cand replay 'Sign fixtures with the app''s secret and post them to the app''s webhook endpoint'
            cand verify 'Say whether a captured webhook is authentic, and which part is wrong if not'
            cand listen 'Receive webhooks from a server, verify and print them; forward or save them'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'rtctl;webhook;fixture'= {
            cand --channel 'Channel [default: presence-classroom-101; private-class-101 for client_event; dashboard-updates for subscription_count; cache-dashboard-updates for cache_miss]'
            cand --user-id 'Presence member''s user id (member_added, member_removed, client_event on presence) [default: 12345]'
            cand --event 'Client event name, client-… (client_event) [default: client-activity_update]'
            cand --data 'Client event data: JSON or text, @FILE, or - for stdin (client_event)'
            cand --socket-id 'The sending connection''s socket id (client_event) [default: 123456.789012]'
            cand --count 'The subscription count (subscription_count) [default: 1]'
            cand --time-ms 'The webhook''s time_ms, milliseconds since the Unix epoch [default: now]'
            cand --profile 'Profile to use [default: $RTCTL_PROFILE, then `default_profile`, then `local`]'
            cand --app-id 'App id'
            cand --key 'App key'
            cand --cluster 'Pusher cluster, e.g. eu: api-eu.pusher.com and ws-eu.pusher.com with TLS'
            cand --host 'REST host of a self-hosted server (overrides --cluster)'
            cand --port 'REST port'
            cand --ws-host 'WebSocket host, when it differs from the REST host'
            cand --ws-port 'WebSocket port, when it differs from the REST port'
            cand --ca-cert 'PEM file of CA certificates to trust besides the system''s (a private CA)'
            cand --timeout 'Network timeout, e.g. 5s or 500ms [default: 10s]'
            cand --env-file 'Also read PUSHER_* and RTCTL_* variables from a .env file (--env-file=PATH for another) [default: ./.env]'
            cand --color 'When to colour output'
            cand --secret-stdin 'Read the app secret from the first line of stdin (never from a flag''s value)'
            cand --tls 'Use https and wss'
            cand --no-tls 'Use plain http and ws'
            cand --trust-env-file 'Let the server and URLs the .env names receive credentials from elsewhere (the profile, the environment)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'rtctl;webhook;replay'= {
            cand --to 'The webhook endpoint [default: the profile''s webhook_url]'
            cand --concurrency 'Requests in flight at once (1 keeps the fixtures'' order)'
            cand --profile 'Profile to use [default: $RTCTL_PROFILE, then `default_profile`, then `local`]'
            cand --app-id 'App id'
            cand --key 'App key'
            cand --cluster 'Pusher cluster, e.g. eu: api-eu.pusher.com and ws-eu.pusher.com with TLS'
            cand --host 'REST host of a self-hosted server (overrides --cluster)'
            cand --port 'REST port'
            cand --ws-host 'WebSocket host, when it differs from the REST host'
            cand --ws-port 'WebSocket port, when it differs from the REST port'
            cand --ca-cert 'PEM file of CA certificates to trust besides the system''s (a private CA)'
            cand --timeout 'Network timeout, e.g. 5s or 500ms [default: 10s]'
            cand --env-file 'Also read PUSHER_* and RTCTL_* variables from a .env file (--env-file=PATH for another) [default: ./.env]'
            cand --color 'When to colour output'
            cand --now 'Set each body''s time_ms to now (the body is then written compactly)'
            cand --tamper 'Sign each body wrongly: passes only if the endpoint refuses every one with a 4xx'
            cand --no-validate 'Send bodies that are not valid webhooks too, to see how the endpoint copes'
            cand --dry-run 'Print the signed requests instead of sending them'
            cand --json 'One JSON line per fixture, then a summary line'
            cand --secret-stdin 'Read the app secret from the first line of stdin (never from a flag''s value)'
            cand --tls 'Use https and wss'
            cand --no-tls 'Use plain http and ws'
            cand --trust-env-file 'Let the server and URLs the .env names receive credentials from elsewhere (the profile, the environment)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'rtctl;webhook;verify'= {
            cand --signature 'The X-Pusher-Signature it came with [default: from --headers]'
            cand --pusher-key 'The X-Pusher-Key it came with, checked against the profile''s key [default: from --headers]'
            cand --headers 'A captured request: optional request line, headers, a blank line, then the body'
            cand --profile 'Profile to use [default: $RTCTL_PROFILE, then `default_profile`, then `local`]'
            cand --app-id 'App id'
            cand --key 'App key'
            cand --cluster 'Pusher cluster, e.g. eu: api-eu.pusher.com and ws-eu.pusher.com with TLS'
            cand --host 'REST host of a self-hosted server (overrides --cluster)'
            cand --port 'REST port'
            cand --ws-host 'WebSocket host, when it differs from the REST host'
            cand --ws-port 'WebSocket port, when it differs from the REST port'
            cand --ca-cert 'PEM file of CA certificates to trust besides the system''s (a private CA)'
            cand --timeout 'Network timeout, e.g. 5s or 500ms [default: 10s]'
            cand --env-file 'Also read PUSHER_* and RTCTL_* variables from a .env file (--env-file=PATH for another) [default: ./.env]'
            cand --color 'When to colour output'
            cand --json 'Print the verdict as JSON'
            cand --secret-stdin 'Read the app secret from the first line of stdin (never from a flag''s value)'
            cand --tls 'Use https and wss'
            cand --no-tls 'Use plain http and ws'
            cand --trust-env-file 'Let the server and URLs the .env names receive credentials from elsewhere (the profile, the environment)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'rtctl;webhook;listen'= {
            cand --bind 'Address to listen on: PORT (on 127.0.0.1) or HOST:PORT [default: 127.0.0.1:8090]'
            cand --forward 'Also post each request, as received, to this URL (the app''s webhook endpoint)'
            cand --save 'Save each authentic webhook body in this folder, as fixtures for `webhook replay`'
            cand --count 'Stop after this many events from authentic webhooks'
            cand --profile 'Profile to use [default: $RTCTL_PROFILE, then `default_profile`, then `local`]'
            cand --app-id 'App id'
            cand --key 'App key'
            cand --cluster 'Pusher cluster, e.g. eu: api-eu.pusher.com and ws-eu.pusher.com with TLS'
            cand --host 'REST host of a self-hosted server (overrides --cluster)'
            cand --port 'REST port'
            cand --ws-host 'WebSocket host, when it differs from the REST host'
            cand --ws-port 'WebSocket port, when it differs from the REST port'
            cand --ca-cert 'PEM file of CA certificates to trust besides the system''s (a private CA)'
            cand --timeout 'Network timeout, e.g. 5s or 500ms [default: 10s]'
            cand --env-file 'Also read PUSHER_* and RTCTL_* variables from a .env file (--env-file=PATH for another) [default: ./.env]'
            cand --color 'When to colour output'
            cand --json 'One JSON line per event'
            cand --secret-stdin 'Read the app secret from the first line of stdin (never from a flag''s value)'
            cand --tls 'Use https and wss'
            cand --no-tls 'Use plain http and ws'
            cand --trust-env-file 'Let the server and URLs the .env names receive credentials from elsewhere (the profile, the environment)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'rtctl;webhook;help'= {
            cand fixture 'Print a webhook body of one event type, for the platform''s channels by default'
            cand replay 'Sign fixtures with the app''s secret and post them to the app''s webhook endpoint'
            cand verify 'Say whether a captured webhook is authentic, and which part is wrong if not'
            cand listen 'Receive webhooks from a server, verify and print them; forward or save them'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'rtctl;webhook;help;fixture'= {
        }
        &'rtctl;webhook;help;replay'= {
        }
        &'rtctl;webhook;help;verify'= {
        }
        &'rtctl;webhook;help;listen'= {
        }
        &'rtctl;webhook;help;help'= {
        }
        &'rtctl;doctor'= {
            cand --only 'Run only these checks or groups (repeatable, or comma-separated)'
            cand --skip 'Leave out these checks or groups (repeatable, or comma-separated)'
            cand --compare-env 'An app .env to compare with the profile and the other files (repeatable)'
            cand --origin 'The frontend''s address, whose origin the auth endpoint''s CORS must allow (app.cors)'
            cand --junit 'Also write a JUnit XML report to FILE, a test case a check'
            cand --profile 'Profile to use [default: $RTCTL_PROFILE, then `default_profile`, then `local`]'
            cand --app-id 'App id'
            cand --key 'App key'
            cand --cluster 'Pusher cluster, e.g. eu: api-eu.pusher.com and ws-eu.pusher.com with TLS'
            cand --host 'REST host of a self-hosted server (overrides --cluster)'
            cand --port 'REST port'
            cand --ws-host 'WebSocket host, when it differs from the REST host'
            cand --ws-port 'WebSocket port, when it differs from the REST port'
            cand --ca-cert 'PEM file of CA certificates to trust besides the system''s (a private CA)'
            cand --timeout 'Network timeout, e.g. 5s or 500ms [default: 10s]'
            cand --env-file 'Also read PUSHER_* and RTCTL_* variables from a .env file (--env-file=PATH for another) [default: ./.env]'
            cand --color 'When to colour output'
            cand --list-checks 'List the checks, with their ids and groups, and exit'
            cand --offline 'Run only the checks that need no network'
            cand --strict 'Count warnings as failures'
            cand --json 'Print one JSON document instead of the checklist'
            cand -v 'Show each check''s details (values, URLs) and timing'
            cand --verbose 'Show each check''s details (values, URLs) and timing'
            cand --secret-stdin 'Read the app secret from the first line of stdin (never from a flag''s value)'
            cand --tls 'Use https and wss'
            cand --no-tls 'Use plain http and ws'
            cand --trust-env-file 'Let the server and URLs the .env names receive credentials from elsewhere (the profile, the environment)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'rtctl;probe'= {
            cand --kind 'The kind of channel the probe makes up when no CHANNEL is given'
            cand --count 'Events to send, from 1 to 100000'
            cand --interval 'Time between sends, e.g. 100ms or 1s'
            cand --via 'Publish through Pusher''s REST API, or the app''s backend (what users'' own events go through)'
            cand --slo 'Objectives, e.g. p99=250ms,loss=0 (loss: sent and never received, failed publishes included): a breach exits 5'
            cand --profile 'Profile to use [default: $RTCTL_PROFILE, then `default_profile`, then `local`]'
            cand --app-id 'App id'
            cand --key 'App key'
            cand --cluster 'Pusher cluster, e.g. eu: api-eu.pusher.com and ws-eu.pusher.com with TLS'
            cand --host 'REST host of a self-hosted server (overrides --cluster)'
            cand --port 'REST port'
            cand --ws-host 'WebSocket host, when it differs from the REST host'
            cand --ws-port 'WebSocket port, when it differs from the REST port'
            cand --ca-cert 'PEM file of CA certificates to trust besides the system''s (a private CA)'
            cand --timeout 'Network timeout, e.g. 5s or 500ms [default: 10s]'
            cand --env-file 'Also read PUSHER_* and RTCTL_* variables from a .env file (--env-file=PATH for another) [default: ./.env]'
            cand --color 'When to colour output'
            cand --json 'Write one JSON document, for scripts'
            cand --junit 'Write JUnit XML, a test case per --slo term, for CI'
            cand --secret-stdin 'Read the app secret from the first line of stdin (never from a flag''s value)'
            cand --tls 'Use https and wss'
            cand --no-tls 'Use plain http and ws'
            cand --trust-env-file 'Let the server and URLs the .env names receive credentials from elsewhere (the profile, the environment)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'rtctl;bench'= {
            cand --subscribers 'WebSocket connections to open, each subscribed to one channel, from 1 to 100000'
            cand --channels 'Channels to spread the subscribers over, from 1 to 10000 (at most --subscribers)'
            cand --kind 'The kind of the channels'
            cand --rate 'Events to publish, all channels together, e.g. 500/s or 600/min'
            cand --duration 'How long to publish, e.g. 30s or 5m'
            cand --payload-size 'Size of each event''s data, e.g. 100, 1KiB (at least 64 bytes)'
            cand --ramp 'Spread opening the connections evenly over this long, e.g. 10s [default: as fast as the server confirms them]'
            cand --profile 'Profile to use [default: $RTCTL_PROFILE, then `default_profile`, then `local`]'
            cand --app-id 'App id'
            cand --key 'App key'
            cand --cluster 'Pusher cluster, e.g. eu: api-eu.pusher.com and ws-eu.pusher.com with TLS'
            cand --host 'REST host of a self-hosted server (overrides --cluster)'
            cand --port 'REST port'
            cand --ws-host 'WebSocket host, when it differs from the REST host'
            cand --ws-port 'WebSocket port, when it differs from the REST port'
            cand --ca-cert 'PEM file of CA certificates to trust besides the system''s (a private CA)'
            cand --timeout 'Network timeout, e.g. 5s or 500ms [default: 10s]'
            cand --env-file 'Also read PUSHER_* and RTCTL_* variables from a .env file (--env-file=PATH for another) [default: ./.env]'
            cand --color 'When to colour output'
            cand --yes 'Run against Pusher''s hosted service, spending the account''s messages'
            cand --json 'Write one JSON document, for scripts and `bench merge`'
            cand --secret-stdin 'Read the app secret from the first line of stdin (never from a flag''s value)'
            cand --tls 'Use https and wss'
            cand --no-tls 'Use plain http and ws'
            cand --trust-env-file 'Let the server and URLs the .env names receive credentials from elsewhere (the profile, the environment)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand merge 'Combine the --json results of several bench runs into one report'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'rtctl;bench;merge'= {
            cand --profile 'Profile to use [default: $RTCTL_PROFILE, then `default_profile`, then `local`]'
            cand --app-id 'App id'
            cand --key 'App key'
            cand --cluster 'Pusher cluster, e.g. eu: api-eu.pusher.com and ws-eu.pusher.com with TLS'
            cand --host 'REST host of a self-hosted server (overrides --cluster)'
            cand --port 'REST port'
            cand --ws-host 'WebSocket host, when it differs from the REST host'
            cand --ws-port 'WebSocket port, when it differs from the REST port'
            cand --ca-cert 'PEM file of CA certificates to trust besides the system''s (a private CA)'
            cand --timeout 'Network timeout, e.g. 5s or 500ms [default: 10s]'
            cand --env-file 'Also read PUSHER_* and RTCTL_* variables from a .env file (--env-file=PATH for another) [default: ./.env]'
            cand --color 'When to colour output'
            cand --json 'Write one JSON document (the same shape as `bench --json`, without settings)'
            cand --secret-stdin 'Read the app secret from the first line of stdin (never from a flag''s value)'
            cand --tls 'Use https and wss'
            cand --no-tls 'Use plain http and ws'
            cand --trust-env-file 'Let the server and URLs the .env names receive credentials from elsewhere (the profile, the environment)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'rtctl;bench;help'= {
            cand merge 'Combine the --json results of several bench runs into one report'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'rtctl;bench;help;merge'= {
        }
        &'rtctl;bench;help;help'= {
        }
        &'rtctl;config'= {
            cand --profile 'Profile to use [default: $RTCTL_PROFILE, then `default_profile`, then `local`]'
            cand --app-id 'App id'
            cand --key 'App key'
            cand --cluster 'Pusher cluster, e.g. eu: api-eu.pusher.com and ws-eu.pusher.com with TLS'
            cand --host 'REST host of a self-hosted server (overrides --cluster)'
            cand --port 'REST port'
            cand --ws-host 'WebSocket host, when it differs from the REST host'
            cand --ws-port 'WebSocket port, when it differs from the REST port'
            cand --ca-cert 'PEM file of CA certificates to trust besides the system''s (a private CA)'
            cand --timeout 'Network timeout, e.g. 5s or 500ms [default: 10s]'
            cand --env-file 'Also read PUSHER_* and RTCTL_* variables from a .env file (--env-file=PATH for another) [default: ./.env]'
            cand --color 'When to colour output'
            cand --secret-stdin 'Read the app secret from the first line of stdin (never from a flag''s value)'
            cand --tls 'Use https and wss'
            cand --no-tls 'Use plain http and ws'
            cand --trust-env-file 'Let the server and URLs the .env names receive credentials from elsewhere (the profile, the environment)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand show 'Show the resolved profile (secrets masked)'
            cand list 'List the profiles in the config file'
            cand path 'Print the config file''s path'
            cand init 'Create a profile, asking on a terminal or from flags without one'
            cand use 'Make a profile the default'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'rtctl;config;show'= {
            cand --profile 'Profile to use [default: $RTCTL_PROFILE, then `default_profile`, then `local`]'
            cand --app-id 'App id'
            cand --key 'App key'
            cand --cluster 'Pusher cluster, e.g. eu: api-eu.pusher.com and ws-eu.pusher.com with TLS'
            cand --host 'REST host of a self-hosted server (overrides --cluster)'
            cand --port 'REST port'
            cand --ws-host 'WebSocket host, when it differs from the REST host'
            cand --ws-port 'WebSocket port, when it differs from the REST port'
            cand --ca-cert 'PEM file of CA certificates to trust besides the system''s (a private CA)'
            cand --timeout 'Network timeout, e.g. 5s or 500ms [default: 10s]'
            cand --env-file 'Also read PUSHER_* and RTCTL_* variables from a .env file (--env-file=PATH for another) [default: ./.env]'
            cand --color 'When to colour output'
            cand --show-origin 'Show where each value comes from'
            cand --json 'Print as JSON, with sources'
            cand --secret-stdin 'Read the app secret from the first line of stdin (never from a flag''s value)'
            cand --tls 'Use https and wss'
            cand --no-tls 'Use plain http and ws'
            cand --trust-env-file 'Let the server and URLs the .env names receive credentials from elsewhere (the profile, the environment)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'rtctl;config;list'= {
            cand --profile 'Profile to use [default: $RTCTL_PROFILE, then `default_profile`, then `local`]'
            cand --app-id 'App id'
            cand --key 'App key'
            cand --cluster 'Pusher cluster, e.g. eu: api-eu.pusher.com and ws-eu.pusher.com with TLS'
            cand --host 'REST host of a self-hosted server (overrides --cluster)'
            cand --port 'REST port'
            cand --ws-host 'WebSocket host, when it differs from the REST host'
            cand --ws-port 'WebSocket port, when it differs from the REST port'
            cand --ca-cert 'PEM file of CA certificates to trust besides the system''s (a private CA)'
            cand --timeout 'Network timeout, e.g. 5s or 500ms [default: 10s]'
            cand --env-file 'Also read PUSHER_* and RTCTL_* variables from a .env file (--env-file=PATH for another) [default: ./.env]'
            cand --color 'When to colour output'
            cand --json 'Print as JSON'
            cand --secret-stdin 'Read the app secret from the first line of stdin (never from a flag''s value)'
            cand --tls 'Use https and wss'
            cand --no-tls 'Use plain http and ws'
            cand --trust-env-file 'Let the server and URLs the .env names receive credentials from elsewhere (the profile, the environment)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'rtctl;config;path'= {
            cand --profile 'Profile to use [default: $RTCTL_PROFILE, then `default_profile`, then `local`]'
            cand --app-id 'App id'
            cand --key 'App key'
            cand --cluster 'Pusher cluster, e.g. eu: api-eu.pusher.com and ws-eu.pusher.com with TLS'
            cand --host 'REST host of a self-hosted server (overrides --cluster)'
            cand --port 'REST port'
            cand --ws-host 'WebSocket host, when it differs from the REST host'
            cand --ws-port 'WebSocket port, when it differs from the REST port'
            cand --ca-cert 'PEM file of CA certificates to trust besides the system''s (a private CA)'
            cand --timeout 'Network timeout, e.g. 5s or 500ms [default: 10s]'
            cand --env-file 'Also read PUSHER_* and RTCTL_* variables from a .env file (--env-file=PATH for another) [default: ./.env]'
            cand --color 'When to colour output'
            cand --secret-stdin 'Read the app secret from the first line of stdin (never from a flag''s value)'
            cand --tls 'Use https and wss'
            cand --no-tls 'Use plain http and ws'
            cand --trust-env-file 'Let the server and URLs the .env names receive credentials from elsewhere (the profile, the environment)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'rtctl;config;init'= {
            cand --secret-env 'Read the secret from this environment variable at run time'
            cand --secret-command 'Run this command at run time and use its first line as the secret'
            cand --auth-endpoint 'The app''s auth endpoint [default: BACKEND_URL/pusher/auth]'
            cand --backend-url 'The app''s backend, e.g. http://localhost:8008; the auth endpoint and webhook URL default to the platform''s paths under it'
            cand --webhook-url 'The app''s webhook endpoint [default: BACKEND_URL/pusher/webhook]'
            cand --profile 'Profile to use [default: $RTCTL_PROFILE, then `default_profile`, then `local`]'
            cand --app-id 'App id'
            cand --key 'App key'
            cand --cluster 'Pusher cluster, e.g. eu: api-eu.pusher.com and ws-eu.pusher.com with TLS'
            cand --host 'REST host of a self-hosted server (overrides --cluster)'
            cand --port 'REST port'
            cand --ws-host 'WebSocket host, when it differs from the REST host'
            cand --ws-port 'WebSocket port, when it differs from the REST port'
            cand --ca-cert 'PEM file of CA certificates to trust besides the system''s (a private CA)'
            cand --timeout 'Network timeout, e.g. 5s or 500ms [default: 10s]'
            cand --env-file 'Also read PUSHER_* and RTCTL_* variables from a .env file (--env-file=PATH for another) [default: ./.env]'
            cand --color 'When to colour output'
            cand --default 'Make it the default profile (a new file''s first profile always is)'
            cand --force 'Replace a profile of the same name'
            cand --no-input 'Never prompt, even on a terminal'
            cand --check 'Check the new profile once written with doctor''s connection checks: a signed REST request, the server''s clock, a WebSocket handshake and a ping (asked on a terminal)'
            cand --secret-stdin 'Read the app secret from the first line of stdin (never from a flag''s value)'
            cand --tls 'Use https and wss'
            cand --no-tls 'Use plain http and ws'
            cand --trust-env-file 'Let the server and URLs the .env names receive credentials from elsewhere (the profile, the environment)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'rtctl;config;use'= {
            cand --profile 'Profile to use [default: $RTCTL_PROFILE, then `default_profile`, then `local`]'
            cand --app-id 'App id'
            cand --key 'App key'
            cand --cluster 'Pusher cluster, e.g. eu: api-eu.pusher.com and ws-eu.pusher.com with TLS'
            cand --host 'REST host of a self-hosted server (overrides --cluster)'
            cand --port 'REST port'
            cand --ws-host 'WebSocket host, when it differs from the REST host'
            cand --ws-port 'WebSocket port, when it differs from the REST port'
            cand --ca-cert 'PEM file of CA certificates to trust besides the system''s (a private CA)'
            cand --timeout 'Network timeout, e.g. 5s or 500ms [default: 10s]'
            cand --env-file 'Also read PUSHER_* and RTCTL_* variables from a .env file (--env-file=PATH for another) [default: ./.env]'
            cand --color 'When to colour output'
            cand --secret-stdin 'Read the app secret from the first line of stdin (never from a flag''s value)'
            cand --tls 'Use https and wss'
            cand --no-tls 'Use plain http and ws'
            cand --trust-env-file 'Let the server and URLs the .env names receive credentials from elsewhere (the profile, the environment)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'rtctl;config;help'= {
            cand show 'Show the resolved profile (secrets masked)'
            cand list 'List the profiles in the config file'
            cand path 'Print the config file''s path'
            cand init 'Create a profile, asking on a terminal or from flags without one'
            cand use 'Make a profile the default'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'rtctl;config;help;show'= {
        }
        &'rtctl;config;help;list'= {
        }
        &'rtctl;config;help;path'= {
        }
        &'rtctl;config;help;init'= {
        }
        &'rtctl;config;help;use'= {
        }
        &'rtctl;config;help;help'= {
        }
        &'rtctl;completions'= {
            cand --profile 'Profile to use [default: $RTCTL_PROFILE, then `default_profile`, then `local`]'
            cand --app-id 'App id'
            cand --key 'App key'
            cand --cluster 'Pusher cluster, e.g. eu: api-eu.pusher.com and ws-eu.pusher.com with TLS'
            cand --host 'REST host of a self-hosted server (overrides --cluster)'
            cand --port 'REST port'
            cand --ws-host 'WebSocket host, when it differs from the REST host'
            cand --ws-port 'WebSocket port, when it differs from the REST port'
            cand --ca-cert 'PEM file of CA certificates to trust besides the system''s (a private CA)'
            cand --timeout 'Network timeout, e.g. 5s or 500ms [default: 10s]'
            cand --env-file 'Also read PUSHER_* and RTCTL_* variables from a .env file (--env-file=PATH for another) [default: ./.env]'
            cand --color 'When to colour output'
            cand --dynamic 'Print a small script that asks rtctl at each <TAB>, so profile names, the catalogue''s channels and events, and the occupied channels complete too (rtctl must be on PATH)'
            cand --secret-stdin 'Read the app secret from the first line of stdin (never from a flag''s value)'
            cand --tls 'Use https and wss'
            cand --no-tls 'Use plain http and ws'
            cand --trust-env-file 'Let the server and URLs the .env names receive credentials from elsewhere (the profile, the environment)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'rtctl;help'= {
            cand trigger 'Publish events over the REST API: one, a batch file, or one many times'
            cand tail 'Subscribe to channels over the WebSocket and stream their events'
            cand channels 'List occupied channels, show one, list a presence channel''s members, watch them live'
            cand users 'Send an event to a signed-in user, or close their connections'
            cand catalog 'Show the event catalogue that trigger fills and checks payloads from'
            cand auth 'Sign and check channel authorization and user authentication'
            cand webhook 'Generate, replay, verify and capture webhooks'
            cand doctor 'Check an environment''s config and connectivity end to end'
            cand probe 'Measure publish and fan-out latency, loss and order on a channel'
            cand bench 'Put a bounded load on a server you own and measure fan-out latency and delivery'
            cand config 'Show, list, create and choose profiles'
            cand completions 'Print a shell completion script'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'rtctl;help;trigger'= {
        }
        &'rtctl;help;tail'= {
        }
        &'rtctl;help;channels'= {
            cand list 'List occupied channels'
            cand show 'Show one channel''s state'
            cand users 'List the members of a presence channel'
            cand watch 'Watch the occupied channels live: counts, and members joining and leaving'
        }
        &'rtctl;help;channels;list'= {
        }
        &'rtctl;help;channels;show'= {
        }
        &'rtctl;help;channels;users'= {
        }
        &'rtctl;help;channels;watch'= {
        }
        &'rtctl;help;users'= {
            cand send 'Send an event to one signed-in user (the #server-to-user-ID channel)'
            cand terminate 'Close every connection of a signed-in user'
        }
        &'rtctl;help;users;send'= {
        }
        &'rtctl;help;users;terminate'= {
        }
        &'rtctl;help;catalog'= {
            cand list 'List the catalogue''s channels and their events'
            cand show 'Show a channel''s events, or one event''s rules and example payload'
        }
        &'rtctl;help;catalog;list'= {
        }
        &'rtctl;help;catalog;show'= {
        }
        &'rtctl;help;auth'= {
            cand sign 'Sign a channel subscription; prints exactly what an auth endpoint returns'
            cand user 'Sign a user sign-in (pusher:signin); prints what a user-auth endpoint returns'
            cand verify 'Check a `key:signature` auth value and show what should have been signed'
        }
        &'rtctl;help;auth;sign'= {
        }
        &'rtctl;help;auth;user'= {
        }
        &'rtctl;help;auth;verify'= {
        }
        &'rtctl;help;webhook'= {
            cand fixture 'Print a webhook body of one event type, for the platform''s channels by default'
            cand replay 'Sign fixtures with the app''s secret and post them to the app''s webhook endpoint'
            cand verify 'Say whether a captured webhook is authentic, and which part is wrong if not'
            cand listen 'Receive webhooks from a server, verify and print them; forward or save them'
        }
        &'rtctl;help;webhook;fixture'= {
        }
        &'rtctl;help;webhook;replay'= {
        }
        &'rtctl;help;webhook;verify'= {
        }
        &'rtctl;help;webhook;listen'= {
        }
        &'rtctl;help;doctor'= {
        }
        &'rtctl;help;probe'= {
        }
        &'rtctl;help;bench'= {
            cand merge 'Combine the --json results of several bench runs into one report'
        }
        &'rtctl;help;bench;merge'= {
        }
        &'rtctl;help;config'= {
            cand show 'Show the resolved profile (secrets masked)'
            cand list 'List the profiles in the config file'
            cand path 'Print the config file''s path'
            cand init 'Create a profile, asking on a terminal or from flags without one'
            cand use 'Make a profile the default'
        }
        &'rtctl;help;config;show'= {
        }
        &'rtctl;help;config;list'= {
        }
        &'rtctl;help;config;path'= {
        }
        &'rtctl;help;config;init'= {
        }
        &'rtctl;help;config;use'= {
        }
        &'rtctl;help;completions'= {
        }
        &'rtctl;help;help'= {
        }
    ]
    $completions[$command]
}
