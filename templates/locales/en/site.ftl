# The site's own pages and the frame every page shares (base, navigation, home, register, login,
# error page) and the lab parts that read the same in every lab (inspector, switches, cross-site
# log). Codes in templates: page.site.… (see src/site/messages.rs).

## base.html.tera: the page frame (meta description, skip link, footer)
page-site-base-description = Auth Labs shows how a web server remembers a browser: sessions, cookies and JWTs side by side, every header visible, on your own machine.
page-site-base-skip = Skip to content
page-site-base-footer = Auth Labs: how a web server remembers a browser. Everything runs on this machine; no page loads anything from another host.

## partials/nav.html.tera: the main navigation
page-site-nav-label = Main
page-site-nav-side_by_side = Side by side
page-site-nav-jwt_decoder = JWT decoder
page-site-nav-challenges = Challenges
page-site-nav-tutorial = Tutorial
page-site-nav-register = Register
## The language switch's accessible name. The link is marked with the other language
## (lang="ko" on an English page), so its label is written in that language, for the
## reader who wants it, and starts with the link's visible text.
page-site-nav-language = 한국어: 이 사이트를 한국어로 보기

## The labs' names (nav, home page, registered page, switches panel), by slug: page.site.lab.<slug>
page-site-lab-sessions = Sessions
page-site-lab-cookies = Cookies
page-site-lab-jwt-cookie = JWT in a cookie
page-site-lab-jwt-header = JWT in a header

## Form labels shared by the login and register forms and the demo-account tables
page-site-form-username = Username
page-site-form-password = Password

## home.html.tera: title and the opening section
page-site-home-title = Home
page-site-home-heading = How does a web server remember you?
page-site-home-lead-stateless = HTTP is stateless: every request arrives as a stranger, and the server answers it and forgets. To recognise the same browser twice, the server sends a `Set-Cookie` header; the browser stores it and sends it back in a `Cookie` header on every later request to that site.
## One sentence in five pieces around two emphasised words: before <em>what</em> middle <em>where</em> after
page-site-home-lead-choice-before = Everything else — sessions, "remember me", JSON Web Tokens — is a choice about
page-site-home-lead-choice-what = what
page-site-home-lead-choice-middle = goes in that value and
page-site-home-lead-choice-where = where
page-site-home-lead-choice-after = the rest of the state lives.
page-site-home-lead-labs = The four labs below run the same visit counter and the same login with four different answers, and show you every header that crosses the wire.
## The "start here" button ($title: the first chapter's title) and the time next to it
page-site-home-start = Start here: chapter 1, { $title }
page-site-home-start_time = about { $minutes } minutes, then each chapter sends you into its lab

## home.html.tera: the comparison table (its column heads are the labs' names above)
page-site-home-compare-heading = The four mechanisms side by side
page-site-home-compare-state = Where the state lives
page-site-home-compare-state-sessions = Server memory
page-site-home-compare-state-cookies = In the cookies themselves
page-site-home-compare-state-jwt_cookie = In the token's claims, in a cookie
page-site-home-compare-state-jwt_header = In the token's claims, in page memory
page-site-home-compare-holds = What the browser holds
page-site-home-compare-holds-sessions = A random session id, encrypted
page-site-home-compare-holds-cookies = The values: plain, signed or encrypted
page-site-home-compare-holds-jwt_cookie = A signed token (header.payload.signature)
page-site-home-compare-holds-jwt_header = The same kind of token, held by JavaScript
page-site-home-compare-read = Can the user read it?
page-site-home-compare-read-sessions = Only an opaque id
page-site-home-compare-read-cookies = Plain and signed: yes. Private: no
page-site-home-compare-read-jwt = Yes: the payload is only base64url
page-site-home-compare-change = Can the user change it?
page-site-home-compare-change-sessions = No: any edit breaks decryption
page-site-home-compare-change-cookies = Plain: yes, and it is believed. Signed/private: edits are detected
page-site-home-compare-change-jwt = No: an edit breaks the signature
page-site-home-compare-sent = How it is sent
page-site-home-compare-sent-browser = Automatically, by the browser
page-site-home-compare-sent-jwt_header = By page code, in `Authorization: Bearer`
page-site-home-compare-logout = What logout does
page-site-home-compare-logout-sessions = Deletes the server-side session: copies die
page-site-home-compare-logout-cookies = Deletes the cookie in this browser; copies still work
page-site-home-compare-logout-jwt_cookie = Deletes the cookie; copies work until `exp`
page-site-home-compare-logout-jwt_header = Forgets the token; copies work until `exp`
page-site-home-compare-restart = Survives a server restart?
page-site-home-compare-restart-sessions = No: memory is wiped
page-site-home-compare-restart-cookies = Yes, if the `secret_key` and the signing keys are the same
page-site-home-compare-restart-jwt = Yes, if the JWT secret is the same
## The sentence under the table: before <a>link</a>after
page-site-home-live-before = Watch the behaviour rows fill themselves from real requests:
page-site-home-live-link = Side by side, live
page-site-home-live-after = .

## home.html.tera: the demo accounts (before <a>link</a>after, then a table)
page-site-home-demo-heading = Demo accounts
page-site-home-demo-before = Every lab's login accepts these, and any account you
page-site-home-demo-link = register
page-site-home-demo-after = :

## register.html.tera: the registration form
page-site-register-title = Register
page-site-register-description = Create an account shared by every lab, kept in server memory with an argon2id password hash.
page-site-register-heading = Create an account
page-site-register-lead = Accounts live in server memory, shared by every lab, and vanish when the server restarts. The password is hashed with argon2id before it is stored; the result page shows you exactly what the server keeps.
## $rule: the password rule (register.password_rule), "8–128 characters"
page-site-register-password_hint = { $rule }. Don't reuse a real password: this is a teaching server.
page-site-register-submit = Register

## registered.html.tera: the page after registering (heading: before <span>username</span>after)
page-site-registered-title = Registered
page-site-registered-welcome-before = Welcome,
page-site-registered-welcome-after = {""}
page-site-registered-lead = Your account exists. Log in to any lab with it:
page-site-registered-stored-heading = What the server stored
page-site-registered-stored-intro = Not your password: this PHC string, produced by argon2id.
page-site-registered-part = Part
page-site-registered-meaning = Meaning
page-site-registered-cost = At login the server reads the salt and cost from this string, hashes what you typed the same way, and compares. Hashing takes tens of milliseconds and 19 MiB of memory on purpose: cheap for one login, ruinous for an attacker trying billions of guesses against a stolen database.

## auth/login.html.tera and macros/forms.html.tera: the login form every lab shares
page-site-login-heading = Log in
page-site-login-submit = Log in
## The hint under the form: demo, then the accounts (alice / wonderland, …), then or <a>link</a>after
page-site-login-demo = Demo accounts:
page-site-login-or = — or
page-site-login-register = register your own
page-site-login-register-after = .
page-site-login-back = Back to the lab
page-site-logout = Log out

## error.html.tera: the error page. Its heading is the status code and the status's name,
## page.site.status.<code>, or the reason phrase itself ($title) for any other status.
page-site-error-home = Back to the home page
page-site-status-other = { $title }
page-site-status-400 = Bad Request
page-site-status-401 = Unauthorized
page-site-status-403 = Forbidden
page-site-status-404 = Not Found
page-site-status-405 = Method Not Allowed
page-site-status-406 = Not Acceptable
page-site-status-409 = Conflict
page-site-status-413 = Payload Too Large
page-site-status-414 = URI Too Long
page-site-status-415 = Unsupported Media Type
page-site-status-422 = Unprocessable Entity
page-site-status-429 = Too Many Requests
page-site-status-431 = Request Header Fields Too Large
page-site-status-500 = Internal Server Error
page-site-status-503 = Service Unavailable

## labs/layout.html.tera: the inspector's frame on every lab page
page-site-inspector-heading = Inspector
## The instance line: before <code>address</code>middle <code>store</code>after
page-site-inspector-answered-before = Answered by the instance at
page-site-inspector-answered-middle = ; its sessions are kept in
page-site-inspector-answered-after = .
page-site-inspector-sent = 1 · What your browser sent
page-site-inspector-concluded = 2 · What the server concluded
page-site-inspector-sent_back = 3 · What this response sends back

## macros/inspector.html.tera: the request headers and the Set-Cookie lines ($name: Cookie or Authorization)
page-site-inspector-header-heading = { $name } header the browser sent
page-site-inspector-header-none = (none: the browser sent no { $name } header)
page-site-inspector-set_cookie-heading = Set-Cookie lines of this response
page-site-inspector-set_cookie-hint = Filled in from the response's real headers after the page was rendered: compare them with your browser's developer tools (Network tab → this request → Response Headers).

## labs/switches.html.tera: a lab's switches panel ($lab: the lab's name)
page-site-switches-title = Switches · { $lab } lab
page-site-switches-heading = Experiment switches: { $lab } lab
page-site-switches-switch = Switch
page-site-switches-value = Value
page-site-switches-default = Safe default
page-site-switches-changed = What changing it does
## The range of a switch in seconds, with or without "empty" allowed
page-site-switches-range = { $min }–{ $max } s
page-site-switches-range_or_empty = { $min }–{ $max } s, or empty
## An empty value, shown inside code where the value would be
page-site-switches-empty = (empty)
page-site-switches-save = Save for this browser
page-site-switches-reset = Reset to safe defaults
page-site-switches-back = Back to the { $lab } lab
page-site-switches-curl-heading = Try it from the command line

## labs/switches-banner.html.tera: the banner on every page of a lab with switches changed
## ($value: the safe default, or page.site.banner.empty)
page-site-banner-safe_default = (safe default: { $value })
page-site-banner-empty = empty
page-site-banner-defence_off = defence off
page-site-banner-open = Open the switches

## labs/cross-site-log.html.tera: the box of requests from other sites on every lab page
page-site-cross_site-heading = Requests from other sites
page-site-cross_site-off = The attacker site is off (`attacker_port = 0`).
page-site-cross_site-attack = Attack this lab from another site
## $port: the attacker site's port; $trace: this browser's log id
page-site-cross_site-attack-note = (the attacker site, `http://localhost:{ $port }`; its pages tag every request they forge with your log's id, `{ $trace }`, so the lab can show you here what arrived. A real attacker would not need to.)
page-site-cross_site-start = Start a cross-site log
page-site-cross_site-start-note = To attack this lab from another site, first give this browser a log: one more cookie here, `cross_site_trace`, a random id (`SameSite=Lax`, `Path=/labs`). Then this box links to the attacker site, and shows what reached the labs from there.
## The SameSite choice ($cookie: the lab's credential cookie)
page-site-cross_site-same_site-legend = Send your `{ $cookie }` cookie with…
page-site-cross_site-same_site-own = (this lab's own)
page-site-cross_site-same_site-apply = Re-issue my cookie
page-site-cross_site-same_site-chosen = Your choice, for this browser only, replaces this lab's own `SameSite` on every `{ $cookie }` cookie it sends; the inspector above shows the real line. Pick the lab's own to go back.
page-site-cross_site-same_site-default = The lab's own setting. Change it for this browser, then launch the same attack again.
## The log itself ($count: rows shown; $limit: the most it keeps)
page-site-cross_site-empty = Your log is empty: nothing from another site or origin has reached the labs for this browser yet.
page-site-cross_site-rows = Newest first, the last { $count } (at most { $limit }). Only requests another site or origin sent are here; the cookie values stay out of it.
page-site-cross_site-when = When
page-site-cross_site-request = Request
page-site-cross_site-from = Where from
page-site-cross_site-cookies = Cookies that came along
page-site-cross_site-decided = What the lab decided
page-site-cross_site-no_cookies = none

## templates/base.html.tera: what static/js/local-time.js writes beside a UTC time, in the
## reader's time zone ({ $time } is filled in by the script).
page-site-local_time-note = (your time: { $time })
page-site-local_time-title = Your time: { $time }
