# The sessions lab's own pages (templates/labs/sessions/): headings, explanations, labels.
# Sentences about what happened on a request (flash messages, decisions, why a session is new)
# are in messages.ftl under sessions-…; this file holds the words of the pages themselves.
# A piece named …-before / …-after sits on either side of markup (a number, a link, <strong>).

## index.html.tera: the page title, heading and lead (the store's own sentence follows the lead)
page-sessions-title = Sessions lab
page-sessions-heading = Sessions: an id in a cookie, the state on the server
page-sessions-lead = Your browser holds one thing: a random session id inside an encrypted cookie called `{ $cookie_name }`.

## index.html.tera, the counter card: "You have visited this page <strong>N</strong> times in this session."
page-sessions-visits-before = You have visited this page
page-sessions-visits-after = { $visits ->
    [one] time
   *[other] times
} in this session.

## index.html.tera, the counter card when logged in: "Logged in as <strong>alice</strong>." then a link
page-sessions-logged_in-before = Logged in as
page-sessions-logged_in-after = .
page-sessions-me_link = Your protected page

## index.html.tera, the counter card when logged out: "Not logged in." then a "Log in" button, then the rest
page-sessions-logged_out-before = Not logged in.
page-sessions-logged_out-link = Log in
page-sessions-logged_out-after = and watch the session id change while the count carries over.

## index.html.tera, the counter card: notes and hints
page-sessions-not_saved = Nothing is stored for this browser yet: `save_uninitialized` is off, so an anonymous visit creates no session and gets no cookie, and every reload shows 1. Log in and a session starts (at 0: there was nothing to carry over).
page-sessions-reload_hint = Reload to count again. Open a private window: it is a new browser with no cookie, so it gets its own session and starts at 1.
## "What page JavaScript can read …: <code>needs JavaScript</code>. The session cookie …"; the
## placeholder in the middle is replaced by the page's script with what document.cookie holds.
page-sessions-document_cookie-before = What page JavaScript can read of this page's cookies (`document.cookie`):
page-sessions-document_cookie-placeholder = needs JavaScript
page-sessions-document_cookie-after = . The session cookie is not there while it is `HttpOnly`; turn the `http_only` switch off and it is.

## index.html.tera, inspector part 1 (what the browser sent): "The `sid` cookie was <state>; inside
## it, the session id <code>…</code>." The state is a word from sessions-arrival-… in messages.ftl.
page-sessions-sent-cookie = The `{ $cookie_name }` cookie was
page-sessions-sent-decrypted = ; inside it, the session id
page-sessions-sent-end = .
## "This request's session came from the URL instead: <code>id</code>, now also in this browser's cookie."
page-sessions-planted-before = This request's session came from the URL instead:
page-sessions-planted-after = , now also in this browser's cookie.

## index.html.tera and me.html.tera, inspector part 2: the session's entry in the store (table headers)
page-sessions-entry-id = Session id
page-sessions-entry-visits = visits
page-sessions-entry-user = user
page-sessions-entry-anonymous = none (anonymous)
page-sessions-entry-created = Created
page-sessions-entry-last_seen = Last seen
page-sessions-entry-idle_expiry = Idle expiry
page-sessions-entry-absolute_expiry = Absolute expiry
page-sessions-entry-idle_rule = { $timeout } after last use
page-sessions-entry-absolute_rule = { $timeout } after creation
page-sessions-no_session = No session for this browser: nothing was stored, so the count shown is this visit alone.

## index.html.tera, inspector part 2: how many sessions the store holds. After the store's
## "Sessions held in memory:" come <strong>N</strong>, then -capacity, <span>N</span>, then
## -anonymous, <span>N</span>, then -logged_in.
page-sessions-held-capacity = of at most { $capacity }:
page-sessions-held-anonymous = anonymous (budget { $budget }) and
page-sessions-held-logged_in = logged in (budget { $budget }).

## index.html.tera, inspector part 3 (what the response sends back); { $path } is one of
## the two -path_… pieces below it, depending on the cookie's name.
page-sessions-sent_back-defaults = With the experiment switches at their safe defaults: on the first visit you see a `Set-Cookie` with the encrypted id. On later visits nothing is sent: the browser already has the cookie, and the count changed only on the server.
page-sessions-sent_back-attributes = The cookie has no `Expires` or `Max-Age`, so the browser drops it when it closes; `HttpOnly` keeps it out of `document.cookie` (this inspector prints it into the page anyway: see the note above); { $path }; `SameSite=Lax` keeps it off cross-site form posts.
page-sessions-sent_back-path_host = `Path=/` and the `__Host-` prefix keep any other host or path from planting a cookie of the same name
page-sessions-sent_back-path_lab = `Path={ $path }` keeps it away from the other labs

## index.html.tera, the "Lost updates" card: heading, the paragraph around the `resave` link
## ("… Turn <a>resave</a> on and …"), the button, the result line and its notes.
page-sessions-race-heading = Lost updates: the `resave` switch
page-sessions-race-explain-before = The button reads your count, sends { $visits } visits to this page at once (the same request a reload sends), reads the count again, and shows how many of the { $visits } the server kept. Normally every one counts: the store adds one inside its lock. Turn
page-sessions-race-explain-after = on and each visit reads a copy of the session, waits for a store round trip, and writes the whole copy back, as express-session does with `resave: true`. Visits that overlap write the same number, and the increments in between are lost.
page-sessions-race-button = Send { $visits } visits at once
## "Before: <strong>N</strong>. After: <strong>N</strong>. Lost: <strong>N</strong> of 50." (the numbers come from the page's script)
page-sessions-race-before = Before:
page-sessions-race-after = After:
page-sessions-race-lost = Lost:
page-sessions-race-of = of { $visits }.
page-sessions-race-no_session = This browser has no session to count on (with `save_uninitialized` off nothing is stored until you log in): log in first.
page-sessions-race-failed = The visits could not be sent: is the server still running?

## index.html.tera, the express-session card: heading, intro, the second column's header, and
## the second column of each row (the first column is the express-session option, as code)
page-sessions-express-heading = The same thing in express-session
page-sessions-express-intro = This lab grew from an Express tutorial. Each of its options has a counterpart here:
page-sessions-express-here = Here
page-sessions-express-secret = `secret_key` in `Rocket.toml` (or `ROCKET_SECRET_KEY`). express signs the id with it; Rocket encrypts and authenticates the whole cookie with it (AES-256-GCM).
page-sessions-express-save_uninitialized = A session is created on your first visit, before you log in, so anonymous visits are counted. The `save_uninitialized` switch turns it off.
## follows the store's own sentence about resave (sessions-store-…-resave in messages.ftl)
page-sessions-express-resave = The `resave` switch writes a stale copy back instead (the button above).
page-sessions-express-rolling = The cookie is sent only when the session is new or its id changes. The `rolling` switch sends it on every page.
page-sessions-express-http_only = `HttpOnly` on the `{ $cookie_name }` cookie: `document.cookie` cannot see it. (This page's inspector still prints it into the HTML, which a real app never does.) The `http_only` switch.
page-sessions-express-secure = `Secure` is added when the server runs with TLS. Over plain `http://` browsers drop a `Secure` cookie (Chrome and Firefox make an exception for localhost, Safari does not), which is why it is off for `cargo run`. The `secure` switch.
page-sessions-express-max_age = Not set: a browser-session cookie. Lifetime is enforced on the server instead: { $idle } idle, { $absolute } absolute. The `max_age` switch sets one (in seconds: express counts milliseconds).
## { $scope } is -scope_host or -scope_lab, depending on the cookie's name
page-sessions-express-cookie_name = `{ $cookie_name }`, scoped to { $scope }.
page-sessions-express-scope_host = `Path=/` (the `__Host-` prefix requires it)
page-sessions-express-scope_lab = `Path={ $path }`
page-sessions-express-views = `SessionStore::visit` in `src/labs/sessions/store.rs`.
page-sessions-express-regenerate = `SessionStore::login`: a new id on login, the old one destroyed. The `regenerate_on_login` switch skips it.
page-sessions-express-destroy = `SessionStore::destroy`, called by logout. The `destroy_on_logout` switch skips it.

## index.html.tera, the "Try it" card: each step is a bold title, then its text
page-sessions-try-heading = Try it
page-sessions-try-tamper-title = Tamper.
page-sessions-try-tamper = In developer tools (Application → Cookies) change one character of the `{ $cookie_name }` value and reload. Decryption fails, the server ignores the cookie and starts a new session at 1.
## "… then put the old value back and open <a>/labs/sessions/me</a>. You are sent …"
page-sessions-try-replay-title = Replay after logout.
page-sessions-try-replay-before = Log in, copy the cookie value, log out, then put the old value back and open
page-sessions-try-replay-after = . You are sent to the login page: logout deleted the session on the server, so the id points at nothing.
## "… off in the <a>switches</a>, open … and log in. Reload <a>/labs/sessions/me</a> in the private window: …"
page-sessions-try-fixation-title = Session fixation, in two windows.
page-sessions-try-fixation-before = In a private window (the attacker), open this page and copy the session id from the inspector. Here (the victim), turn `accept_url_id` on and `regenerate_on_login` off in the
page-sessions-try-fixation-switches = switches
page-sessions-try-fixation-middle = , open `{ $index }?sid=` followed by the copied id, and log in. Reload
page-sessions-try-fixation-after = in the private window: it greets you by name. Turn `regenerate_on_login` back on and try again: your login gets a new id, and the attacker's dies.
## followed by the store's own sentence (sessions-store-…-restart in messages.ftl)
page-sessions-try-restart-title = Restart.

## login.html.tera: the login page ("… creates a <em>new</em> session id …")
page-sessions-login-title = Log in · Sessions lab
page-sessions-login-heading = Log in to the sessions lab
page-sessions-login-lead-before = On success the server checks your password against its argon2id hash, creates a
page-sessions-login-lead-new = new
page-sessions-login-lead-after = session id (the old one is destroyed, so an id someone planted in your browser is useless), stores your username in that session, and sends you to your protected page.
## login.html.tera and me.html.tera: the link back to the lab
page-sessions-back = Back to the sessions lab

## me.html.tera: the protected page ("Hello, <span>alice</span>")
page-sessions-me-title = Your session · Sessions lab
page-sessions-me-hello-before = Hello,
page-sessions-me-hello-after = {""}
page-sessions-me-lead = This page is protected: the server found a live session for the id in your cookie, and that session names a user.
page-sessions-me-age = Session age
page-sessions-me-visits = Visits so far
page-sessions-me-activity = Loading this page counted as activity, so the idle expiry moved forward; the absolute expiry never moves.
## me.html.tera, inspector part 2
page-sessions-me-concluded = A live session, `{ $id }`, logged in as `{ $user }`.
