# The message table in one language: every sentence the pages say about what happened,
# keyed by a code. Rust hands templates codes (a flash message, why a credential was refused);
# templates say {{ t(key="sessions.flash.logged_in", username=user) }}: the code's dots are
# dashes here, and { $username } comes from the call's arguments. See src/site/messages.rs.


## login
login-invalid = Invalid username or password

## sessions.flash
sessions-flash-logged_in = Logged in as { $username }. The server gave you a new session id; the old one no longer exists.
sessions-flash-logged_out = Logged out: the server deleted your session, so even a copy of the old cookie is worthless now.
sessions-flash-no_session = There was no live session to log out of.
sessions-flash-logged_in_kept_id = Logged in as { $username }. The server kept the session id your browser already had (regenerate_on_login is off): anyone who knew that id before, say whoever planted it, is now logged in as { $username } too.
sessions-flash-logged_out_kept = Logged out in this browser only: it was asked to delete its cookie, but the server kept the session, still logged in (destroy_on_logout is off). A copy of the cookie taken before still works.

## ---- The cookies lab (src/labs/cookies/) -----------------------------------------------------

## cookies.flash
cookies-flash-logged_in = Logged in as { $username }. Your username now travels, encrypted, in the `user` cookie; the server wrote nothing down.
cookies-flash-logged_out = Logged out: the server asked your browser to delete the `user` cookie. It could do nothing else, so a copy of that cookie taken before would still log you in.
cookies-flash-retired_key = Your signed counter cookie was re-signed with retired key { $count } of { $count }. This page verified it anyway (every key verifies) and sent it back signed with key 1: rotation without logging anyone out.
cookies-flash-crumb_set = Set `crumb=1` with Path={ $base }. Now try to remove it with Path=/ and then with Path={ $base }.
cookies-flash-removal_sent = Sent `Set-Cookie: { $line }`. The browser deletes a stored `{ $name }` only if its Path (and Domain) match exactly; check whether it still arrives below.

## A counter's verdict (the arrival macro: `<state>` or, when rejected, `<why>`).
## cookies.counter
cookies-counter-absent = absent
cookies-counter-accepted = accepted
cookies-counter-rejected = rejected
cookies-counter-not_a_number = not a number
cookies-counter-mismatch = signature did not match
cookies-counter-unsigned = not signed
cookies-counter-undecryptable = could not decrypt
cookies-counter-retired_key = retired key refused

## The sentence under each verdict.
## cookies.counter.detail
cookies-counter-detail-accepted = The cookie said { $previous }, so this visit makes { $count }.
cookies-counter-detail-absent = No cookie arrived (a first visit, or the browser dropped it), so the count starts at 1.
cookies-counter-detail-rejected = { $why } The server ignored it and the count restarted at 1.
cookies-counter-detail-key_current = Signature verified with key { $n } of { $count } (the current key).
cookies-counter-detail-key_retired = Signature verified with key { $n } of { $count } (a retired key: still accepted, and this response re-signs it with key 1).

## cookies.counter.why
cookies-counter-why-not_a_number = The value `{ $input }` is not a whole number.
cookies-counter-why-mismatch = The value was edited, or signed with a key this server does not have: the signature did not match.
cookies-counter-why-unsigned = The value is not of the form value.signature.
cookies-counter-why-undecryptable = The value failed authenticated decryption: it was edited, or encrypted under another secret_key.
cookies-counter-why-retired_key = The signature was made with a retired key, and your accept_retired_key switch is off: only the current key verifies now.

## Which of this browser's experiment switches let a cookie through (src/labs/switches/).
## cookies.switch
cookies-switch-verify_signed = Believed without checking the signature: your verify_signed switch is off, so an edited signed cookie counts like a plain one. Turn it back on and the same edit is refused.
cookies-switch-bind_name = Accepted with a tag over the value alone: your bind_name switch is off, so a value signed for another cookie name (your note, say) verifies here too.
cookies-switch-bind_name_on = bind_name is on: a note's tag will not verify as signed_visits. Turn bind_name off in this lab's switches, sign a note of 1000, copy its whole value into signed_visits and reload.
cookies-switch-bind_name_off = bind_name is off: tags cover the value alone. Sign a note of 1000, copy its whole value (1000.<tag>) into signed_visits, and reload: the signed counter believes 1000.
cookies-switch-accept_retired_key = Your accept_retired_key switch is off: after this button, the next page refuses the counter (signed with a retired key) and it restarts at 1. That is what rotating a key without keeping the old one does to every user.

## The note's verdict (src/labs/cookies/cookie.rs, read_note).
## cookies.note_verdict
cookies-note_verdict-valid = its tag is valid for signed_note.
cookies-note_verdict-unbound = its tag covers the value alone (bind_name is off): it would verify under any cookie name.
cookies-note_verdict-unchecked = not checked at all (verify_signed is off).
cookies-note_verdict-mismatch = its tag does not match.
cookies-note_verdict-malformed = not of the form value.tag.
cookies-note_verdict-retired = signed with a retired key, which your accept_retired_key switch refuses.

## The login cookie (the arrival macro on the lab and protected pages).
## cookies.login
cookies-login-absent = absent
cookies-login-accepted = accepted
cookies-login-rejected = rejected
cookies-login-undecryptable = could not decrypt
cookies-login-old_format = refused (old format)
cookies-login-expired = refused (expired)
cookies-login-no_account = refused (no such account)
cookies-login-other_account = refused (another account)
cookies-login-tossed = refused: sent twice (cookie tossing)

## Why a login cookie was refused, in a sentence (src/labs/cookies/ticket.rs).
## cookies.login.why
cookies-login-why-undecryptable = it failed authenticated decryption: it was edited, or encrypted under another secret_key.
cookies-login-why-old_format = it decrypted, but holds only a username, with no issue time, expiry or account: an older version of this app wrote it, and nothing says whether it still holds.
cookies-login-why-expired = its expiry, inside the encrypted value, has passed. Logging in again issues a new one.
cookies-login-why-no_account = it names an account that no longer exists: accounts live in memory, so a restart removes every registered one (the demo accounts come back with the same identity).
cookies-login-why-other_account = the account it was issued for is gone, and someone has registered that username since. The new account has a new random id, so the old login does not pass to it.
cookies-login-why-tossed = two cookies with its name arrived at once (cookie tossing: another host or path planted one), and nothing says which is ours, so neither is trusted.

## The inspector's table: one row per cookie the browser sent.
## cookies.received
cookies-received-plain = accepted: { $value }, believed without question
cookies-received-signed = accepted: signature valid (key { $n } of { $count }), value { $value }
cookies-received-private = accepted: decrypts to { $value }
cookies-received-login = accepted: { $value } (account { $account }), expires { $expires }, { $relative }
cookies-received-not_a_number = not a number: ignored
cookies-received-mismatch = signature mismatch: ignored
cookies-received-unsigned = no signature: ignored
cookies-received-undecryptable = could not decrypt: ignored
cookies-received-old_format = decrypts, but to an old format with no expiry or account: ignored
cookies-received-expired = decrypts, but its expiry has passed: ignored
cookies-received-no_account = decrypts, but its account no longer exists: ignored
cookies-received-other_account = decrypts, but its username now belongs to another account: ignored
cookies-received-retired_key = signed with a retired key, and your accept_retired_key switch is off: ignored
cookies-received-tossed = two cookies with this name arrived (cookie tossing): neither is trusted
cookies-received-note = your signed note (its verdict is in the note's card above)
cookies-received-crumb = the removal experiment's cookie
cookies-received-lang = not part of this lab: the site's note of the language you chose for its pages (`?lang=`)
cookies-received-flash = not part of this lab: the framework's one-shot message cookie (Rocket's `Flash`), read once by the next page and deleted
cookies-received-other = not read by this lab (sent because its Path and Domain cover this page)

## A counter your experiment switches let through (src/labs/switches/).
## cookies.received.switch
cookies-received-switch-verify_signed = accepted WITHOUT checking the signature (your verify_signed switch is off): value { $value }
cookies-received-switch-bind_name = accepted with a tag over the value alone (your bind_name switch is off): value { $value }

## How a builder problem names a character: {c} is the character, {u} its code point.
## cookies.char
cookies-char-space = `{ $c }` (a space)
cookies-char-tab = `{ $c }` (a tab)
cookies-char-double_quote = `{ $c }` (a double quote)
cookies-char-comma = `{ $c }` (a comma)
cookies-char-semicolon = `{ $c }` (a semicolon)
cookies-char-backslash = `{ $c }` (a backslash)
cookies-char-equals = `{ $c }` (an equals sign)
cookies-char-control = { $u } (a control character)
cookies-char-non_ascii = `{ $c }` ({ $u }, not ASCII)
cookies-char-plain = `{ $c }`

## Each RFC 6265 rule the builder enforces (src/labs/cookies/builder/rules.rs).
## cookies.problem
cookies-problem-name_empty = The name is empty: RFC 6265 §4.1.1 says a cookie name is a token of at least one character.
cookies-problem-name_non_ascii = The name contains { $ch }: only US-ASCII is allowed. RFC 6265 §4.1.1: cookie-name = token, i.e. letters, digits and ``!#$%&'*+-.^_`|~`` only.
cookies-problem-name_control = The name contains { $ch }: control characters are not allowed. RFC 6265 §4.1.1: cookie-name = token, i.e. letters, digits and ``!#$%&'*+-.^_`|~`` only.
cookies-problem-name_separator = The name contains { $ch }: it is a separator, and a name must be a token (RFC 2616 §2.2). RFC 6265 §4.1.1: cookie-name = token, i.e. letters, digits and ``!#$%&'*+-.^_`|~`` only.
cookies-problem-value_non_ascii = The value contains { $ch }: only US-ASCII is allowed (encode other text first, e.g. percent- or base64url-encode it). RFC 6265 §4.1.1: cookie-octet excludes whitespace, double quotes (except one pair around the whole value), commas, semicolons, backslashes, control characters and non-ASCII.
cookies-problem-value_control = The value contains { $ch }: control characters are not allowed (a CR or LF would start a new header). RFC 6265 §4.1.1: cookie-octet excludes whitespace, double quotes (except one pair around the whole value), commas, semicolons, backslashes, control characters and non-ASCII.
cookies-problem-value_semicolon = The value contains { $ch }: a semicolon ends the value and starts an attribute. RFC 6265 §4.1.1: cookie-octet excludes whitespace, double quotes (except one pair around the whole value), commas, semicolons, backslashes, control characters and non-ASCII.
cookies-problem-value_not_octet = The value contains { $ch }: it is not a cookie-octet. RFC 6265 §4.1.1: cookie-octet excludes whitespace, double quotes (except one pair around the whole value), commas, semicolons, backslashes, control characters and non-ASCII.
cookies-problem-too_big = Name and value together are { $size } bytes; browsers keep at most { $limit } bytes per cookie (RFC 6265 §6.1) and drop the rest of this cookie silently.
cookies-problem-attribute_char = { $label } contains { $ch }: an attribute value may not contain a semicolon, control characters or non-ASCII (RFC 6265 §4.1.1).
cookies-problem-attribute_too_long = { $label } is { $size } bytes; browsers ignore attribute values over { $limit } bytes (RFC 6265bis).
cookies-problem-path_relative = Path `{ $input }` does not start with `/`: browsers would ignore it and use the default path (RFC 6265 §5.2.4).
cookies-problem-domain_not_host = Domain `{ $input }` is not a host name: use letters, digits, `-` and `.`, like `example.com` (RFC 6265 §4.1.2.3).
cookies-problem-max_age = Max-Age `{ $input }` is not a whole number of seconds from 0 to { $limit } (RFC 6265 §4.1.2.2).
cookies-problem-expires = Expires `{ $input }` is not a date and time like 2030-01-31T12:00 (read as UTC, year 1601–9999), which the header then carries as an HTTP date (RFC 6265 §4.1.2.1).
cookies-problem-same_site_unknown = SameSite `{ $input }` is not one of Strict, Lax or None (RFC 6265bis).
cookies-problem-same_site_none_insecure = SameSite=None without Secure: browsers reject such a cookie entirely (RFC 6265bis; Chrome and Firefox since 2020). A cookie sent on cross-site requests must at least be limited to HTTPS. Tick Secure, or choose Lax or Strict.
cookies-problem-partitioned_insecure = Partitioned without Secure: browsers reject a partitioned cookie (CHIPS) unless it is also Secure. Tick Secure too.
cookies-problem-secure_prefix = A name starting with __Secure- promises the cookie was set with Secure: browsers reject it without Secure (RFC 6265bis §4.1.3.1).
cookies-problem-lab_owned = `{ $input }` is a cookie this app's labs rely on, so the builder will not set or remove it. A page that can plant a cookie under a lab's name can swap you into someone else's session, log you out, or fake a message (cookie tossing); pick another name.
cookies-problem-host_prefix = A name starting with __Host- promises Secure, Path=/ and no Domain (a cookie locked to this exact host): browsers reject it otherwise (RFC 6265bis §4.1.3.2).

## What a browser will make of a cookie the builder sent (src/labs/cookies/builder/notes.rs).
## cookies.note
cookies-note-max_age_zero = Max-Age=0 tells the browser to delete the cookie at once (this is how removal works).
cookies-note-lifetime_capped = Browsers shorten any lifetime beyond { $days } days to { $days } days (RFC 6265bis).
cookies-note-expires_past = Expires is in the past: the browser deletes a cookie of this name, path and domain, or does not store this one.
cookies-note-both_lifetimes = Both Max-Age and Expires are set: Max-Age wins (RFC 6265 §5.3 step 3).
cookies-note-session_cookie = No Max-Age or Expires: a browser-session cookie, gone when the browser closes (though browsers that restore sessions may keep it).
cookies-note-default_path = No Path: the browser uses the default path, the directory of this request's URL ({ $base }), RFC 6265 §5.1.4.
cookies-note-foreign_domain = This page came from `{ $host }`, which is not `{ $domain }` or a subdomain of it: the browser rejects the cookie (RFC 6265 §5.3 step 6). A site can only set cookies for itself or a parent domain.
cookies-note-host_only = No Domain: a host-only cookie, sent back only to exactly this host, not its subdomains.
cookies-note-no_same_site = No SameSite: Chrome and Edge treat the cookie as SameSite=Lax (their default since 2020); Firefox and Safari send it on cross-site requests too.
cookies-note-secure = Secure: the browser sends it only over HTTPS. Over plain http://, browsers store it only for localhost (which they treat as secure); on any other http:// host it is dropped.
cookies-note-partitioned = Partitioned (CHIPS): when this site is embedded in another, the cookie is kept in a jar for that top-level site only. On this page, a top-level visit, it behaves like an ordinary cookie.
cookies-note-tutorial_max_age = express writes Max-Age=3600 and also an Expires date an hour ahead; Rocket writes Max-Age only, which every current browser honours.
cookies-note-tutorial_defaults = Rocket's jar.add filled in Path=/ and SameSite=Strict, because the code left them unset (express also defaults the path to /).

## What arrived in the sessions lab's `sid` cookie (the inspector's cookie-state).
## sessions.arrival
sessions-arrival-absent = absent
sessions-arrival-undecryptable = undecryptable
sessions-arrival-tossed = refused: sent twice (cookie tossing)
sessions-arrival-accepted = decrypted

## How the store's capacity is shared (src/labs/sessions/store/budget.rs).
## sessions.budget
sessions-budget-rule = Half the capacity is kept for logged-in sessions. When a budget is full, the least recently seen session of that budget is evicted, so a crowd of anonymous visitors can only push out other anonymous visitors, never someone who logged in. A background sweep removes expired sessions.

## Why a visit got a brand-new session (src/labs/sessions/view.rs, why_new).
## sessions.new_session
sessions-new_session-absent = No sid cookie arrived (a first visit, or the browser dropped its browser-session cookie), so the server created a session and sent its id.
sessions-new_session-undecryptable = A sid cookie arrived but failed decryption: it was edited, or encrypted under another secret_key. The server ignored it and started a new session.
sessions-new_session-unknown_id = The cookie decrypted to a session id this server does not have: it expired, was logged out, was evicted, the server restarted, or another server that does not share its sessions made it. A new session was started.
sessions-new_session-tossed = Two session cookies with the same name arrived, so the server trusted neither and started a new session. Its cookie replaces only the one this lab set; while the other copy stays in your browser, every visit starts over (see the note below).

## What this browser's experiment switches decided on this request (src/labs/sessions/view.rs,
## Decision); each sentence names its switch, which the page also puts in data-switch.
## sessions.decision
sessions-decision-not_saved = No session was created and no cookie was sent, because save_uninitialized is off: nothing is stored until there is something to keep, such as a login. So every anonymous visit counts as the first, 1.
sessions-decision-write_back = This visit read a copy of the session, waited for a simulated store round trip, then wrote the whole copy back with visits + 1, because resave is on. A visit that finished in between was overwritten: its increment is lost.
sessions-decision-rolled = The session cookie was sent again although nothing changed, because rolling is on. With a max_age, its Max-Age starts over from now.
sessions-decision-url_id_planted = The session id came from the URL (?sid=), because accept_url_id is on: the server put that session into this browser's cookie. Whoever sent you the link knows this id; if you log in with regenerate_on_login off, they are logged in as you.
sessions-decision-url_id_ignored = The URL carried ?sid=, and the server ignored it, because accept_url_id is off (the safe default): a session id comes only from this lab's own cookie, so a link cannot plant one.
sessions-decision-url_id_not_live = The URL carried ?sid=, and accept_url_id is on, but it named no live session (malformed, unknown or expired), so it was ignored: a link can hand over a session, not create one.
sessions-decision-kept_id = At login the server kept the session id this browser already had, because regenerate_on_login is off: whoever knew that id before the login is logged in too (session fixation).
sessions-decision-kept = At logout the server kept the session, still logged in, because destroy_on_logout is off: only this browser's cookie was deleted, so a copy of it taken before logout still works.

## jwt_cookie.flash
jwt_cookie-flash-logged_in = Logged in as { $username }. The server signed a new token whose sub is { $username }; your visit count came along in its visits claim.
jwt_cookie-flash-logged_out = Logged out: your browser deleted the jwt cookie. But the token itself is still valid until its exp: a copy taken before logout still works. The lab checks tokens against no list of revoked ones, so nothing can revoke it.
jwt_cookie-flash-no_token = There was no valid token to log out of; the cookie is gone anyway.
jwt_cookie-flash-absolute_timeout_user = You have been logged out: your login is older than the absolute timeout ({ $timeout }), so the server no longer renews your token, however often you visit. A stolen copy stops working at the same moment. Log in again to get a new token.
jwt_cookie-flash-absolute_timeout_guest = Your guest token reached the absolute timeout ({ $timeout }) and was not renewed: you now carry a fresh guest token, counting from 1.

## What arrived in the JWT-cookie lab's `jwt` cookie (the inspector's token-state).
## jwt_cookie.arrival
jwt_cookie-arrival-absent = absent
jwt_cookie-arrival-accepted = valid
jwt_cookie-arrival-not_a_jwt = refused (not a JWT)
jwt_cookie-arrival-malformed = refused (malformed)
jwt_cookie-arrival-algorithm_not_allowed = refused (algorithm not allowed)
jwt_cookie-arrival-critical_extension = refused (critical extension)
jwt_cookie-arrival-bad_signature = refused (bad signature)
jwt_cookie-arrival-expired = refused (expired)
jwt_cookie-arrival-absolute_timeout = refused (absolute timeout)
jwt_cookie-arrival-wrong_audience = refused (wrong audience)
jwt_cookie-arrival-wrong_issuer = refused (wrong issuer)
jwt_cookie-arrival-missing_claim = refused (missing claim)
jwt_cookie-arrival-not_yet_valid = refused (not yet valid)
jwt_cookie-arrival-tossed = refused (sent twice: cookie tossing)

## The inspector's verification line (id="verification") in the JWT-cookie lab.
## jwt_cookie.verification
jwt_cookie-verification-absent = No jwt cookie arrived (a first visit, after logout, or it expired with its token), so the server signed a guest token with visits 1.
jwt_cookie-verification-tossed = Two token cookies with the same name arrived, so the server verified neither and signed a new guest token with visits 1.
jwt_cookie-verification-rejected = The server ignored it and signed a new guest token with visits 1.
jwt_cookie-verification-accepted = Valid: signed with this server's secret, for this lab, expires { $expires }. The server read visits { $visits } from it and signed a new token with visits { $next }, keeping its auth_time.
jwt_cookie-verification-accepted_by_switch = Accepted, but not because it passed every check: one of this browser's switches let it in (see What the server concluded). The server read visits { $visits } from it and signed a new token with visits { $next }.

## Why a token was refused, as pages say it (src/auth/jwt/rejection.rs, Rejection::view). {detail}
## is the algorithm, audience, claim or token part the refusal names.
## jwt.rejection
jwt-rejection-not_a_jwt = Not a JWT: a JWT is three base64url parts separated by dots (header.payload.signature).
jwt-rejection-malformed = Malformed token: the token could not be decoded.
jwt-rejection-malformed_base64 = Malformed token: the { $detail } is not valid base64url.
jwt-rejection-malformed_json = Malformed token: the { $detail } does not decode to a JSON object.
jwt-rejection-malformed_alg = Malformed token: alg is not a string.
jwt-rejection-malformed_no_alg = Malformed token: the header has no alg.
jwt-rejection-malformed_claim_type = Malformed token: the { $detail } claim has the wrong type.
jwt-rejection-malformed_claim_string = Malformed token: the { $detail } claim is not a string.
jwt-rejection-malformed_claim_number = Malformed token: the { $detail } claim is not a whole number.
jwt-rejection-alg_none = Algorithm not allowed: the header says alg { $detail }, an unsigned token. Only HS256 is accepted, so nobody can drop the signature.
jwt-rejection-algorithm_not_allowed = Algorithm not allowed: the header says alg { $detail }; this server accepts HS256 only.
jwt-rejection-critical_extension = Critical extension: the header's crit names { $detail }, extensions this server does not understand, so it must refuse the token (RFC 7515 §4.1.11).
jwt-rejection-bad_signature = Bad signature: the header or payload was changed after signing, or the token was signed with another secret.
jwt-rejection-expired = Expired: the time in the exp claim has been reached, so the token is no longer accepted.
jwt-rejection-absolute_timeout = Absolute timeout: the login in auth_time is older than the absolute timeout, so this token is no longer accepted or renewed, however recently it was issued.
jwt-rejection-wrong_audience = Wrong audience: the token is for { $detail }, not for this lab. A token from one lab cannot be replayed at another.
jwt-rejection-no_audience = Wrong audience: the token names no lab this server knows.
jwt-rejection-wrong_issuer = Wrong issuer: the iss claim does not name this app.
jwt-rejection-missing_claim = Missing claim: every lab token must carry { $detail }.
jwt-rejection-not_yet_valid = Not yet valid: the nbf claim is in the future.

## Which switch made a decision that let a token in (src/auth/jwt/policy.rs, Leniency::view),
## shown by both JWT labs' inspectors. {detail} is the algorithm, the audience or the seconds.
## jwt.switch
jwt-switch-heading = Accepted only because of this browser's experiment switches:
jwt-switch-signature_unchecked = Accepted without a signature check, because verify_signature is off: the lab only decoded the token. (This signature happens to match; an edited one would have been believed just the same.)
jwt-switch-signature_mismatch = Accepted without a signature check, because verify_signature is off: the signature does NOT match the header and payload (they were edited, or signed with another key), and the lab believed the payload anyway.
jwt-switch-alg_none = alg none accepted, because pin_algorithm is off: the header said the token is unsigned, and the lab believed the header, so no signature was needed at all.
jwt-switch-alg_trusted = alg { $detail } accepted, because pin_algorithm is off: the lab verified with the algorithm the token's header named instead of its own HS256.
jwt-switch-audience_unchecked = aud not checked, because check_audience is off: this token is for { $detail }, not for this lab, and the lab took it anyway (audience confusion).
jwt-switch-within_leeway = Accepted within leeway: exp passed { $detail } s ago, but the leeway switch allows that much clock skew.
jwt-switch-weak_secret = Signed with the weak word: weak_secret is on, so the lab checked this signature with a dictionary word instead of its 256-bit secret. The cracker finds that word from any token the lab issued.
jwt-switch-issued_weak = The token this response sets is signed with a dictionary word, because weak_secret is on. Paste it into the cracker: the word falls in moments, and with it anyone can sign a token for any user that this lab will accept.
jwt-switch-why_random_holds = The lab's real secret is 32 random bytes (256 bits). The cracker can only try the few thousand words people pick; trying all 2^256 (about 1.2 × 10^77) possible secrets at the rate it measures would outlast the universe many times over (it prints the years). That is why the secret must come from a random generator, never from a person.

## The JWT workbench (src/tools/jwt/): verdicts, the attacks it builds, why it could not, the
## keys it verifies with, the encoder and the cracker.
## tools.jwt
tools-jwt-nothing_to_decode = Nothing to decode: paste a token (three base64url parts separated by dots).

## tools.jwt.form
tools-jwt-form-key_hint = A secret is HMAC's shared key: type it as text (its UTF-8 bytes, what most libraries do with a string) or as base64url (random bytes, as a JWK's k holds them). A public key checks RS*, PS*, ES* and EdDSA signatures; it can only verify, never sign. Which algorithm is used comes from the token's header, but only within the key's family.
tools-jwt-form-sign_hint = Write any header and payload, pick a secret, sign. The JSON is signed as you wrote it (whitespace removed), members in your order. Only HMAC is offered: HS256, HS384 or HS512 in the header's alg.
tools-jwt-form-sign_lead = A JWT is base64url(header) . base64url(payload) . signature over those two parts. Change one byte of either and the signature no longer matches.
tools-jwt-form-crack_hint = Paste an HS256 token: every word of a bundled list of a few thousand common secrets is tried as the HMAC key, offline, against its signature.

## tools.jwt.verdict
tools-jwt-verdict-valid_user = Valid: signed with this server's key (HS256), issued by { $iss }, not expired, for the { $lab } lab (aud { $aud }), logged in as { $user }.
tools-jwt-verdict-valid_guest = Valid: signed with this server's key (HS256), issued by { $iss }, not expired, for the { $lab } lab (aud { $aud }) — a guest token.
tools-jwt-verdict-unknown_lab = an unknown lab
tools-jwt-verdict-signature_only = Only the signature was checked, with your key: a verifier must still check exp, nbf, iss and aud against its own rules (the claims table below marks the times).
tools-jwt-verdict-expired_note = The signature is valid, but exp has passed: a verifier must refuse this token anyway.
tools-jwt-verdict-unchecked = Signature not checked: this token does not claim to come from this app (its iss is not auth-labs), so this app's key says nothing about who signed it. Give its secret or public key above to check it.

## What checking with a given key found (src/tools/jwt/verify.rs): {alg} is the header's, {by} names the key.
## tools.jwt.checked
tools-jwt-checked-valid = Signature valid: { $alg } with { $by }. The token was signed by whoever holds that key and has not changed since.
tools-jwt-checked-bad_signature = Signature invalid: { $alg } with { $by } does not give this signature. The token was changed after signing, or signed with another key.
tools-jwt-checked-alg_none = Refused: the header says alg { $alg }, an unsigned token. There is nothing to verify, so it proves nothing; a verifier must pin the algorithm it expects and never accept none (RFC 8725 §3.1).
tools-jwt-checked-no_alg = Refused: the header has no alg string, so there is no algorithm to verify with.
tools-jwt-checked-unknown_algorithm = Refused: the header says alg { $alg }, which jsonwebtoken does not implement (it offers HS256/384/512, RS256/384/512, PS256/384/512, ES256/384 and EdDSA).
tools-jwt-checked-key_confusion = Refused: the header says { $alg }, an HMAC algorithm, but you gave { $by }. A verifier that used a public key's bytes as the HMAC secret would accept tokens anyone can sign, since the key is public: the RS256-to-HS256 key-confusion attack (RFC 8725 §2.1). The algorithm family must come from the key, never from the token.
tools-jwt-checked-key_mismatch = Refused: { $by } cannot verify { $alg } (another algorithm family, another curve, or a broken key). Give the key the token was signed for.
tools-jwt-checked-alg_not_the_keys = Refused: { $by } is meant for one algorithm only, and the header's { $alg } is not it.

## How a verdict names the key (src/tools/jwt/key.rs); {detail} is its size, curve or kid.
## tools.jwt.key
tools-jwt-key-app = this app's HS256 secret
tools-jwt-key-secret_utf8 = the secret you typed (UTF-8, { $detail } bytes)
tools-jwt-key-secret_base64url = the secret you gave (base64url, { $detail } bytes)
tools-jwt-key-pem_rsa = the RSA public key you gave (PEM, { $detail }-bit)
tools-jwt-key-pem_ec = the { $detail } public key you gave (PEM)
tools-jwt-key-pem_ed = the Ed25519 public key you gave (PEM)
tools-jwt-key-jwk_rsa = the RSA public key you gave as a JWK
tools-jwt-key-jwk_p256 = the P-256 public key you gave as a JWK
tools-jwt-key-jwk_p384 = the P-384 public key you gave as a JWK
tools-jwt-key-jwk_ed25519 = the Ed25519 public key you gave as a JWK
tools-jwt-key-jwk_oct = the HMAC secret you gave as a JWK (kty oct)
tools-jwt-key-kid = (kid { $kid })

## tools.jwt.key_error
tools-jwt-key_error-both_keys = Give either a secret or a public key, not both: the token's header says which kind of key it needs.
tools-jwt-key_error-secret_not_base64url = The secret is not base64url (letters, digits, - and _, with = padding allowed). Choose UTF-8 text to use the characters themselves.
tools-jwt-key_error-pem_unreadable = The public key is not readable PEM: paste the whole block, from -----BEGIN PUBLIC KEY----- to -----END PUBLIC KEY-----.
tools-jwt-key_error-pem_private = That is a PRIVATE key. Never paste a private key anywhere, this page included: verifying needs only the public half (openssl pkey -in key.pem -pubout prints it).
tools-jwt-key_error-pem_certificate = That is a certificate; the public key is inside it (openssl x509 -in cert.pem -pubkey -noout prints it).
tools-jwt-key_error-pem_unsupported = That key kind or curve cannot verify JWTs here (RSA, P-256, P-384 and Ed25519 can).
tools-jwt-key_error-jwk_unreadable = The JWK is not readable: it must be a JSON object with kty and that key type's members (n and e for RSA; crv, x and y for EC; crv and x for OKP; k for oct).
tools-jwt-key_error-jwk_unsupported = That JWK's key type or curve cannot verify JWTs here (RSA, EC P-256 and P-384, OKP Ed25519 and oct can).
tools-jwt-key_error-jwk_set_no_match = The JWK Set has no key whose kid is the token's (or the token names no kid and the set holds more than one key).

## The workbench's claims table (src/tools/jwt/claims.rs): the registered claims of RFC 7519 §4.1.
## tools.jwt.claim
tools-jwt-claim-iss = issuer (RFC 7519 §4.1.1): who issued the token
tools-jwt-claim-sub = subject (§4.1.2): whom the token is about, unique within its issuer
tools-jwt-claim-aud = audience (§4.1.3): who may accept it; a recipient it does not name must refuse it
tools-jwt-claim-exp = expiration time (§4.1.4): refused on or after this time
tools-jwt-claim-nbf = not before (§4.1.5): refused before this time
tools-jwt-claim-iat = issued at (§4.1.6): when it was made, so its age can be judged
tools-jwt-claim-jti = JWT ID (§4.1.7): a unique id, so a replayed token can be recognised
tools-jwt-claim-auth_time = authentication time (OpenID Connect Core §2): when the user last logged in
tools-jwt-claim-private = a private claim: it means whatever its issuer and recipient agree on
tools-jwt-claim-expired = expired
tools-jwt-claim-not_yet = not yet valid
tools-jwt-claim-duplicate = duplicate name: one reader takes the first, another the last (RFC 7519 §4 says refuse, or take the last)

## The encoder (src/tools/jwt/signer.rs): {field} is header, payload or secret.
## tools.jwt.sign_error
tools-jwt-sign_error-bad_json = The { $field } is not valid JSON ({ $detail }). Nothing was signed.
tools-jwt-sign_error-not_object = The { $field } must be a JSON object, in braces: a JWT's header and claims are objects (RFC 7519 §7.2).
tools-jwt-sign_error-no_alg = The header needs an alg naming the HMAC to sign with: HS256, HS384 or HS512.
tools-jwt-sign_error-hmac_only = Only HMAC signing is offered here (HS256, HS384, HS512), and the header says { $detail }. RS*, PS*, ES* and EdDSA sign with a private key, and a private key should never be pasted into a web page: sign those with your own code, then verify them here with the public key.
tools-jwt-sign_error-secret_not_base64url = The secret is not base64url (letters, digits, - and _, with = padding allowed). Choose UTF-8 text to use the characters themselves.
tools-jwt-sign_error-empty_secret = Type a secret: an HMAC with an empty key proves nothing.
tools-jwt-sign_error-signing_failed = Signing failed.

## tools.jwt.signed
tools-jwt-signed-done = Signed with { $alg } and a { $bytes }-byte secret.
tools-jwt-signed-short = That secret has { $bytes } bytes, fewer than the { $need } RFC 7518 §3.2 asks for with { $alg }; and if it is a word, the cracker will find it.
tools-jwt-signed-where = The token is shown only here. Send it to a lab with the buttons above (or paste it into the header lab with curl, or into the cookie lab's jwt cookie in developer tools): the labs refuse it unless it is signed with their own secret, or unless you turned a check off on that lab's switches. A lab whose weak_secret switch is on accepts a token signed with its word: crack a token it issued to find the word.

## The cracker (src/tools/jwt/cracker.rs).
## tools.jwt.crack
tools-jwt-crack-lead = An HS256 signature is HMAC-SHA256(secret, header.payload). Anyone holding one token can test guesses offline, as fast as their machine computes HMACs, and the issuer never sees an attempt.
tools-jwt-crack-found = The secret is
tools-jwt-crack-not_found = Not found: none of the { $size } candidates signs this token.
tools-jwt-crack-why = A secret of 32 random bytes (256 bits, what openssl rand -base64 32 prints) cannot fall this way: there are 2^256, about 1.2 × 10^77, of them, and at { $rate } guesses per second trying them all would take about 10^{ $years } years. A word falls in moments because people choose from a few thousand, not from 2^256.
tools-jwt-crack-offline = RFC 8725 §3.5 asks for keys with enough entropy for exactly this reason: a token is a standing offer to guess its key offline, with no rate limit and no lockout.

## tools.jwt.crack_error
tools-jwt-crack_error-unreadable = Paste a readable token: three base64url parts separated by dots.
tools-jwt-crack_error-not_hs256 = Only HS256 tokens can be cracked here: the cracker computes HMAC-SHA256 with each candidate. (An RS256 or ES256 token has no guessable secret: its private key is far too large.)
tools-jwt-crack_error-no_signature = This token has no HS256 signature (32 bytes of base64url) to test guesses against.
tools-jwt-crack_error-busy = The cracker is busy with other runs; try again in a moment.
tools-jwt-crack_error-failed = The run failed.

## tools.jwt.attack
tools-jwt-attack-tamper = Edited payload: the visits claim was changed to 1000000 and the token re-encoded, but it still carries the ORIGINAL signature, which was computed over the old payload. Without the secret nobody can compute the new one.
tools-jwt-attack-alg_none = alg: none: the header now says the token is unsigned and the signature is gone. Libraries that trusted the header's alg once accepted this (RFC 8725 §2.1); this server pins HS256.
tools-jwt-attack-expired = Expired: the same claims, genuinely signed with this server's key, but issued long enough ago that exp has passed. A valid signature is not enough.

## tools.jwt.attack_error
tools-jwt-attack_error-unreadable = Paste a readable token first: the attacks are built from it.
tools-jwt-attack_error-unencodable = The token's parts could not be encoded again.
tools-jwt-attack_error-needs_valid = The expired experiment needs a currently valid token from one of the labs (this one is refused: { $why })
tools-jwt-attack_error-no_lab = The token names no lab.
tools-jwt-attack_error-signing_failed = Signing failed.

## What each claim means, in the claims table (src/labs/jwt_view.rs).
## jwt.claim
jwt-claim-sub = subject: who the token is about (a username, or guest:… for an anonymous visitor)
jwt-claim-visits = private claim: the visit counter, carried by the token itself
jwt-claim-iat = issued at
jwt-claim-exp = expires at: refused from this second on
jwt-claim-auth_time = authenticated at: when you logged in (for a guest, when the guest token was first issued); every re-issue keeps it
jwt-claim-nbf = not before: refused until this time
jwt-claim-jti = JWT id: random, so every token is unique
jwt-claim-iss = issuer: who signed it
jwt-claim-aud = audience: which lab may accept it
jwt-claim-other = a claim this app does not use

## Below the claims table (templates/macros/jwt.html.tera): when re-issue stops for good.
## jwt.renewal
jwt-renewal-ends = Renewal stops at { $at } ({ $relative }): auth_time + the absolute timeout ({ $timeout }). From then on the token is refused and not re-issued, however recently it was signed; log in again.

## Registration (src/pages.rs, src/auth/users.rs): the form's rules, refusals, the PHC parts.
## register
register-username_rule = 3–32 characters: lowercase letters, digits, `_` or `-`
register-password_rule = 8–128 characters

## register.error
register-error-invalid_username = The username must be 3–32 characters: lowercase letters, digits, `_` or `-`.
register-error-invalid_password = The password must be 8–128 characters.
register-error-taken = That username is already taken; pick another.
register-error-full = The user directory is full ({ $capacity } accounts); restart the server to reset it.
register-error-hashing = The password could not be hashed; try again.
register-error-unavailable = The account store (Redis) is not answering, so no account was added; try again in a moment.
register-error-too_many = Too many new accounts from this network address: the server accepts at most { $limit } accounts per minute from one address (`user_registrations_per_minute`), so that one script cannot fill the user directory. Try again in { $retry_after } s. A whole class sharing one address fits under the limit, and a teacher can raise it.

## register.phc
register-phc-algorithm = the algorithm: argon2id, the variant OWASP recommends
register-phc-version = the algorithm version (0x13 = 19)
register-phc-cost = the cost: memory in KiB, iterations, parallelism
register-phc-salt = the random salt (base64): same password, different hash for every account
register-phc-hash = the hash itself (base64): all the server keeps; the password is never stored

## Notes every lab inspector can show (templates/macros/inspector.html.tera).
## inspector
inspector-caveat = This inspector is a learning device a real app would never have: it copies the cookies your browser sent, HttpOnly ones included, into this page's HTML, where any script on the page can read them. HttpOnly keeps a cookie out of document.cookie; it cannot hide a value the server itself prints. So here HttpOnly does not stop same-origin script from reading the credential.
inspector-no_set_cookie = (none: this response sets no cookie)
inspector-lang_cookie = The `lang` cookie is not part of this lab: it is the site's own note of the language you chose for its pages (`?lang=`), sent to every path of this host. It carries no identity and no count, and the cookie builder refuses to overwrite it.
inspector-flash_cookie = The `_flash` cookie is not part of this lab: it is the framework's one-shot message cookie (Rocket's `Flash`). The login or logout that redirected here left a message code in it, and the next page that shows messages reads it once and deletes it (a `_flash=; Max-Age=0` line among its Set-Cookie lines). It carries no identity and no count; this app's copy is HttpOnly and lives a minute.
inspector-tossed = Cookie tossing: your browser sent two cookies named { $name }. Another site (a sibling subdomain) or a page under another path planted a second cookie with the same name, and the Cookie header does not say which cookie came from where. We cannot tell which one is ours, so we trust neither: the credential is refused. To recover, delete the { $name } cookies in developer tools (Application → Cookies). With cookie_secure on, the credential cookies are named __Host-…, which only this host can set, with Path=/: that prefix is the real defence.
inspector-host_prefix = With cookie_secure on, this credential is called { $name }: the __Host- prefix makes the browser accept it only from this host over HTTPS, with Secure, Path=/ and no Domain, so no other subdomain or path can plant a copy of it (cookie tossing). That is why its Path is / rather than this lab's path: Path keeps a cookie off other pages' requests, but it was never a security boundary.

## What each error status means to someone who just saw it (src/site/error.rs).
## errors
errors-400 = The request could not be understood: a malformed header, cookie, form or body.
errors-401 = You need to authenticate first.
errors-403 = You are not allowed to do that.
errors-404 = There is no page at { $path }.
errors-405 = That method is not allowed here.
errors-413 = The request body is larger than this server accepts.
errors-415 = The request has a content type this route does not accept.
errors-422 = The form or body is missing a field, or a value has the wrong type or is not valid UTF-8.
errors-500 = Something went wrong on the server. The request was not processed.
errors-503 = The session store is not answering: this server keeps sessions in Redis, and Redis did not reply. Nothing was changed; try again in a moment (the server reconnects by itself).

## ---- Challenges (src/challenges/): the board at /challenges ---------------------------------
## Each challenge: a title, the goal, three hints (opened one at a time), and what "defended"
## asks for: the same attack, refused, with the defence back on.

## challenges.state
challenges-state-open = open
challenges-state-solved = solved
challenges-state-defended = defended

## challenges.banner
challenges-banner-solved = Solved: { $title }. The server saw your attack work. Now switch the defence back on and try the same attack again.
challenges-banner-defended = Defended: { $title }. The server saw the same attack refused with the defence on.

## challenges.plain-counter-forgery
challenges-plain-counter-forgery-title = Forge the plain counter
challenges-plain-counter-forgery-goal = Make the cookies lab believe you visited at least 1000 times, without visiting 1000 times.
challenges-plain-counter-forgery-hint_1 = The plain counter is a cookie called plain_visits, and your browser lets you edit cookies (developer tools, Application or Storage, then Cookies).
challenges-plain-counter-forgery-hint_2 = The server believes any whole number it finds there. Set plain_visits to 1000 and reload the cookies lab.
challenges-plain-counter-forgery-hint_3 = With curl: curl -b 'plain_visits=1000' http://127.0.0.1:8000/labs/cookies shows the count the server believed.
challenges-plain-counter-forgery-defence = Defended when you make the same edit to the signed or the private counter and the server refuses it: the signature (or the encryption) is the defence the plain counter lacks.

## challenges.signed-cookie-forgery
challenges-signed-cookie-forgery-title = Forge the signed counter
challenges-signed-cookie-forgery-goal = Edit the signed counter's number and have the cookies lab believe it.
challenges-signed-cookie-forgery-hint_1 = Switch off verify_signed in the cookies lab's switches: the server then reads the number and ignores the signature.
challenges-signed-cookie-forgery-hint_2 = The cookie looks like 7.<signature>: change the number, keep or break the signature, reload.
challenges-signed-cookie-forgery-hint_3 = Only the number before the dot is the count; the rest is an HMAC of the name and that number.
challenges-signed-cookie-forgery-defence = Defended when, with verify_signed back on, the same edited cookie is refused (signature did not match).

## challenges.session-replay-after-logout
challenges-session-replay-after-logout-title = Replay a session after logout
challenges-session-replay-after-logout-goal = Copy your session cookie, log out, put the copy back, and be logged in again.
challenges-session-replay-after-logout-hint_1 = Switch off destroy_on_logout in the sessions lab's switches: logout then only asks the browser to drop the cookie.
challenges-session-replay-after-logout-hint_2 = Copy the sid cookie's value in the developer tools before you log out.
challenges-session-replay-after-logout-hint_3 = After logout, add sid back with the copied value and open the protected page.
challenges-session-replay-after-logout-defence = Defended when, with destroy_on_logout back on, the same copy arrives after logout and the server no longer finds its session.

## challenges.session-fixation
challenges-session-fixation-title = Fix someone's session
challenges-session-fixation-goal = Plant a session id in a browser before it logs in, and see the same id logged in afterwards.
challenges-session-fixation-hint_1 = Switch off regenerate_on_login, and switch on accept_url_id, in the sessions lab's switches.
challenges-session-fixation-hint_2 = With accept_url_id on, a link carrying ?sid=<id> makes the browser use that session id.
challenges-session-fixation-hint_3 = Open the link, log in, and compare the session id before and after the login.
challenges-session-fixation-defence = Defended when, with regenerate_on_login back on, the planted id is replaced at login.

## challenges.login-csrf
challenges-login-csrf-title = Log a victim in as the attacker
challenges-login-csrf-goal = From the attacker site, make your own browser log in to a lab as bob without typing anything there.
challenges-login-csrf-hint_1 = Open the attacker site from a lab page (Start a cross-site log), then its forged login attack.
challenges-login-csrf-hint_2 = A forged login needs no cookie, so SameSite cannot stop it. Switch off origin_check in that lab's switches first.
challenges-login-csrf-hint_3 = Press Launch: the attacker's form posts bob's username and password to the lab's login.
challenges-login-csrf-defence = Defended when the same forged login, launched with origin_check on, is refused with a 403 by the same-origin guard.

## challenges.lost-update
challenges-lost-update-title = Lose increments
challenges-lost-update-goal = Make the sessions lab lose visit increments under parallel requests.
challenges-lost-update-hint_1 = Switch on resave in the sessions lab's switches: each request then writes back the whole session it read.
challenges-lost-update-hint_2 = The switches panel has a button that fires 50 parallel visits.
challenges-lost-update-hint_3 = Compare the count before and after: with resave on, it grows by less than 50.
challenges-lost-update-defence = Defended when, with resave back off, 50 parallel visits add exactly 50.

## challenges.cookie-theft
challenges-cookie-theft-title = Steal a session cookie with script
challenges-cookie-theft-goal = Have page script read the sessions lab's cookie and send it to the attacker site.
challenges-cookie-theft-hint_1 = Switch off http_only in the sessions lab's switches, then log in again so the cookie is re-sent.
challenges-cookie-theft-hint_2 = document.cookie now lists sid; the attacker site's read-back page shows what script could send it.
challenges-cookie-theft-hint_3 = Use the attack that reads cookies and reports them to the attacker site.
challenges-cookie-theft-defence = Defended when, with http_only back on, the same script finds no sid to send.

## challenges.alg-none
challenges-alg-none-title = Drop the signature (alg: none)
challenges-alg-none-goal = Have a JWT lab accept a token whose header says alg: none and whose signature is empty.
challenges-alg-none-hint_1 = Switch off pin_algorithm in the JWT lab's switches: the server then trusts the header's alg.
challenges-alg-none-hint_2 = The workbench's encoder can build the header {"{"}"alg":"none"{"}"} and your payload.
challenges-alg-none-hint_3 = An unsigned token ends with a dot and nothing after it.
challenges-alg-none-defence = Defended when, with pin_algorithm back on, the same token is refused (algorithm not allowed).

## challenges.signature-not-verified
challenges-signature-not-verified-title = Edit a token's payload
challenges-signature-not-verified-goal = Change a claim in your JWT (the username, the visits) and have the lab accept it.
challenges-signature-not-verified-hint_1 = Switch off verify_signature in the JWT lab's switches: the server then decodes instead of verifying.
challenges-signature-not-verified-hint_2 = The payload is base64url JSON: decode it, edit it, encode it again, keep the old signature.
challenges-signature-not-verified-hint_3 = The workbench shows the parts; the signature no longer matches, which is the point.
challenges-signature-not-verified-defence = Defended when, with verify_signature back on, the same edited token is refused (bad signature).

## challenges.weak-secret
challenges-weak-secret-title = Crack a weak secret
challenges-weak-secret-goal = Sign a token yourself for a user who never logged in, and have the JWT lab accept it.
challenges-weak-secret-hint_1 = Switch on weak_secret in the JWT lab's switches: tokens are then signed with a word from a wordlist.
challenges-weak-secret-hint_2 = Paste your token into the workbench's cracker; it tries the bundled wordlist.
challenges-weak-secret-hint_3 = With the secret found, the workbench's encoder signs any payload you like.
challenges-weak-secret-defence = Defended when, with weak_secret back off, the token you signed is refused (bad signature).

## challenges.audience-confusion
challenges-audience-confusion-title = Use a token in the wrong lab
challenges-audience-confusion-goal = Have the header lab accept a token the cookie lab issued.
challenges-audience-confusion-hint_1 = Switch off check_audience in the header lab's switches.
challenges-audience-confusion-hint_2 = The cookie lab's pages show its token; its aud names the cookie lab.
challenges-audience-confusion-hint_3 = Send it as Authorization: Bearer to the header lab's api/me.
challenges-audience-confusion-defence = Defended when, with check_audience back on, the same token is refused (wrong audience).

## challenges.jwt-replay-after-logout
challenges-jwt-replay-after-logout-title = Replay a JWT after logout
challenges-jwt-replay-after-logout-goal = Copy your token in the JWT-cookie lab, log out, put the copy back, and be logged in again. No switch: this works by design.
challenges-jwt-replay-after-logout-hint_1 = Copy the jwt cookie's value in the developer tools (it is HttpOnly, so script cannot, but you can) before you log out.
challenges-jwt-replay-after-logout-hint_2 = After logout, add the jwt cookie back with the copied value and open the protected page.
challenges-jwt-replay-after-logout-hint_3 = Logout only asked your browser to forget the token; the server keeps no record that could revoke it.
challenges-jwt-replay-after-logout-defence = Defended when the same copy is refused because it expired (a short ttl, the absolute timeout) or, after exercise 6, because logout revoked it.

## challenges.board
challenges-board-intro = Each challenge is an attack the server notices when it works. Switch the named defence off for your browser, break in, then switch it back on and repeat the attack: when the server sees it refused, the challenge is defended.
challenges-board-switch = Switch first: { $field } = { $value } in the { $lab } lab's switches.
challenges-board-no_switch = No switch needed: the lab is open to this by design.
challenges-board-account = This board follows your account { $account }: log in with it in another browser and it comes along.
challenges-board-browser_only = This board lives in this browser. Register an account (or log in with one you registered) and it follows that account.

## ---- The class view (src/teacher/) ----------------------------------------------------------

## teacher.login
teacher-login-lead = The class view shows every learner's challenges and exercise results. Type the teacher token this server was started with (the setting teacher_token).
teacher-login-wrong_token = Wrong token. Wrong tokens are counted, and one address may try { $limit } a minute.
teacher-login-too_many = Too many wrong tokens from this address: at most { $limit } a minute. Wait a minute and try again.

## teacher.class
teacher-class-lead = Every board on this server: a row per browser (or per account, once the learner logs in with a registered account), a column per challenge and per exercise. Reload the page to see new progress.
teacher-class-code = Students submit their exercise results with this class code. It is derived from your teacher token (an HMAC of it), so it changes when the token does, and it does not reveal the token.
teacher-class-submit = In a student's clone, after the exercise checks have run:
teacher-class-fullness = { $learners } of { $capacity } boards in memory; { $evicted } forgotten to make room.
teacher-class-full = Full: each new browser now makes the longest-unseen browser-only board be forgotten (boards that follow an account go last). Raise challenge_learner_capacity for a bigger class.
teacher-class-wrong = Wrong teacher tokens: { $tokens }. Wrong class codes: { $codes }.
teacher-class-empty = No learner has done anything the server noticed yet.
teacher-class-events = { $events } of { $capacity } events kept; { $dropped } older ones dropped.
teacher-class-events_full = Full: the oldest events are dropped first (the boards keep every state).

## The same-origin guard's 403 (src/site/origin.rs): what it stopped, and why.
## errors.refused
errors-refused-cross_site = Refused: a page on another site sent this request (Sec-Fetch-Site: cross-site). Your browser would have sent it with your cookies, or, for a login, logged you in as whoever wrote that page (login CSRF). This app accepts changes only from its own pages.
errors-refused-same_site = Refused: another origin of this site sent this request (Sec-Fetch-Site: same-site), such as a page on another port. SameSite cookies would not stop it, because ports do not make another site; Fetch Metadata does. This app accepts changes only from its own pages.
errors-refused-other_origin = Refused: the request's Origin header names another origin than this app's. A page elsewhere tried to submit a form here (CSRF). This app accepts changes only from its own pages.

## The cross-site log (src/labs/cross_site/): what a lab made of a request from elsewhere.
## cross_site.decision
cross_site-decision-refused_by_origin_check = Refused by the origin check (403): the browser said another site or origin sent it, so the lab did not look at it.
cross_site-decision-let_through_origin_check_off = Let through: the browser said another site or origin sent it, but you turned this lab's origin_check switch off, so the lab acted on it as if you had sent it.
cross_site-decision-no_credential = Reached the lab without this lab's credential: the lab saw a stranger, not you.
cross_site-decision-accepted = Reached the lab carrying this lab's credential cookie (or, in the header lab, an Authorization header), and the lab answered it.
cross_site-decision-refused = Reached the lab carrying this lab's credential, and the lab answered with an error.

## The learner's SameSite choice for a lab's credential (src/labs/cross_site/same_site.rs).
## cross_site.same_site
cross_site-same_site-strict = SameSite=Strict: never on a request another site started, not even a link.
cross_site-same_site-lax = SameSite=Lax: on a link from another site (a top-level GET), never on its forms, images, fetches or frames.
cross_site-same_site-none = SameSite=None; Secure: on requests from any site, form posts included. Browsers refuse None without Secure, so Secure is added (Chromium accepts a Secure cookie from http://127.0.0.1 and localhost; other hosts need HTTPS). Inside another site's images, fetches and frames it is a third-party cookie, which many browsers block: this one may leave it off there.
cross_site-same_site-unset = No SameSite attribute: Chromium treats it as Lax, but for two minutes after the cookie was set it also rides a cross-site form POST (kept so that old single sign-on flows work).

## Each lab in one line, on the home page (src/labs/mod.rs, LABS).
## labs.sessions
labs-sessions-summary = A random id in an encrypted cookie; everything else lives in server memory.

## labs.cookies
labs-cookies-summary = The state is the cookie: plain (editable), signed (tamper-evident) and private (encrypted).

## labs.jwt-cookie
labs-jwt-cookie-summary = A signed token carrying its own claims, sent back automatically in an HttpOnly cookie.

## labs.jwt-header
labs-jwt-header-summary = The same token, kept by page JavaScript and sent as Authorization: Bearer.

## ---- Experiment switches (src/labs/switches/) ------------------------------------------------

## switches
switches-intro = Each switch below is one of this lab's defences, or one of express-session's options. Turn a defence off, perform the attack it stops, then turn it back on and watch the same attack fail.
switches-scope = Switches apply to this browser only: they travel in an encrypted cookie, lab_switches, scoped to this lab's path, and nothing is stored on the server, so nobody else on this server is affected. Closing the browser puts every switch back (it is a browser-session cookie). While any switch differs from its safe default, every page of this lab shows a red banner naming it.
switches-locked = The teacher has set allow_unsafe_switches = false on this server: you can read what each switch does and change the harmless ones, but a value that turns a defence off is refused.
switches-curl = A switch is a form post like any other; with a cookie jar, curl can turn one off and back on. The post names only the fields it changes; the rest stay as they are.

## switches.flash
switches-flash-saved = Switches saved for this browser. Every page of this lab now follows them.
switches-flash-reset = Every switch is back at its safe default for this browser.

## switches.banner
switches-banner-heading = Experiment switches are on for this lab, in this browser only. Each line is a defence or an option you changed:

## switches.problem
switches-problem-heading = Nothing was changed; the form had these problems:
switches-problem-unknown = this lab has no switch by that name.
switches-problem-bad_value = that is not a value this switch takes (true or false; a whole number of seconds in the range shown; or one of the listed choices).
switches-problem-unsafe_not_allowed = this value turns a defence off, and the teacher has disallowed that on this server (allow_unsafe_switches = false).

## Each switch: a short label, and what changing it from the safe default does.
## switches.save_uninitialized
switches-save_uninitialized-label = express-session's saveUninitialized
switches-save_uninitialized-changed = false: an anonymous visit creates no session and sends no cookie, so the counter is not kept until you log in (nothing is stored yet). express-session saves a new session only once a handler writes to it.
## switches.resave
switches-resave-label = express-session's resave
switches-resave-changed = true: every visit reads a copy of the session, then writes the whole copy back, as express-session's MemoryStore does. Two visits at once both write n + 1, and one increment is lost (the lost-update button on the lab page shows it).
## switches.rolling
switches-rolling-label = express-session's rolling
switches-rolling-changed = true: the cookie is sent again on every response, so a max_age counts from your last visit instead of from the login.
## switches.max_age
switches-max_age-label = cookie.maxAge (seconds)
switches-max_age-changed = A number: the cookie gets Max-Age and survives closing the browser (a persistent cookie). Empty: a browser-session cookie, gone when the browser closes. The server's own idle and absolute timeouts apply either way.
## switches.http_only
switches-http_only-label = cookie.httpOnly
switches-http_only-changed = false: page JavaScript can read the session cookie through document.cookie, so one injected script can send it to another site, which then replays it (cookie theft).
## switches.secure
switches-secure-label = cookie.secure
switches-secure-changed = Secure sends the cookie over HTTPS only. Browsers make an exception for http://127.0.0.1 and localhost; on any other plain-HTTP address a Secure cookie is dropped, and the lab would start a new session on every visit.
## switches.same_site
switches-same_site-label = cookie.sameSite
switches-same_site-changed = Which requests from other sites carry the cookie: strict (none), lax (top-level links), none (all, with Secure), unset (no attribute: Chromium treats it as Lax, but lets it ride a cross-site form post for two minutes after it was set). The cross-site log's SameSite choice is this same switch.
## switches.regenerate_on_login
switches-regenerate_on_login-label = req.session.regenerate() at login
switches-regenerate_on_login-changed = false: login keeps the session id the browser already had. Whoever knew that id before the login (an attacker who planted it with accept_url_id) is now logged in as you (session fixation).
## switches.destroy_on_logout
switches-destroy_on_logout-label = req.session.destroy() at logout
switches-destroy_on_logout-changed = false: logout only asks the browser to forget the cookie; the session stays logged in on the server, so a copy of the cookie taken before logout still works (replay after logout).
## switches.accept_url_id
switches-accept_url_id-label = a session id in the URL (PHP's use_trans_sid)
switches-accept_url_id-changed = true: a link with ?sid=<session id> puts that session in your browser. An attacker sends you a link with their own id; with regenerate_on_login off, your login then logs their browser in (session fixation without developer tools).
## switches.origin_check
switches-origin_check-label = the same-origin check (Sec-Fetch-Site, Origin)
switches-origin_check-changed = false: this lab's logins, logouts and forms accept requests that another site sent. A page on the attacker site can then log your browser in as the attacker (login CSRF). The switches themselves stay protected.
## Where a switch means something else in one lab: `switches.<lab>.<name>.changed`.
## switches.jwt-header.origin_check
switches-jwt-header-origin_check-changed = false: the token API accepts a JSON login that says another site sent it. No browser can send one: another site's page can send application/json only after a CORS preflight, which this server never approves, and the browser never attaches the token by itself. So turning this off changes nothing for a real browser: this lab is immune to CSRF by construction (the attacker site's fetch attacks show it). Only a script that forges the headers gets through.
## switches.verify_signed
switches-verify_signed-label = check the signed counter's HMAC tag
switches-verify_signed-changed = false: the signed counter's value is believed without checking its tag, so an edited signed cookie counts as much as a plain one.
## switches.bind_name
switches-bind_name-label = the tag covers the cookie's name
switches-bind_name-changed = false: the tag covers the value only, so a validly signed value copied into another signed cookie's name is accepted there too.
## switches.accept_retired_key
switches-accept_retired_key-label = retired signing keys still verify
switches-accept_retired_key-changed = false: only the current key verifies, so rotating the key logs everybody's signed cookies out at once (stricter, not weaker).
## switches.verify_signature
switches-verify_signature-label = verify the token's signature
switches-verify_signature-changed = false: the token is decoded, not verified, the classic library misuse: edit the payload (say, sub) in the workbench and the lab believes it.
## switches.pin_algorithm
switches-pin_algorithm-label = accept HS256 only
switches-pin_algorithm-changed = false: the lab trusts the token header's alg, none included: a token with alg none and no signature is accepted.
## switches.check_audience
switches-check_audience-label = accept only this lab's aud
switches-check_audience-changed = false: a token issued by the other JWT lab is accepted here (audience confusion).
## switches.leeway
switches-leeway-label = clock-skew leeway on exp (seconds)
switches-leeway-changed = More than 0: a token is still accepted this many seconds after its exp. The jsonwebtoken crate's own default is 60 s.
## switches.ttl
switches-ttl-label = token lifetime (seconds)
switches-ttl-changed = How long a token this lab issues to your browser lives; a longer one is a longer window for a stolen copy.
## switches.weak_secret
switches-weak_secret-label = sign with a dictionary word
switches-weak_secret-changed = true: this lab signs and checks your tokens with a word from the bundled wordlist instead of its 256-bit secret. The workbench's cracker finds the word in seconds; with it, anyone can sign a token for any user.

## Where the sessions lab keeps its sessions (`session_store`): the page's sentences follow it.
## sessions.store.memory
sessions-store-memory-lives = The visit count and who you are live in this server's memory, filed under that id: a second server, or this one restarted, does not know them.
sessions-store-memory-held = Sessions held in memory:
sessions-store-memory-resave = No store write-back at all: the session lives in a map in memory and is changed in place, under a lock, so two requests at once never lose a visit.
sessions-store-memory-restart = Stop the server (Ctrl-C) and start it again, then reload. Every session is gone: they lived in memory, and a restart wipes them.

## sessions.store.redis
sessions-store-redis-lives = The visit count and who you are live in Redis, filed under that id, where every instance of this server pointed at the same Redis finds them.
sessions-store-redis-held = Sessions held in Redis:
sessions-store-redis-resave = No store write-back at all: each change is one Lua script that Redis runs atomically, so two requests at once, even to two servers, never lose a visit.
sessions-store-redis-restart = Stop the server (Ctrl-C) and start it again, then reload. The count carries on: the sessions live in Redis, not in the server. Stop Redis instead and the lab answers 503 until it is back.

## The inspector's line about the instance that answered (templates/labs/layout.html.tera).
## instance
instance-memory = Another instance (another port) would not know this instance's sessions.
instance-redis = Every instance pointed at the same Redis shares these sessions and accounts.

## ---- Side by side, live (src/live/, templates/live/) ------------------------------------------

## live
live-intro = Chapter 7 compares the four labs in a table. This page fills the behaviour rows of that table from real requests: the server plays Alice in all four labs at once, through one story, and shows every request and response it took to decide each cell.
live-how = When you press the button, the server starts fresh instances of this very app inside its own process, built from its own configuration, and sends them the requests a browser (or the header lab's page script) would send, through the real lab routes. Nothing on this page is written in advance: change a lab and the table changes with it. The server's terminal shows each instance starting and every request it answers, as for any server.
live-memory = Every instance in a run keeps its sessions in memory, whatever this server's session_store says, so a run never writes into a shared Redis. With sessions in Redis (chapter 11), the sessions column of the restart and second-instance rows would read accepted.
live-cost = A run takes a few seconds: it starts five app instances, and each one hashes the demo accounts' passwords with argon2id (19 MiB of memory, on purpose slow); twelve logins each check a password the same way; and the last step waits for a token to expire. That is why at most { $at_once } runs happen at once on this server, and at most { $per_minute } a minute from one address; a run that takes longer than { $timeout } s is abandoned.
live-run = Run the story
live-took = This run took { $ms } ms.
live-table = Each cell links to the requests that decided it, in the timeline below.
live-no_request = No request: nothing travels in this step.
live-decided = This exchange decided the cell.
live-marker = What the answer said
live-chapter_row = Chapter 7: { $row }
live-no_row = {""}

## live.step.log_in
live-step-log_in-title = Log in
live-step-log_in-does = Alice logs in with each lab's own login: the form, or the header lab's token endpoint.
## live.step.visit
live-step-visit-title = Visit
live-step-visit-does = She visits the counter once, carrying what the login gave her.
## live.step.copy
live-step-copy-title = Copy the credential
live-step-copy-does = Someone copies the credential her browser holds: the cookie that proves the login, or the token the header lab's script keeps.
## live.step.log_out
live-step-log_out-title = Log out
live-step-log_out-does = She logs out. In the header lab the page script tells the server (api/logout), which can only take note, and forgets the token.
## live.step.replay
live-step-replay-title = Replay the copy
live-step-replay-does = Another browser sends only the copy to the lab's protected page. Only a server that keeps state can refuse it: the session was destroyed, the other credentials carry their own proof.
live-step-replay-row = Revocation (logout)
## live.step.log_in_again
live-step-log_in_again-title = Log in again
live-step-log_in_again-does = She logs in once more, and this login is copied too: the next steps take a credential that is still live to other servers.
## live.step.second_instance
live-step-second_instance-title = Ask a second instance
live-step-second_instance-does = The live copy goes to a second instance with the same keys, while the first still runs (it is asked first and still knows her). The second has memory of its own: it decrypts the session id but has no such session.
live-step-second_instance-row = Several servers
## live.step.restart
live-step-restart-title = Restart with the same keys
live-step-restart-does = Both instances stop and a new one starts with the same keys, as after Ctrl-C and cargo run. Memory is new, keys are the same: the session is gone, everything else still verifies.
live-step-restart-row = Server restart
## live.step.rotate_keys
live-step-rotate_keys-title = Rotate the keys
live-step-rotate_keys-does = An instance with a new secret_key, jwt_secret and cookie_signing_keys: nothing made with the old keys decrypts or verifies, so every lab refuses the copy.
## live.step.past_exp
live-step-past_exp-title = Wait past the token's exp
live-step-past_exp-does = On an instance whose tokens live { $ttl } s (jwt_ttl = { $ttl }, no leeway), she logs in to each lab, the server waits until the tokens' exp has passed, then replays each copy. The session and the login cookie keep their own lifetimes (session_idle_timeout, cookie_login_lifetime), which the server checks on its side.
live-step-past_exp-row = Revocation: until exp

## live.instance.first
live-instance-first-short = first instance
## live.instance.second
live-instance-second-short = second instance
## live.instance.restarted
live-instance-restarted-short = restarted instance
## live.instance.rotated
live-instance-rotated-short = instance with new keys
## live.instance.short_ttl
live-instance-short_ttl-short = instance with short-lived tokens

## live.outcome
live-outcome-logged_in = logged in
live-outcome-counted = counted: visit { $detail }
live-outcome-copied = copied ({ $detail } bytes)
live-outcome-nothing_to_copy = nothing to copy
live-outcome-logged_out = logged out
live-outcome-forgot = forgotten by the script (the server only took note)
live-outcome-accepted = accepted: { $detail }
live-outcome-refused = refused
live-outcome-unexpected = unexpected answer: { $detail }

## live.refused
live-refused-title = The story did not run
live-refused-busy = Every run slot of this server is in use right now (each run starts five app instances). Try again in a few seconds.
live-refused-too_many = This address has started its runs for this minute. Try again in { $seconds } s.
live-refused-timed_out = The run took longer than { $timeout } s and was abandoned. The server is probably busy: try again in a moment.
live-refused-not_started = An app instance could not be started from this server's configuration, so the story could not run. The server's log says why.
live-refused-back = Back to the page

## How long something lasts, and when, as pages show it (src/site/durations.rs).
time-now = now
time-in = in { $span }
time-ago = { $span } ago
time-h = { $n } h
time-min = { $n } min
time-s = { $n } s
