# The two JWT labs' pages (templates/labs/jwt-cookie/, templates/labs/jwt-header/), the words
# the header lab's script writes (static/js/jwt-header.js) and how a token is shown
# (templates/macros/jwt.html.tera). Codes in templates: page.jwt.… (see src/site/messages.rs).
# A value named like { $link } or { $user } is a piece of markup the template builds (a link,
# an emphasis, the #user element) around another message of this file.

## Both JWT labs: the login line ({ $user } is the username, in the #user element; the header
## lab's script fills it in), the decoder button, the switches link and the inspector's
## "What the server concluded" as prose refers to it.
page-jwt-logged_in = Logged in as { $user }.
page-jwt-open_in_decoder = Open this token in the decoder
page-jwt-switches_link = this lab's switches
page-jwt-concluded = What the server concluded

## jwt-cookie/index.html.tera: title, heading and lead. { $cookie } is the token cookie's name,
## { $claims } the emphasised word of page-jwt-cookie-lead_claims.
page-jwt-cookie-title = JWT in a cookie
page-jwt-cookie-heading = JWT in a cookie: the state travels with the browser
page-jwt-cookie-lead = The server remembers nothing. Your browser holds a signed token (a JWT) in an `HttpOnly` cookie called `{ $cookie }`; the visit count and who you are are { $claims } inside it. On every visit the server checks the signature, reads `visits`, and signs a new token with `visits + 1`.
page-jwt-cookie-lead_claims = claims

## jwt-cookie/index.html.tera: the counter card. { $visits } is the big number (the #visits
## element), { $count } the same number for the plural; { $login } is the "Log in" button;
## { $timeout } is the absolute timeout (e.g. 8 h).
page-jwt-cookie-visits = You have visited this page { $visits } { $count ->
        [one] time
       *[other] times
    } with this token.
page-jwt-cookie-me_link = Your protected page
page-jwt-cookie-not_logged_in = Not logged in (you carry a guest token). { $login } and the count carries over into a token for your username.
page-jwt-cookie-login_link = Log in
page-jwt-cookie-reload_hint = Reload to count again. Every response carries a brand-new token: watch the signature and `jti` change below, while `auth_time` stays put. Renewal stops { $timeout } after it, at the absolute timeout: then you log in again.

## jwt-cookie/index.html.tera: inspector part 1, what arrived. { $state } is the verdict
## (valid, absent, refused (bad signature), …; see jwt_cookie-arrival-… in messages.ftl).
page-jwt-cookie-token_state = The `{ $cookie }` token was { $state }.

## jwt-cookie/index.html.tera: inspector part 2, the table of what the server concluded.
## { $timeout } is the absolute timeout (e.g. 8 h), { $seconds } the leeway in seconds.
page-jwt-cookie-row-subject = Subject
page-jwt-cookie-row-guest = (a guest)
page-jwt-cookie-row-new_token_expires = New token expires
page-jwt-cookie-row-logged_in = Logged in (`auth_time`)
page-jwt-cookie-row-guest_started = Guest token started (`auth_time`)
page-jwt-cookie-row-auth_time_kept = (kept unchanged by every re-issue)
page-jwt-cookie-row-renewal_stops = Renewal stops
page-jwt-cookie-row-renewal_stops_why = (`auth_time` + the absolute timeout, { $timeout })
page-jwt-cookie-row-server_state = Server-side state
page-jwt-cookie-row-server_state_none = none: nothing about you is stored on the server
page-jwt-cookie-row-leeway = Leeway on exp
page-jwt-cookie-row-leeway_seconds = { $seconds } s
page-jwt-cookie-row-leeway_default = (the jsonwebtoken crate would default to 60 s)
page-jwt-cookie-row-ttl = Token lifetime

## jwt-cookie/index.html.tera: inspector part 3, what the response sends back. The first note
## has two forms: with cookie_secure the cookie is __Host-… with Path=/ (host_prefix), else its
## Path is the lab's ({ $path }). { $ttl } is the token lifetime (e.g. 15 min).
page-jwt-cookie-sent_back-host_prefix = Every visit sends a new `Set-Cookie`: the count changed, so the token had to be re-signed. `HttpOnly` hides it from `document.cookie` (not from this page, which prints it); `SameSite=Strict` keeps it off every cross-site request; `Path=/` with the `__Host-` prefix keeps any other host or path from planting a cookie of the same name; `Max-Age` equals the token lifetime ({ $ttl }), so the browser drops the cookie when the token inside expires.
page-jwt-cookie-sent_back-lab_path = Every visit sends a new `Set-Cookie`: the count changed, so the token had to be re-signed. `HttpOnly` hides it from `document.cookie` (not from this page, which prints it); `SameSite=Strict` keeps it off every cross-site request; `Path={ $path }` keeps it away from the other labs; `Max-Age` equals the token lifetime ({ $ttl }), so the browser drops the cookie when the token inside expires.
page-jwt-cookie-sent_back-heading = The token this response sets
page-jwt-cookie-sent_back-printed = This page prints the token so you can study it. A real app never echoes an `HttpOnly` token into its HTML: script on the page could read it from here, which is exactly what `HttpOnly` is meant to prevent.

## jwt-cookie/index.html.tera: "Try it", three experiments, each a bold title and a sentence.
## { $decoder } is the link to the decoder, { $me } the link to the lab's protected page (its
## URL as the text), { $lab } the link to the header lab.
page-jwt-cookie-try-heading = Try it
page-jwt-cookie-try-tamper_title = Tamper.
page-jwt-cookie-try-tamper = Copy the token into the { $decoder } and build the “edited payload” attack: the `visits` claim changes but the signature no longer matches, so the server refuses it. Put such a token in the cookie (developer tools → Application → Cookies) and reload: you get a new guest token at 1.
page-jwt-cookie-try-decoder_link = decoder
page-jwt-cookie-try-replay_title = Replay after logout.
page-jwt-cookie-try-replay = Log in, copy the token, log out, then put the old token back in the cookie and open { $me }. You are still logged in. Logout only asked your browser to delete its copy; the token itself is valid until `exp`, and the server keeps no list it could strike it from. Visiting the lab page with the copy even renews it, but never past the absolute timeout: `auth_time` travels unchanged into every new token. (Real systems keep tokens short-lived, or keep a server-side denylist of `jti` values — which is server state again.)
page-jwt-cookie-try-cross_lab_title = Cross-lab replay.
page-jwt-cookie-try-cross_lab = A token from the { $lab } has `aud` `auth-labs/jwt-header`. Put one in this cookie: refused, wrong audience.
page-jwt-cookie-try-header_lab_link = JWT-in-a-header lab

## jwt-cookie/index.html.tera: "Switch a defence off". { $switches } is the link to the switch
## panel (page-jwt-switches_link), { $concluded } the emphasised page-jwt-concluded.
page-jwt-cookie-switches-heading = Switch a defence off
page-jwt-cookie-switches-how = On { $switches } you can turn off, for your browser only, each check that makes the attacks above fail: `verify_signature`, `pin_algorithm`, `check_audience`, a longer `leeway` or `ttl`, or sign with a `weak_secret`. Repeat the attack, read which switch let it in (under { $concluded }), then reset and watch it fail again. The workbench's encoder sends the tokens you sign straight to this lab.

## jwt-cookie/login.html.tera (the form itself is shared by every lab) and the link back to the
## lab on the login and protected pages.
page-jwt-cookie-login-title = Log in · JWT in a cookie
page-jwt-cookie-login-heading = Log in to the JWT-in-a-cookie lab
page-jwt-cookie-login-lead = On success the server checks your password against its argon2id hash and signs a new token whose `sub` is your username, carrying over the `visits` count from your guest token. Nothing is stored on the server.
page-jwt-cookie-back = Back to the JWT-in-a-cookie lab

## jwt-cookie/me.html.tera: the protected page. { $user } is the username (the #user element),
## { $concluded } the emphasised page-jwt-concluded, { $timeout } the absolute timeout,
## { $this } the emphasised page-jwt-cookie-me-replay_this.
page-jwt-cookie-me-title = Your token · JWT in a cookie
page-jwt-cookie-me-heading = Hello, { $user }
page-jwt-cookie-me-lead_by_switch = This page is protected, but a switch you turned off let your token in: it would have been refused with every defence on. See which one under { $concluded }.
page-jwt-cookie-me-lead = This page is protected: your cookie carried a token signed with this server's secret, for this lab, not expired, whose `sub` names a user. The server looked nothing up: the token itself is the proof.
page-jwt-cookie-me-visits = Visits so far
page-jwt-cookie-me-expires = Token expires
page-jwt-cookie-me-renewal_why = (your login time, `auth_time`, + { $timeout }: then you log in again)
page-jwt-cookie-me-replay = Logging out deletes the cookie from { $this } browser only. If someone copied this token, it keeps working for them until it expires, and they can even renew it on the lab page, up to the absolute timeout after your login: a stateless token cannot be revoked.
page-jwt-cookie-me-replay_this = this
page-jwt-cookie-me-sent_token_accepted = The token your browser sent (accepted)
page-jwt-cookie-me-sent_token_verified = The token your browser sent (verified)

## jwt-header/index.html.tera: title, heading, lead and the client card. { $visits } is the
## big number (the #visits element, which the script updates).
page-jwt-header-title = JWT in a header
page-jwt-header-heading = JWT in a header: the page's script carries the token
page-jwt-header-lead = The same signed token as the cookie lab, but no cookie: this page's JavaScript keeps the token and adds `Authorization: Bearer …` to each API call itself. The browser never sends it on its own. Everything below is done by `/static/js/jwt-header.js`, and every request it makes is shown in the log.
page-jwt-header-visits = Visits counted in your token: { $visits }
page-jwt-header-visit_button = Visit (POST /api/visit)
page-jwt-header-me_button = Who am I? (GET /api/me)
page-jwt-header-logout_button = Log out (forget the token)
page-jwt-header-storage_switch = Keep the token in `localStorage` (survives a reload)
page-jwt-header-noscript = This lab's client is JavaScript: enable it, or use the curl commands below.

## jwt-header/index.html.tera: the login form (the script sends it as JSON). The demo accounts
## (alice / wonderland, …) stand between demo and demo_after.
page-jwt-header-login-heading = Log in
page-jwt-header-login-username = Username
page-jwt-header-login-password = Password
page-jwt-header-login-submit = Log in (POST /api/token)
page-jwt-header-login-demo = Demo accounts:
page-jwt-header-login-demo_after = . If you hold a guest token, it is sent along and its count carries over.

## jwt-header/index.html.tera: "Where should the token live?", two paragraphs, each after a
## bold title. { $no_csrf }, { $steal } and { $csrf } are the bold words of the messages named
## so; { $use } is the emphasised word of page-jwt-header-where-cookie_use; { $lab } is the
## link to the cookie lab (page-jwt-header-where-cookie_lab_link).
page-jwt-header-where-heading = Where should the token live?
page-jwt-header-where-header_title = In a header (this lab):
page-jwt-header-where-header = the browser never attaches it by itself, so another site cannot make your browser send it — { $no_csrf }. But the script that attaches it can read it, so { $steal } (XSS): from memory while the page is open, from `localStorage` even later, since it persists until removed.
page-jwt-header-where-header_no_csrf = no CSRF
page-jwt-header-where-header_steal = any script on the page can steal it
page-jwt-header-where-cookie_title = In an `HttpOnly` cookie ({ $lab }):
page-jwt-header-where-cookie_lab_link = the cookie lab
page-jwt-header-where-cookie = script cannot read it through `document.cookie`, so XSS cannot steal it that way (unless a page prints it, as that lab does for teaching; and it can still { $use } it while you are on the page). But the browser attaches it automatically, so cross-site requests can ride on it — { $csrf } — unless `SameSite` stops them.
page-jwt-header-where-cookie_use = use
page-jwt-header-where-cookie_csrf = CSRF
page-jwt-header-where-hint = Page memory is the safer default here: it dies with the tab. The switch lets you see the trade-off: turn it on, reload, and the token is still there — for you, and for any script that runs on this origin.

## jwt-header/index.html.tera: "Your token". { $visit } is the emphasised name of the Visit
## button; { $timeout } is the absolute timeout (e.g. 8 h).
page-jwt-header-token-heading = Your token
page-jwt-header-token-paste_label = Use a token of your own (from the workbench's encoder, or another lab)
page-jwt-header-token-paste_submit = Use this token
page-jwt-header-token-none = No token yet. Click { $visit } to get a guest token, or log in.
page-jwt-header-token-none_visit = Visit
page-jwt-header-token-logout_hint = Logging out here makes the page forget the token; it tells the server too (`POST /api/logout`), which can only take note. A copy of it (say, in a `curl` command) keeps working until `exp`: the server keeps no list it could revoke it from. Whoever holds the copy can even renew it with `/api/visit`, but only until the absolute timeout ({ $timeout } after `auth_time`, which every new token keeps): then `/api/visit` answers `401` and this page forgets the token.

## jwt-header/index.html.tera: the inspector. The request log keeps the last { $limit } entries.
page-jwt-header-sent-hint = Loading the page sent no token: a header token exists only in requests the script builds. Compare the API calls in part 2.
page-jwt-header-log-summary = Every request the client sent, and what the server answered, newest first
page-jwt-header-log-limit = The log keeps the last { $limit } { $limit ->
        [one] request
       *[other] requests
    }; older ones are dropped.
page-jwt-header-log-empty = No API calls yet.

## jwt-header/index.html.tera: "The same with curl", headings above the commands and two notes.
## { $switches } is the link to the switch panel (page-jwt-switches_link); { $ttl } is the token
## lifetime, { $leeway } the leeway in seconds, { $timeout } the absolute timeout.
page-jwt-header-curl-heading = The same with curl
page-jwt-header-curl-intro = Run these in a terminal while `cargo run` is serving this page. They talk to exactly the same API.
page-jwt-header-curl-login = Log in and keep the token in a shell variable
page-jwt-header-curl-me = Who am I
page-jwt-header-curl-visit = Count a visit (prints the re-issued token)
page-jwt-header-curl-refused = No token, and a broken one: 401 with `WWW-Authenticate` (RFC 6750)
page-jwt-header-curl-switches = To see an attack succeed, turn the defence that stops it off on { $switches }, for your browser only: the page's script sends the `lab_switches` cookie with its API calls, and curl does too when given the same cookie jar (`-b jar.txt`).
page-jwt-header-curl-settings = Tokens last { $ttl }; leeway on `exp` is { $leeway } s; renewal stops { $timeout } after the login (`auth_time`). `/api/token` takes only `Content-Type: application/json` (anything else is a `415`). The second 401 names the reason: the edited token no longer matches its signature.

## Words the header lab's script writes (static/js/jwt-header.js), through the page's template
## #jwt-header-words. The script puts each value in: { $sub } the token's subject (guest:…),
## { $storage_key } the localStorage key, { $length } the token's length, { $minutes } and
## { $seconds } numbers, { $span } a duration made of those, { $at } a time, { $from_now } the
## in/ago words with their span, { $n } the request's number, { $method } and { $path } the
## request, { $status } the HTTP status. no_token_who and storage_memory also show before the
## script runs.
page-jwt-header-script-no_token_who = No token yet: not logged in.
page-jwt-header-script-guest = Guest token ({ $sub }): not logged in.
page-jwt-header-script-no_token = No token. Click Visit to get a guest token, or log in.
page-jwt-header-script-storage_memory = The token is kept in page memory only: reload the page and it is gone.
page-jwt-header-script-storage_local = The token is in `localStorage`: it survives reloads and restarts of the browser, and any script on this origin can read it with `localStorage.getItem("{ $storage_key }")`.
page-jwt-header-script-legend = — { $length } bytes, readable by this page's script (and any other script on it).
page-jwt-header-script-claim_sub = subject: your username, or guest:… for an anonymous visitor
page-jwt-header-script-seconds = { $seconds } s
page-jwt-header-script-minutes_seconds = { $minutes } min { $seconds } s
page-jwt-header-script-in = (in { $span })
page-jwt-header-script-ago = ({ $span } ago)
page-jwt-header-script-renewal = Renewal stops at { $at } { $from_now }: `auth_time` + the absolute timeout. From then on `/api/visit` refuses the token instead of renewing it; log in again.
page-jwt-header-script-request = Request { $n }
page-jwt-header-script-response = Response
page-jwt-header-script-no_authorization = (no Authorization header)
page-jwt-header-script-announce = Request { $n }: { $method } { $path } answered { $status }.
page-jwt-header-script-visit_refused = The visit was refused.
page-jwt-header-script-login_failed = Login failed.
## When /api/visit refuses a token past the absolute timeout (the API's own sentence for it).
page-jwt-header-script-refused_absolute_timeout = Absolute timeout: the login in `auth_time` is older than the absolute timeout, so this token is no longer accepted or renewed, however recently it was issued. Log in again (or visit without a token for a new guest token).

## jwt-header/needs-script.html.tera: where the header lab's login form lands when it was sent
## without the page script. { $path } is the token API's path, { $back } the link back to the
## lab (page-jwt-needs_script-back_link).
page-jwt-needs_script-title = This lab needs JavaScript
page-jwt-needs_script-heading = This lab's login runs in JavaScript
page-jwt-needs_script-why = Your browser submitted the login form itself, so no token was issued. In this lab the page script (`/static/js/jwt-header.js`) sends your username and password as JSON to `{ $path }` and keeps the token it gets back; the browser never sends a token on its own. The form posts here only so that, without the script, the password goes in a request body, never in a URL that servers and proxies write to their logs.
page-jwt-needs_script-next = Enable JavaScript and { $back }, or use the curl commands on that page.
page-jwt-needs_script-back_link = go back to the lab

## macros/jwt.html.tera: how a token is shown (both JWT labs and the workbench), and the header
## lab's script. The three parts' names, then { $length } the token's length in bytes.
page-jwt-token-part-header = header
page-jwt-token-part-payload = payload
page-jwt-token-part-signature = signature
page-jwt-token-legend = — { $length } bytes. The first two parts are only base64url-encoded: anyone can read them. The signature makes them tamper-evident, not secret.
## The decoded header and payload: "Header (decoded)".
page-jwt-token-decoded-header = Header
page-jwt-token-decoded-payload = Payload
page-jwt-token-decoded-suffix = (decoded)
## The claims table's column heads, and the live countdown below it.
page-jwt-token-claims-claim = Claim
page-jwt-token-claims-value = Value
page-jwt-token-claims-meaning = Meaning
page-jwt-token-expires = Expires:
page-jwt-token-countdown = (a live countdown to `exp`)
## After jwt-switch-issued_weak (messages.ftl), while weak_secret is on: the link to the cracker.
page-jwt-token-cracker_link = The cracker
