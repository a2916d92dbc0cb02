# The attacker site's words (templates/attacker/): a second server, "Mallory's site", that plays
# another site for the cross-site lessons. Codes in templates: page.attacker.… A { $name } whose
# words are given below it is that word in <strong> or <em>, built by the template.

## attacker/base.html.tera: the page frame (title, description, skip link, site name, footer).
## The title is "<page or site name> · another site".
page-attacker-site_name = Mallory's site
page-attacker-title_suffix = another site
page-attacker-description = A page playing an attacker's site, served by Auth Labs on this machine for its cross-site lessons.
page-attacker-skip = Skip to content
page-attacker-footer = This site is served by Auth Labs itself, on this machine, to play the attacker. It sets no cookies and loads nothing from another host.
page-attacker-back_to_labs = Back to the labs

## attacker/base.html.tera: where the reader is, under the site name. { $origin } is this
## site's origin (in <strong>); then one of the two sentences after it; then a link that opens
## the same page under this site's other name ({ $other }, an origin such as http://localhost:8800).
page-attacker-here-on = You are on { $origin }:
page-attacker-here-same_site = the { $same_site } as the labs (both are `127.0.0.1`), but another { $origin_word } (another port).
page-attacker-here-same_site_words = same site
page-attacker-here-origin_word = origin
page-attacker-here-other_site = { $other_site } than the labs at `{ $labs }` (`localhost` is not `127.0.0.1` to a browser).
page-attacker-here-other_site_words = another site
page-attacker-here-open_as = Open this page as { $other }

## The labs an attack can be aimed at, by slug, as the attack pages name them ("the { $lab } lab")
## and in the "Aimed at:" list.
page-attacker-lab-sessions = sessions
page-attacker-lab-cookies = cookies
page-attacker-lab-jwt-cookie = jwt-cookie
page-attacker-lab-jwt-header = jwt-header

## attacker/macros.html.tera: the attacks' names (the lists, each attack page's title and heading).
page-attacker-name-login-csrf = Log you in as me (login CSRF)
page-attacker-name-logout-csrf = Log you out (logout CSRF)
page-attacker-name-cookie-builder = Plant a cookie through the cookie builder
page-attacker-name-top-level-get = A link to the lab (top-level GET)
page-attacker-name-img-get = An image that is really a lab page (cross-site GET)
page-attacker-name-fetch-lab = Read a lab page with fetch and your cookies
page-attacker-name-fetch-api = Call the header lab's API with fetch
page-attacker-name-iframe = Show a lab inside this page (iframe)
page-attacker-name-read-token = Steal the header lab's token
page-attacker-name-steal-cookie = Steal the session cookie with script

## attacker/home.html.tera: the list of attacks. { $button } is the lab's button that opens this
## site (templates/labs/cross-site-log.html.tera), in <strong>.
page-attacker-home-heading = Totally harmless page
page-attacker-home-lead = Every page here tries one thing against the labs at `{ $labs }`, in your browser, with your cookies. Log in to a lab first (as `alice`), then come back and launch an attack. Each page says beforehand what it will try, and the lab's inspector shows afterwards what arrived and what the server decided.
page-attacker-home-direct = You came here directly, so the labs cannot tell which requests were yours. Open this site from a lab page instead (the button { $button } under the inspector): then each lab's log shows what arrived from here.
page-attacker-home-direct_button = Attack this lab from another site

## attacker/error.html.tera: an unknown page (404) lists the real attacks.
page-attacker-error-description = No such page on the site that plays the attacker for Auth Labs' cross-site lessons.
page-attacker-error-heading = { $code }: nothing to attack here
page-attacker-error-list = This site has these attacks:

## attacker/read-back.html.tera: what this site's pages could read back (their reports).
page-attacker-read_back-heading = What this site could read back
page-attacker-read_back-no_trace = Open this site from a lab page so that your reports are kept.
page-attacker-read_back-empty = Nothing yet: launch an attack.

## attacker/attack.html.tera: the frame of every attack page. { $target } is the URL it sends to.
page-attacker-attack-all = All attacks
page-attacker-attack-aimed_at = Aimed at:
page-attacker-attack-tries = What this page will try
page-attacker-attack-target = The request goes to `{ $target }`.
page-attacker-attack-happened = What happened
page-attacker-attack-not_launched = Not launched yet.

## attacker/attack.html.tera: what static/attack.js writes under "What happened", one line each
## (kept as the page's report). { $target } is the lab URL; the other values are filled in by the
## script with what it found: { $count } a number, { $name } an error's name (TypeError,
## SecurityError), { $message } the browser's error message, { $status } an HTTP status,
## { $origin } this page's origin, { $place } its origin and path, { $value } and { $session }
## what was read, { $answer } one of the words yes / no / "no (…)" below.
page-attacker-js-launched = Launched…
page-attacker-js-img_loaded = The browser handed this page an image: it should not have.
page-attacker-js-sent_get = Request sent: GET { $target }
page-attacker-js-img_error = This page learned only: error (not an image, and `Cross-Origin-Resource-Policy` refuses it).
page-attacker-js-look_at_inspector = Did your cookie go along? Look at the lab's inspector.
page-attacker-js-fetch_read = Read { $count } characters of the lab page: CORS should have stopped this.
page-attacker-js-fetch_sent = Request sent: GET { $target } (`credentials: include`)
page-attacker-js-fetch_failed = Reading the answer failed: { $name }: { $message }
page-attacker-js-fetch_hidden = The browser hid the response: the lab sent no `Access-Control-Allow-Origin`.
page-attacker-js-api_plain_read = Plain POST: the answer was readable (status { $status }): CORS should have stopped this.
page-attacker-js-api_plain_hidden = Plain POST { $target }: sent, but the answer is hidden ({ $message }).
page-attacker-js-api_auth_allowed = POST with Authorization: the lab allowed it: it should not have.
page-attacker-js-api_auth_blocked = POST with Authorization: never sent; the preflight `OPTIONS` got no permission ({ $message }).
## The frame's title attribute (read by screen readers).
page-attacker-js-frame_title = the lab, framed
page-attacker-js-frame_asked = The frame asked for { $target }.
page-attacker-js-frame_readable = Could this page read inside it? { $answer }.
page-attacker-js-yes = yes
page-attacker-js-no = no
page-attacker-js-no_because = no ({ $name })
page-attacker-js-frame_blank = The lab's `frame-ancestors 'none'` and `X-Frame-Options: DENY` keep it blank.
## { $value } is what localStorage held, or the word "empty" below.
page-attacker-js-storage_here = `localStorage` here ({ $origin }): { $value }.
page-attacker-js-empty = empty
page-attacker-js-window_blocked = Opening the lab in a window: blocked or severed (no handle came back).
page-attacker-js-window_storage = Reading the opened lab's storage: { $value }
page-attacker-js-window_refused = Reading the opened lab: refused ({ $name }): another origin.
page-attacker-js-cookie_here = `document.cookie` here ({ $place }): { $value }
page-attacker-js-cookie_found = Found the session cookie, and sent it to this site: { $session }
page-attacker-js-cookie_none = No session cookie in `document.cookie`: script cannot read it (`HttpOnly`), or there is none.
## A forged form or a link takes the browser to the lab, so the page can only say what it sent.
page-attacker-js-form_sent = Sent: POST { $target }
page-attacker-js-form_unreadable = The answer went to your browser's new page, on the lab; this site cannot read it.
page-attacker-js-link_sent = Sent you to: GET { $target }
page-attacker-js-link_unreadable = The lab's page opened in your browser; this site cannot read it.

## attacker/attacks/_form.html.tera: the button and note of the attacks that are a forged form.
page-attacker-form-launch = Launch
page-attacker-form-note = A real attack page submits this form by script the moment it loads, hidden in a frame or a pop-up; you would see nothing. Here you press the button, and your browser goes to the lab with whatever it decides to send.

## attacker/attacks/login-csrf.html.tera: { $lab } is a lab's name above; { $own } and { $term }
## are the words below, in <strong> and <em>; { $site } is same-site or cross-site, { $origin }
## this site's origin.
page-attacker-login_csrf-tries = This page holds a form that posts { $own } username and password (`bob` / `builder`) to the { $lab } lab's login. A forged login needs no cookie of yours, so `SameSite` cannot stop it: if the lab accepts it, your browser is now logged in as `bob`, and whatever you do next (save a card, write a note) lands in the attacker's account. That is { $term }.
page-attacker-login_csrf-own = the attacker's own
page-attacker-login_csrf-term = login CSRF
page-attacker-login_csrf-watch = Your browser lands on the lab's answer. With the labs' defences on, it is a `403` page: the browser said where the request came from (`Sec-Fetch-Site: { $site }` and `Origin: { $origin }`), and the login refuses any request another site started. Open the lab again: you are still who you were.

## attacker/attacks/logout-csrf.html.tera: the note after depends on which name this site was
## opened under (127.0.0.1: another origin of the same site; localhost: another site).
page-attacker-logout_csrf-tries = This page holds an empty form that posts to the { $lab } lab's logout. If it works, visiting this page logs you out of the lab: an annoyance here, but on a real site the same trick changes an e-mail address or sends money. Whether your cookie goes along depends on its `SameSite`: a cross-site `POST` carries a `Lax` or `Strict` cookie never (Chromium makes one exception: a cookie with no `SameSite` at all rides a top-level `POST` for two minutes after it was set).
page-attacker-logout_csrf-watch_origin = With the labs' defences on, the lab answers `403` before it looks at any cookie, because the request started on another origin. Go back to the lab: you are still logged in.
page-attacker-logout_csrf-watch_site = With the labs' defences on, the lab answers `403` before it looks at any cookie, because the request started on another site. Go back to the lab: you are still logged in.

## attacker/attacks/cookie-builder.html.tera: { $tossing } is the word below, in <em>.
page-attacker-cookie_builder-tries = The cookies lab has a tool that sets any cookie you describe. For an attacker, a tool that sets cookies on another site's origin is a gift: it could plant `sid=<the attacker's session>` and swap you into their account, or delete your login ({ $tossing }). This page posts a harmless-looking `theme=planted-by-another-site` to the builder.
page-attacker-cookie_builder-tossing = cookie tossing
page-attacker-cookie_builder-watch = With the labs' defences on, the builder answers `403`: like every form in the labs, it refuses a request another site started. (Had it been allowed, it would still refuse to touch a name a lab owns, such as `sid`, with a `422`.) The cookies lab lists every cookie that arrives: no `theme`.

## attacker/attacks/top-level-get.html.tera: { $navigation } is the words below, in <em>.
page-attacker-top_level_get-tries = An ordinary link to the { $lab } lab. Following it is a { $navigation }: the address bar changes. The browser sends a `SameSite=Lax` cookie on a top-level `GET` from another site (that is what makes links from search results keep you logged in), and a `Strict` one only when you started on the lab's own site.
page-attacker-top_level_get-navigation = top-level navigation
page-attacker-top_level_get-launch = Launch: follow the link
page-attacker-top_level_get-watch = On the lab, look at what arrived in the `Cookie` header. The sessions and cookies labs' cookies are `Lax`: they arrive, and you are logged in. The JWT cookie is `Strict`: it stays behind, so the JWT-cookie lab sees a stranger and starts a new guest token, which replaces your login in the browser (this lab re-issues its token on every visit). `Strict` protects against more, and costs more: every link from another site arrives logged out.

## attacker/attacks/img-get.html.tera: { $tag } is the <img> element, shown as code.
page-attacker-img_get-tries = This page asks for the { $lab } lab's page as if it were an image, `{ $tag }`. Any site can make your browser send such a `GET`. It is not a navigation, so a `Lax` or `Strict` cookie is left off; a lab that counted on its cookie sees a visitor it does not know.
page-attacker-img_get-launch = Launch: load the image
page-attacker-img_get-watch = The request is sent either way. What comes back is an HTML page, not an image, and the lab also answers `Cross-Origin-Resource-Policy: same-origin`, so the browser refuses to hand the response to this page: all it learns is "error". On the lab, the visit was counted for a cookieless stranger, not for you.

## attacker/attacks/fetch-lab.html.tera: { $call } is the script's fetch call, shown as code.
page-attacker-fetch_lab-tries = This page's script calls `{ $call }`: send your cookies if the browser allows, and read the answer. Reading the answer would show your username and your visit count to the attacker.
page-attacker-fetch_lab-launch = Launch: fetch the lab page
page-attacker-fetch_lab-watch = Two halves. The request does leave your browser (a simple `GET` needs no permission), with whatever cookies `SameSite` allows on a cross-site subrequest: none of the labs' cookies. The answer never reaches this page: the lab sends no `Access-Control-Allow-Origin`, so the browser's same-origin policy (CORS) hides it and `fetch` fails with a network error.

## attacker/attacks/fetch-api.html.tera: { $target } is the API's URL; { $preflight } the word below, in <em>.
page-attacker-fetch_api-tries = The header lab keeps its token in page memory (or `localStorage`) on the lab's origin and sends it in an `Authorization` header. This page tries the lab's API twice: a plain `POST { $target }` with `credentials: "include"`, and the same request with an `Authorization` header, which needs the lab's permission first (a CORS { $preflight }).
page-attacker-fetch_api-preflight = preflight
page-attacker-fetch_api-launch = Launch: call the API
page-attacker-fetch_api-watch = The plain request arrives without any token (the browser never adds a bearer token by itself), so the lab can only start a guest token, and this page cannot read the answer. The request with a header never leaves: the browser asks first with `OPTIONS`, the lab grants nothing, and the real request is not sent.

## attacker/attacks/iframe.html.tera: "Play" is the fake button an attacker would draw, "Log out"
## the lab's button under it; { $clickjacking } is the word below, in <em>.
page-attacker-iframe-tries = This page shows the { $lab } lab inside a frame. A framed page can be dressed up with a fake overlay so that your click on "Play" really lands on the lab's "Log out" ({ $clickjacking }).
page-attacker-iframe-clickjacking = clickjacking
page-attacker-iframe-launch = Launch: frame the lab
page-attacker-iframe-watch = The lab's pages answer `X-Frame-Options: DENY` and `Content-Security-Policy: frame-ancestors 'none'`, so the browser refuses to draw them in any frame: the box stays empty (Chromium shows a sad-face icon or a "refused to connect" message).

## attacker/attacks/read-token.html.tera: { $own_origin } is the words below, in <em>.
page-attacker-read_token-tries = Log in on the header lab first, and tick its `localStorage` switch. Then this page's script tries to read the token: from `localStorage`, and by opening the lab in a window and reaching into it.
page-attacker-read_token-launch = Launch: look for the token
page-attacker-read_token-watch = `localStorage` belongs to one origin: this page sees its own, empty one, not the lab's. A window opened on the lab is another origin, and the lab answers `Cross-Origin-Opener-Policy: same-origin`, so this page does not even keep a handle on it. Only a script running { $own_origin } can read the token: that is why the header lab fears XSS, not CSRF.
page-attacker-read_token-own_origin = on the lab's own origin

## attacker/attacks/steal-cookie.html.tera: { $origin } is this site's origin; the last sentence
## shows only when the page was opened as localhost.
page-attacker-steal_cookie-tries = This page is served from `{ $origin }/labs/sessions/…`: the labs' own host name, another port, under the sessions lab's path. Cookies ignore ports, so this page's script sees the sessions lab's cookies as if it ran on the lab, which is what an injected script (XSS) would see. It reads `document.cookie` and sends what it found to this site.
page-attacker-steal_cookie-first = Log in on the sessions lab first. With `http_only` on (the default) the script finds no `sid`; switch it off on the lab's switches panel, reload the lab so the cookie is sent again without `HttpOnly`, and launch again.
page-attacker-steal_cookie-launch = Launch: read document.cookie
page-attacker-steal_cookie-watch = A cookie sent with `HttpOnly` never appears in `document.cookie`, on this page or on the lab's own: script cannot read it, so script cannot send it anywhere. Without it, one injected script hands the session to another site, and whoever replays it is logged in.
page-attacker-steal_cookie-other_site = Opened as `localhost`, this page is another site and sees none of the lab's cookies: open it as `127.0.0.1`.
