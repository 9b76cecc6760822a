# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_rtctl_global_optspecs
    string join \n V/version json profile= app-id= key= secret-stdin cluster= host= port= tls no-tls ws-host= ws-port= ca-cert= timeout= env-file= trust-env-file color= h/help
end

function __fish_rtctl_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_rtctl_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_rtctl_using_subcommand
    set -l cmd (__fish_rtctl_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c rtctl -n "__fish_rtctl_needs_command" -l profile -d 'Profile to use [default: $RTCTL_PROFILE, then `default_profile`, then `local`]' -r
complete -c rtctl -n "__fish_rtctl_needs_command" -l app-id -d 'App id' -r
complete -c rtctl -n "__fish_rtctl_needs_command" -l key -d 'App key' -r
complete -c rtctl -n "__fish_rtctl_needs_command" -l cluster -d 'Pusher cluster, e.g. eu: api-eu.pusher.com and ws-eu.pusher.com with TLS' -r
complete -c rtctl -n "__fish_rtctl_needs_command" -l host -d 'REST host of a self-hosted server (overrides --cluster)' -r
complete -c rtctl -n "__fish_rtctl_needs_command" -l port -d 'REST port' -r
complete -c rtctl -n "__fish_rtctl_needs_command" -l ws-host -d 'WebSocket host, when it differs from the REST host' -r
complete -c rtctl -n "__fish_rtctl_needs_command" -l ws-port -d 'WebSocket port, when it differs from the REST port' -r
complete -c rtctl -n "__fish_rtctl_needs_command" -l ca-cert -d 'PEM file of CA certificates to trust besides the system\'s (a private CA)' -r -F
complete -c rtctl -n "__fish_rtctl_needs_command" -l timeout -d 'Network timeout, e.g. 5s or 500ms [default: 10s]' -r
complete -c rtctl -n "__fish_rtctl_needs_command" -l env-file -d 'Also read PUSHER_* and RTCTL_* variables from a .env file (--env-file=PATH for another) [default: ./.env]' -r -F
complete -c rtctl -n "__fish_rtctl_needs_command" -l color -d 'When to colour output' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR or TERM=dumb says otherwise'
always\t''
never\t''"
complete -c rtctl -n "__fish_rtctl_needs_command" -s V -l version -d 'Print the version, the git commit it was built from and the target'
complete -c rtctl -n "__fish_rtctl_needs_command" -l json -d 'With --version: print it as one JSON object (for bug reports)'
complete -c rtctl -n "__fish_rtctl_needs_command" -l secret-stdin -d 'Read the app secret from the first line of stdin (never from a flag\'s value)'
complete -c rtctl -n "__fish_rtctl_needs_command" -l tls -d 'Use https and wss'
complete -c rtctl -n "__fish_rtctl_needs_command" -l no-tls -d 'Use plain http and ws'
complete -c rtctl -n "__fish_rtctl_needs_command" -l trust-env-file -d 'Let the server and URLs the .env names receive credentials from elsewhere (the profile, the environment)'
complete -c rtctl -n "__fish_rtctl_needs_command" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c rtctl -n "__fish_rtctl_needs_command" -f -a "trigger" -d 'Publish events over the REST API: one, a batch file, or one many times'
complete -c rtctl -n "__fish_rtctl_needs_command" -f -a "tail" -d 'Subscribe to channels over the WebSocket and stream their events'
complete -c rtctl -n "__fish_rtctl_needs_command" -f -a "channels" -d 'List occupied channels, show one, list a presence channel\'s members, watch them live'
complete -c rtctl -n "__fish_rtctl_needs_command" -f -a "users" -d 'Send an event to a signed-in user, or close their connections'
complete -c rtctl -n "__fish_rtctl_needs_command" -f -a "catalog" -d 'Show the event catalogue that trigger fills and checks payloads from'
complete -c rtctl -n "__fish_rtctl_needs_command" -f -a "auth" -d 'Sign and check channel authorization and user authentication'
complete -c rtctl -n "__fish_rtctl_needs_command" -f -a "webhook" -d 'Generate, replay, verify and capture webhooks'
complete -c rtctl -n "__fish_rtctl_needs_command" -f -a "doctor" -d 'Check an environment\'s config and connectivity end to end'
complete -c rtctl -n "__fish_rtctl_needs_command" -f -a "probe" -d 'Measure publish and fan-out latency, loss and order on a channel'
complete -c rtctl -n "__fish_rtctl_needs_command" -f -a "bench" -d 'Put a bounded load on a server you own and measure fan-out latency and delivery'
complete -c rtctl -n "__fish_rtctl_needs_command" -f -a "config" -d 'Show, list, create and choose profiles'
complete -c rtctl -n "__fish_rtctl_needs_command" -f -a "completions" -d 'Print a shell completion script'
complete -c rtctl -n "__fish_rtctl_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c rtctl -n "__fish_rtctl_using_subcommand trigger" -l set -d 'Set a field of the JSON data (dotted paths; true, 75, null and JSON are typed)' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand trigger" -l socket-id -d 'Exclude this connection from receiving the event' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand trigger" -l info -d 'Channel attributes to return: user_count (presence), subscription_count' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand trigger" -l catalog -d 'Event catalogue (TOML), or `none` [default: profile\'s `catalog`, else built-in]' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand trigger" -l via -d 'Send through Pusher\'s REST API or the app\'s backend' -r -f -a "pusher\t'Pusher\'s REST API, signed with the app secret'
backend\t'The app\'s own POST {backend_url}/realtime/trigger, with its bearer token'"
complete -c rtctl -n "__fish_rtctl_using_subcommand trigger" -l batch -d 'Send events from JSON Lines ({"channel","name","data","socket_id"}), 10 per request' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand trigger" -l repeat -d 'Send the event this many times' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand trigger" -l rate -d 'With --repeat: events per second, e.g. 50 or 50/s [default: as fast as allowed]' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand trigger" -l concurrency -d 'Requests in flight at once, for --batch and --repeat' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand trigger" -l retries -d 'Times to retry a request refused with 429 or 5xx, or that got no answer' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand trigger" -l profile -d 'Profile to use [default: $RTCTL_PROFILE, then `default_profile`, then `local`]' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand trigger" -l app-id -d 'App id' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand trigger" -l key -d 'App key' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand trigger" -l cluster -d 'Pusher cluster, e.g. eu: api-eu.pusher.com and ws-eu.pusher.com with TLS' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand trigger" -l host -d 'REST host of a self-hosted server (overrides --cluster)' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand trigger" -l port -d 'REST port' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand trigger" -l ws-host -d 'WebSocket host, when it differs from the REST host' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand trigger" -l ws-port -d 'WebSocket port, when it differs from the REST port' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand trigger" -l ca-cert -d 'PEM file of CA certificates to trust besides the system\'s (a private CA)' -r -F
complete -c rtctl -n "__fish_rtctl_using_subcommand trigger" -l timeout -d 'Network timeout, e.g. 5s or 500ms [default: 10s]' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand trigger" -l env-file -d 'Also read PUSHER_* and RTCTL_* variables from a .env file (--env-file=PATH for another) [default: ./.env]' -r -F
complete -c rtctl -n "__fish_rtctl_using_subcommand trigger" -l color -d 'When to colour output' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR or TERM=dumb says otherwise'
always\t''
never\t''"
complete -c rtctl -n "__fish_rtctl_using_subcommand trigger" -l text -d 'Send DATA as plain text, even if it looks like JSON'
complete -c rtctl -n "__fish_rtctl_using_subcommand trigger" -l no-validate -d 'Send even if the payload breaks the catalogue\'s rules'
complete -c rtctl -n "__fish_rtctl_using_subcommand trigger" -l dry-run -d 'Print the signed request instead of sending it; with --batch, check every line and send nothing'
complete -c rtctl -n "__fish_rtctl_using_subcommand trigger" -l curl -d 'Print a runnable curl command, already signed, instead of sending'
complete -c rtctl -n "__fish_rtctl_using_subcommand trigger" -l json -d 'Print the result as JSON'
complete -c rtctl -n "__fish_rtctl_using_subcommand trigger" -l fail-fast -d 'With --batch: stop at the first bad line'
complete -c rtctl -n "__fish_rtctl_using_subcommand trigger" -l secret-stdin -d 'Read the app secret from the first line of stdin (never from a flag\'s value)'
complete -c rtctl -n "__fish_rtctl_using_subcommand trigger" -l tls -d 'Use https and wss'
complete -c rtctl -n "__fish_rtctl_using_subcommand trigger" -l no-tls -d 'Use plain http and ws'
complete -c rtctl -n "__fish_rtctl_using_subcommand trigger" -l trust-env-file -d 'Let the server and URLs the .env names receive credentials from elsewhere (the profile, the environment)'
complete -c rtctl -n "__fish_rtctl_using_subcommand trigger" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c rtctl -n "__fish_rtctl_using_subcommand tail" -l event -d 'Only events whose name matches GLOB (`*`, `?`); repeatable' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand tail" -l count -d 'Exit 0 after N events have been shown' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand tail" -l duration -d 'Stop after DURATION, e.g. 30s; with --count, exit 124 if they did not all arrive' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand tail" -l ready-file -d 'Write the socket id to PATH once every channel is subscribed: trigger after it (an old file there is removed first)' -r -F
complete -c rtctl -n "__fish_rtctl_using_subcommand tail" -l rescan -d 'How often to list channels again for patterns' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand tail" -l auth-endpoint -d 'Get authorizations from the app\'s endpoint, as a browser would [default: the profile\'s `auth_endpoint`]' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand tail" -l auth-header -d 'A header for the auth endpoint, `Name: value`; repeatable (adds to the profile\'s `auth_headers`)' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand tail" -l auth-body -d 'How the auth endpoint\'s request body is written' -r -f -a "form\t''
json\t''"
complete -c rtctl -n "__fish_rtctl_using_subcommand tail" -l user-auth-endpoint -d 'The app\'s user-authentication endpoint for --signin [default: sign locally]' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand tail" -l user-id -d 'Member id for presence channels and --signin [default for presence: rtctl-<hostname>-<pid>]' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand tail" -l user-info -d 'Member info for presence channels and --signin, a JSON object' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand tail" -l send -d 'Send a client event to every channel once subscribed; DATA is JSON (or a plain string)' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand tail" -l activity-timeout -d 'Ping after this much silence (the server\'s activity_timeout caps it)' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand tail" -l pong-timeout -d 'Reconnect when a ping gets no pong within this' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand tail" -l max-message-size -d 'The largest WebSocket message accepted, e.g. 4MiB, 512KiB or bytes; a larger one ends the run as a protocol error' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand tail" -l profile -d 'Profile to use [default: $RTCTL_PROFILE, then `default_profile`, then `local`]' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand tail" -l app-id -d 'App id' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand tail" -l key -d 'App key' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand tail" -l cluster -d 'Pusher cluster, e.g. eu: api-eu.pusher.com and ws-eu.pusher.com with TLS' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand tail" -l host -d 'REST host of a self-hosted server (overrides --cluster)' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand tail" -l port -d 'REST port' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand tail" -l ws-host -d 'WebSocket host, when it differs from the REST host' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand tail" -l ws-port -d 'WebSocket port, when it differs from the REST port' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand tail" -l ca-cert -d 'PEM file of CA certificates to trust besides the system\'s (a private CA)' -r -F
complete -c rtctl -n "__fish_rtctl_using_subcommand tail" -l timeout -d 'Network timeout, e.g. 5s or 500ms [default: 10s]' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand tail" -l env-file -d 'Also read PUSHER_* and RTCTL_* variables from a .env file (--env-file=PATH for another) [default: ./.env]' -r -F
complete -c rtctl -n "__fish_rtctl_using_subcommand tail" -l color -d 'When to colour output' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR or TERM=dumb says otherwise'
always\t''
never\t''"
complete -c rtctl -n "__fish_rtctl_using_subcommand tail" -l json -d 'Write JSON Lines with a stable envelope, for jq and scripts'
complete -c rtctl -n "__fish_rtctl_using_subcommand tail" -l raw -d 'Show every protocol frame, both directions, instead of events'
complete -c rtctl -n "__fish_rtctl_using_subcommand tail" -l expand -d 'Show event data indented over several lines'
complete -c rtctl -n "__fish_rtctl_using_subcommand tail" -l exclude-internal -d 'Leave out pusher: and pusher_internal: events (member joins and leaves too)'
complete -c rtctl -n "__fish_rtctl_using_subcommand tail" -l sign-locally -d 'Sign locally with the app secret even when the profile names an auth endpoint'
complete -c rtctl -n "__fish_rtctl_using_subcommand tail" -l signin -d 'Sign the connection in as --user-id (pusher:signin) and receive events sent to that user'
complete -c rtctl -n "__fish_rtctl_using_subcommand tail" -l interactive -d 'Read client events from stdin, one `EVENT [DATA]` a line, and send each to every channel'
complete -c rtctl -n "__fish_rtctl_using_subcommand tail" -l no-reconnect -d 'Exit when the connection is lost instead of reconnecting'
complete -c rtctl -n "__fish_rtctl_using_subcommand tail" -l secret-stdin -d 'Read the app secret from the first line of stdin (never from a flag\'s value)'
complete -c rtctl -n "__fish_rtctl_using_subcommand tail" -l tls -d 'Use https and wss'
complete -c rtctl -n "__fish_rtctl_using_subcommand tail" -l no-tls -d 'Use plain http and ws'
complete -c rtctl -n "__fish_rtctl_using_subcommand tail" -l trust-env-file -d 'Let the server and URLs the .env names receive credentials from elsewhere (the profile, the environment)'
complete -c rtctl -n "__fish_rtctl_using_subcommand tail" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c rtctl -n "__fish_rtctl_using_subcommand channels; and not __fish_seen_subcommand_from list show users watch help" -l profile -d 'Profile to use [default: $RTCTL_PROFILE, then `default_profile`, then `local`]' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand channels; and not __fish_seen_subcommand_from list show users watch help" -l app-id -d 'App id' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand channels; and not __fish_seen_subcommand_from list show users watch help" -l key -d 'App key' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand channels; and not __fish_seen_subcommand_from list show users watch help" -l cluster -d 'Pusher cluster, e.g. eu: api-eu.pusher.com and ws-eu.pusher.com with TLS' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand channels; and not __fish_seen_subcommand_from list show users watch help" -l host -d 'REST host of a self-hosted server (overrides --cluster)' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand channels; and not __fish_seen_subcommand_from list show users watch help" -l port -d 'REST port' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand channels; and not __fish_seen_subcommand_from list show users watch help" -l ws-host -d 'WebSocket host, when it differs from the REST host' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand channels; and not __fish_seen_subcommand_from list show users watch help" -l ws-port -d 'WebSocket port, when it differs from the REST port' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand channels; and not __fish_seen_subcommand_from list show users watch help" -l ca-cert -d 'PEM file of CA certificates to trust besides the system\'s (a private CA)' -r -F
complete -c rtctl -n "__fish_rtctl_using_subcommand channels; and not __fish_seen_subcommand_from list show users watch help" -l timeout -d 'Network timeout, e.g. 5s or 500ms [default: 10s]' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand channels; and not __fish_seen_subcommand_from list show users watch help" -l env-file -d 'Also read PUSHER_* and RTCTL_* variables from a .env file (--env-file=PATH for another) [default: ./.env]' -r -F
complete -c rtctl -n "__fish_rtctl_using_subcommand channels; and not __fish_seen_subcommand_from list show users watch help" -l color -d 'When to colour output' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR or TERM=dumb says otherwise'
always\t''
never\t''"
complete -c rtctl -n "__fish_rtctl_using_subcommand channels; and not __fish_seen_subcommand_from list show users watch help" -l secret-stdin -d 'Read the app secret from the first line of stdin (never from a flag\'s value)'
complete -c rtctl -n "__fish_rtctl_using_subcommand channels; and not __fish_seen_subcommand_from list show users watch help" -l tls -d 'Use https and wss'
complete -c rtctl -n "__fish_rtctl_using_subcommand channels; and not __fish_seen_subcommand_from list show users watch help" -l no-tls -d 'Use plain http and ws'
complete -c rtctl -n "__fish_rtctl_using_subcommand channels; and not __fish_seen_subcommand_from list show users watch help" -l trust-env-file -d 'Let the server and URLs the .env names receive credentials from elsewhere (the profile, the environment)'
complete -c rtctl -n "__fish_rtctl_using_subcommand channels; and not __fish_seen_subcommand_from list show users watch help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c rtctl -n "__fish_rtctl_using_subcommand channels; and not __fish_seen_subcommand_from list show users watch help" -f -a "list" -d 'List occupied channels'
complete -c rtctl -n "__fish_rtctl_using_subcommand channels; and not __fish_seen_subcommand_from list show users watch help" -f -a "show" -d 'Show one channel\'s state'
complete -c rtctl -n "__fish_rtctl_using_subcommand channels; and not __fish_seen_subcommand_from list show users watch help" -f -a "users" -d 'List the members of a presence channel'
complete -c rtctl -n "__fish_rtctl_using_subcommand channels; and not __fish_seen_subcommand_from list show users watch help" -f -a "watch" -d 'Watch the occupied channels live: counts, and members joining and leaving'
complete -c rtctl -n "__fish_rtctl_using_subcommand channels; and not __fish_seen_subcommand_from list show users watch help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c rtctl -n "__fish_rtctl_using_subcommand channels; and __fish_seen_subcommand_from list" -l prefix -d 'Only channels whose names start with this, e.g. presence-' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand channels; and __fish_seen_subcommand_from list" -l info -d 'Attributes to include, comma-separated: user_count (presence), subscription_count' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand channels; and __fish_seen_subcommand_from list" -l profile -d 'Profile to use [default: $RTCTL_PROFILE, then `default_profile`, then `local`]' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand channels; and __fish_seen_subcommand_from list" -l app-id -d 'App id' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand channels; and __fish_seen_subcommand_from list" -l key -d 'App key' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand channels; and __fish_seen_subcommand_from list" -l cluster -d 'Pusher cluster, e.g. eu: api-eu.pusher.com and ws-eu.pusher.com with TLS' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand channels; and __fish_seen_subcommand_from list" -l host -d 'REST host of a self-hosted server (overrides --cluster)' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand channels; and __fish_seen_subcommand_from list" -l port -d 'REST port' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand channels; and __fish_seen_subcommand_from list" -l ws-host -d 'WebSocket host, when it differs from the REST host' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand channels; and __fish_seen_subcommand_from list" -l ws-port -d 'WebSocket port, when it differs from the REST port' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand channels; and __fish_seen_subcommand_from list" -l ca-cert -d 'PEM file of CA certificates to trust besides the system\'s (a private CA)' -r -F
complete -c rtctl -n "__fish_rtctl_using_subcommand channels; and __fish_seen_subcommand_from list" -l timeout -d 'Network timeout, e.g. 5s or 500ms [default: 10s]' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand channels; and __fish_seen_subcommand_from list" -l env-file -d 'Also read PUSHER_* and RTCTL_* variables from a .env file (--env-file=PATH for another) [default: ./.env]' -r -F
complete -c rtctl -n "__fish_rtctl_using_subcommand channels; and __fish_seen_subcommand_from list" -l color -d 'When to colour output' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR or TERM=dumb says otherwise'
always\t''
never\t''"
complete -c rtctl -n "__fish_rtctl_using_subcommand channels; and __fish_seen_subcommand_from list" -l json -d 'Print the server\'s JSON answer'
complete -c rtctl -n "__fish_rtctl_using_subcommand channels; and __fish_seen_subcommand_from list" -l secret-stdin -d 'Read the app secret from the first line of stdin (never from a flag\'s value)'
complete -c rtctl -n "__fish_rtctl_using_subcommand channels; and __fish_seen_subcommand_from list" -l tls -d 'Use https and wss'
complete -c rtctl -n "__fish_rtctl_using_subcommand channels; and __fish_seen_subcommand_from list" -l no-tls -d 'Use plain http and ws'
complete -c rtctl -n "__fish_rtctl_using_subcommand channels; and __fish_seen_subcommand_from list" -l trust-env-file -d 'Let the server and URLs the .env names receive credentials from elsewhere (the profile, the environment)'
complete -c rtctl -n "__fish_rtctl_using_subcommand channels; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c rtctl -n "__fish_rtctl_using_subcommand channels; and __fish_seen_subcommand_from show" -l info -d 'Attributes to include, comma-separated: user_count (presence), subscription_count' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand channels; and __fish_seen_subcommand_from show" -l profile -d 'Profile to use [default: $RTCTL_PROFILE, then `default_profile`, then `local`]' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand channels; and __fish_seen_subcommand_from show" -l app-id -d 'App id' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand channels; and __fish_seen_subcommand_from show" -l key -d 'App key' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand channels; and __fish_seen_subcommand_from show" -l cluster -d 'Pusher cluster, e.g. eu: api-eu.pusher.com and ws-eu.pusher.com with TLS' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand channels; and __fish_seen_subcommand_from show" -l host -d 'REST host of a self-hosted server (overrides --cluster)' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand channels; and __fish_seen_subcommand_from show" -l port -d 'REST port' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand channels; and __fish_seen_subcommand_from show" -l ws-host -d 'WebSocket host, when it differs from the REST host' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand channels; and __fish_seen_subcommand_from show" -l ws-port -d 'WebSocket port, when it differs from the REST port' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand channels; and __fish_seen_subcommand_from show" -l ca-cert -d 'PEM file of CA certificates to trust besides the system\'s (a private CA)' -r -F
complete -c rtctl -n "__fish_rtctl_using_subcommand channels; and __fish_seen_subcommand_from show" -l timeout -d 'Network timeout, e.g. 5s or 500ms [default: 10s]' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand channels; and __fish_seen_subcommand_from show" -l env-file -d 'Also read PUSHER_* and RTCTL_* variables from a .env file (--env-file=PATH for another) [default: ./.env]' -r -F
complete -c rtctl -n "__fish_rtctl_using_subcommand channels; and __fish_seen_subcommand_from show" -l color -d 'When to colour output' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR or TERM=dumb says otherwise'
always\t''
never\t''"
complete -c rtctl -n "__fish_rtctl_using_subcommand channels; and __fish_seen_subcommand_from show" -l json -d 'Print the server\'s JSON answer'
complete -c rtctl -n "__fish_rtctl_using_subcommand channels; and __fish_seen_subcommand_from show" -l secret-stdin -d 'Read the app secret from the first line of stdin (never from a flag\'s value)'
complete -c rtctl -n "__fish_rtctl_using_subcommand channels; and __fish_seen_subcommand_from show" -l tls -d 'Use https and wss'
complete -c rtctl -n "__fish_rtctl_using_subcommand channels; and __fish_seen_subcommand_from show" -l no-tls -d 'Use plain http and ws'
complete -c rtctl -n "__fish_rtctl_using_subcommand channels; and __fish_seen_subcommand_from show" -l trust-env-file -d 'Let the server and URLs the .env names receive credentials from elsewhere (the profile, the environment)'
complete -c rtctl -n "__fish_rtctl_using_subcommand channels; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c rtctl -n "__fish_rtctl_using_subcommand channels; and __fish_seen_subcommand_from users" -l profile -d 'Profile to use [default: $RTCTL_PROFILE, then `default_profile`, then `local`]' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand channels; and __fish_seen_subcommand_from users" -l app-id -d 'App id' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand channels; and __fish_seen_subcommand_from users" -l key -d 'App key' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand channels; and __fish_seen_subcommand_from users" -l cluster -d 'Pusher cluster, e.g. eu: api-eu.pusher.com and ws-eu.pusher.com with TLS' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand channels; and __fish_seen_subcommand_from users" -l host -d 'REST host of a self-hosted server (overrides --cluster)' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand channels; and __fish_seen_subcommand_from users" -l port -d 'REST port' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand channels; and __fish_seen_subcommand_from users" -l ws-host -d 'WebSocket host, when it differs from the REST host' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand channels; and __fish_seen_subcommand_from users" -l ws-port -d 'WebSocket port, when it differs from the REST port' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand channels; and __fish_seen_subcommand_from users" -l ca-cert -d 'PEM file of CA certificates to trust besides the system\'s (a private CA)' -r -F
complete -c rtctl -n "__fish_rtctl_using_subcommand channels; and __fish_seen_subcommand_from users" -l timeout -d 'Network timeout, e.g. 5s or 500ms [default: 10s]' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand channels; and __fish_seen_subcommand_from users" -l env-file -d 'Also read PUSHER_* and RTCTL_* variables from a .env file (--env-file=PATH for another) [default: ./.env]' -r -F
complete -c rtctl -n "__fish_rtctl_using_subcommand channels; and __fish_seen_subcommand_from users" -l color -d 'When to colour output' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR or TERM=dumb says otherwise'
always\t''
never\t''"
complete -c rtctl -n "__fish_rtctl_using_subcommand channels; and __fish_seen_subcommand_from users" -l json -d 'Print the server\'s JSON answer'
complete -c rtctl -n "__fish_rtctl_using_subcommand channels; and __fish_seen_subcommand_from users" -l secret-stdin -d 'Read the app secret from the first line of stdin (never from a flag\'s value)'
complete -c rtctl -n "__fish_rtctl_using_subcommand channels; and __fish_seen_subcommand_from users" -l tls -d 'Use https and wss'
complete -c rtctl -n "__fish_rtctl_using_subcommand channels; and __fish_seen_subcommand_from users" -l no-tls -d 'Use plain http and ws'
complete -c rtctl -n "__fish_rtctl_using_subcommand channels; and __fish_seen_subcommand_from users" -l trust-env-file -d 'Let the server and URLs the .env names receive credentials from elsewhere (the profile, the environment)'
complete -c rtctl -n "__fish_rtctl_using_subcommand channels; and __fish_seen_subcommand_from users" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c rtctl -n "__fish_rtctl_using_subcommand channels; and __fish_seen_subcommand_from watch" -l prefix -d 'Only channels whose names start with this, e.g. presence-classroom-' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand channels; and __fish_seen_subcommand_from watch" -l interval -d 'How often to list the channels, at least 1s (longer when --members needs it)' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand channels; and __fish_seen_subcommand_from watch" -l duration -d 'Stop after DURATION, e.g. 10m, and exit 0' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand channels; and __fish_seen_subcommand_from watch" -l profile -d 'Profile to use [default: $RTCTL_PROFILE, then `default_profile`, then `local`]' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand channels; and __fish_seen_subcommand_from watch" -l app-id -d 'App id' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand channels; and __fish_seen_subcommand_from watch" -l key -d 'App key' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand channels; and __fish_seen_subcommand_from watch" -l cluster -d 'Pusher cluster, e.g. eu: api-eu.pusher.com and ws-eu.pusher.com with TLS' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand channels; and __fish_seen_subcommand_from watch" -l host -d 'REST host of a self-hosted server (overrides --cluster)' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand channels; and __fish_seen_subcommand_from watch" -l port -d 'REST port' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand channels; and __fish_seen_subcommand_from watch" -l ws-host -d 'WebSocket host, when it differs from the REST host' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand channels; and __fish_seen_subcommand_from watch" -l ws-port -d 'WebSocket port, when it differs from the REST port' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand channels; and __fish_seen_subcommand_from watch" -l ca-cert -d 'PEM file of CA certificates to trust besides the system\'s (a private CA)' -r -F
complete -c rtctl -n "__fish_rtctl_using_subcommand channels; and __fish_seen_subcommand_from watch" -l timeout -d 'Network timeout, e.g. 5s or 500ms [default: 10s]' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand channels; and __fish_seen_subcommand_from watch" -l env-file -d 'Also read PUSHER_* and RTCTL_* variables from a .env file (--env-file=PATH for another) [default: ./.env]' -r -F
complete -c rtctl -n "__fish_rtctl_using_subcommand channels; and __fish_seen_subcommand_from watch" -l color -d 'When to colour output' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR or TERM=dumb says otherwise'
always\t''
never\t''"
complete -c rtctl -n "__fish_rtctl_using_subcommand channels; and __fish_seen_subcommand_from watch" -l members -d 'Also ask for presence channels\' members, and show them joining and leaving'
complete -c rtctl -n "__fish_rtctl_using_subcommand channels; and __fish_seen_subcommand_from watch" -l json -d 'Write JSON Lines: a snapshot, then one record per change'
complete -c rtctl -n "__fish_rtctl_using_subcommand channels; and __fish_seen_subcommand_from watch" -l secret-stdin -d 'Read the app secret from the first line of stdin (never from a flag\'s value)'
complete -c rtctl -n "__fish_rtctl_using_subcommand channels; and __fish_seen_subcommand_from watch" -l tls -d 'Use https and wss'
complete -c rtctl -n "__fish_rtctl_using_subcommand channels; and __fish_seen_subcommand_from watch" -l no-tls -d 'Use plain http and ws'
complete -c rtctl -n "__fish_rtctl_using_subcommand channels; and __fish_seen_subcommand_from watch" -l trust-env-file -d 'Let the server and URLs the .env names receive credentials from elsewhere (the profile, the environment)'
complete -c rtctl -n "__fish_rtctl_using_subcommand channels; and __fish_seen_subcommand_from watch" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c rtctl -n "__fish_rtctl_using_subcommand channels; and __fish_seen_subcommand_from help" -f -a "list" -d 'List occupied channels'
complete -c rtctl -n "__fish_rtctl_using_subcommand channels; and __fish_seen_subcommand_from help" -f -a "show" -d 'Show one channel\'s state'
complete -c rtctl -n "__fish_rtctl_using_subcommand channels; and __fish_seen_subcommand_from help" -f -a "users" -d 'List the members of a presence channel'
complete -c rtctl -n "__fish_rtctl_using_subcommand channels; and __fish_seen_subcommand_from help" -f -a "watch" -d 'Watch the occupied channels live: counts, and members joining and leaving'
complete -c rtctl -n "__fish_rtctl_using_subcommand channels; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c rtctl -n "__fish_rtctl_using_subcommand users; and not __fish_seen_subcommand_from send terminate help" -l profile -d 'Profile to use [default: $RTCTL_PROFILE, then `default_profile`, then `local`]' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand users; and not __fish_seen_subcommand_from send terminate help" -l app-id -d 'App id' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand users; and not __fish_seen_subcommand_from send terminate help" -l key -d 'App key' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand users; and not __fish_seen_subcommand_from send terminate help" -l cluster -d 'Pusher cluster, e.g. eu: api-eu.pusher.com and ws-eu.pusher.com with TLS' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand users; and not __fish_seen_subcommand_from send terminate help" -l host -d 'REST host of a self-hosted server (overrides --cluster)' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand users; and not __fish_seen_subcommand_from send terminate help" -l port -d 'REST port' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand users; and not __fish_seen_subcommand_from send terminate help" -l ws-host -d 'WebSocket host, when it differs from the REST host' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand users; and not __fish_seen_subcommand_from send terminate help" -l ws-port -d 'WebSocket port, when it differs from the REST port' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand users; and not __fish_seen_subcommand_from send terminate help" -l ca-cert -d 'PEM file of CA certificates to trust besides the system\'s (a private CA)' -r -F
complete -c rtctl -n "__fish_rtctl_using_subcommand users; and not __fish_seen_subcommand_from send terminate help" -l timeout -d 'Network timeout, e.g. 5s or 500ms [default: 10s]' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand users; and not __fish_seen_subcommand_from send terminate help" -l env-file -d 'Also read PUSHER_* and RTCTL_* variables from a .env file (--env-file=PATH for another) [default: ./.env]' -r -F
complete -c rtctl -n "__fish_rtctl_using_subcommand users; and not __fish_seen_subcommand_from send terminate help" -l color -d 'When to colour output' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR or TERM=dumb says otherwise'
always\t''
never\t''"
complete -c rtctl -n "__fish_rtctl_using_subcommand users; and not __fish_seen_subcommand_from send terminate help" -l secret-stdin -d 'Read the app secret from the first line of stdin (never from a flag\'s value)'
complete -c rtctl -n "__fish_rtctl_using_subcommand users; and not __fish_seen_subcommand_from send terminate help" -l tls -d 'Use https and wss'
complete -c rtctl -n "__fish_rtctl_using_subcommand users; and not __fish_seen_subcommand_from send terminate help" -l no-tls -d 'Use plain http and ws'
complete -c rtctl -n "__fish_rtctl_using_subcommand users; and not __fish_seen_subcommand_from send terminate help" -l trust-env-file -d 'Let the server and URLs the .env names receive credentials from elsewhere (the profile, the environment)'
complete -c rtctl -n "__fish_rtctl_using_subcommand users; and not __fish_seen_subcommand_from send terminate help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c rtctl -n "__fish_rtctl_using_subcommand users; and not __fish_seen_subcommand_from send terminate help" -f -a "send" -d 'Send an event to one signed-in user (the #server-to-user-ID channel)'
complete -c rtctl -n "__fish_rtctl_using_subcommand users; and not __fish_seen_subcommand_from send terminate help" -f -a "terminate" -d 'Close every connection of a signed-in user'
complete -c rtctl -n "__fish_rtctl_using_subcommand users; and not __fish_seen_subcommand_from send terminate help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c rtctl -n "__fish_rtctl_using_subcommand users; and __fish_seen_subcommand_from send" -l set -d 'Set a field of the JSON data (dotted paths)' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand users; and __fish_seen_subcommand_from send" -l profile -d 'Profile to use [default: $RTCTL_PROFILE, then `default_profile`, then `local`]' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand users; and __fish_seen_subcommand_from send" -l app-id -d 'App id' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand users; and __fish_seen_subcommand_from send" -l key -d 'App key' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand users; and __fish_seen_subcommand_from send" -l cluster -d 'Pusher cluster, e.g. eu: api-eu.pusher.com and ws-eu.pusher.com with TLS' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand users; and __fish_seen_subcommand_from send" -l host -d 'REST host of a self-hosted server (overrides --cluster)' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand users; and __fish_seen_subcommand_from send" -l port -d 'REST port' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand users; and __fish_seen_subcommand_from send" -l ws-host -d 'WebSocket host, when it differs from the REST host' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand users; and __fish_seen_subcommand_from send" -l ws-port -d 'WebSocket port, when it differs from the REST port' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand users; and __fish_seen_subcommand_from send" -l ca-cert -d 'PEM file of CA certificates to trust besides the system\'s (a private CA)' -r -F
complete -c rtctl -n "__fish_rtctl_using_subcommand users; and __fish_seen_subcommand_from send" -l timeout -d 'Network timeout, e.g. 5s or 500ms [default: 10s]' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand users; and __fish_seen_subcommand_from send" -l env-file -d 'Also read PUSHER_* and RTCTL_* variables from a .env file (--env-file=PATH for another) [default: ./.env]' -r -F
complete -c rtctl -n "__fish_rtctl_using_subcommand users; and __fish_seen_subcommand_from send" -l color -d 'When to colour output' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR or TERM=dumb says otherwise'
always\t''
never\t''"
complete -c rtctl -n "__fish_rtctl_using_subcommand users; and __fish_seen_subcommand_from send" -l text -d 'Send DATA as plain text, even if it looks like JSON'
complete -c rtctl -n "__fish_rtctl_using_subcommand users; and __fish_seen_subcommand_from send" -l json -d 'Print the result as JSON'
complete -c rtctl -n "__fish_rtctl_using_subcommand users; and __fish_seen_subcommand_from send" -l secret-stdin -d 'Read the app secret from the first line of stdin (never from a flag\'s value)'
complete -c rtctl -n "__fish_rtctl_using_subcommand users; and __fish_seen_subcommand_from send" -l tls -d 'Use https and wss'
complete -c rtctl -n "__fish_rtctl_using_subcommand users; and __fish_seen_subcommand_from send" -l no-tls -d 'Use plain http and ws'
complete -c rtctl -n "__fish_rtctl_using_subcommand users; and __fish_seen_subcommand_from send" -l trust-env-file -d 'Let the server and URLs the .env names receive credentials from elsewhere (the profile, the environment)'
complete -c rtctl -n "__fish_rtctl_using_subcommand users; and __fish_seen_subcommand_from send" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c rtctl -n "__fish_rtctl_using_subcommand users; and __fish_seen_subcommand_from terminate" -l profile -d 'Profile to use [default: $RTCTL_PROFILE, then `default_profile`, then `local`]' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand users; and __fish_seen_subcommand_from terminate" -l app-id -d 'App id' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand users; and __fish_seen_subcommand_from terminate" -l key -d 'App key' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand users; and __fish_seen_subcommand_from terminate" -l cluster -d 'Pusher cluster, e.g. eu: api-eu.pusher.com and ws-eu.pusher.com with TLS' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand users; and __fish_seen_subcommand_from terminate" -l host -d 'REST host of a self-hosted server (overrides --cluster)' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand users; and __fish_seen_subcommand_from terminate" -l port -d 'REST port' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand users; and __fish_seen_subcommand_from terminate" -l ws-host -d 'WebSocket host, when it differs from the REST host' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand users; and __fish_seen_subcommand_from terminate" -l ws-port -d 'WebSocket port, when it differs from the REST port' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand users; and __fish_seen_subcommand_from terminate" -l ca-cert -d 'PEM file of CA certificates to trust besides the system\'s (a private CA)' -r -F
complete -c rtctl -n "__fish_rtctl_using_subcommand users; and __fish_seen_subcommand_from terminate" -l timeout -d 'Network timeout, e.g. 5s or 500ms [default: 10s]' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand users; and __fish_seen_subcommand_from terminate" -l env-file -d 'Also read PUSHER_* and RTCTL_* variables from a .env file (--env-file=PATH for another) [default: ./.env]' -r -F
complete -c rtctl -n "__fish_rtctl_using_subcommand users; and __fish_seen_subcommand_from terminate" -l color -d 'When to colour output' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR or TERM=dumb says otherwise'
always\t''
never\t''"
complete -c rtctl -n "__fish_rtctl_using_subcommand users; and __fish_seen_subcommand_from terminate" -l json -d 'Print the result as JSON'
complete -c rtctl -n "__fish_rtctl_using_subcommand users; and __fish_seen_subcommand_from terminate" -l secret-stdin -d 'Read the app secret from the first line of stdin (never from a flag\'s value)'
complete -c rtctl -n "__fish_rtctl_using_subcommand users; and __fish_seen_subcommand_from terminate" -l tls -d 'Use https and wss'
complete -c rtctl -n "__fish_rtctl_using_subcommand users; and __fish_seen_subcommand_from terminate" -l no-tls -d 'Use plain http and ws'
complete -c rtctl -n "__fish_rtctl_using_subcommand users; and __fish_seen_subcommand_from terminate" -l trust-env-file -d 'Let the server and URLs the .env names receive credentials from elsewhere (the profile, the environment)'
complete -c rtctl -n "__fish_rtctl_using_subcommand users; and __fish_seen_subcommand_from terminate" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c rtctl -n "__fish_rtctl_using_subcommand users; and __fish_seen_subcommand_from help" -f -a "send" -d 'Send an event to one signed-in user (the #server-to-user-ID channel)'
complete -c rtctl -n "__fish_rtctl_using_subcommand users; and __fish_seen_subcommand_from help" -f -a "terminate" -d 'Close every connection of a signed-in user'
complete -c rtctl -n "__fish_rtctl_using_subcommand users; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c rtctl -n "__fish_rtctl_using_subcommand catalog; and not __fish_seen_subcommand_from list show help" -l profile -d 'Profile to use [default: $RTCTL_PROFILE, then `default_profile`, then `local`]' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand catalog; and not __fish_seen_subcommand_from list show help" -l app-id -d 'App id' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand catalog; and not __fish_seen_subcommand_from list show help" -l key -d 'App key' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand catalog; and not __fish_seen_subcommand_from list show help" -l cluster -d 'Pusher cluster, e.g. eu: api-eu.pusher.com and ws-eu.pusher.com with TLS' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand catalog; and not __fish_seen_subcommand_from list show help" -l host -d 'REST host of a self-hosted server (overrides --cluster)' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand catalog; and not __fish_seen_subcommand_from list show help" -l port -d 'REST port' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand catalog; and not __fish_seen_subcommand_from list show help" -l ws-host -d 'WebSocket host, when it differs from the REST host' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand catalog; and not __fish_seen_subcommand_from list show help" -l ws-port -d 'WebSocket port, when it differs from the REST port' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand catalog; and not __fish_seen_subcommand_from list show help" -l ca-cert -d 'PEM file of CA certificates to trust besides the system\'s (a private CA)' -r -F
complete -c rtctl -n "__fish_rtctl_using_subcommand catalog; and not __fish_seen_subcommand_from list show help" -l timeout -d 'Network timeout, e.g. 5s or 500ms [default: 10s]' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand catalog; and not __fish_seen_subcommand_from list show help" -l env-file -d 'Also read PUSHER_* and RTCTL_* variables from a .env file (--env-file=PATH for another) [default: ./.env]' -r -F
complete -c rtctl -n "__fish_rtctl_using_subcommand catalog; and not __fish_seen_subcommand_from list show help" -l color -d 'When to colour output' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR or TERM=dumb says otherwise'
always\t''
never\t''"
complete -c rtctl -n "__fish_rtctl_using_subcommand catalog; and not __fish_seen_subcommand_from list show help" -l secret-stdin -d 'Read the app secret from the first line of stdin (never from a flag\'s value)'
complete -c rtctl -n "__fish_rtctl_using_subcommand catalog; and not __fish_seen_subcommand_from list show help" -l tls -d 'Use https and wss'
complete -c rtctl -n "__fish_rtctl_using_subcommand catalog; and not __fish_seen_subcommand_from list show help" -l no-tls -d 'Use plain http and ws'
complete -c rtctl -n "__fish_rtctl_using_subcommand catalog; and not __fish_seen_subcommand_from list show help" -l trust-env-file -d 'Let the server and URLs the .env names receive credentials from elsewhere (the profile, the environment)'
complete -c rtctl -n "__fish_rtctl_using_subcommand catalog; and not __fish_seen_subcommand_from list show help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c rtctl -n "__fish_rtctl_using_subcommand catalog; and not __fish_seen_subcommand_from list show help" -f -a "list" -d 'List the catalogue\'s channels and their events'
complete -c rtctl -n "__fish_rtctl_using_subcommand catalog; and not __fish_seen_subcommand_from list show help" -f -a "show" -d 'Show a channel\'s events, or one event\'s rules and example payload'
complete -c rtctl -n "__fish_rtctl_using_subcommand catalog; and not __fish_seen_subcommand_from list show help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c rtctl -n "__fish_rtctl_using_subcommand catalog; and __fish_seen_subcommand_from list" -l catalog -d 'Event catalogue (TOML) [default: profile\'s `catalog`, else built-in]' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand catalog; and __fish_seen_subcommand_from list" -l profile -d 'Profile to use [default: $RTCTL_PROFILE, then `default_profile`, then `local`]' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand catalog; and __fish_seen_subcommand_from list" -l app-id -d 'App id' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand catalog; and __fish_seen_subcommand_from list" -l key -d 'App key' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand catalog; and __fish_seen_subcommand_from list" -l cluster -d 'Pusher cluster, e.g. eu: api-eu.pusher.com and ws-eu.pusher.com with TLS' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand catalog; and __fish_seen_subcommand_from list" -l host -d 'REST host of a self-hosted server (overrides --cluster)' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand catalog; and __fish_seen_subcommand_from list" -l port -d 'REST port' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand catalog; and __fish_seen_subcommand_from list" -l ws-host -d 'WebSocket host, when it differs from the REST host' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand catalog; and __fish_seen_subcommand_from list" -l ws-port -d 'WebSocket port, when it differs from the REST port' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand catalog; and __fish_seen_subcommand_from list" -l ca-cert -d 'PEM file of CA certificates to trust besides the system\'s (a private CA)' -r -F
complete -c rtctl -n "__fish_rtctl_using_subcommand catalog; and __fish_seen_subcommand_from list" -l timeout -d 'Network timeout, e.g. 5s or 500ms [default: 10s]' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand catalog; and __fish_seen_subcommand_from list" -l env-file -d 'Also read PUSHER_* and RTCTL_* variables from a .env file (--env-file=PATH for another) [default: ./.env]' -r -F
complete -c rtctl -n "__fish_rtctl_using_subcommand catalog; and __fish_seen_subcommand_from list" -l color -d 'When to colour output' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR or TERM=dumb says otherwise'
always\t''
never\t''"
complete -c rtctl -n "__fish_rtctl_using_subcommand catalog; and __fish_seen_subcommand_from list" -l json -d 'Print as JSON'
complete -c rtctl -n "__fish_rtctl_using_subcommand catalog; and __fish_seen_subcommand_from list" -l secret-stdin -d 'Read the app secret from the first line of stdin (never from a flag\'s value)'
complete -c rtctl -n "__fish_rtctl_using_subcommand catalog; and __fish_seen_subcommand_from list" -l tls -d 'Use https and wss'
complete -c rtctl -n "__fish_rtctl_using_subcommand catalog; and __fish_seen_subcommand_from list" -l no-tls -d 'Use plain http and ws'
complete -c rtctl -n "__fish_rtctl_using_subcommand catalog; and __fish_seen_subcommand_from list" -l trust-env-file -d 'Let the server and URLs the .env names receive credentials from elsewhere (the profile, the environment)'
complete -c rtctl -n "__fish_rtctl_using_subcommand catalog; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c rtctl -n "__fish_rtctl_using_subcommand catalog; and __fish_seen_subcommand_from show" -l catalog -d 'Event catalogue (TOML) [default: profile\'s `catalog`, else built-in]' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand catalog; and __fish_seen_subcommand_from show" -l profile -d 'Profile to use [default: $RTCTL_PROFILE, then `default_profile`, then `local`]' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand catalog; and __fish_seen_subcommand_from show" -l app-id -d 'App id' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand catalog; and __fish_seen_subcommand_from show" -l key -d 'App key' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand catalog; and __fish_seen_subcommand_from show" -l cluster -d 'Pusher cluster, e.g. eu: api-eu.pusher.com and ws-eu.pusher.com with TLS' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand catalog; and __fish_seen_subcommand_from show" -l host -d 'REST host of a self-hosted server (overrides --cluster)' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand catalog; and __fish_seen_subcommand_from show" -l port -d 'REST port' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand catalog; and __fish_seen_subcommand_from show" -l ws-host -d 'WebSocket host, when it differs from the REST host' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand catalog; and __fish_seen_subcommand_from show" -l ws-port -d 'WebSocket port, when it differs from the REST port' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand catalog; and __fish_seen_subcommand_from show" -l ca-cert -d 'PEM file of CA certificates to trust besides the system\'s (a private CA)' -r -F
complete -c rtctl -n "__fish_rtctl_using_subcommand catalog; and __fish_seen_subcommand_from show" -l timeout -d 'Network timeout, e.g. 5s or 500ms [default: 10s]' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand catalog; and __fish_seen_subcommand_from show" -l env-file -d 'Also read PUSHER_* and RTCTL_* variables from a .env file (--env-file=PATH for another) [default: ./.env]' -r -F
complete -c rtctl -n "__fish_rtctl_using_subcommand catalog; and __fish_seen_subcommand_from show" -l color -d 'When to colour output' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR or TERM=dumb says otherwise'
always\t''
never\t''"
complete -c rtctl -n "__fish_rtctl_using_subcommand catalog; and __fish_seen_subcommand_from show" -l json -d 'Print as JSON'
complete -c rtctl -n "__fish_rtctl_using_subcommand catalog; and __fish_seen_subcommand_from show" -l secret-stdin -d 'Read the app secret from the first line of stdin (never from a flag\'s value)'
complete -c rtctl -n "__fish_rtctl_using_subcommand catalog; and __fish_seen_subcommand_from show" -l tls -d 'Use https and wss'
complete -c rtctl -n "__fish_rtctl_using_subcommand catalog; and __fish_seen_subcommand_from show" -l no-tls -d 'Use plain http and ws'
complete -c rtctl -n "__fish_rtctl_using_subcommand catalog; and __fish_seen_subcommand_from show" -l trust-env-file -d 'Let the server and URLs the .env names receive credentials from elsewhere (the profile, the environment)'
complete -c rtctl -n "__fish_rtctl_using_subcommand catalog; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c rtctl -n "__fish_rtctl_using_subcommand catalog; and __fish_seen_subcommand_from help" -f -a "list" -d 'List the catalogue\'s channels and their events'
complete -c rtctl -n "__fish_rtctl_using_subcommand catalog; and __fish_seen_subcommand_from help" -f -a "show" -d 'Show a channel\'s events, or one event\'s rules and example payload'
complete -c rtctl -n "__fish_rtctl_using_subcommand catalog; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c rtctl -n "__fish_rtctl_using_subcommand auth; and not __fish_seen_subcommand_from sign user verify help" -l profile -d 'Profile to use [default: $RTCTL_PROFILE, then `default_profile`, then `local`]' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand auth; and not __fish_seen_subcommand_from sign user verify help" -l app-id -d 'App id' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand auth; and not __fish_seen_subcommand_from sign user verify help" -l key -d 'App key' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand auth; and not __fish_seen_subcommand_from sign user verify help" -l cluster -d 'Pusher cluster, e.g. eu: api-eu.pusher.com and ws-eu.pusher.com with TLS' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand auth; and not __fish_seen_subcommand_from sign user verify help" -l host -d 'REST host of a self-hosted server (overrides --cluster)' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand auth; and not __fish_seen_subcommand_from sign user verify help" -l port -d 'REST port' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand auth; and not __fish_seen_subcommand_from sign user verify help" -l ws-host -d 'WebSocket host, when it differs from the REST host' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand auth; and not __fish_seen_subcommand_from sign user verify help" -l ws-port -d 'WebSocket port, when it differs from the REST port' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand auth; and not __fish_seen_subcommand_from sign user verify help" -l ca-cert -d 'PEM file of CA certificates to trust besides the system\'s (a private CA)' -r -F
complete -c rtctl -n "__fish_rtctl_using_subcommand auth; and not __fish_seen_subcommand_from sign user verify help" -l timeout -d 'Network timeout, e.g. 5s or 500ms [default: 10s]' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand auth; and not __fish_seen_subcommand_from sign user verify help" -l env-file -d 'Also read PUSHER_* and RTCTL_* variables from a .env file (--env-file=PATH for another) [default: ./.env]' -r -F
complete -c rtctl -n "__fish_rtctl_using_subcommand auth; and not __fish_seen_subcommand_from sign user verify help" -l color -d 'When to colour output' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR or TERM=dumb says otherwise'
always\t''
never\t''"
complete -c rtctl -n "__fish_rtctl_using_subcommand auth; and not __fish_seen_subcommand_from sign user verify help" -l secret-stdin -d 'Read the app secret from the first line of stdin (never from a flag\'s value)'
complete -c rtctl -n "__fish_rtctl_using_subcommand auth; and not __fish_seen_subcommand_from sign user verify help" -l tls -d 'Use https and wss'
complete -c rtctl -n "__fish_rtctl_using_subcommand auth; and not __fish_seen_subcommand_from sign user verify help" -l no-tls -d 'Use plain http and ws'
complete -c rtctl -n "__fish_rtctl_using_subcommand auth; and not __fish_seen_subcommand_from sign user verify help" -l trust-env-file -d 'Let the server and URLs the .env names receive credentials from elsewhere (the profile, the environment)'
complete -c rtctl -n "__fish_rtctl_using_subcommand auth; and not __fish_seen_subcommand_from sign user verify help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c rtctl -n "__fish_rtctl_using_subcommand auth; and not __fish_seen_subcommand_from sign user verify help" -f -a "sign" -d 'Sign a channel subscription; prints exactly what an auth endpoint returns'
complete -c rtctl -n "__fish_rtctl_using_subcommand auth; and not __fish_seen_subcommand_from sign user verify help" -f -a "user" -d 'Sign a user sign-in (pusher:signin); prints what a user-auth endpoint returns'
complete -c rtctl -n "__fish_rtctl_using_subcommand auth; and not __fish_seen_subcommand_from sign user verify help" -f -a "verify" -d 'Check a `key:signature` auth value and show what should have been signed'
complete -c rtctl -n "__fish_rtctl_using_subcommand auth; and not __fish_seen_subcommand_from sign user verify help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c rtctl -n "__fish_rtctl_using_subcommand auth; and __fish_seen_subcommand_from sign" -l socket-id -d 'The connection\'s socket id, from its pusher:connection_established event' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand auth; and __fish_seen_subcommand_from sign" -l user-id -d 'Presence member id (builds channel data {"user_id":ID,"user_info":INFO})' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand auth; and __fish_seen_subcommand_from sign" -l user-info -d 'Presence member info, a JSON object (with --user-id)' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand auth; and __fish_seen_subcommand_from sign" -l channel-data -d 'Channel data exactly as signed, a JSON string with a `user_id` for presence channels' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand auth; and __fish_seen_subcommand_from sign" -l profile -d 'Profile to use [default: $RTCTL_PROFILE, then `default_profile`, then `local`]' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand auth; and __fish_seen_subcommand_from sign" -l app-id -d 'App id' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand auth; and __fish_seen_subcommand_from sign" -l key -d 'App key' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand auth; and __fish_seen_subcommand_from sign" -l cluster -d 'Pusher cluster, e.g. eu: api-eu.pusher.com and ws-eu.pusher.com with TLS' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand auth; and __fish_seen_subcommand_from sign" -l host -d 'REST host of a self-hosted server (overrides --cluster)' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand auth; and __fish_seen_subcommand_from sign" -l port -d 'REST port' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand auth; and __fish_seen_subcommand_from sign" -l ws-host -d 'WebSocket host, when it differs from the REST host' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand auth; and __fish_seen_subcommand_from sign" -l ws-port -d 'WebSocket port, when it differs from the REST port' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand auth; and __fish_seen_subcommand_from sign" -l ca-cert -d 'PEM file of CA certificates to trust besides the system\'s (a private CA)' -r -F
complete -c rtctl -n "__fish_rtctl_using_subcommand auth; and __fish_seen_subcommand_from sign" -l timeout -d 'Network timeout, e.g. 5s or 500ms [default: 10s]' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand auth; and __fish_seen_subcommand_from sign" -l env-file -d 'Also read PUSHER_* and RTCTL_* variables from a .env file (--env-file=PATH for another) [default: ./.env]' -r -F
complete -c rtctl -n "__fish_rtctl_using_subcommand auth; and __fish_seen_subcommand_from sign" -l color -d 'When to colour output' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR or TERM=dumb says otherwise'
always\t''
never\t''"
complete -c rtctl -n "__fish_rtctl_using_subcommand auth; and __fish_seen_subcommand_from sign" -l secret-stdin -d 'Read the app secret from the first line of stdin (never from a flag\'s value)'
complete -c rtctl -n "__fish_rtctl_using_subcommand auth; and __fish_seen_subcommand_from sign" -l tls -d 'Use https and wss'
complete -c rtctl -n "__fish_rtctl_using_subcommand auth; and __fish_seen_subcommand_from sign" -l no-tls -d 'Use plain http and ws'
complete -c rtctl -n "__fish_rtctl_using_subcommand auth; and __fish_seen_subcommand_from sign" -l trust-env-file -d 'Let the server and URLs the .env names receive credentials from elsewhere (the profile, the environment)'
complete -c rtctl -n "__fish_rtctl_using_subcommand auth; and __fish_seen_subcommand_from sign" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c rtctl -n "__fish_rtctl_using_subcommand auth; and __fish_seen_subcommand_from user" -l socket-id -d 'The connection\'s socket id' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand auth; and __fish_seen_subcommand_from user" -l user-data -d 'User data exactly as signed: a JSON object with a non-empty string `id`' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand auth; and __fish_seen_subcommand_from user" -l profile -d 'Profile to use [default: $RTCTL_PROFILE, then `default_profile`, then `local`]' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand auth; and __fish_seen_subcommand_from user" -l app-id -d 'App id' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand auth; and __fish_seen_subcommand_from user" -l key -d 'App key' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand auth; and __fish_seen_subcommand_from user" -l cluster -d 'Pusher cluster, e.g. eu: api-eu.pusher.com and ws-eu.pusher.com with TLS' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand auth; and __fish_seen_subcommand_from user" -l host -d 'REST host of a self-hosted server (overrides --cluster)' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand auth; and __fish_seen_subcommand_from user" -l port -d 'REST port' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand auth; and __fish_seen_subcommand_from user" -l ws-host -d 'WebSocket host, when it differs from the REST host' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand auth; and __fish_seen_subcommand_from user" -l ws-port -d 'WebSocket port, when it differs from the REST port' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand auth; and __fish_seen_subcommand_from user" -l ca-cert -d 'PEM file of CA certificates to trust besides the system\'s (a private CA)' -r -F
complete -c rtctl -n "__fish_rtctl_using_subcommand auth; and __fish_seen_subcommand_from user" -l timeout -d 'Network timeout, e.g. 5s or 500ms [default: 10s]' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand auth; and __fish_seen_subcommand_from user" -l env-file -d 'Also read PUSHER_* and RTCTL_* variables from a .env file (--env-file=PATH for another) [default: ./.env]' -r -F
complete -c rtctl -n "__fish_rtctl_using_subcommand auth; and __fish_seen_subcommand_from user" -l color -d 'When to colour output' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR or TERM=dumb says otherwise'
always\t''
never\t''"
complete -c rtctl -n "__fish_rtctl_using_subcommand auth; and __fish_seen_subcommand_from user" -l secret-stdin -d 'Read the app secret from the first line of stdin (never from a flag\'s value)'
complete -c rtctl -n "__fish_rtctl_using_subcommand auth; and __fish_seen_subcommand_from user" -l tls -d 'Use https and wss'
complete -c rtctl -n "__fish_rtctl_using_subcommand auth; and __fish_seen_subcommand_from user" -l no-tls -d 'Use plain http and ws'
complete -c rtctl -n "__fish_rtctl_using_subcommand auth; and __fish_seen_subcommand_from user" -l trust-env-file -d 'Let the server and URLs the .env names receive credentials from elsewhere (the profile, the environment)'
complete -c rtctl -n "__fish_rtctl_using_subcommand auth; and __fish_seen_subcommand_from user" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c rtctl -n "__fish_rtctl_using_subcommand auth; and __fish_seen_subcommand_from verify" -l socket-id -d 'The connection\'s socket id' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand auth; and __fish_seen_subcommand_from verify" -l auth -d 'The auth value to check, `key:signature`' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand auth; and __fish_seen_subcommand_from verify" -l user-id -d 'Presence member id (builds channel data {"user_id":ID,"user_info":INFO})' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand auth; and __fish_seen_subcommand_from verify" -l user-info -d 'Presence member info, a JSON object (with --user-id)' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand auth; and __fish_seen_subcommand_from verify" -l channel-data -d 'Channel data exactly as signed, a JSON string with a `user_id` for presence channels' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand auth; and __fish_seen_subcommand_from verify" -l profile -d 'Profile to use [default: $RTCTL_PROFILE, then `default_profile`, then `local`]' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand auth; and __fish_seen_subcommand_from verify" -l app-id -d 'App id' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand auth; and __fish_seen_subcommand_from verify" -l key -d 'App key' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand auth; and __fish_seen_subcommand_from verify" -l cluster -d 'Pusher cluster, e.g. eu: api-eu.pusher.com and ws-eu.pusher.com with TLS' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand auth; and __fish_seen_subcommand_from verify" -l host -d 'REST host of a self-hosted server (overrides --cluster)' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand auth; and __fish_seen_subcommand_from verify" -l port -d 'REST port' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand auth; and __fish_seen_subcommand_from verify" -l ws-host -d 'WebSocket host, when it differs from the REST host' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand auth; and __fish_seen_subcommand_from verify" -l ws-port -d 'WebSocket port, when it differs from the REST port' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand auth; and __fish_seen_subcommand_from verify" -l ca-cert -d 'PEM file of CA certificates to trust besides the system\'s (a private CA)' -r -F
complete -c rtctl -n "__fish_rtctl_using_subcommand auth; and __fish_seen_subcommand_from verify" -l timeout -d 'Network timeout, e.g. 5s or 500ms [default: 10s]' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand auth; and __fish_seen_subcommand_from verify" -l env-file -d 'Also read PUSHER_* and RTCTL_* variables from a .env file (--env-file=PATH for another) [default: ./.env]' -r -F
complete -c rtctl -n "__fish_rtctl_using_subcommand auth; and __fish_seen_subcommand_from verify" -l color -d 'When to colour output' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR or TERM=dumb says otherwise'
always\t''
never\t''"
complete -c rtctl -n "__fish_rtctl_using_subcommand auth; and __fish_seen_subcommand_from verify" -l json -d 'Print the verdict as JSON'
complete -c rtctl -n "__fish_rtctl_using_subcommand auth; and __fish_seen_subcommand_from verify" -l secret-stdin -d 'Read the app secret from the first line of stdin (never from a flag\'s value)'
complete -c rtctl -n "__fish_rtctl_using_subcommand auth; and __fish_seen_subcommand_from verify" -l tls -d 'Use https and wss'
complete -c rtctl -n "__fish_rtctl_using_subcommand auth; and __fish_seen_subcommand_from verify" -l no-tls -d 'Use plain http and ws'
complete -c rtctl -n "__fish_rtctl_using_subcommand auth; and __fish_seen_subcommand_from verify" -l trust-env-file -d 'Let the server and URLs the .env names receive credentials from elsewhere (the profile, the environment)'
complete -c rtctl -n "__fish_rtctl_using_subcommand auth; and __fish_seen_subcommand_from verify" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c rtctl -n "__fish_rtctl_using_subcommand auth; and __fish_seen_subcommand_from help" -f -a "sign" -d 'Sign a channel subscription; prints exactly what an auth endpoint returns'
complete -c rtctl -n "__fish_rtctl_using_subcommand auth; and __fish_seen_subcommand_from help" -f -a "user" -d 'Sign a user sign-in (pusher:signin); prints what a user-auth endpoint returns'
complete -c rtctl -n "__fish_rtctl_using_subcommand auth; and __fish_seen_subcommand_from help" -f -a "verify" -d 'Check a `key:signature` auth value and show what should have been signed'
complete -c rtctl -n "__fish_rtctl_using_subcommand auth; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c rtctl -n "__fish_rtctl_using_subcommand webhook; and not __fish_seen_subcommand_from fixture replay verify listen help" -l profile -d 'Profile to use [default: $RTCTL_PROFILE, then `default_profile`, then `local`]' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand webhook; and not __fish_seen_subcommand_from fixture replay verify listen help" -l app-id -d 'App id' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand webhook; and not __fish_seen_subcommand_from fixture replay verify listen help" -l key -d 'App key' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand webhook; and not __fish_seen_subcommand_from fixture replay verify listen help" -l cluster -d 'Pusher cluster, e.g. eu: api-eu.pusher.com and ws-eu.pusher.com with TLS' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand webhook; and not __fish_seen_subcommand_from fixture replay verify listen help" -l host -d 'REST host of a self-hosted server (overrides --cluster)' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand webhook; and not __fish_seen_subcommand_from fixture replay verify listen help" -l port -d 'REST port' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand webhook; and not __fish_seen_subcommand_from fixture replay verify listen help" -l ws-host -d 'WebSocket host, when it differs from the REST host' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand webhook; and not __fish_seen_subcommand_from fixture replay verify listen help" -l ws-port -d 'WebSocket port, when it differs from the REST port' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand webhook; and not __fish_seen_subcommand_from fixture replay verify listen help" -l ca-cert -d 'PEM file of CA certificates to trust besides the system\'s (a private CA)' -r -F
complete -c rtctl -n "__fish_rtctl_using_subcommand webhook; and not __fish_seen_subcommand_from fixture replay verify listen help" -l timeout -d 'Network timeout, e.g. 5s or 500ms [default: 10s]' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand webhook; and not __fish_seen_subcommand_from fixture replay verify listen help" -l env-file -d 'Also read PUSHER_* and RTCTL_* variables from a .env file (--env-file=PATH for another) [default: ./.env]' -r -F
complete -c rtctl -n "__fish_rtctl_using_subcommand webhook; and not __fish_seen_subcommand_from fixture replay verify listen help" -l color -d 'When to colour output' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR or TERM=dumb says otherwise'
always\t''
never\t''"
complete -c rtctl -n "__fish_rtctl_using_subcommand webhook; and not __fish_seen_subcommand_from fixture replay verify listen help" -l secret-stdin -d 'Read the app secret from the first line of stdin (never from a flag\'s value)'
complete -c rtctl -n "__fish_rtctl_using_subcommand webhook; and not __fish_seen_subcommand_from fixture replay verify listen help" -l tls -d 'Use https and wss'
complete -c rtctl -n "__fish_rtctl_using_subcommand webhook; and not __fish_seen_subcommand_from fixture replay verify listen help" -l no-tls -d 'Use plain http and ws'
complete -c rtctl -n "__fish_rtctl_using_subcommand webhook; and not __fish_seen_subcommand_from fixture replay verify listen help" -l trust-env-file -d 'Let the server and URLs the .env names receive credentials from elsewhere (the profile, the environment)'
complete -c rtctl -n "__fish_rtctl_using_subcommand webhook; and not __fish_seen_subcommand_from fixture replay verify listen help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c rtctl -n "__fish_rtctl_using_subcommand webhook; and not __fish_seen_subcommand_from fixture replay verify listen help" -f -a "fixture" -d 'Print a webhook body of one event type, for the platform\'s channels by default'
complete -c rtctl -n "__fish_rtctl_using_subcommand webhook; and not __fish_seen_subcommand_from fixture replay verify listen help" -f -a "replay" -d 'Sign fixtures with the app\'s secret and post them to the app\'s webhook endpoint'
complete -c rtctl -n "__fish_rtctl_using_subcommand webhook; and not __fish_seen_subcommand_from fixture replay verify listen help" -f -a "verify" -d 'Say whether a captured webhook is authentic, and which part is wrong if not'
complete -c rtctl -n "__fish_rtctl_using_subcommand webhook; and not __fish_seen_subcommand_from fixture replay verify listen help" -f -a "listen" -d 'Receive webhooks from a server, verify and print them; forward or save them'
complete -c rtctl -n "__fish_rtctl_using_subcommand webhook; and not __fish_seen_subcommand_from fixture replay verify listen help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c rtctl -n "__fish_rtctl_using_subcommand webhook; and __fish_seen_subcommand_from fixture" -l channel -d 'Channel [default: presence-classroom-101; private-class-101 for client_event; dashboard-updates for subscription_count; cache-dashboard-updates for cache_miss]' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand webhook; and __fish_seen_subcommand_from fixture" -l user-id -d 'Presence member\'s user id (member_added, member_removed, client_event on presence) [default: 12345]' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand webhook; and __fish_seen_subcommand_from fixture" -l event -d 'Client event name, client-… (client_event) [default: client-activity_update]' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand webhook; and __fish_seen_subcommand_from fixture" -l data -d 'Client event data: JSON or text, @FILE, or - for stdin (client_event)' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand webhook; and __fish_seen_subcommand_from fixture" -l socket-id -d 'The sending connection\'s socket id (client_event) [default: 123456.789012]' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand webhook; and __fish_seen_subcommand_from fixture" -l count -d 'The subscription count (subscription_count) [default: 1]' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand webhook; and __fish_seen_subcommand_from fixture" -l time-ms -d 'The webhook\'s time_ms, milliseconds since the Unix epoch [default: now]' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand webhook; and __fish_seen_subcommand_from fixture" -l profile -d 'Profile to use [default: $RTCTL_PROFILE, then `default_profile`, then `local`]' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand webhook; and __fish_seen_subcommand_from fixture" -l app-id -d 'App id' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand webhook; and __fish_seen_subcommand_from fixture" -l key -d 'App key' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand webhook; and __fish_seen_subcommand_from fixture" -l cluster -d 'Pusher cluster, e.g. eu: api-eu.pusher.com and ws-eu.pusher.com with TLS' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand webhook; and __fish_seen_subcommand_from fixture" -l host -d 'REST host of a self-hosted server (overrides --cluster)' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand webhook; and __fish_seen_subcommand_from fixture" -l port -d 'REST port' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand webhook; and __fish_seen_subcommand_from fixture" -l ws-host -d 'WebSocket host, when it differs from the REST host' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand webhook; and __fish_seen_subcommand_from fixture" -l ws-port -d 'WebSocket port, when it differs from the REST port' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand webhook; and __fish_seen_subcommand_from fixture" -l ca-cert -d 'PEM file of CA certificates to trust besides the system\'s (a private CA)' -r -F
complete -c rtctl -n "__fish_rtctl_using_subcommand webhook; and __fish_seen_subcommand_from fixture" -l timeout -d 'Network timeout, e.g. 5s or 500ms [default: 10s]' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand webhook; and __fish_seen_subcommand_from fixture" -l env-file -d 'Also read PUSHER_* and RTCTL_* variables from a .env file (--env-file=PATH for another) [default: ./.env]' -r -F
complete -c rtctl -n "__fish_rtctl_using_subcommand webhook; and __fish_seen_subcommand_from fixture" -l color -d 'When to colour output' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR or TERM=dumb says otherwise'
always\t''
never\t''"
complete -c rtctl -n "__fish_rtctl_using_subcommand webhook; and __fish_seen_subcommand_from fixture" -l secret-stdin -d 'Read the app secret from the first line of stdin (never from a flag\'s value)'
complete -c rtctl -n "__fish_rtctl_using_subcommand webhook; and __fish_seen_subcommand_from fixture" -l tls -d 'Use https and wss'
complete -c rtctl -n "__fish_rtctl_using_subcommand webhook; and __fish_seen_subcommand_from fixture" -l no-tls -d 'Use plain http and ws'
complete -c rtctl -n "__fish_rtctl_using_subcommand webhook; and __fish_seen_subcommand_from fixture" -l trust-env-file -d 'Let the server and URLs the .env names receive credentials from elsewhere (the profile, the environment)'
complete -c rtctl -n "__fish_rtctl_using_subcommand webhook; and __fish_seen_subcommand_from fixture" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c rtctl -n "__fish_rtctl_using_subcommand webhook; and __fish_seen_subcommand_from replay" -l to -d 'The webhook endpoint [default: the profile\'s webhook_url]' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand webhook; and __fish_seen_subcommand_from replay" -l concurrency -d 'Requests in flight at once (1 keeps the fixtures\' order)' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand webhook; and __fish_seen_subcommand_from replay" -l profile -d 'Profile to use [default: $RTCTL_PROFILE, then `default_profile`, then `local`]' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand webhook; and __fish_seen_subcommand_from replay" -l app-id -d 'App id' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand webhook; and __fish_seen_subcommand_from replay" -l key -d 'App key' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand webhook; and __fish_seen_subcommand_from replay" -l cluster -d 'Pusher cluster, e.g. eu: api-eu.pusher.com and ws-eu.pusher.com with TLS' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand webhook; and __fish_seen_subcommand_from replay" -l host -d 'REST host of a self-hosted server (overrides --cluster)' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand webhook; and __fish_seen_subcommand_from replay" -l port -d 'REST port' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand webhook; and __fish_seen_subcommand_from replay" -l ws-host -d 'WebSocket host, when it differs from the REST host' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand webhook; and __fish_seen_subcommand_from replay" -l ws-port -d 'WebSocket port, when it differs from the REST port' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand webhook; and __fish_seen_subcommand_from replay" -l ca-cert -d 'PEM file of CA certificates to trust besides the system\'s (a private CA)' -r -F
complete -c rtctl -n "__fish_rtctl_using_subcommand webhook; and __fish_seen_subcommand_from replay" -l timeout -d 'Network timeout, e.g. 5s or 500ms [default: 10s]' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand webhook; and __fish_seen_subcommand_from replay" -l env-file -d 'Also read PUSHER_* and RTCTL_* variables from a .env file (--env-file=PATH for another) [default: ./.env]' -r -F
complete -c rtctl -n "__fish_rtctl_using_subcommand webhook; and __fish_seen_subcommand_from replay" -l color -d 'When to colour output' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR or TERM=dumb says otherwise'
always\t''
never\t''"
complete -c rtctl -n "__fish_rtctl_using_subcommand webhook; and __fish_seen_subcommand_from replay" -l now -d 'Set each body\'s time_ms to now (the body is then written compactly)'
complete -c rtctl -n "__fish_rtctl_using_subcommand webhook; and __fish_seen_subcommand_from replay" -l tamper -d 'Sign each body wrongly: passes only if the endpoint refuses every one with a 4xx'
complete -c rtctl -n "__fish_rtctl_using_subcommand webhook; and __fish_seen_subcommand_from replay" -l no-validate -d 'Send bodies that are not valid webhooks too, to see how the endpoint copes'
complete -c rtctl -n "__fish_rtctl_using_subcommand webhook; and __fish_seen_subcommand_from replay" -l dry-run -d 'Print the signed requests instead of sending them'
complete -c rtctl -n "__fish_rtctl_using_subcommand webhook; and __fish_seen_subcommand_from replay" -l json -d 'One JSON line per fixture, then a summary line'
complete -c rtctl -n "__fish_rtctl_using_subcommand webhook; and __fish_seen_subcommand_from replay" -l secret-stdin -d 'Read the app secret from the first line of stdin (never from a flag\'s value)'
complete -c rtctl -n "__fish_rtctl_using_subcommand webhook; and __fish_seen_subcommand_from replay" -l tls -d 'Use https and wss'
complete -c rtctl -n "__fish_rtctl_using_subcommand webhook; and __fish_seen_subcommand_from replay" -l no-tls -d 'Use plain http and ws'
complete -c rtctl -n "__fish_rtctl_using_subcommand webhook; and __fish_seen_subcommand_from replay" -l trust-env-file -d 'Let the server and URLs the .env names receive credentials from elsewhere (the profile, the environment)'
complete -c rtctl -n "__fish_rtctl_using_subcommand webhook; and __fish_seen_subcommand_from replay" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c rtctl -n "__fish_rtctl_using_subcommand webhook; and __fish_seen_subcommand_from verify" -l signature -d 'The X-Pusher-Signature it came with [default: from --headers]' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand webhook; and __fish_seen_subcommand_from verify" -l pusher-key -d 'The X-Pusher-Key it came with, checked against the profile\'s key [default: from --headers]' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand webhook; and __fish_seen_subcommand_from verify" -l headers -d 'A captured request: optional request line, headers, a blank line, then the body' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand webhook; and __fish_seen_subcommand_from verify" -l profile -d 'Profile to use [default: $RTCTL_PROFILE, then `default_profile`, then `local`]' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand webhook; and __fish_seen_subcommand_from verify" -l app-id -d 'App id' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand webhook; and __fish_seen_subcommand_from verify" -l key -d 'App key' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand webhook; and __fish_seen_subcommand_from verify" -l cluster -d 'Pusher cluster, e.g. eu: api-eu.pusher.com and ws-eu.pusher.com with TLS' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand webhook; and __fish_seen_subcommand_from verify" -l host -d 'REST host of a self-hosted server (overrides --cluster)' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand webhook; and __fish_seen_subcommand_from verify" -l port -d 'REST port' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand webhook; and __fish_seen_subcommand_from verify" -l ws-host -d 'WebSocket host, when it differs from the REST host' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand webhook; and __fish_seen_subcommand_from verify" -l ws-port -d 'WebSocket port, when it differs from the REST port' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand webhook; and __fish_seen_subcommand_from verify" -l ca-cert -d 'PEM file of CA certificates to trust besides the system\'s (a private CA)' -r -F
complete -c rtctl -n "__fish_rtctl_using_subcommand webhook; and __fish_seen_subcommand_from verify" -l timeout -d 'Network timeout, e.g. 5s or 500ms [default: 10s]' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand webhook; and __fish_seen_subcommand_from verify" -l env-file -d 'Also read PUSHER_* and RTCTL_* variables from a .env file (--env-file=PATH for another) [default: ./.env]' -r -F
complete -c rtctl -n "__fish_rtctl_using_subcommand webhook; and __fish_seen_subcommand_from verify" -l color -d 'When to colour output' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR or TERM=dumb says otherwise'
always\t''
never\t''"
complete -c rtctl -n "__fish_rtctl_using_subcommand webhook; and __fish_seen_subcommand_from verify" -l json -d 'Print the verdict as JSON'
complete -c rtctl -n "__fish_rtctl_using_subcommand webhook; and __fish_seen_subcommand_from verify" -l secret-stdin -d 'Read the app secret from the first line of stdin (never from a flag\'s value)'
complete -c rtctl -n "__fish_rtctl_using_subcommand webhook; and __fish_seen_subcommand_from verify" -l tls -d 'Use https and wss'
complete -c rtctl -n "__fish_rtctl_using_subcommand webhook; and __fish_seen_subcommand_from verify" -l no-tls -d 'Use plain http and ws'
complete -c rtctl -n "__fish_rtctl_using_subcommand webhook; and __fish_seen_subcommand_from verify" -l trust-env-file -d 'Let the server and URLs the .env names receive credentials from elsewhere (the profile, the environment)'
complete -c rtctl -n "__fish_rtctl_using_subcommand webhook; and __fish_seen_subcommand_from verify" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c rtctl -n "__fish_rtctl_using_subcommand webhook; and __fish_seen_subcommand_from listen" -l bind -d 'Address to listen on: PORT (on 127.0.0.1) or HOST:PORT [default: 127.0.0.1:8090]' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand webhook; and __fish_seen_subcommand_from listen" -l forward -d 'Also post each request, as received, to this URL (the app\'s webhook endpoint)' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand webhook; and __fish_seen_subcommand_from listen" -l save -d 'Save each authentic webhook body in this folder, as fixtures for `webhook replay`' -r -F
complete -c rtctl -n "__fish_rtctl_using_subcommand webhook; and __fish_seen_subcommand_from listen" -l count -d 'Stop after this many events from authentic webhooks' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand webhook; and __fish_seen_subcommand_from listen" -l profile -d 'Profile to use [default: $RTCTL_PROFILE, then `default_profile`, then `local`]' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand webhook; and __fish_seen_subcommand_from listen" -l app-id -d 'App id' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand webhook; and __fish_seen_subcommand_from listen" -l key -d 'App key' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand webhook; and __fish_seen_subcommand_from listen" -l cluster -d 'Pusher cluster, e.g. eu: api-eu.pusher.com and ws-eu.pusher.com with TLS' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand webhook; and __fish_seen_subcommand_from listen" -l host -d 'REST host of a self-hosted server (overrides --cluster)' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand webhook; and __fish_seen_subcommand_from listen" -l port -d 'REST port' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand webhook; and __fish_seen_subcommand_from listen" -l ws-host -d 'WebSocket host, when it differs from the REST host' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand webhook; and __fish_seen_subcommand_from listen" -l ws-port -d 'WebSocket port, when it differs from the REST port' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand webhook; and __fish_seen_subcommand_from listen" -l ca-cert -d 'PEM file of CA certificates to trust besides the system\'s (a private CA)' -r -F
complete -c rtctl -n "__fish_rtctl_using_subcommand webhook; and __fish_seen_subcommand_from listen" -l timeout -d 'Network timeout, e.g. 5s or 500ms [default: 10s]' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand webhook; and __fish_seen_subcommand_from listen" -l env-file -d 'Also read PUSHER_* and RTCTL_* variables from a .env file (--env-file=PATH for another) [default: ./.env]' -r -F
complete -c rtctl -n "__fish_rtctl_using_subcommand webhook; and __fish_seen_subcommand_from listen" -l color -d 'When to colour output' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR or TERM=dumb says otherwise'
always\t''
never\t''"
complete -c rtctl -n "__fish_rtctl_using_subcommand webhook; and __fish_seen_subcommand_from listen" -l json -d 'One JSON line per event'
complete -c rtctl -n "__fish_rtctl_using_subcommand webhook; and __fish_seen_subcommand_from listen" -l secret-stdin -d 'Read the app secret from the first line of stdin (never from a flag\'s value)'
complete -c rtctl -n "__fish_rtctl_using_subcommand webhook; and __fish_seen_subcommand_from listen" -l tls -d 'Use https and wss'
complete -c rtctl -n "__fish_rtctl_using_subcommand webhook; and __fish_seen_subcommand_from listen" -l no-tls -d 'Use plain http and ws'
complete -c rtctl -n "__fish_rtctl_using_subcommand webhook; and __fish_seen_subcommand_from listen" -l trust-env-file -d 'Let the server and URLs the .env names receive credentials from elsewhere (the profile, the environment)'
complete -c rtctl -n "__fish_rtctl_using_subcommand webhook; and __fish_seen_subcommand_from listen" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c rtctl -n "__fish_rtctl_using_subcommand webhook; and __fish_seen_subcommand_from help" -f -a "fixture" -d 'Print a webhook body of one event type, for the platform\'s channels by default'
complete -c rtctl -n "__fish_rtctl_using_subcommand webhook; and __fish_seen_subcommand_from help" -f -a "replay" -d 'Sign fixtures with the app\'s secret and post them to the app\'s webhook endpoint'
complete -c rtctl -n "__fish_rtctl_using_subcommand webhook; and __fish_seen_subcommand_from help" -f -a "verify" -d 'Say whether a captured webhook is authentic, and which part is wrong if not'
complete -c rtctl -n "__fish_rtctl_using_subcommand webhook; and __fish_seen_subcommand_from help" -f -a "listen" -d 'Receive webhooks from a server, verify and print them; forward or save them'
complete -c rtctl -n "__fish_rtctl_using_subcommand webhook; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c rtctl -n "__fish_rtctl_using_subcommand doctor" -l only -d 'Run only these checks or groups (repeatable, or comma-separated)' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand doctor" -l skip -d 'Leave out these checks or groups (repeatable, or comma-separated)' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand doctor" -l compare-env -d 'An app .env to compare with the profile and the other files (repeatable)' -r -F
complete -c rtctl -n "__fish_rtctl_using_subcommand doctor" -l origin -d 'The frontend\'s address, whose origin the auth endpoint\'s CORS must allow (app.cors)' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand doctor" -l junit -d 'Also write a JUnit XML report to FILE, a test case a check' -r -F
complete -c rtctl -n "__fish_rtctl_using_subcommand doctor" -l profile -d 'Profile to use [default: $RTCTL_PROFILE, then `default_profile`, then `local`]' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand doctor" -l app-id -d 'App id' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand doctor" -l key -d 'App key' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand doctor" -l cluster -d 'Pusher cluster, e.g. eu: api-eu.pusher.com and ws-eu.pusher.com with TLS' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand doctor" -l host -d 'REST host of a self-hosted server (overrides --cluster)' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand doctor" -l port -d 'REST port' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand doctor" -l ws-host -d 'WebSocket host, when it differs from the REST host' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand doctor" -l ws-port -d 'WebSocket port, when it differs from the REST port' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand doctor" -l ca-cert -d 'PEM file of CA certificates to trust besides the system\'s (a private CA)' -r -F
complete -c rtctl -n "__fish_rtctl_using_subcommand doctor" -l timeout -d 'Network timeout, e.g. 5s or 500ms [default: 10s]' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand doctor" -l env-file -d 'Also read PUSHER_* and RTCTL_* variables from a .env file (--env-file=PATH for another) [default: ./.env]' -r -F
complete -c rtctl -n "__fish_rtctl_using_subcommand doctor" -l color -d 'When to colour output' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR or TERM=dumb says otherwise'
always\t''
never\t''"
complete -c rtctl -n "__fish_rtctl_using_subcommand doctor" -l list-checks -d 'List the checks, with their ids and groups, and exit'
complete -c rtctl -n "__fish_rtctl_using_subcommand doctor" -l offline -d 'Run only the checks that need no network'
complete -c rtctl -n "__fish_rtctl_using_subcommand doctor" -l strict -d 'Count warnings as failures'
complete -c rtctl -n "__fish_rtctl_using_subcommand doctor" -l json -d 'Print one JSON document instead of the checklist'
complete -c rtctl -n "__fish_rtctl_using_subcommand doctor" -s v -l verbose -d 'Show each check\'s details (values, URLs) and timing'
complete -c rtctl -n "__fish_rtctl_using_subcommand doctor" -l secret-stdin -d 'Read the app secret from the first line of stdin (never from a flag\'s value)'
complete -c rtctl -n "__fish_rtctl_using_subcommand doctor" -l tls -d 'Use https and wss'
complete -c rtctl -n "__fish_rtctl_using_subcommand doctor" -l no-tls -d 'Use plain http and ws'
complete -c rtctl -n "__fish_rtctl_using_subcommand doctor" -l trust-env-file -d 'Let the server and URLs the .env names receive credentials from elsewhere (the profile, the environment)'
complete -c rtctl -n "__fish_rtctl_using_subcommand doctor" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c rtctl -n "__fish_rtctl_using_subcommand probe" -l kind -d 'The kind of channel the probe makes up when no CHANNEL is given' -r -f -a "public\t''
private\t'Signed here with the app secret'
presence\t'Joined as a member named by rtctl, signed here with the app secret'"
complete -c rtctl -n "__fish_rtctl_using_subcommand probe" -l count -d 'Events to send, from 1 to 100000' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand probe" -l interval -d 'Time between sends, e.g. 100ms or 1s' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand probe" -l via -d 'Publish through Pusher\'s REST API, or the app\'s backend (what users\' own events go through)' -r -f -a "pusher\t'Pusher\'s REST API, signed with the app secret'
backend\t'The app\'s own POST {backend_url}/realtime/trigger, with its bearer token'"
complete -c rtctl -n "__fish_rtctl_using_subcommand probe" -l slo -d 'Objectives, e.g. p99=250ms,loss=0 (loss: sent and never received, failed publishes included): a breach exits 5' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand probe" -l profile -d 'Profile to use [default: $RTCTL_PROFILE, then `default_profile`, then `local`]' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand probe" -l app-id -d 'App id' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand probe" -l key -d 'App key' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand probe" -l cluster -d 'Pusher cluster, e.g. eu: api-eu.pusher.com and ws-eu.pusher.com with TLS' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand probe" -l host -d 'REST host of a self-hosted server (overrides --cluster)' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand probe" -l port -d 'REST port' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand probe" -l ws-host -d 'WebSocket host, when it differs from the REST host' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand probe" -l ws-port -d 'WebSocket port, when it differs from the REST port' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand probe" -l ca-cert -d 'PEM file of CA certificates to trust besides the system\'s (a private CA)' -r -F
complete -c rtctl -n "__fish_rtctl_using_subcommand probe" -l timeout -d 'Network timeout, e.g. 5s or 500ms [default: 10s]' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand probe" -l env-file -d 'Also read PUSHER_* and RTCTL_* variables from a .env file (--env-file=PATH for another) [default: ./.env]' -r -F
complete -c rtctl -n "__fish_rtctl_using_subcommand probe" -l color -d 'When to colour output' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR or TERM=dumb says otherwise'
always\t''
never\t''"
complete -c rtctl -n "__fish_rtctl_using_subcommand probe" -l json -d 'Write one JSON document, for scripts'
complete -c rtctl -n "__fish_rtctl_using_subcommand probe" -l junit -d 'Write JUnit XML, a test case per --slo term, for CI'
complete -c rtctl -n "__fish_rtctl_using_subcommand probe" -l secret-stdin -d 'Read the app secret from the first line of stdin (never from a flag\'s value)'
complete -c rtctl -n "__fish_rtctl_using_subcommand probe" -l tls -d 'Use https and wss'
complete -c rtctl -n "__fish_rtctl_using_subcommand probe" -l no-tls -d 'Use plain http and ws'
complete -c rtctl -n "__fish_rtctl_using_subcommand probe" -l trust-env-file -d 'Let the server and URLs the .env names receive credentials from elsewhere (the profile, the environment)'
complete -c rtctl -n "__fish_rtctl_using_subcommand probe" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c rtctl -n "__fish_rtctl_using_subcommand bench; and not __fish_seen_subcommand_from merge help" -l subscribers -d 'WebSocket connections to open, each subscribed to one channel, from 1 to 100000' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand bench; and not __fish_seen_subcommand_from merge help" -l channels -d 'Channels to spread the subscribers over, from 1 to 10000 (at most --subscribers)' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand bench; and not __fish_seen_subcommand_from merge help" -l kind -d 'The kind of the channels' -r -f -a "public\t''
private\t'Signed here with the app secret'
presence\t'Joined as a member named by rtctl, signed here with the app secret'"
complete -c rtctl -n "__fish_rtctl_using_subcommand bench; and not __fish_seen_subcommand_from merge help" -l rate -d 'Events to publish, all channels together, e.g. 500/s or 600/min' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand bench; and not __fish_seen_subcommand_from merge help" -l duration -d 'How long to publish, e.g. 30s or 5m' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand bench; and not __fish_seen_subcommand_from merge help" -l payload-size -d 'Size of each event\'s data, e.g. 100, 1KiB (at least 64 bytes)' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand bench; and not __fish_seen_subcommand_from merge help" -l ramp -d 'Spread opening the connections evenly over this long, e.g. 10s [default: as fast as the server confirms them]' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand bench; and not __fish_seen_subcommand_from merge help" -l profile -d 'Profile to use [default: $RTCTL_PROFILE, then `default_profile`, then `local`]' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand bench; and not __fish_seen_subcommand_from merge help" -l app-id -d 'App id' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand bench; and not __fish_seen_subcommand_from merge help" -l key -d 'App key' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand bench; and not __fish_seen_subcommand_from merge help" -l cluster -d 'Pusher cluster, e.g. eu: api-eu.pusher.com and ws-eu.pusher.com with TLS' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand bench; and not __fish_seen_subcommand_from merge help" -l host -d 'REST host of a self-hosted server (overrides --cluster)' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand bench; and not __fish_seen_subcommand_from merge help" -l port -d 'REST port' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand bench; and not __fish_seen_subcommand_from merge help" -l ws-host -d 'WebSocket host, when it differs from the REST host' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand bench; and not __fish_seen_subcommand_from merge help" -l ws-port -d 'WebSocket port, when it differs from the REST port' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand bench; and not __fish_seen_subcommand_from merge help" -l ca-cert -d 'PEM file of CA certificates to trust besides the system\'s (a private CA)' -r -F
complete -c rtctl -n "__fish_rtctl_using_subcommand bench; and not __fish_seen_subcommand_from merge help" -l timeout -d 'Network timeout, e.g. 5s or 500ms [default: 10s]' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand bench; and not __fish_seen_subcommand_from merge help" -l env-file -d 'Also read PUSHER_* and RTCTL_* variables from a .env file (--env-file=PATH for another) [default: ./.env]' -r -F
complete -c rtctl -n "__fish_rtctl_using_subcommand bench; and not __fish_seen_subcommand_from merge help" -l color -d 'When to colour output' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR or TERM=dumb says otherwise'
always\t''
never\t''"
complete -c rtctl -n "__fish_rtctl_using_subcommand bench; and not __fish_seen_subcommand_from merge help" -l yes -d 'Run against Pusher\'s hosted service, spending the account\'s messages'
complete -c rtctl -n "__fish_rtctl_using_subcommand bench; and not __fish_seen_subcommand_from merge help" -l json -d 'Write one JSON document, for scripts and `bench merge`'
complete -c rtctl -n "__fish_rtctl_using_subcommand bench; and not __fish_seen_subcommand_from merge help" -l secret-stdin -d 'Read the app secret from the first line of stdin (never from a flag\'s value)'
complete -c rtctl -n "__fish_rtctl_using_subcommand bench; and not __fish_seen_subcommand_from merge help" -l tls -d 'Use https and wss'
complete -c rtctl -n "__fish_rtctl_using_subcommand bench; and not __fish_seen_subcommand_from merge help" -l no-tls -d 'Use plain http and ws'
complete -c rtctl -n "__fish_rtctl_using_subcommand bench; and not __fish_seen_subcommand_from merge help" -l trust-env-file -d 'Let the server and URLs the .env names receive credentials from elsewhere (the profile, the environment)'
complete -c rtctl -n "__fish_rtctl_using_subcommand bench; and not __fish_seen_subcommand_from merge help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c rtctl -n "__fish_rtctl_using_subcommand bench; and not __fish_seen_subcommand_from merge help" -f -a "merge" -d 'Combine the --json results of several bench runs into one report'
complete -c rtctl -n "__fish_rtctl_using_subcommand bench; and not __fish_seen_subcommand_from merge help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c rtctl -n "__fish_rtctl_using_subcommand bench; and __fish_seen_subcommand_from merge" -l profile -d 'Profile to use [default: $RTCTL_PROFILE, then `default_profile`, then `local`]' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand bench; and __fish_seen_subcommand_from merge" -l app-id -d 'App id' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand bench; and __fish_seen_subcommand_from merge" -l key -d 'App key' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand bench; and __fish_seen_subcommand_from merge" -l cluster -d 'Pusher cluster, e.g. eu: api-eu.pusher.com and ws-eu.pusher.com with TLS' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand bench; and __fish_seen_subcommand_from merge" -l host -d 'REST host of a self-hosted server (overrides --cluster)' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand bench; and __fish_seen_subcommand_from merge" -l port -d 'REST port' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand bench; and __fish_seen_subcommand_from merge" -l ws-host -d 'WebSocket host, when it differs from the REST host' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand bench; and __fish_seen_subcommand_from merge" -l ws-port -d 'WebSocket port, when it differs from the REST port' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand bench; and __fish_seen_subcommand_from merge" -l ca-cert -d 'PEM file of CA certificates to trust besides the system\'s (a private CA)' -r -F
complete -c rtctl -n "__fish_rtctl_using_subcommand bench; and __fish_seen_subcommand_from merge" -l timeout -d 'Network timeout, e.g. 5s or 500ms [default: 10s]' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand bench; and __fish_seen_subcommand_from merge" -l env-file -d 'Also read PUSHER_* and RTCTL_* variables from a .env file (--env-file=PATH for another) [default: ./.env]' -r -F
complete -c rtctl -n "__fish_rtctl_using_subcommand bench; and __fish_seen_subcommand_from merge" -l color -d 'When to colour output' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR or TERM=dumb says otherwise'
always\t''
never\t''"
complete -c rtctl -n "__fish_rtctl_using_subcommand bench; and __fish_seen_subcommand_from merge" -l json -d 'Write one JSON document (the same shape as `bench --json`, without settings)'
complete -c rtctl -n "__fish_rtctl_using_subcommand bench; and __fish_seen_subcommand_from merge" -l secret-stdin -d 'Read the app secret from the first line of stdin (never from a flag\'s value)'
complete -c rtctl -n "__fish_rtctl_using_subcommand bench; and __fish_seen_subcommand_from merge" -l tls -d 'Use https and wss'
complete -c rtctl -n "__fish_rtctl_using_subcommand bench; and __fish_seen_subcommand_from merge" -l no-tls -d 'Use plain http and ws'
complete -c rtctl -n "__fish_rtctl_using_subcommand bench; and __fish_seen_subcommand_from merge" -l trust-env-file -d 'Let the server and URLs the .env names receive credentials from elsewhere (the profile, the environment)'
complete -c rtctl -n "__fish_rtctl_using_subcommand bench; and __fish_seen_subcommand_from merge" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c rtctl -n "__fish_rtctl_using_subcommand bench; and __fish_seen_subcommand_from help" -f -a "merge" -d 'Combine the --json results of several bench runs into one report'
complete -c rtctl -n "__fish_rtctl_using_subcommand bench; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c rtctl -n "__fish_rtctl_using_subcommand config; and not __fish_seen_subcommand_from show list path init use help" -l profile -d 'Profile to use [default: $RTCTL_PROFILE, then `default_profile`, then `local`]' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand config; and not __fish_seen_subcommand_from show list path init use help" -l app-id -d 'App id' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand config; and not __fish_seen_subcommand_from show list path init use help" -l key -d 'App key' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand config; and not __fish_seen_subcommand_from show list path init use help" -l cluster -d 'Pusher cluster, e.g. eu: api-eu.pusher.com and ws-eu.pusher.com with TLS' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand config; and not __fish_seen_subcommand_from show list path init use help" -l host -d 'REST host of a self-hosted server (overrides --cluster)' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand config; and not __fish_seen_subcommand_from show list path init use help" -l port -d 'REST port' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand config; and not __fish_seen_subcommand_from show list path init use help" -l ws-host -d 'WebSocket host, when it differs from the REST host' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand config; and not __fish_seen_subcommand_from show list path init use help" -l ws-port -d 'WebSocket port, when it differs from the REST port' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand config; and not __fish_seen_subcommand_from show list path init use help" -l ca-cert -d 'PEM file of CA certificates to trust besides the system\'s (a private CA)' -r -F
complete -c rtctl -n "__fish_rtctl_using_subcommand config; and not __fish_seen_subcommand_from show list path init use help" -l timeout -d 'Network timeout, e.g. 5s or 500ms [default: 10s]' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand config; and not __fish_seen_subcommand_from show list path init use help" -l env-file -d 'Also read PUSHER_* and RTCTL_* variables from a .env file (--env-file=PATH for another) [default: ./.env]' -r -F
complete -c rtctl -n "__fish_rtctl_using_subcommand config; and not __fish_seen_subcommand_from show list path init use help" -l color -d 'When to colour output' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR or TERM=dumb says otherwise'
always\t''
never\t''"
complete -c rtctl -n "__fish_rtctl_using_subcommand config; and not __fish_seen_subcommand_from show list path init use help" -l secret-stdin -d 'Read the app secret from the first line of stdin (never from a flag\'s value)'
complete -c rtctl -n "__fish_rtctl_using_subcommand config; and not __fish_seen_subcommand_from show list path init use help" -l tls -d 'Use https and wss'
complete -c rtctl -n "__fish_rtctl_using_subcommand config; and not __fish_seen_subcommand_from show list path init use help" -l no-tls -d 'Use plain http and ws'
complete -c rtctl -n "__fish_rtctl_using_subcommand config; and not __fish_seen_subcommand_from show list path init use help" -l trust-env-file -d 'Let the server and URLs the .env names receive credentials from elsewhere (the profile, the environment)'
complete -c rtctl -n "__fish_rtctl_using_subcommand config; and not __fish_seen_subcommand_from show list path init use help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c rtctl -n "__fish_rtctl_using_subcommand config; and not __fish_seen_subcommand_from show list path init use help" -f -a "show" -d 'Show the resolved profile (secrets masked)'
complete -c rtctl -n "__fish_rtctl_using_subcommand config; and not __fish_seen_subcommand_from show list path init use help" -f -a "list" -d 'List the profiles in the config file'
complete -c rtctl -n "__fish_rtctl_using_subcommand config; and not __fish_seen_subcommand_from show list path init use help" -f -a "path" -d 'Print the config file\'s path'
complete -c rtctl -n "__fish_rtctl_using_subcommand config; and not __fish_seen_subcommand_from show list path init use help" -f -a "init" -d 'Create a profile, asking on a terminal or from flags without one'
complete -c rtctl -n "__fish_rtctl_using_subcommand config; and not __fish_seen_subcommand_from show list path init use help" -f -a "use" -d 'Make a profile the default'
complete -c rtctl -n "__fish_rtctl_using_subcommand config; and not __fish_seen_subcommand_from show list path init use help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c rtctl -n "__fish_rtctl_using_subcommand config; and __fish_seen_subcommand_from show" -l profile -d 'Profile to use [default: $RTCTL_PROFILE, then `default_profile`, then `local`]' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand config; and __fish_seen_subcommand_from show" -l app-id -d 'App id' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand config; and __fish_seen_subcommand_from show" -l key -d 'App key' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand config; and __fish_seen_subcommand_from show" -l cluster -d 'Pusher cluster, e.g. eu: api-eu.pusher.com and ws-eu.pusher.com with TLS' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand config; and __fish_seen_subcommand_from show" -l host -d 'REST host of a self-hosted server (overrides --cluster)' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand config; and __fish_seen_subcommand_from show" -l port -d 'REST port' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand config; and __fish_seen_subcommand_from show" -l ws-host -d 'WebSocket host, when it differs from the REST host' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand config; and __fish_seen_subcommand_from show" -l ws-port -d 'WebSocket port, when it differs from the REST port' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand config; and __fish_seen_subcommand_from show" -l ca-cert -d 'PEM file of CA certificates to trust besides the system\'s (a private CA)' -r -F
complete -c rtctl -n "__fish_rtctl_using_subcommand config; and __fish_seen_subcommand_from show" -l timeout -d 'Network timeout, e.g. 5s or 500ms [default: 10s]' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand config; and __fish_seen_subcommand_from show" -l env-file -d 'Also read PUSHER_* and RTCTL_* variables from a .env file (--env-file=PATH for another) [default: ./.env]' -r -F
complete -c rtctl -n "__fish_rtctl_using_subcommand config; and __fish_seen_subcommand_from show" -l color -d 'When to colour output' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR or TERM=dumb says otherwise'
always\t''
never\t''"
complete -c rtctl -n "__fish_rtctl_using_subcommand config; and __fish_seen_subcommand_from show" -l show-origin -d 'Show where each value comes from'
complete -c rtctl -n "__fish_rtctl_using_subcommand config; and __fish_seen_subcommand_from show" -l json -d 'Print as JSON, with sources'
complete -c rtctl -n "__fish_rtctl_using_subcommand config; and __fish_seen_subcommand_from show" -l secret-stdin -d 'Read the app secret from the first line of stdin (never from a flag\'s value)'
complete -c rtctl -n "__fish_rtctl_using_subcommand config; and __fish_seen_subcommand_from show" -l tls -d 'Use https and wss'
complete -c rtctl -n "__fish_rtctl_using_subcommand config; and __fish_seen_subcommand_from show" -l no-tls -d 'Use plain http and ws'
complete -c rtctl -n "__fish_rtctl_using_subcommand config; and __fish_seen_subcommand_from show" -l trust-env-file -d 'Let the server and URLs the .env names receive credentials from elsewhere (the profile, the environment)'
complete -c rtctl -n "__fish_rtctl_using_subcommand config; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c rtctl -n "__fish_rtctl_using_subcommand config; and __fish_seen_subcommand_from list" -l profile -d 'Profile to use [default: $RTCTL_PROFILE, then `default_profile`, then `local`]' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand config; and __fish_seen_subcommand_from list" -l app-id -d 'App id' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand config; and __fish_seen_subcommand_from list" -l key -d 'App key' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand config; and __fish_seen_subcommand_from list" -l cluster -d 'Pusher cluster, e.g. eu: api-eu.pusher.com and ws-eu.pusher.com with TLS' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand config; and __fish_seen_subcommand_from list" -l host -d 'REST host of a self-hosted server (overrides --cluster)' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand config; and __fish_seen_subcommand_from list" -l port -d 'REST port' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand config; and __fish_seen_subcommand_from list" -l ws-host -d 'WebSocket host, when it differs from the REST host' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand config; and __fish_seen_subcommand_from list" -l ws-port -d 'WebSocket port, when it differs from the REST port' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand config; and __fish_seen_subcommand_from list" -l ca-cert -d 'PEM file of CA certificates to trust besides the system\'s (a private CA)' -r -F
complete -c rtctl -n "__fish_rtctl_using_subcommand config; and __fish_seen_subcommand_from list" -l timeout -d 'Network timeout, e.g. 5s or 500ms [default: 10s]' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand config; and __fish_seen_subcommand_from list" -l env-file -d 'Also read PUSHER_* and RTCTL_* variables from a .env file (--env-file=PATH for another) [default: ./.env]' -r -F
complete -c rtctl -n "__fish_rtctl_using_subcommand config; and __fish_seen_subcommand_from list" -l color -d 'When to colour output' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR or TERM=dumb says otherwise'
always\t''
never\t''"
complete -c rtctl -n "__fish_rtctl_using_subcommand config; and __fish_seen_subcommand_from list" -l json -d 'Print as JSON'
complete -c rtctl -n "__fish_rtctl_using_subcommand config; and __fish_seen_subcommand_from list" -l secret-stdin -d 'Read the app secret from the first line of stdin (never from a flag\'s value)'
complete -c rtctl -n "__fish_rtctl_using_subcommand config; and __fish_seen_subcommand_from list" -l tls -d 'Use https and wss'
complete -c rtctl -n "__fish_rtctl_using_subcommand config; and __fish_seen_subcommand_from list" -l no-tls -d 'Use plain http and ws'
complete -c rtctl -n "__fish_rtctl_using_subcommand config; and __fish_seen_subcommand_from list" -l trust-env-file -d 'Let the server and URLs the .env names receive credentials from elsewhere (the profile, the environment)'
complete -c rtctl -n "__fish_rtctl_using_subcommand config; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c rtctl -n "__fish_rtctl_using_subcommand config; and __fish_seen_subcommand_from path" -l profile -d 'Profile to use [default: $RTCTL_PROFILE, then `default_profile`, then `local`]' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand config; and __fish_seen_subcommand_from path" -l app-id -d 'App id' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand config; and __fish_seen_subcommand_from path" -l key -d 'App key' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand config; and __fish_seen_subcommand_from path" -l cluster -d 'Pusher cluster, e.g. eu: api-eu.pusher.com and ws-eu.pusher.com with TLS' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand config; and __fish_seen_subcommand_from path" -l host -d 'REST host of a self-hosted server (overrides --cluster)' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand config; and __fish_seen_subcommand_from path" -l port -d 'REST port' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand config; and __fish_seen_subcommand_from path" -l ws-host -d 'WebSocket host, when it differs from the REST host' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand config; and __fish_seen_subcommand_from path" -l ws-port -d 'WebSocket port, when it differs from the REST port' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand config; and __fish_seen_subcommand_from path" -l ca-cert -d 'PEM file of CA certificates to trust besides the system\'s (a private CA)' -r -F
complete -c rtctl -n "__fish_rtctl_using_subcommand config; and __fish_seen_subcommand_from path" -l timeout -d 'Network timeout, e.g. 5s or 500ms [default: 10s]' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand config; and __fish_seen_subcommand_from path" -l env-file -d 'Also read PUSHER_* and RTCTL_* variables from a .env file (--env-file=PATH for another) [default: ./.env]' -r -F
complete -c rtctl -n "__fish_rtctl_using_subcommand config; and __fish_seen_subcommand_from path" -l color -d 'When to colour output' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR or TERM=dumb says otherwise'
always\t''
never\t''"
complete -c rtctl -n "__fish_rtctl_using_subcommand config; and __fish_seen_subcommand_from path" -l secret-stdin -d 'Read the app secret from the first line of stdin (never from a flag\'s value)'
complete -c rtctl -n "__fish_rtctl_using_subcommand config; and __fish_seen_subcommand_from path" -l tls -d 'Use https and wss'
complete -c rtctl -n "__fish_rtctl_using_subcommand config; and __fish_seen_subcommand_from path" -l no-tls -d 'Use plain http and ws'
complete -c rtctl -n "__fish_rtctl_using_subcommand config; and __fish_seen_subcommand_from path" -l trust-env-file -d 'Let the server and URLs the .env names receive credentials from elsewhere (the profile, the environment)'
complete -c rtctl -n "__fish_rtctl_using_subcommand config; and __fish_seen_subcommand_from path" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c rtctl -n "__fish_rtctl_using_subcommand config; and __fish_seen_subcommand_from init" -l secret-env -d 'Read the secret from this environment variable at run time' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand config; and __fish_seen_subcommand_from init" -l secret-command -d 'Run this command at run time and use its first line as the secret' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand config; and __fish_seen_subcommand_from init" -l auth-endpoint -d 'The app\'s auth endpoint [default: BACKEND_URL/pusher/auth]' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand config; and __fish_seen_subcommand_from init" -l backend-url -d 'The app\'s backend, e.g. http://localhost:8008; the auth endpoint and webhook URL default to the platform\'s paths under it' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand config; and __fish_seen_subcommand_from init" -l webhook-url -d 'The app\'s webhook endpoint [default: BACKEND_URL/pusher/webhook]' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand config; and __fish_seen_subcommand_from init" -l profile -d 'Profile to use [default: $RTCTL_PROFILE, then `default_profile`, then `local`]' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand config; and __fish_seen_subcommand_from init" -l app-id -d 'App id' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand config; and __fish_seen_subcommand_from init" -l key -d 'App key' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand config; and __fish_seen_subcommand_from init" -l cluster -d 'Pusher cluster, e.g. eu: api-eu.pusher.com and ws-eu.pusher.com with TLS' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand config; and __fish_seen_subcommand_from init" -l host -d 'REST host of a self-hosted server (overrides --cluster)' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand config; and __fish_seen_subcommand_from init" -l port -d 'REST port' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand config; and __fish_seen_subcommand_from init" -l ws-host -d 'WebSocket host, when it differs from the REST host' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand config; and __fish_seen_subcommand_from init" -l ws-port -d 'WebSocket port, when it differs from the REST port' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand config; and __fish_seen_subcommand_from init" -l ca-cert -d 'PEM file of CA certificates to trust besides the system\'s (a private CA)' -r -F
complete -c rtctl -n "__fish_rtctl_using_subcommand config; and __fish_seen_subcommand_from init" -l timeout -d 'Network timeout, e.g. 5s or 500ms [default: 10s]' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand config; and __fish_seen_subcommand_from init" -l env-file -d 'Also read PUSHER_* and RTCTL_* variables from a .env file (--env-file=PATH for another) [default: ./.env]' -r -F
complete -c rtctl -n "__fish_rtctl_using_subcommand config; and __fish_seen_subcommand_from init" -l color -d 'When to colour output' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR or TERM=dumb says otherwise'
always\t''
never\t''"
complete -c rtctl -n "__fish_rtctl_using_subcommand config; and __fish_seen_subcommand_from init" -l default -d 'Make it the default profile (a new file\'s first profile always is)'
complete -c rtctl -n "__fish_rtctl_using_subcommand config; and __fish_seen_subcommand_from init" -l force -d 'Replace a profile of the same name'
complete -c rtctl -n "__fish_rtctl_using_subcommand config; and __fish_seen_subcommand_from init" -l no-input -d 'Never prompt, even on a terminal'
complete -c rtctl -n "__fish_rtctl_using_subcommand config; and __fish_seen_subcommand_from init" -l check -d 'Check the new profile once written with doctor\'s connection checks: a signed REST request, the server\'s clock, a WebSocket handshake and a ping (asked on a terminal)'
complete -c rtctl -n "__fish_rtctl_using_subcommand config; and __fish_seen_subcommand_from init" -l secret-stdin -d 'Read the app secret from the first line of stdin (never from a flag\'s value)'
complete -c rtctl -n "__fish_rtctl_using_subcommand config; and __fish_seen_subcommand_from init" -l tls -d 'Use https and wss'
complete -c rtctl -n "__fish_rtctl_using_subcommand config; and __fish_seen_subcommand_from init" -l no-tls -d 'Use plain http and ws'
complete -c rtctl -n "__fish_rtctl_using_subcommand config; and __fish_seen_subcommand_from init" -l trust-env-file -d 'Let the server and URLs the .env names receive credentials from elsewhere (the profile, the environment)'
complete -c rtctl -n "__fish_rtctl_using_subcommand config; and __fish_seen_subcommand_from init" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c rtctl -n "__fish_rtctl_using_subcommand config; and __fish_seen_subcommand_from use" -l profile -d 'Profile to use [default: $RTCTL_PROFILE, then `default_profile`, then `local`]' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand config; and __fish_seen_subcommand_from use" -l app-id -d 'App id' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand config; and __fish_seen_subcommand_from use" -l key -d 'App key' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand config; and __fish_seen_subcommand_from use" -l cluster -d 'Pusher cluster, e.g. eu: api-eu.pusher.com and ws-eu.pusher.com with TLS' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand config; and __fish_seen_subcommand_from use" -l host -d 'REST host of a self-hosted server (overrides --cluster)' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand config; and __fish_seen_subcommand_from use" -l port -d 'REST port' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand config; and __fish_seen_subcommand_from use" -l ws-host -d 'WebSocket host, when it differs from the REST host' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand config; and __fish_seen_subcommand_from use" -l ws-port -d 'WebSocket port, when it differs from the REST port' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand config; and __fish_seen_subcommand_from use" -l ca-cert -d 'PEM file of CA certificates to trust besides the system\'s (a private CA)' -r -F
complete -c rtctl -n "__fish_rtctl_using_subcommand config; and __fish_seen_subcommand_from use" -l timeout -d 'Network timeout, e.g. 5s or 500ms [default: 10s]' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand config; and __fish_seen_subcommand_from use" -l env-file -d 'Also read PUSHER_* and RTCTL_* variables from a .env file (--env-file=PATH for another) [default: ./.env]' -r -F
complete -c rtctl -n "__fish_rtctl_using_subcommand config; and __fish_seen_subcommand_from use" -l color -d 'When to colour output' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR or TERM=dumb says otherwise'
always\t''
never\t''"
complete -c rtctl -n "__fish_rtctl_using_subcommand config; and __fish_seen_subcommand_from use" -l secret-stdin -d 'Read the app secret from the first line of stdin (never from a flag\'s value)'
complete -c rtctl -n "__fish_rtctl_using_subcommand config; and __fish_seen_subcommand_from use" -l tls -d 'Use https and wss'
complete -c rtctl -n "__fish_rtctl_using_subcommand config; and __fish_seen_subcommand_from use" -l no-tls -d 'Use plain http and ws'
complete -c rtctl -n "__fish_rtctl_using_subcommand config; and __fish_seen_subcommand_from use" -l trust-env-file -d 'Let the server and URLs the .env names receive credentials from elsewhere (the profile, the environment)'
complete -c rtctl -n "__fish_rtctl_using_subcommand config; and __fish_seen_subcommand_from use" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c rtctl -n "__fish_rtctl_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "show" -d 'Show the resolved profile (secrets masked)'
complete -c rtctl -n "__fish_rtctl_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "list" -d 'List the profiles in the config file'
complete -c rtctl -n "__fish_rtctl_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "path" -d 'Print the config file\'s path'
complete -c rtctl -n "__fish_rtctl_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "init" -d 'Create a profile, asking on a terminal or from flags without one'
complete -c rtctl -n "__fish_rtctl_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "use" -d 'Make a profile the default'
complete -c rtctl -n "__fish_rtctl_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c rtctl -n "__fish_rtctl_using_subcommand completions" -l profile -d 'Profile to use [default: $RTCTL_PROFILE, then `default_profile`, then `local`]' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand completions" -l app-id -d 'App id' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand completions" -l key -d 'App key' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand completions" -l cluster -d 'Pusher cluster, e.g. eu: api-eu.pusher.com and ws-eu.pusher.com with TLS' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand completions" -l host -d 'REST host of a self-hosted server (overrides --cluster)' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand completions" -l port -d 'REST port' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand completions" -l ws-host -d 'WebSocket host, when it differs from the REST host' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand completions" -l ws-port -d 'WebSocket port, when it differs from the REST port' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand completions" -l ca-cert -d 'PEM file of CA certificates to trust besides the system\'s (a private CA)' -r -F
complete -c rtctl -n "__fish_rtctl_using_subcommand completions" -l timeout -d 'Network timeout, e.g. 5s or 500ms [default: 10s]' -r
complete -c rtctl -n "__fish_rtctl_using_subcommand completions" -l env-file -d 'Also read PUSHER_* and RTCTL_* variables from a .env file (--env-file=PATH for another) [default: ./.env]' -r -F
complete -c rtctl -n "__fish_rtctl_using_subcommand completions" -l color -d 'When to colour output' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR or TERM=dumb says otherwise'
always\t''
never\t''"
complete -c rtctl -n "__fish_rtctl_using_subcommand completions" -l dynamic -d 'Print a small script that asks rtctl at each <TAB>, so profile names, the catalogue\'s channels and events, and the occupied channels complete too (rtctl must be on PATH)'
complete -c rtctl -n "__fish_rtctl_using_subcommand completions" -l secret-stdin -d 'Read the app secret from the first line of stdin (never from a flag\'s value)'
complete -c rtctl -n "__fish_rtctl_using_subcommand completions" -l tls -d 'Use https and wss'
complete -c rtctl -n "__fish_rtctl_using_subcommand completions" -l no-tls -d 'Use plain http and ws'
complete -c rtctl -n "__fish_rtctl_using_subcommand completions" -l trust-env-file -d 'Let the server and URLs the .env names receive credentials from elsewhere (the profile, the environment)'
complete -c rtctl -n "__fish_rtctl_using_subcommand completions" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c rtctl -n "__fish_rtctl_using_subcommand help; and not __fish_seen_subcommand_from trigger tail channels users catalog auth webhook doctor probe bench config completions help" -f -a "trigger" -d 'Publish events over the REST API: one, a batch file, or one many times'
complete -c rtctl -n "__fish_rtctl_using_subcommand help; and not __fish_seen_subcommand_from trigger tail channels users catalog auth webhook doctor probe bench config completions help" -f -a "tail" -d 'Subscribe to channels over the WebSocket and stream their events'
complete -c rtctl -n "__fish_rtctl_using_subcommand help; and not __fish_seen_subcommand_from trigger tail channels users catalog auth webhook doctor probe bench config completions help" -f -a "channels" -d 'List occupied channels, show one, list a presence channel\'s members, watch them live'
complete -c rtctl -n "__fish_rtctl_using_subcommand help; and not __fish_seen_subcommand_from trigger tail channels users catalog auth webhook doctor probe bench config completions help" -f -a "users" -d 'Send an event to a signed-in user, or close their connections'
complete -c rtctl -n "__fish_rtctl_using_subcommand help; and not __fish_seen_subcommand_from trigger tail channels users catalog auth webhook doctor probe bench config completions help" -f -a "catalog" -d 'Show the event catalogue that trigger fills and checks payloads from'
complete -c rtctl -n "__fish_rtctl_using_subcommand help; and not __fish_seen_subcommand_from trigger tail channels users catalog auth webhook doctor probe bench config completions help" -f -a "auth" -d 'Sign and check channel authorization and user authentication'
complete -c rtctl -n "__fish_rtctl_using_subcommand help; and not __fish_seen_subcommand_from trigger tail channels users catalog auth webhook doctor probe bench config completions help" -f -a "webhook" -d 'Generate, replay, verify and capture webhooks'
complete -c rtctl -n "__fish_rtctl_using_subcommand help; and not __fish_seen_subcommand_from trigger tail channels users catalog auth webhook doctor probe bench config completions help" -f -a "doctor" -d 'Check an environment\'s config and connectivity end to end'
complete -c rtctl -n "__fish_rtctl_using_subcommand help; and not __fish_seen_subcommand_from trigger tail channels users catalog auth webhook doctor probe bench config completions help" -f -a "probe" -d 'Measure publish and fan-out latency, loss and order on a channel'
complete -c rtctl -n "__fish_rtctl_using_subcommand help; and not __fish_seen_subcommand_from trigger tail channels users catalog auth webhook doctor probe bench config completions help" -f -a "bench" -d 'Put a bounded load on a server you own and measure fan-out latency and delivery'
complete -c rtctl -n "__fish_rtctl_using_subcommand help; and not __fish_seen_subcommand_from trigger tail channels users catalog auth webhook doctor probe bench config completions help" -f -a "config" -d 'Show, list, create and choose profiles'
complete -c rtctl -n "__fish_rtctl_using_subcommand help; and not __fish_seen_subcommand_from trigger tail channels users catalog auth webhook doctor probe bench config completions help" -f -a "completions" -d 'Print a shell completion script'
complete -c rtctl -n "__fish_rtctl_using_subcommand help; and not __fish_seen_subcommand_from trigger tail channels users catalog auth webhook doctor probe bench config completions help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c rtctl -n "__fish_rtctl_using_subcommand help; and __fish_seen_subcommand_from channels" -f -a "list" -d 'List occupied channels'
complete -c rtctl -n "__fish_rtctl_using_subcommand help; and __fish_seen_subcommand_from channels" -f -a "show" -d 'Show one channel\'s state'
complete -c rtctl -n "__fish_rtctl_using_subcommand help; and __fish_seen_subcommand_from channels" -f -a "users" -d 'List the members of a presence channel'
complete -c rtctl -n "__fish_rtctl_using_subcommand help; and __fish_seen_subcommand_from channels" -f -a "watch" -d 'Watch the occupied channels live: counts, and members joining and leaving'
complete -c rtctl -n "__fish_rtctl_using_subcommand help; and __fish_seen_subcommand_from users" -f -a "send" -d 'Send an event to one signed-in user (the #server-to-user-ID channel)'
complete -c rtctl -n "__fish_rtctl_using_subcommand help; and __fish_seen_subcommand_from users" -f -a "terminate" -d 'Close every connection of a signed-in user'
complete -c rtctl -n "__fish_rtctl_using_subcommand help; and __fish_seen_subcommand_from catalog" -f -a "list" -d 'List the catalogue\'s channels and their events'
complete -c rtctl -n "__fish_rtctl_using_subcommand help; and __fish_seen_subcommand_from catalog" -f -a "show" -d 'Show a channel\'s events, or one event\'s rules and example payload'
complete -c rtctl -n "__fish_rtctl_using_subcommand help; and __fish_seen_subcommand_from auth" -f -a "sign" -d 'Sign a channel subscription; prints exactly what an auth endpoint returns'
complete -c rtctl -n "__fish_rtctl_using_subcommand help; and __fish_seen_subcommand_from auth" -f -a "user" -d 'Sign a user sign-in (pusher:signin); prints what a user-auth endpoint returns'
complete -c rtctl -n "__fish_rtctl_using_subcommand help; and __fish_seen_subcommand_from auth" -f -a "verify" -d 'Check a `key:signature` auth value and show what should have been signed'
complete -c rtctl -n "__fish_rtctl_using_subcommand help; and __fish_seen_subcommand_from webhook" -f -a "fixture" -d 'Print a webhook body of one event type, for the platform\'s channels by default'
complete -c rtctl -n "__fish_rtctl_using_subcommand help; and __fish_seen_subcommand_from webhook" -f -a "replay" -d 'Sign fixtures with the app\'s secret and post them to the app\'s webhook endpoint'
complete -c rtctl -n "__fish_rtctl_using_subcommand help; and __fish_seen_subcommand_from webhook" -f -a "verify" -d 'Say whether a captured webhook is authentic, and which part is wrong if not'
complete -c rtctl -n "__fish_rtctl_using_subcommand help; and __fish_seen_subcommand_from webhook" -f -a "listen" -d 'Receive webhooks from a server, verify and print them; forward or save them'
complete -c rtctl -n "__fish_rtctl_using_subcommand help; and __fish_seen_subcommand_from bench" -f -a "merge" -d 'Combine the --json results of several bench runs into one report'
complete -c rtctl -n "__fish_rtctl_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "show" -d 'Show the resolved profile (secrets masked)'
complete -c rtctl -n "__fish_rtctl_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "list" -d 'List the profiles in the config file'
complete -c rtctl -n "__fish_rtctl_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "path" -d 'Print the config file\'s path'
complete -c rtctl -n "__fish_rtctl_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "init" -d 'Create a profile, asking on a terminal or from flags without one'
complete -c rtctl -n "__fish_rtctl_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "use" -d 'Make a profile the default'
