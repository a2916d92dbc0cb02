# The two JWT labs' pages (templates/labs/jwt-cookie/, templates/labs/jwt-header/), the words
# the header lab's script writes (static/js/jwt-header.js) and how a token is shown
# (templates/macros/jwt.html.tera). Codes in templates: page.jwt.… (see src/site/messages.rs).
# A value named like { $link } or { $user } is a piece of markup the template builds (a link,
# an emphasis, the #user element) around another message of this file.

## Both JWT labs: the login line ({ $user } is the username, in the #user element; the header
## lab's script fills it in), the decoder button, the switches link and the inspector's
## "What the server concluded" as prose refers to it.
page-jwt-logged_in = 사용자 { $user } 님으로 로그인했습니다.
page-jwt-open_in_decoder = 이 토큰을 디코더에서 열기
page-jwt-switches_link = 이 실습의 스위치
page-jwt-concluded = 서버가 내린 결론

## jwt-cookie/index.html.tera: title, heading and lead. { $cookie } is the token cookie's name,
## { $claims } the emphasised word of page-jwt-cookie-lead_claims.
page-jwt-cookie-title = 쿠키에 담긴 JWT
page-jwt-cookie-heading = 쿠키에 담긴 JWT: 상태가 브라우저와 함께 다닌다
page-jwt-cookie-lead = 서버는 아무것도 기억하지 않습니다. 브라우저가 서명된 토큰(JWT)을 이름이 `{ $cookie }`인 `HttpOnly` 쿠키에 담아 가지고 있으며, 방문 횟수와 여러분이 누구인지는 그 토큰 안에 { $claims } 형태로 들어 있습니다. 서버는 방문할 때마다 서명을 확인하고 `visits`를 읽은 뒤, `visits + 1`을 담은 새 토큰에 서명합니다.
page-jwt-cookie-lead_claims = 클레임(claim)

## jwt-cookie/index.html.tera: the counter card. { $visits } is the big number (the #visits
## element), { $count } the same number for the plural; { $login } is the "Log in" button;
## { $timeout } is the absolute timeout (e.g. 8 h).
page-jwt-cookie-visits = 이 토큰으로 이 페이지를 { $visits }번 방문했습니다.
page-jwt-cookie-me_link = 보호된 페이지 보기
page-jwt-cookie-not_logged_in = 로그인하지 않았습니다(게스트 토큰을 가지고 있습니다). { $login }: 로그인하면 지금까지의 방문 횟수가 여러분의 사용자 이름으로 된 토큰에 그대로 이어집니다.
page-jwt-cookie-login_link = 로그인
page-jwt-cookie-reload_hint = 새로고침하면 다시 셉니다. 응답마다 완전히 새로운 토큰이 실려 옵니다. 아래에서 서명과 `jti`는 바뀌지만 `auth_time`은 그대로인 것을 지켜보세요. 갱신은 `auth_time`으로부터 { $timeout } 뒤, 절대 타임아웃에 이르면 멈춥니다. 그때는 다시 로그인해야 합니다.

## jwt-cookie/index.html.tera: inspector part 1, what arrived. { $state } is the verdict
## (valid, absent, refused (bad signature), …; see jwt_cookie-arrival-… in messages.ftl).
page-jwt-cookie-token_state = `{ $cookie }` 토큰 상태: { $state }.

## jwt-cookie/index.html.tera: inspector part 2, the table of what the server concluded.
## { $timeout } is the absolute timeout (e.g. 8 h), { $seconds } the leeway in seconds.
page-jwt-cookie-row-subject = 주체(subject)
page-jwt-cookie-row-guest = (게스트)
page-jwt-cookie-row-new_token_expires = 새 토큰 만료
page-jwt-cookie-row-logged_in = 로그인 시각(`auth_time`)
page-jwt-cookie-row-guest_started = 게스트 토큰 시작(`auth_time`)
page-jwt-cookie-row-auth_time_kept = (재발급할 때마다 그대로 유지됨)
page-jwt-cookie-row-renewal_stops = 갱신 종료
page-jwt-cookie-row-renewal_stops_why = (`auth_time` + 절대 타임아웃, { $timeout })
page-jwt-cookie-row-server_state = 서버 쪽 상태
page-jwt-cookie-row-server_state_none = 없음: 서버에는 여러분에 관한 것이 아무것도 저장되지 않습니다
page-jwt-cookie-row-leeway = exp 허용 오차(leeway)
page-jwt-cookie-row-leeway_seconds = { $seconds }초
page-jwt-cookie-row-leeway_default = (jsonwebtoken 크레이트의 기본값은 60초입니다)
page-jwt-cookie-row-ttl = 토큰 수명

## jwt-cookie/index.html.tera: inspector part 3, what the response sends back. The first note
## has two forms: with cookie_secure the cookie is __Host-… with Path=/ (host_prefix), else its
## Path is the lab's ({ $path }). { $ttl } is the token lifetime (e.g. 15 min).
page-jwt-cookie-sent_back-host_prefix = 방문할 때마다 새 `Set-Cookie`가 나갑니다. 횟수가 바뀌었으니 토큰에 다시 서명해야 했기 때문입니다. `HttpOnly`는 토큰을 `document.cookie`에서 숨깁니다(토큰을 출력하는 이 페이지에서까지 숨기지는 못합니다). `SameSite=Strict`는 모든 크로스 사이트 요청에 토큰이 실리지 않게 합니다. `Path=/`와 `__Host-` 접두사는 다른 호스트나 경로가 같은 이름의 쿠키를 심지 못하게 합니다. `Max-Age`는 토큰 수명({ $ttl })과 같으므로, 안에 든 토큰이 만료되면 브라우저도 쿠키를 버립니다.
page-jwt-cookie-sent_back-lab_path = 방문할 때마다 새 `Set-Cookie`가 나갑니다. 횟수가 바뀌었으니 토큰에 다시 서명해야 했기 때문입니다. `HttpOnly`는 토큰을 `document.cookie`에서 숨깁니다(토큰을 출력하는 이 페이지에서까지 숨기지는 못합니다). `SameSite=Strict`는 모든 크로스 사이트 요청에 토큰이 실리지 않게 합니다. `Path={ $path }`는 토큰이 다른 실습으로 가지 않게 합니다. `Max-Age`는 토큰 수명({ $ttl })과 같으므로, 안에 든 토큰이 만료되면 브라우저도 쿠키를 버립니다.
page-jwt-cookie-sent_back-heading = 이 응답이 설정하는 토큰
page-jwt-cookie-sent_back-printed = 이 페이지는 여러분이 살펴볼 수 있도록 토큰을 출력합니다. 실제 앱은 `HttpOnly` 토큰을 절대 HTML에 옮겨 적지 않습니다. 그러면 페이지의 스크립트가 여기서 토큰을 읽을 수 있는데, 그것이 바로 `HttpOnly`가 막으려는 일이기 때문입니다.

## jwt-cookie/index.html.tera: "Try it", three experiments, each a bold title and a sentence.
## { $decoder } is the link to the decoder, { $me } the link to the lab's protected page (its
## URL as the text), { $lab } the link to the header lab.
page-jwt-cookie-try-heading = 해 보기
page-jwt-cookie-try-tamper_title = 변조하기.
page-jwt-cookie-try-tamper = 토큰을 { $decoder }에 복사해 넣고 “수정된 페이로드(edited payload)” 공격을 만들어 보세요. `visits` 클레임은 바뀌지만 서명이 더 이상 맞지 않으므로 서버가 거부합니다. 그런 토큰을 쿠키에 넣고(개발자 도구 → Application → Cookies) 새로고침하면, 1부터 세는 새 게스트 토큰을 받습니다.
page-jwt-cookie-try-decoder_link = 디코더
page-jwt-cookie-try-replay_title = 로그아웃 뒤 재전송.
page-jwt-cookie-try-replay = 로그인하고 토큰을 복사한 다음 로그아웃하세요. 그런 다음 예전 토큰을 쿠키에 다시 넣고 { $me } 페이지를 여세요. 여전히 로그인되어 있습니다. 로그아웃은 브라우저에 사본을 지워 달라고 요청했을 뿐입니다. 토큰 자체는 `exp`까지 유효하고, 서버에는 토큰을 지워 버릴 목록이 없습니다. 그 사본으로 실습 페이지를 방문하면 토큰이 갱신되기까지 하지만, 절대 타임아웃을 넘어서까지 갱신되지는 않습니다. `auth_time`이 바뀌지 않은 채 모든 새 토큰으로 옮겨지기 때문입니다. (실제 시스템은 토큰의 수명을 짧게 두거나, 서버 쪽에 `jti` 값의 차단 목록을 둡니다. 그것은 결국 다시 서버 상태입니다.)
page-jwt-cookie-try-cross_lab_title = 실습 간 재전송.
page-jwt-cookie-try-cross_lab = { $lab }의 토큰은 `aud`가 `auth-labs/jwt-header`입니다. 그런 토큰을 이 쿠키에 넣어 보세요. 대상이 잘못되었으므로 거부됩니다.
page-jwt-cookie-try-header_lab_link = JWT 헤더 실습

## jwt-cookie/index.html.tera: "Switch a defence off". { $switches } is the link to the switch
## panel (page-jwt-switches_link), { $concluded } the emphasised page-jwt-concluded.
page-jwt-cookie-switches-heading = 방어 끄기
page-jwt-cookie-switches-how = { $switches }에서는 위의 공격을 실패하게 만드는 검사를 여러분의 브라우저에 한해 하나씩 끌 수 있습니다: `verify_signature`, `pin_algorithm`, `check_audience`, 더 긴 `leeway`나 `ttl`, 또는 `weak_secret`으로 서명하기. 공격을 다시 해 보고 어느 스위치가 토큰을 통과시켰는지 { $concluded }에서 읽어 본 다음, 스위치를 초기화하고 공격이 다시 실패하는 것을 지켜보세요. 워크벤치의 인코더는 여러분이 서명한 토큰을 이 실습으로 바로 보냅니다.

## jwt-cookie/login.html.tera (the form itself is shared by every lab) and the link back to the
## lab on the login and protected pages.
page-jwt-cookie-login-title = 로그인 · 쿠키에 담긴 JWT
page-jwt-cookie-login-heading = JWT 쿠키 실습에 로그인
page-jwt-cookie-login-lead = 서버는 비밀번호를 argon2id 해시와 대조해 확인하고, 맞으면 `sub`가 여러분의 사용자 이름인 새 토큰에 서명합니다. 게스트 토큰의 `visits` 횟수는 새 토큰으로 이어집니다. 서버에는 아무것도 저장되지 않습니다.
page-jwt-cookie-back = JWT 쿠키 실습으로 돌아가기

## jwt-cookie/me.html.tera: the protected page. { $user } is the username (the #user element),
## { $concluded } the emphasised page-jwt-concluded, { $timeout } the absolute timeout,
## { $this } the emphasised page-jwt-cookie-me-replay_this.
page-jwt-cookie-me-title = 내 토큰 · 쿠키에 담긴 JWT
page-jwt-cookie-me-heading = 안녕하세요, { $user } 님
page-jwt-cookie-me-lead_by_switch = 이 페이지는 보호되어 있지만, 여러분이 끈 스위치가 토큰을 통과시켰습니다. 모든 방어가 켜져 있었다면 거부되었을 토큰입니다. 어느 스위치였는지는 { $concluded }에서 확인하세요.
page-jwt-cookie-me-lead = 이 페이지는 보호되어 있습니다. 여러분의 쿠키에 이 서버의 비밀 키로 이 실습용으로 서명되었고, 만료되지 않았고, `sub`가 사용자를 가리키는 토큰이 실려 왔습니다. 서버는 아무것도 조회하지 않았습니다. 토큰 자체가 증명입니다.
page-jwt-cookie-me-visits = 지금까지 방문 횟수
page-jwt-cookie-me-expires = 토큰 만료
page-jwt-cookie-me-renewal_why = (로그인 시각 `auth_time` + { $timeout }. 그 뒤에는 다시 로그인해야 합니다)
page-jwt-cookie-me-replay = 로그아웃하면 { $this } 브라우저에서만 쿠키가 지워집니다. 누군가 이 토큰을 복사해 두었다면, 그 사람에게는 토큰이 만료될 때까지 계속 통하고, 실습 페이지에서 갱신할 수도 있습니다. 여러분이 로그인한 때로부터 절대 타임아웃까지 말입니다. 상태가 없는(stateless) 토큰은 폐기할 수 없습니다.
page-jwt-cookie-me-replay_this = 이
page-jwt-cookie-me-sent_token_accepted = 브라우저가 보낸 토큰(수락됨)
page-jwt-cookie-me-sent_token_verified = 브라우저가 보낸 토큰(검증됨)

## jwt-header/index.html.tera: title, heading, lead and the client card. { $visits } is the
## big number (the #visits element, which the script updates).
page-jwt-header-title = 헤더에 담긴 JWT
page-jwt-header-heading = 헤더에 담긴 JWT: 토큰은 페이지의 스크립트가 싣는다
page-jwt-header-lead = 쿠키 실습과 똑같은 서명된 토큰이지만, 쿠키는 없습니다. 이 페이지의 JavaScript가 토큰을 보관하고, API를 호출할 때마다 `Authorization: Bearer …`를 직접 붙입니다. 브라우저가 스스로 토큰을 보내는 일은 없습니다. 아래의 모든 일은 `/static/js/jwt-header.js`가 하며, 이 스크립트가 보내는 요청은 모두 기록에 나옵니다.
page-jwt-header-visits = 토큰에 기록된 방문 횟수: { $visits }
page-jwt-header-visit_button = 방문 (POST /api/visit)
page-jwt-header-me_button = 나는 누구? (GET /api/me)
page-jwt-header-logout_button = 로그아웃 (토큰 잊기)
page-jwt-header-storage_switch = 토큰을 `localStorage`에 보관 (새로고침해도 남음)
page-jwt-header-noscript = 이 실습의 클라이언트는 JavaScript입니다. JavaScript를 켜거나, 아래의 curl 명령을 쓰세요.

## jwt-header/index.html.tera: the login form (the script sends it as JSON). The demo accounts
## (alice / wonderland, …) stand between demo and demo_after.
page-jwt-header-login-heading = 로그인
page-jwt-header-login-username = 사용자 이름
page-jwt-header-login-password = 비밀번호
page-jwt-header-login-submit = 로그인 (POST /api/token)
page-jwt-header-login-demo = 데모 계정:
page-jwt-header-login-demo_after = . 게스트 토큰을 가지고 있다면 함께 보내지고, 그 방문 횟수가 이어집니다.

## jwt-header/index.html.tera: "Where should the token live?", two paragraphs, each after a
## bold title. { $no_csrf }, { $steal } and { $csrf } are the bold words of the messages named
## so; { $use } is the emphasised word of page-jwt-header-where-cookie_use; { $lab } is the
## link to the cookie lab (page-jwt-header-where-cookie_lab_link).
page-jwt-header-where-heading = 토큰은 어디에 두어야 할까?
page-jwt-header-where-header_title = 헤더에 담을 때(이 실습):
page-jwt-header-where-header = 브라우저가 토큰을 스스로 붙이는 일은 없으므로, 다른 사이트가 여러분의 브라우저를 시켜 토큰을 보내게 할 수 없습니다. { $no_csrf }. 하지만 토큰을 붙이는 스크립트는 토큰을 읽을 수도 있으므로, { $steal }(XSS). 페이지가 열려 있는 동안에는 메모리에서, `localStorage`에 두었다면 지울 때까지 남아 있으므로 나중에라도 훔칠 수 있습니다.
page-jwt-header-where-header_no_csrf = CSRF는 없습니다
page-jwt-header-where-header_steal = 페이지의 어떤 스크립트든 토큰을 훔칠 수 있습니다
page-jwt-header-where-cookie_title = `HttpOnly` 쿠키에 담을 때({ $lab }):
page-jwt-header-where-cookie_lab_link = 쿠키 실습
page-jwt-header-where-cookie = 스크립트가 `document.cookie`로 토큰을 읽을 수 없으므로, XSS도 그런 식으로는 토큰을 훔치지 못합니다(그 실습이 학습용으로 하듯 페이지가 토큰을 출력하지 않는 한 그렇습니다. 또 여러분이 페이지에 있는 동안에는 토큰을 여전히 { $use } 수 있습니다). 하지만 브라우저가 토큰을 자동으로 붙이므로, 크로스 사이트 요청이 그 토큰에 올라탈 수 있습니다. 바로 { $csrf }입니다. `SameSite`가 막지 않는다면 말입니다.
page-jwt-header-where-cookie_use = 사용할
page-jwt-header-where-cookie_csrf = CSRF
page-jwt-header-where-hint = 여기서는 페이지 메모리가 더 안전한 기본값입니다. 탭을 닫으면 토큰도 사라집니다. 스위치로 그 득실을 직접 볼 수 있습니다. 스위치를 켜고 새로고침해도 토큰은 그대로 있습니다. 여러분에게도, 이 출처에서 실행되는 어떤 스크립트에게도 말입니다.

## jwt-header/index.html.tera: "Your token". { $visit } is the emphasised name of the Visit
## button; { $timeout } is the absolute timeout (e.g. 8 h).
page-jwt-header-token-heading = 내 토큰
page-jwt-header-token-paste_label = 직접 가져온 토큰 쓰기 (워크벤치의 인코더나 다른 실습에서)
page-jwt-header-token-paste_submit = 이 토큰 쓰기
page-jwt-header-token-none = 아직 토큰이 없습니다. { $visit } 버튼을 누르면 게스트 토큰을 받습니다. 로그인해도 됩니다.
page-jwt-header-token-none_visit = 방문
page-jwt-header-token-logout_hint = 여기서 로그아웃하면 페이지가 토큰을 잊습니다. 서버에도 알리지만(`POST /api/logout`), 서버는 기록만 할 수 있습니다. 토큰의 사본은(이를테면 `curl` 명령 안에 든 것) `exp`까지 계속 통합니다. 서버에는 토큰을 폐기할 목록이 없습니다. 사본을 가진 사람은 `/api/visit`로 토큰을 갱신할 수도 있지만, 절대 타임아웃까지만입니다(모든 새 토큰이 그대로 물려받는 `auth_time`으로부터 { $timeout } 뒤). 그 뒤로는 `/api/visit`가 `401`로 응답하고 이 페이지는 토큰을 잊습니다.

## jwt-header/index.html.tera: the inspector. The request log keeps the last { $limit } entries.
page-jwt-header-sent-hint = 페이지를 불러올 때는 토큰이 전송되지 않았습니다. 헤더 토큰은 스크립트가 만드는 요청에만 있습니다. 2번 부분의 API 호출과 비교해 보세요.
page-jwt-header-log-summary = 클라이언트가 보낸 모든 요청과 서버의 응답, 최신순
page-jwt-header-log-limit = 기록에는 최근 { $limit }개의 요청만 남고, 그보다 오래된 것은 버려집니다.
page-jwt-header-log-empty = 아직 API 호출이 없습니다.

## jwt-header/index.html.tera: "The same with curl", headings above the commands and two notes.
## { $switches } is the link to the switch panel (page-jwt-switches_link); { $ttl } is the token
## lifetime, { $leeway } the leeway in seconds, { $timeout } the absolute timeout.
page-jwt-header-curl-heading = curl로 똑같이 하기
page-jwt-header-curl-intro = `cargo run`이 이 페이지를 서비스하는 동안 터미널에서 실행하세요. 페이지와 똑같은 API를 호출합니다.
page-jwt-header-curl-login = 로그인하고 토큰을 셸 변수에 보관하기
page-jwt-header-curl-me = 나는 누구?
page-jwt-header-curl-visit = 방문 세기 (재발급된 토큰을 출력합니다)
page-jwt-header-curl-refused = 토큰이 없을 때와 망가졌을 때: `WWW-Authenticate`를 단 401 (RFC 6750)
page-jwt-header-curl-switches = 공격이 성공하는 모습을 보려면, 그 공격을 막는 방어를 { $switches }에서 끄세요. 여러분의 브라우저에만 적용됩니다. 페이지의 스크립트는 API를 호출할 때 `lab_switches` 쿠키를 함께 보내고, curl도 같은 쿠키 파일(`-b jar.txt`)을 주면 마찬가지입니다.
page-jwt-header-curl-settings = 토큰 수명은 { $ttl }, `exp`의 허용 오차는 { $leeway }초이고, 갱신은 로그인(`auth_time`)으로부터 { $timeout } 뒤에 멈춥니다. `/api/token`은 `Content-Type: application/json`만 받습니다(그 밖에는 `415`). 두 번째 401은 이유를 밝힙니다. 수정된 토큰이 더 이상 서명과 맞지 않는다는 것입니다.

## Words the header lab's script writes (static/js/jwt-header.js), through the page's template
## #jwt-header-words. The script puts each value in: { $sub } the token's subject (guest:…),
## { $storage_key } the localStorage key, { $length } the token's length, { $minutes } and
## { $seconds } numbers, { $span } a duration made of those, { $at } a time, { $from_now } the
## in/ago words with their span, { $n } the request's number, { $method } and { $path } the
## request, { $status } the HTTP status. no_token_who and storage_memory also show before the
## script runs.
page-jwt-header-script-no_token_who = 아직 토큰이 없습니다. 로그인하지 않은 상태입니다.
page-jwt-header-script-guest = 게스트 토큰({ $sub }): 로그인하지 않은 상태입니다.
page-jwt-header-script-no_token = 토큰이 없습니다. 방문 버튼을 누르면 게스트 토큰을 받습니다. 로그인해도 됩니다.
page-jwt-header-script-storage_memory = 토큰은 페이지 메모리에만 있습니다. 페이지를 새로고침하면 사라집니다.
page-jwt-header-script-storage_local = 토큰은 `localStorage`에 있습니다. 새로고침해도, 브라우저를 다시 시작해도 남아 있으며, 이 출처의 어떤 스크립트든 `localStorage.getItem("{ $storage_key }")`로 읽을 수 있습니다.
page-jwt-header-script-legend = — { $length }바이트. 이 페이지의 스크립트가(그리고 이 페이지의 다른 어떤 스크립트든) 읽을 수 있습니다.
page-jwt-header-script-claim_sub = subject: 여러분의 사용자 이름, 또는 익명 방문자라면 guest:…
page-jwt-header-script-seconds = { $seconds }초
page-jwt-header-script-minutes_seconds = { $minutes }분 { $seconds }초
page-jwt-header-script-in = ({ $span } 후)
page-jwt-header-script-ago = ({ $span } 전)
page-jwt-header-script-renewal = 갱신 종료 시각: { $at } { $from_now }. `auth_time` + 절대 타임아웃입니다. 그 뒤로는 `/api/visit`가 토큰을 갱신하지 않고 거부합니다. 다시 로그인하세요.
page-jwt-header-script-request = 요청 { $n }
page-jwt-header-script-response = 응답
page-jwt-header-script-no_authorization = (Authorization 헤더 없음)
page-jwt-header-script-announce = 요청 { $n }: { $method } { $path }, 응답 { $status }.
page-jwt-header-script-visit_refused = 방문이 거부되었습니다.
page-jwt-header-script-login_failed = 로그인에 실패했습니다.
## When /api/visit refuses a token past the absolute timeout (the API's own sentence for it).
page-jwt-header-script-refused_absolute_timeout = 절대 타임아웃: `auth_time`에 기록된 로그인이 절대 타임아웃보다 오래되었으므로, 이 토큰은 아무리 최근에 발급되었더라도 더 이상 받아들여지거나 갱신되지 않습니다. 다시 로그인하세요(또는 토큰 없이 방문하면 새 게스트 토큰을 받습니다).

## jwt-header/needs-script.html.tera: where the header lab's login form lands when it was sent
## without the page script. { $path } is the token API's path, { $back } the link back to the
## lab (page-jwt-needs_script-back_link).
page-jwt-needs_script-title = 이 실습에는 JavaScript가 필요합니다
page-jwt-needs_script-heading = 이 실습의 로그인은 JavaScript로 동작합니다
page-jwt-needs_script-why = 브라우저가 로그인 폼을 직접 제출했으므로 토큰이 발급되지 않았습니다. 이 실습에서는 페이지 스크립트(`/static/js/jwt-header.js`)가 사용자 이름과 비밀번호를 JSON으로 `{ $path }`에 보내고, 돌려받은 토큰을 보관합니다. 브라우저가 스스로 토큰을 보내는 일은 없습니다. 폼이 이곳으로 POST하는 것은, 스크립트가 없을 때에도 비밀번호가 요청 본문에 실리게 하기 위해서일 뿐입니다. 서버와 프록시가 로그에 적는 URL에는 절대 실리지 않게 말입니다.
page-jwt-needs_script-next = JavaScript를 켜고 { $back }. 아니면 그 페이지의 curl 명령을 쓰세요.
page-jwt-needs_script-back_link = 실습으로 돌아가세요

## macros/jwt.html.tera: how a token is shown (both JWT labs and the workbench), and the header
## lab's script. The three parts' names, then { $length } the token's length in bytes.
page-jwt-token-part-header = 헤더
page-jwt-token-part-payload = 페이로드
page-jwt-token-part-signature = 서명
page-jwt-token-legend = — { $length }바이트. 앞의 두 부분은 base64url로 인코딩되었을 뿐이므로 누구나 읽을 수 있습니다. 서명은 변조하면 티가 나게 만들 뿐, 내용을 비밀로 만들지는 않습니다.
## The decoded header and payload: "Header (decoded)".
page-jwt-token-decoded-header = 헤더
page-jwt-token-decoded-payload = 페이로드
page-jwt-token-decoded-suffix = (디코딩됨)
## The claims table's column heads, and the live countdown below it.
page-jwt-token-claims-claim = 클레임
page-jwt-token-claims-value = 값
page-jwt-token-claims-meaning = 의미
page-jwt-token-expires = 만료:
page-jwt-token-countdown = (`exp`까지 실시간 카운트다운)
## After jwt-switch-issued_weak (messages.ftl), while weak_secret is on: the link to the cracker.
page-jwt-token-cracker_link = 크래커
