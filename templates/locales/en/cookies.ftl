# The cookies lab's own pages (templates/labs/cookies/): headings, explanations, labels and
# buttons. What Rust reports about a request (flash messages, verdicts, builder problems) is in
# messages.ftl under cookies-…. A value named `…_html` in a template is markup the template built
# (a link, an element with an id) around the text of another message of this file.

## Shared by several pages of the lab: the link back to the lab page.
page-cookies-back = Back to the cookies lab

## Shared by the builder's two forms (builder.html.tera): the hints after the field labels.
page-cookies-field-name = Name
page-cookies-field-value = Value
page-cookies-field-path_hint = (empty = the default path)
page-cookies-field-domain_hint = (empty = host-only)

## Shared by the lab page and the result page: the box filled in by cookie-visibility.js.
page-cookies-needs_js = (needs JavaScript)

## index.html.tera: the page title and the top of the lab page.
page-cookies-index-title = Cookies lab
page-cookies-index-heading = Cookies: the state is the cookie
## { $read } and { $change } are the two emphasised phrases below.
page-cookies-index-lead = Here the server remembers nothing. Each counter lives entirely inside a cookie: the server reads it, adds one, and sends it back. What differs is { $read } and { $change }.
page-cookies-index-lead_read = who can read it
page-cookies-index-lead_change = who can change it

## index.html.tera: the visit counter and the login state. { $visits } is the number (in a large
## bold element), { $count } the same number for the plural.
page-cookies-index-visits = You have visited this page { $visits } { $count ->
        [one] time
       *[other] times
    } (the private counter, which only the server can read or write).
## { $user } is the username, { $expires } the expiry time, { $relative } how far away it is.
page-cookies-index-logged_in = Logged in as { $user } until { $expires } ({ $relative }), when the server stops accepting the login cookie.
page-cookies-index-me_link = Your protected page
## { $state } is the verdict (e.g. "refused (expired)"), { $why } the sentence that explains it.
page-cookies-index-login_rejected = Your `user` cookie was { $state }: { $why }
## { $login } is the "Log in" button.
page-cookies-index-not_logged_in = Not logged in. { $login }: your username will travel in an encrypted cookie, and the server will keep no record of it.
page-cookies-index-login_link = Log in

## index.html.tera: the three counter cards. The heading is followed by the cookie's name.
page-cookies-index-kind-plain = Plain
page-cookies-index-kind-signed = Signed
page-cookies-index-kind-private = Private
page-cookies-index-verdict = Verdict: { $state }
## Each card ends with "Readable: … Changeable: …" (the labels in bold).
page-cookies-index-readable = Readable:
page-cookies-index-changeable = Changeable:
page-cookies-index-plain-readable = yes.
page-cookies-index-plain-changeable = yes, and the server believes whatever comes back. Edit it in developer tools (Application → Cookies) to `41` and reload: the page says 42.
page-cookies-index-signed-readable = yes, the number is right there before the dot.
page-cookies-index-signed-changeable = no: after the dot is an HMAC-SHA256 tag over `signed_visits=<number>` under a server key. Change the number and the tag no longer matches: "signature did not match", count restarts.
page-cookies-index-private-readable = no, it is AES-256-GCM ciphertext under the server's `secret_key`, and `HttpOnly` keeps it out of `document.cookie`.
page-cookies-index-private-changeable = no: any edit fails authenticated decryption.

## index.html.tera: the signed note card.
page-cookies-index-note-heading = A second signed cookie: your note
page-cookies-index-note-intro = Apps often sign values the user chose (a display name, a preference) with the same key as everything else. Here the lab signs any short note you give it into `signed_note`. Its tag covers `signed_note=<note>`, so a note of `1000` is worthless as a `signed_visits` value: the name is part of what was signed.
page-cookies-index-note-label = Note
page-cookies-index-note-button = Sign my note
## { $cookie } is the note cookie as the browser holds it, { $verdict } what the server made of it.
page-cookies-index-note-held = Your browser holds { $cookie }: { $verdict }

## index.html.tera: the key rotation card. { $keys } is the number of keys (in bold), { $count }
## the same number for the plural.
page-cookies-index-rotation-heading = Rotating the signing key
page-cookies-index-rotation-how = The signed counter can be checked against several keys: the first signs, every one verifies, like express's `secret: ['new', 'old']`.
page-cookies-index-rotation-count = This server has { $keys } signing { $count ->
        [one] key
       *[other] keys
    } in `cookie_signing_keys`.
page-cookies-index-rotation-steps = To rotate, put a new key first and keep the old one until every cookie it signed has expired; then drop it.
page-cookies-index-rotation-button = Re-sign my counter with the retired key
page-cookies-index-rotation-next = The next page shows the cookie verified under key { $count } and sent back signed with key 1.
page-cookies-index-rotation-single = With a single key there is nothing to rotate; list two keys (new first) to try it.

## index.html.tera: the inspector's first and third parts.
page-cookies-index-document_cookie-heading = What page JavaScript sees in `document.cookie`
page-cookies-index-document_cookie-hint = Plain and signed counters show up here; the private counter and the login cookie are `HttpOnly`, so they do not (though the Cookie header above prints them into the page: see the note).
page-cookies-index-sent_back = Every visit sends all three counters back, because the new count has to live somewhere and there is no server store. Each is scoped to `Path={ $base }` and has no `Expires`: a browser-session cookie.

## index.html.tera: below the inspector, logging in with a cookie. { $cookie } is the login
## cookie's name, { $sessions } the link to the sessions lab, { $me } the link to the protected page.
page-cookies-index-login-heading = Logging in with a cookie and nothing else
page-cookies-index-login-how = The login puts your username, your account's id, the time it was issued and its expiry, encrypted, into the `{ $cookie }` cookie. The server keeps no session: a request whose cookie decrypts, has not expired, and names an account that still exists under that name is logged in. That is Rocket's own cookies example made to expire, and how "remember me" cookies often work.
page-cookies-index-login-catch_label = The catch:
page-cookies-index-login-catch = logout can only ask your browser to delete the cookie. If someone copied it before (a stolen laptop, a shared computer, malware), their copy still works after you log out, until the expiry inside it (`cookie_login_lifetime`, 8 hours by default). In the { $sessions } logout deletes the session on the server, so a copy dies with it.
page-cookies-index-sessions_link = sessions lab
page-cookies-index-login-step1 = Log in, open developer tools and copy the `{ $cookie }` cookie's value.
page-cookies-index-login-step2 = Log out: the cookie is gone from your browser.
page-cookies-index-login-step3 = Add a cookie named `{ $cookie }` with the copied value and `Path={ $path }`, then open { $me }: you are logged in again.
page-cookies-index-login-limits = The expiry inside the value limits the damage but revokes nothing sooner. Real apps that must revoke such cookies keep a server-side deny list, or a per-account version number to bump: server state again.

## index.html.tera: the last card. { $builder } is the button that opens the builder.
page-cookies-index-more-heading = More experiments
page-cookies-index-more = { $builder } to set any cookie with any attribute, see what `HttpOnly` does to `document.cookie`, and watch a removal with the wrong `Path` fail.
page-cookies-index-more-builder_link = Open the cookie builder

## builder.html.tera: title, heading and introduction.
page-cookies-builder-title = Cookie builder · Cookies lab
page-cookies-builder-heading = The cookie builder
page-cookies-builder-lead = Set any cookie with any attribute and see the exact `Set-Cookie` line the server sends, and what your browser then lets JavaScript see. The name and value are checked against RFC 6265 first: a cookie that would break the header, or inject another attribute, is refused with the rule it breaks.

## builder.html.tera: the form that sets a cookie, and the box listing what is wrong with it.
page-cookies-builder-set-heading = Set a cookie
page-cookies-builder-not_sent = Not sent: { $count } { $count ->
        [one] problem
       *[other] problems
    }.
page-cookies-builder-no_header = No `Set-Cookie` header was sent.
page-cookies-builder-max_age_hint = (seconds; empty = none)
page-cookies-builder-expires_hint = (UTC; empty = none)
page-cookies-builder-same_site_unset = (not set)
page-cookies-builder-flags = Flags
page-cookies-builder-submit = Set this cookie

## builder.html.tera: the table of attributes (the attribute names stay as they are).
page-cookies-builder-attributes-heading = What the attributes mean
page-cookies-builder-attributes-lifetime = How long the browser keeps it (seconds from now / a date). Neither: until the browser closes. `Max-Age=0` deletes it.
page-cookies-builder-attributes-path = Sent only to URLs under this path. Left empty, the browser uses the request's directory, here `{ $base }`.
page-cookies-builder-attributes-domain = Empty: this host only. Set: this domain and its subdomains. A site may only name itself or a parent domain.
page-cookies-builder-attributes-same_site = `Strict`: never on cross-site requests. `Lax`: on top-level links from other sites, not on their forms or iframes (the default when unset). `None`: always, and only with `Secure`.
page-cookies-builder-attributes-secure = Only sent over HTTPS (browsers make an exception for `localhost`).
page-cookies-builder-attributes-http_only = Invisible to page JavaScript (`document.cookie`), so an XSS bug cannot read it there. Still sent with every request, and a page that prints it (as this inspector does) exposes it again.
page-cookies-builder-attributes-partitioned = CHIPS: when embedded on another site, kept in a separate jar per top-level site. Requires `Secure`.
page-cookies-builder-attributes-prefixes = Names starting with `__Secure-` must be `Secure`; names starting with `__Host-` must also have `Path=/` and no `Domain`. The builder enforces both, as browsers do.

## builder.html.tera: removing a cookie. { $same } is the bold phrase, { $crumb } the test
## cookie's name, { $base } the lab's path.
page-cookies-builder-remove-heading = Removing a cookie: the Path must match
page-cookies-builder-remove-how = There is no "delete" header. To remove a cookie the server sends it again, empty, with `Max-Age=0` and an `Expires` in the past. The browser applies that only to a stored cookie with the { $same }; otherwise it is a different cookie, and the old one stays.
page-cookies-builder-remove-same = same name, Path and Domain
page-cookies-builder-remove-step1 = Set `{ $crumb }=1` with Path={ $base }
page-cookies-builder-remove-step2 = Remove it with Path `/` (the default below): it still arrives in the table further down.
page-cookies-builder-remove-step3 = Remove it again with Path `{ $base }`: now it is gone.
page-cookies-builder-remove-submit = Send the removal

## builder.html.tera: the express tutorial's custom cookie (the code itself stays as it is).
page-cookies-builder-tutorial-heading = The tutorial's custom cookie, in Rocket
page-cookies-builder-tutorial-express = The express tutorial sets a custom cookie like this (express counts `maxAge` in milliseconds):
page-cookies-builder-tutorial-rocket = In Rocket, through the request's `CookieJar` (a `time::Duration` instead of milliseconds):
page-cookies-builder-tutorial-button = Run that code
page-cookies-builder-tutorial-hint = The button runs exactly that Rocket code and shows the line it produced.

## set.html.tera: the page after the builder sent a cookie. { $name } is the cookie's name.
page-cookies-set-title = Cookie set · Cookies lab
page-cookies-set-heading = Cookie { $name } sent
page-cookies-set-lead-tutorial = This response ran the tutorial's cookie through Rocket's `CookieJar::add`.
page-cookies-set-lead-builder = This response carries the cookie you built, written exactly as you asked: no defaults added.
## { $result } is filled in by cookie-visibility.js ("visible" or "hidden").
page-cookies-set-visible-heading = Can page JavaScript see it?
page-cookies-set-visible-line = In `document.cookie`: { $result }
page-cookies-set-visible-checking = checking…
page-cookies-set-visible-needs_js = This needs JavaScript (`/static/js/cookie-visibility.js`).
page-cookies-set-document_cookie-heading = `document.cookie` on this page
page-cookies-set-notes-heading = What the browser will make of it
page-cookies-set-code-heading = The same cookie in Rocket code
page-cookies-set-code-hint = Through `jar.add`, Rocket would also fill in `Path=/` and `SameSite=Strict` where you left them unset, and percent-encode characters such as `/`, `=` or `%` in the value. The builder writes the header itself so you get exactly what you asked for.
page-cookies-set-concluded = This page does not read the cookies it received: it only sends one. The exact header it sent is below.
page-cookies-set-check_received = See what your browser sends now
page-cookies-set-build_another = Build another

## received.html.tera: the inspector's table of the cookies this request carried.
page-cookies-received-cookie = Cookie
page-cookies-received-value = Value as received
page-cookies-received-verdict = Server's verdict
page-cookies-received-none = No cookies arrived with this request.
page-cookies-received-hint = The browser sends each cookie whose Path and Domain cover this URL. Two cookies with the same name but different paths both arrive in the header above; the table shows one per name.

## login.html.tera: the lab's login page (the form itself is shared by every lab).
page-cookies-login-title = Log in · Cookies lab
page-cookies-login-heading = Log in to the cookies lab
page-cookies-login-lead = On success the server checks your password against its argon2id hash and then writes your username, your account's id, the time and an expiry into a private (encrypted) cookie called `user` (`__Host-user` when the app runs behind HTTPS with `cookie_secure`). That cookie is the whole login: the server stores nothing about it, and checks the expiry and the account on every request.

## me.html.tera: the protected page. { $user } is the username, { $cookie } the login cookie's
## name, { $sessions } the link to the sessions lab.
page-cookies-me-title = Your page · Cookies lab
page-cookies-me-heading = Hello, { $user }
page-cookies-me-lead = This page is protected: your `{ $cookie }` cookie decrypted under the server's `secret_key`, its expiry has not passed, and the account inside it still exists and is the same one. No session store: the server only checked what the cookie says.
## { $issued } is how long ago the cookie was issued, { $expires } the expiry time (in bold),
## { $relative } how far away it is.
page-cookies-me-expiry = Your login cookie was issued { $issued } and expires { $expires } ({ $relative }); after that the server refuses it, whatever the browser does. Set `cookie_login_lifetime` to change how long a login lasts.
page-cookies-me-replay_label = Try the replay.
page-cookies-me-replay = Copy the `{ $cookie }` cookie's value from developer tools, log out, put the value back and reload this page. You are still { $user }, and will be until it expires: logout only asked your browser to forget the cookie, and there is nothing on the server to revoke. (In the { $sessions } the same replay fails.)
## The inspector's second part: { $state } is the verdict, { $account } the account id (an
## element), { $account_id } the same id as text, { $issued } and { $expires } times.
page-cookies-me-concluded = The `{ $cookie }` cookie was { $state }; inside it, the username `{ $user }`, account { $account }, issued { $issued }, expiring { $expires }. The server checked that the time is before the expiry and that the account called `{ $user }` is still `{ $account_id }`; nothing else is looked up.

## no-retired-key.html.tera: the 409 page of the retired-key button when only one key is set.
page-cookies-no_retired_key-message = Only one signing key is configured, so there is no retired key to sign with. List two in `cookie_signing_keys` (new first).

## templates/labs/cookies/visibility-words.html.tera: what static/js/cookie-visibility.js writes
## about document.cookie ({ $pairs } is the cookies it found, filled in by the script).
page-cookies-js-empty = (empty: no cookie here is visible to JavaScript)
page-cookies-js-visible = visible
page-cookies-js-hidden = hidden
page-cookies-js-detail_visible = document.cookie includes { $pairs }: any script on this page, including an injected one, can read it.
page-cookies-js-detail_http_only = HttpOnly: the browser keeps this cookie away from JavaScript. It is still sent with every request its Path and Domain cover: see what your browser sends now.
page-cookies-js-detail_refused = Not HttpOnly, yet not in document.cookie: the browser refused it (for example Secure on a non-localhost http:// page, a Domain that is not this host, an Expires in the past, Max-Age=0), or its Path does not cover this page's URL.
