# The JWT workbench's own words (templates/tools/): the decoder page, the encoder's and the
# cracker's result pages, and the forms and claims table they share. What the workbench found
# (verdicts, errors, claim meanings) is in messages.ftl, under tools-jwt-….

## templates/tools/jwt.html.tera: the page's title, description, heading and lead.
## { $this_apps } and { $nothing_leaves } are the emphasised words below, in <em> and <strong>.
page-tools-jwt-title = JWT workbench
page-tools-jwt-description = Decode any JWT, verify its signature and claims, sign a token of your own, or try a weak secret against a wordlist, all on this machine.
page-tools-jwt-heading = JWT workbench: decoder, verifier, encoder, cracker
page-tools-jwt-lead = Paste any JWT: its header and payload are decoded (anyone can do that — they are only base64url), and the signature and claims are checked against { $this_apps } key and rules, or the signature against a secret or public key you give. { $nothing_leaves }: the token goes to this server and no further, unlike pasting a live token into a website, which hands it to a stranger.
page-tools-jwt-lead_this_apps = this app's
page-tools-jwt-lead_nothing_leaves = Nothing leaves this machine

## templates/tools/jwt.html.tera: the decoder form. { $cookie_lab } and { $header_lab } are links
## to the two JWT labs, with the words below; the cookie lab's button that opens its token here
## is named in the parentheses.
page-tools-jwt-token_label = Token
page-tools-jwt-decode_submit = Decode and verify
page-tools-jwt-token_hint = Get a token from the { $cookie_lab } (“Open this token in the decoder”) or the { $header_lab }.
page-tools-jwt-token_hint_cookie_lab = cookie lab
page-tools-jwt-token_hint_header_lab = header lab

## templates/tools/jwt.html.tera: the result, its headings, and what this app's check covers.
page-tools-jwt-attack_built = Attack built
page-tools-jwt-verdict_given_key = Verdict with the key you gave
page-tools-jwt-verdict_app_key = Verdict against this app's key
page-tools-jwt-checked_list = Checked: algorithm pinned to HS256 (whatever the header says), no `crit` header (this server understands no extension), the signature under this server's secret, every claim present with its type, now strictly before `exp` (no leeway unless configured), now before `auth_time` + the absolute timeout, `iss` = `auth-labs`, and `aud` naming one of the two JWT labs.
page-tools-jwt-parts_heading = The token, part by part
page-tools-jwt-claims_heading = Claims, in the token's order
## "Expires:", then a live countdown (static/js/countdown.js), then this note in parentheses.
page-tools-jwt-expires = Expires:
page-tools-jwt-expires_countdown = (a live countdown to `exp`)

## templates/tools/jwt.html.tera: the three attack buttons under a decoded token.
page-tools-jwt-attacks_heading = Try the classic attacks on this token
page-tools-jwt-attack_tamper = Edit the payload, keep the signature
page-tools-jwt-attack_alg_none = Switch to alg: none
page-tools-jwt-attack_expired = Make it expired
page-tools-jwt-attacks_hint = Each button builds the forged token and checks it here, so you can read the refusal. Copy a forged token into a lab (the cookie in developer tools, or `curl` for the header lab) to see the lab refuse it too.

## templates/tools/countdown-words.html.tera: what the live countdown writes, filled in by
## static/js/countdown.js: { $time } is "3 min 5 s" (built from the minutes and seconds words),
## { $n } a number.
page-tools-countdown-left = in { $time }
page-tools-countdown-past = expired { $time } ago
page-tools-countdown-minutes = { $n } min
page-tools-countdown-seconds = { $n } s
page-tools-countdown-invalid = (no valid exp)

## templates/tools/workbench.html.tera: the decoder's key fields (a folding section).
page-tools-bench-own_key = Verify with your own key
page-tools-bench-own_key_hint = (leave empty to check against this app's key)
page-tools-bench-secret_hmac = Secret (HS256, HS384, HS512)
page-tools-bench-secret_is = The secret is
page-tools-bench-utf8_text = UTF-8 text
page-tools-bench-base64url_bytes = base64url bytes
page-tools-bench-public_key = or a public key: PEM, a JWK or a JWK Set (RS*, PS*, ES256, ES384, EdDSA; a `kty: oct` JWK for HMAC)

## templates/tools/workbench.html.tera: the encoder form ("Header (JSON)", "Payload (JSON)").
page-tools-bench-sign_heading = Encoder: sign your own token
page-tools-bench-header = Header
page-tools-bench-payload = Payload
page-tools-bench-secret = Secret
page-tools-bench-sign_submit = Sign

## templates/tools/workbench.html.tera: the cracker form; the wordlist link ends its hint.
page-tools-bench-crack_heading = Cracker: guess an HS256 secret
page-tools-bench-wordlist = The wordlist
page-tools-bench-crack_token = HS256 token
page-tools-bench-crack_submit = Try the wordlist

## templates/tools/workbench.html.tera: the claims table's column headers.
page-tools-bench-claim = Claim
page-tools-bench-value = Value
page-tools-bench-meaning = Meaning

## templates/tools/jwt-sign.html.tera: the encoder's result page and where to send the token.
page-tools-sign-title = JWT encoder
page-tools-sign-heading = JWT encoder
page-tools-sign-your_token = Your token
page-tools-sign-open_in_decoder = Open it in the decoder, verified with this secret
page-tools-sign-crack_it = Try to crack it
page-tools-sign-send_to_cookie_lab = Send it to the JWT-in-a-cookie lab
page-tools-sign-put_in_header_lab = Put it in the JWT-in-a-header lab

## templates/tools/jwt-sign.html.tera and jwt-crack.html.tera: the link under the form.
page-tools-back_to_decoder = Back to the decoder

## templates/tools/jwt-crack.html.tera: the cracker's result page; { $ms } and { $rate } are numbers.
page-tools-crack-title = JWT cracker
page-tools-crack-heading = HS256 cracker
page-tools-crack-found = Found
page-tools-crack-not_found = Not found
page-tools-crack-attempts = Attempts
page-tools-crack-elapsed = Elapsed
page-tools-crack-elapsed_ms = { $ms } ms
page-tools-crack-rate = Rate
page-tools-crack-per_second = { $rate } guesses per second
