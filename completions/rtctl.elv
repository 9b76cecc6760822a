
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
            cand --timeout 'Network timeout, e.g. 5s or 500ms [default: 10s]'
            cand --env-file 'Also read PUSHER_* and RTCTL_* variables from a .env file (--env-file=PATH for another) [default: ./.env]'
            cand --color 'When to colour output'
            cand --secret-stdin 'Read the app secret from the first line of stdin (never from a flag''s value)'
            cand --tls 'Use https and wss'
            cand --no-tls 'Use plain http and ws'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand trigger 'Publish events to channels over the REST API (not built yet)'
            cand tail 'Subscribe to channels over the WebSocket and stream their events (not built yet)'
            cand channels 'List occupied channels, show one, list a presence channel''s members'
            cand auth 'Sign and check channel authorization and user authentication'
            cand webhook 'Generate, replay, verify and capture webhooks (not built yet)'
            cand doctor 'Check an environment''s config and connectivity end to end (not built yet)'
            cand config 'Show, list, create and choose profiles'
            cand completions 'Print a shell completion script'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'rtctl;trigger'= {
            cand --profile 'Profile to use [default: $RTCTL_PROFILE, then `default_profile`, then `local`]'
            cand --app-id 'App id'
            cand --key 'App key'
            cand --cluster 'Pusher cluster, e.g. eu: api-eu.pusher.com and ws-eu.pusher.com with TLS'
            cand --host 'REST host of a self-hosted server (overrides --cluster)'
            cand --port 'REST port'
            cand --ws-host 'WebSocket host, when it differs from the REST host'
            cand --ws-port 'WebSocket port, when it differs from the REST port'
            cand --timeout 'Network timeout, e.g. 5s or 500ms [default: 10s]'
            cand --env-file 'Also read PUSHER_* and RTCTL_* variables from a .env file (--env-file=PATH for another) [default: ./.env]'
            cand --color 'When to colour output'
            cand --secret-stdin 'Read the app secret from the first line of stdin (never from a flag''s value)'
            cand --tls 'Use https and wss'
            cand --no-tls 'Use plain http and ws'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'rtctl;tail'= {
            cand --profile 'Profile to use [default: $RTCTL_PROFILE, then `default_profile`, then `local`]'
            cand --app-id 'App id'
            cand --key 'App key'
            cand --cluster 'Pusher cluster, e.g. eu: api-eu.pusher.com and ws-eu.pusher.com with TLS'
            cand --host 'REST host of a self-hosted server (overrides --cluster)'
            cand --port 'REST port'
            cand --ws-host 'WebSocket host, when it differs from the REST host'
            cand --ws-port 'WebSocket port, when it differs from the REST port'
            cand --timeout 'Network timeout, e.g. 5s or 500ms [default: 10s]'
            cand --env-file 'Also read PUSHER_* and RTCTL_* variables from a .env file (--env-file=PATH for another) [default: ./.env]'
            cand --color 'When to colour output'
            cand --secret-stdin 'Read the app secret from the first line of stdin (never from a flag''s value)'
            cand --tls 'Use https and wss'
            cand --no-tls 'Use plain http and ws'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
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
            cand --timeout 'Network timeout, e.g. 5s or 500ms [default: 10s]'
            cand --env-file 'Also read PUSHER_* and RTCTL_* variables from a .env file (--env-file=PATH for another) [default: ./.env]'
            cand --color 'When to colour output'
            cand --secret-stdin 'Read the app secret from the first line of stdin (never from a flag''s value)'
            cand --tls 'Use https and wss'
            cand --no-tls 'Use plain http and ws'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand list 'List occupied channels'
            cand show 'Show one channel''s state'
            cand users 'List the members of a presence channel'
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
            cand --timeout 'Network timeout, e.g. 5s or 500ms [default: 10s]'
            cand --env-file 'Also read PUSHER_* and RTCTL_* variables from a .env file (--env-file=PATH for another) [default: ./.env]'
            cand --color 'When to colour output'
            cand --json 'Print the server''s JSON answer'
            cand --secret-stdin 'Read the app secret from the first line of stdin (never from a flag''s value)'
            cand --tls 'Use https and wss'
            cand --no-tls 'Use plain http and ws'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
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
            cand --timeout 'Network timeout, e.g. 5s or 500ms [default: 10s]'
            cand --env-file 'Also read PUSHER_* and RTCTL_* variables from a .env file (--env-file=PATH for another) [default: ./.env]'
            cand --color 'When to colour output'
            cand --json 'Print the server''s JSON answer'
            cand --secret-stdin 'Read the app secret from the first line of stdin (never from a flag''s value)'
            cand --tls 'Use https and wss'
            cand --no-tls 'Use plain http and ws'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
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
            cand --timeout 'Network timeout, e.g. 5s or 500ms [default: 10s]'
            cand --env-file 'Also read PUSHER_* and RTCTL_* variables from a .env file (--env-file=PATH for another) [default: ./.env]'
            cand --color 'When to colour output'
            cand --json 'Print the server''s JSON answer'
            cand --secret-stdin 'Read the app secret from the first line of stdin (never from a flag''s value)'
            cand --tls 'Use https and wss'
            cand --no-tls 'Use plain http and ws'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'rtctl;channels;help'= {
            cand list 'List occupied channels'
            cand show 'Show one channel''s state'
            cand users 'List the members of a presence channel'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'rtctl;channels;help;list'= {
        }
        &'rtctl;channels;help;show'= {
        }
        &'rtctl;channels;help;users'= {
        }
        &'rtctl;channels;help;help'= {
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
            cand --timeout 'Network timeout, e.g. 5s or 500ms [default: 10s]'
            cand --env-file 'Also read PUSHER_* and RTCTL_* variables from a .env file (--env-file=PATH for another) [default: ./.env]'
            cand --color 'When to colour output'
            cand --secret-stdin 'Read the app secret from the first line of stdin (never from a flag''s value)'
            cand --tls 'Use https and wss'
            cand --no-tls 'Use plain http and ws'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
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
            cand --timeout 'Network timeout, e.g. 5s or 500ms [default: 10s]'
            cand --env-file 'Also read PUSHER_* and RTCTL_* variables from a .env file (--env-file=PATH for another) [default: ./.env]'
            cand --color 'When to colour output'
            cand --secret-stdin 'Read the app secret from the first line of stdin (never from a flag''s value)'
            cand --tls 'Use https and wss'
            cand --no-tls 'Use plain http and ws'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
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
            cand --timeout 'Network timeout, e.g. 5s or 500ms [default: 10s]'
            cand --env-file 'Also read PUSHER_* and RTCTL_* variables from a .env file (--env-file=PATH for another) [default: ./.env]'
            cand --color 'When to colour output'
            cand --secret-stdin 'Read the app secret from the first line of stdin (never from a flag''s value)'
            cand --tls 'Use https and wss'
            cand --no-tls 'Use plain http and ws'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
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
            cand --timeout 'Network timeout, e.g. 5s or 500ms [default: 10s]'
            cand --env-file 'Also read PUSHER_* and RTCTL_* variables from a .env file (--env-file=PATH for another) [default: ./.env]'
            cand --color 'When to colour output'
            cand --json 'Print the verdict as JSON'
            cand --secret-stdin 'Read the app secret from the first line of stdin (never from a flag''s value)'
            cand --tls 'Use https and wss'
            cand --no-tls 'Use plain http and ws'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
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
            cand --timeout 'Network timeout, e.g. 5s or 500ms [default: 10s]'
            cand --env-file 'Also read PUSHER_* and RTCTL_* variables from a .env file (--env-file=PATH for another) [default: ./.env]'
            cand --color 'When to colour output'
            cand --secret-stdin 'Read the app secret from the first line of stdin (never from a flag''s value)'
            cand --tls 'Use https and wss'
            cand --no-tls 'Use plain http and ws'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'rtctl;doctor'= {
            cand --profile 'Profile to use [default: $RTCTL_PROFILE, then `default_profile`, then `local`]'
            cand --app-id 'App id'
            cand --key 'App key'
            cand --cluster 'Pusher cluster, e.g. eu: api-eu.pusher.com and ws-eu.pusher.com with TLS'
            cand --host 'REST host of a self-hosted server (overrides --cluster)'
            cand --port 'REST port'
            cand --ws-host 'WebSocket host, when it differs from the REST host'
            cand --ws-port 'WebSocket port, when it differs from the REST port'
            cand --timeout 'Network timeout, e.g. 5s or 500ms [default: 10s]'
            cand --env-file 'Also read PUSHER_* and RTCTL_* variables from a .env file (--env-file=PATH for another) [default: ./.env]'
            cand --color 'When to colour output'
            cand --secret-stdin 'Read the app secret from the first line of stdin (never from a flag''s value)'
            cand --tls 'Use https and wss'
            cand --no-tls 'Use plain http and ws'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
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
            cand --timeout 'Network timeout, e.g. 5s or 500ms [default: 10s]'
            cand --env-file 'Also read PUSHER_* and RTCTL_* variables from a .env file (--env-file=PATH for another) [default: ./.env]'
            cand --color 'When to colour output'
            cand --secret-stdin 'Read the app secret from the first line of stdin (never from a flag''s value)'
            cand --tls 'Use https and wss'
            cand --no-tls 'Use plain http and ws'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
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
            cand --timeout 'Network timeout, e.g. 5s or 500ms [default: 10s]'
            cand --env-file 'Also read PUSHER_* and RTCTL_* variables from a .env file (--env-file=PATH for another) [default: ./.env]'
            cand --color 'When to colour output'
            cand --show-origin 'Show where each value comes from'
            cand --json 'Print as JSON, with sources'
            cand --secret-stdin 'Read the app secret from the first line of stdin (never from a flag''s value)'
            cand --tls 'Use https and wss'
            cand --no-tls 'Use plain http and ws'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
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
            cand --timeout 'Network timeout, e.g. 5s or 500ms [default: 10s]'
            cand --env-file 'Also read PUSHER_* and RTCTL_* variables from a .env file (--env-file=PATH for another) [default: ./.env]'
            cand --color 'When to colour output'
            cand --json 'Print as JSON'
            cand --secret-stdin 'Read the app secret from the first line of stdin (never from a flag''s value)'
            cand --tls 'Use https and wss'
            cand --no-tls 'Use plain http and ws'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
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
            cand --timeout 'Network timeout, e.g. 5s or 500ms [default: 10s]'
            cand --env-file 'Also read PUSHER_* and RTCTL_* variables from a .env file (--env-file=PATH for another) [default: ./.env]'
            cand --color 'When to colour output'
            cand --secret-stdin 'Read the app secret from the first line of stdin (never from a flag''s value)'
            cand --tls 'Use https and wss'
            cand --no-tls 'Use plain http and ws'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'rtctl;config;init'= {
            cand --secret-env 'Read the secret from this environment variable at run time'
            cand --secret-command 'Run this command at run time and use its first line as the secret'
            cand --auth-endpoint 'The app''s auth endpoint, e.g. http://localhost:8008/pusher/auth'
            cand --backend-url 'The app''s backend, e.g. http://localhost:8008'
            cand --webhook-url 'The app''s webhook endpoint, e.g. http://localhost:8008/pusher/webhook'
            cand --profile 'Profile to use [default: $RTCTL_PROFILE, then `default_profile`, then `local`]'
            cand --app-id 'App id'
            cand --key 'App key'
            cand --cluster 'Pusher cluster, e.g. eu: api-eu.pusher.com and ws-eu.pusher.com with TLS'
            cand --host 'REST host of a self-hosted server (overrides --cluster)'
            cand --port 'REST port'
            cand --ws-host 'WebSocket host, when it differs from the REST host'
            cand --ws-port 'WebSocket port, when it differs from the REST port'
            cand --timeout 'Network timeout, e.g. 5s or 500ms [default: 10s]'
            cand --env-file 'Also read PUSHER_* and RTCTL_* variables from a .env file (--env-file=PATH for another) [default: ./.env]'
            cand --color 'When to colour output'
            cand --default 'Make it the default profile (a new file''s first profile always is)'
            cand --force 'Replace a profile of the same name'
            cand --no-input 'Never prompt, even on a terminal'
            cand --secret-stdin 'Read the app secret from the first line of stdin (never from a flag''s value)'
            cand --tls 'Use https and wss'
            cand --no-tls 'Use plain http and ws'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
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
            cand --timeout 'Network timeout, e.g. 5s or 500ms [default: 10s]'
            cand --env-file 'Also read PUSHER_* and RTCTL_* variables from a .env file (--env-file=PATH for another) [default: ./.env]'
            cand --color 'When to colour output'
            cand --secret-stdin 'Read the app secret from the first line of stdin (never from a flag''s value)'
            cand --tls 'Use https and wss'
            cand --no-tls 'Use plain http and ws'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
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
            cand --timeout 'Network timeout, e.g. 5s or 500ms [default: 10s]'
            cand --env-file 'Also read PUSHER_* and RTCTL_* variables from a .env file (--env-file=PATH for another) [default: ./.env]'
            cand --color 'When to colour output'
            cand --dynamic 'Print a small script that asks rtctl at each <TAB>, so profile names from your config complete too (rtctl must be on PATH)'
            cand --secret-stdin 'Read the app secret from the first line of stdin (never from a flag''s value)'
            cand --tls 'Use https and wss'
            cand --no-tls 'Use plain http and ws'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'rtctl;help'= {
            cand trigger 'Publish events to channels over the REST API (not built yet)'
            cand tail 'Subscribe to channels over the WebSocket and stream their events (not built yet)'
            cand channels 'List occupied channels, show one, list a presence channel''s members'
            cand auth 'Sign and check channel authorization and user authentication'
            cand webhook 'Generate, replay, verify and capture webhooks (not built yet)'
            cand doctor 'Check an environment''s config and connectivity end to end (not built yet)'
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
        }
        &'rtctl;help;channels;list'= {
        }
        &'rtctl;help;channels;show'= {
        }
        &'rtctl;help;channels;users'= {
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
        }
        &'rtctl;help;doctor'= {
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
