# The message table in one language: every sentence the pages say about what happened,
# keyed by a code. Rust hands templates codes (a flash message, why a credential was refused);
# templates say {{ t(key="sessions.flash.logged_in", username=user) }}: the code's dots are
# dashes here, and { $username } comes from the call's arguments. See src/site/messages.rs.


## login
login-invalid = 사용자 이름 또는 비밀번호가 올바르지 않습니다

## sessions.flash
sessions-flash-logged_in = 사용자 { $username } 님으로 로그인했습니다. 서버가 새 세션 ID를 발급했고, 이전 ID는 더 이상 존재하지 않습니다.
sessions-flash-logged_out = 로그아웃했습니다. 서버가 세션을 삭제했으므로, 이제는 예전 쿠키의 사본조차 쓸모가 없습니다.
sessions-flash-no_session = 로그아웃할 살아 있는 세션이 없었습니다.
sessions-flash-logged_in_kept_id = 사용자 { $username } 님으로 로그인했습니다. 서버는 브라우저에 이미 있던 세션 ID를 그대로 유지했습니다(regenerate_on_login이 꺼져 있음). 그 ID를 미리 알고 있던 사람, 이를테면 그 ID를 심어 둔 사람도 이제 { $username } 님으로 로그인된 상태입니다.
sessions-flash-logged_out_kept = 이 브라우저에서만 로그아웃했습니다. 브라우저에는 쿠키를 지우라고 요청했지만, 서버는 세션을 로그인된 상태 그대로 유지했습니다(destroy_on_logout이 꺼져 있음). 로그아웃 전에 복사해 둔 쿠키 사본은 여전히 통합니다.

## ---- The cookies lab (src/labs/cookies/) -----------------------------------------------------

## cookies.flash
cookies-flash-logged_in = 사용자 { $username } 님으로 로그인했습니다. 이제 사용자 이름은 암호화된 채 `user` 쿠키에 담겨 오가며, 서버는 아무것도 기록하지 않았습니다.
cookies-flash-logged_out = 로그아웃했습니다. 서버가 브라우저에 `user` 쿠키를 지우라고 요청했습니다. 서버가 할 수 있는 일은 그것뿐이므로, 미리 복사해 둔 쿠키 사본이 있다면 그것으로 여전히 로그인됩니다.
cookies-flash-retired_key = 서명 카운터 쿠키를 키 { $count }개 중 { $count }번인 옛 키로 다시 서명했습니다. 이 페이지는 그래도 쿠키를 검증했고(모든 키로 검증할 수 있습니다), 1번 키로 서명해 돌려보냈습니다. 아무도 로그아웃시키지 않는 키 교체입니다.
cookies-flash-crumb_set = `crumb=1`을 Path={ $base } 속성으로 설정했습니다. 이제 Path=/ 속성으로, 그다음에는 Path={ $base } 속성으로 지워 보세요.
cookies-flash-removal_sent = 다음 헤더를 보냈습니다: `Set-Cookie: { $line }`. 브라우저는 저장된 `{ $name }` 쿠키를 Path가 (그리고 Domain도) 정확히 일치할 때만 지웁니다. 아래에서 쿠키가 아직도 도착하는지 확인해 보세요.

## A counter's verdict (the arrival macro: `<state>` or, when rejected, `<why>`).
## cookies.counter
cookies-counter-absent = 없음
cookies-counter-accepted = 수락됨
cookies-counter-rejected = 거부됨
cookies-counter-not_a_number = 숫자가 아님
cookies-counter-mismatch = 서명 불일치
cookies-counter-unsigned = 서명 없음
cookies-counter-undecryptable = 복호화 불가
cookies-counter-retired_key = 옛 키 거부됨

## The sentence under each verdict.
## cookies.counter.detail
cookies-counter-detail-accepted = 쿠키에 담긴 값이 { $previous }이므로, 이번 방문으로 { $count }회가 됩니다.
cookies-counter-detail-absent = 쿠키가 도착하지 않았으므로(첫 방문이거나 브라우저가 쿠키를 버림) 카운트가 1부터 시작합니다.
cookies-counter-detail-rejected = { $why } 서버는 이 쿠키를 무시했고, 카운트는 1부터 다시 시작했습니다.
cookies-counter-detail-key_current = 키 { $count }개 중 { $n }번 키(현재 키)로 서명을 검증했습니다.
cookies-counter-detail-key_retired = 키 { $count }개 중 { $n }번 키로 서명을 검증했습니다(옛 키: 여전히 받아들이며, 이 응답에서 1번 키로 다시 서명합니다).

## cookies.counter.why
cookies-counter-why-not_a_number = `{ $input }` 값은 정수가 아닙니다.
cookies-counter-why-mismatch = 값이 수정되었거나, 이 서버에 없는 키로 서명되었습니다. 서명이 일치하지 않았습니다.
cookies-counter-why-unsigned = 값이 value.signature 형식이 아닙니다.
cookies-counter-why-undecryptable = 값이 인증된 복호화(authenticated decryption)에 실패했습니다. 수정되었거나, 다른 secret_key로 암호화된 값입니다.
cookies-counter-why-retired_key = 서명이 옛 키로 만들어졌는데, accept_retired_key 스위치가 꺼져 있습니다. 이제는 현재 키로만 검증됩니다.

## Which of this browser's experiment switches let a cookie through (src/labs/switches/).
## cookies.switch
cookies-switch-verify_signed = 서명을 확인하지 않고 믿었습니다. verify_signed 스위치가 꺼져 있으므로, 수정된 서명 쿠키도 일반 쿠키처럼 인정됩니다. 스위치를 다시 켜면 같은 수정이 거부됩니다.
cookies-switch-bind_name = 값만 대상으로 하는 태그로 수락했습니다. bind_name 스위치가 꺼져 있으므로, 다른 쿠키 이름(이를테면 여러분의 메모)용으로 서명된 값도 여기서 검증을 통과합니다.
cookies-switch-bind_name_on = bind_name이 켜져 있습니다. 메모의 태그는 signed_visits로는 검증되지 않습니다. 이 실습의 스위치에서 bind_name을 끄고, 메모 1000에 서명한 뒤, 그 값 전체를 signed_visits에 복사해 넣고 새로 고침하세요.
cookies-switch-bind_name_off = bind_name이 꺼져 있습니다. 태그는 값만 대상으로 합니다. 메모 1000에 서명하고, 그 값 전체(1000.<tag>)를 signed_visits에 복사해 넣은 뒤 새로 고침하세요. 서명 카운터가 1000을 믿습니다.
cookies-switch-accept_retired_key = accept_retired_key 스위치가 꺼져 있습니다. 이 버튼을 누르면 다음 페이지는 (옛 키로 서명된) 카운터를 거부하고, 카운터는 1부터 다시 시작합니다. 옛 키를 남겨 두지 않고 키를 교체하면 모든 사용자에게 바로 이런 일이 일어납니다.

## The note's verdict (src/labs/cookies/cookie.rs, read_note).
## cookies.note_verdict
cookies-note_verdict-valid = 태그가 signed_note에 대해 유효합니다.
cookies-note_verdict-unbound = 태그가 값만 대상으로 합니다(bind_name이 꺼져 있음). 어떤 쿠키 이름으로도 검증을 통과할 것입니다.
cookies-note_verdict-unchecked = 전혀 확인하지 않았습니다(verify_signed가 꺼져 있음).
cookies-note_verdict-mismatch = 태그가 일치하지 않습니다.
cookies-note_verdict-malformed = value.tag 형식이 아닙니다.
cookies-note_verdict-retired = 옛 키로 서명되었으며, accept_retired_key 스위치가 이를 거부합니다.

## The login cookie (the arrival macro on the lab and protected pages).
## cookies.login
cookies-login-absent = 없음
cookies-login-accepted = 수락됨
cookies-login-rejected = 거부됨
cookies-login-undecryptable = 복호화 불가
cookies-login-old_format = 거부됨(옛 형식)
cookies-login-expired = 거부됨(만료)
cookies-login-no_account = 거부됨(없는 계정)
cookies-login-other_account = 거부됨(다른 계정)
cookies-login-tossed = 거부됨: 두 번 전송됨(쿠키 토싱)

## Why a login cookie was refused, in a sentence (src/labs/cookies/ticket.rs).
## cookies.login.why
cookies-login-why-undecryptable = 인증된 복호화에 실패했습니다. 수정되었거나, 다른 secret_key로 암호화된 쿠키입니다.
cookies-login-why-old_format = 복호화는 되었지만 사용자 이름만 들어 있고 발급 시각, 만료 시각, 계정이 없습니다. 이 앱의 예전 버전이 쓴 쿠키이며, 아직 유효한지 알려 주는 정보가 없습니다.
cookies-login-why-expired = 암호화된 값 안에 든 만료 시각이 지났습니다. 다시 로그인하면 새 쿠키가 발급됩니다.
cookies-login-why-no_account = 더 이상 존재하지 않는 계정을 가리킵니다. 계정은 메모리에 있으므로 재시작하면 가입한 계정이 모두 사라집니다(데모 계정은 같은 신원으로 다시 생깁니다).
cookies-login-why-other_account = 이 쿠키가 발급된 계정은 사라졌고, 그 뒤에 누군가 같은 사용자 이름으로 가입했습니다. 새 계정은 새 무작위 ID를 가지므로, 예전 로그인이 새 계정으로 넘어가지 않습니다.
cookies-login-why-tossed = 이 이름의 쿠키 두 개가 한꺼번에 도착했고(쿠키 토싱: 다른 호스트나 경로가 하나를 심었음), 어느 쪽이 우리 것인지 알 수 없으므로 둘 다 믿지 않습니다.

## The inspector's table: one row per cookie the browser sent.
## cookies.received
cookies-received-plain = 수락됨: { $value }, 아무 의심 없이 믿음
cookies-received-signed = 수락됨: 서명 유효(키 { $count }개 중 { $n }번), 값 { $value }
cookies-received-private = 수락됨: 복호화하면 { $value }
cookies-received-login = 수락됨: { $value }(계정 { $account }), 만료 { $expires }, { $relative }
cookies-received-not_a_number = 숫자가 아님: 무시됨
cookies-received-mismatch = 서명 불일치: 무시됨
cookies-received-unsigned = 서명 없음: 무시됨
cookies-received-undecryptable = 복호화 불가: 무시됨
cookies-received-old_format = 복호화되지만 만료 시각도 계정도 없는 옛 형식: 무시됨
cookies-received-expired = 복호화되지만 만료 시각이 지남: 무시됨
cookies-received-no_account = 복호화되지만 계정이 더 이상 없음: 무시됨
cookies-received-other_account = 복호화되지만 그 사용자 이름이 이제 다른 계정의 것임: 무시됨
cookies-received-retired_key = 옛 키로 서명되었고 accept_retired_key 스위치가 꺼져 있음: 무시됨
cookies-received-tossed = 이 이름의 쿠키가 두 개 도착함(쿠키 토싱): 둘 다 믿지 않음
cookies-received-note = 여러분의 서명된 메모(판정은 위쪽 메모 카드에 있음)
cookies-received-crumb = 삭제 실험용 쿠키
cookies-received-lang = 이 실습의 일부가 아님: 여러분이 고른 페이지 언어(`?lang=`)를 사이트가 기억해 두는 쿠키
cookies-received-flash = 이 실습의 일부가 아님: 프레임워크의 일회용 메시지 쿠키(Rocket의 `Flash`)로, 다음 페이지가 한 번 읽고 지웁니다
cookies-received-other = 이 실습이 읽지 않음(Path와 Domain이 이 페이지를 포함하므로 전송됨)

## A counter your experiment switches let through (src/labs/switches/).
## cookies.received.switch
cookies-received-switch-verify_signed = 서명을 전혀 확인하지 않고 수락됨(verify_signed 스위치가 꺼져 있음): 값 { $value }
cookies-received-switch-bind_name = 값만 대상으로 하는 태그로 수락됨(bind_name 스위치가 꺼져 있음): 값 { $value }

## How a builder problem names a character: {c} is the character, {u} its code point.
## cookies.char
cookies-char-space = `{ $c }` (공백)
cookies-char-tab = `{ $c }` (탭)
cookies-char-double_quote = `{ $c }` (큰따옴표)
cookies-char-comma = `{ $c }` (쉼표)
cookies-char-semicolon = `{ $c }` (세미콜론)
cookies-char-backslash = `{ $c }` (백슬래시)
cookies-char-equals = `{ $c }` (등호)
cookies-char-control = { $u } (제어 문자)
cookies-char-non_ascii = `{ $c }` ({ $u }, ASCII 아님)
cookies-char-plain = `{ $c }`

## Each RFC 6265 rule the builder enforces (src/labs/cookies/builder/rules.rs).
## cookies.problem
cookies-problem-name_empty = 이름이 비어 있습니다. RFC 6265 §4.1.1에 따르면 쿠키 이름은 한 글자 이상의 token입니다.
cookies-problem-name_non_ascii = 이름에 다음 문자가 들어 있습니다: { $ch }. US-ASCII만 허용됩니다. RFC 6265 §4.1.1: cookie-name = token, 즉 영문자, 숫자, ``!#$%&'*+-.^_`|~``만 쓸 수 있습니다.
cookies-problem-name_control = 이름에 다음 문자가 들어 있습니다: { $ch }. 제어 문자는 허용되지 않습니다. RFC 6265 §4.1.1: cookie-name = token, 즉 영문자, 숫자, ``!#$%&'*+-.^_`|~``만 쓸 수 있습니다.
cookies-problem-name_separator = 이름에 다음 문자가 들어 있습니다: { $ch }. 이 문자는 구분자(separator)인데, 이름은 token이어야 합니다(RFC 2616 §2.2). RFC 6265 §4.1.1: cookie-name = token, 즉 영문자, 숫자, ``!#$%&'*+-.^_`|~``만 쓸 수 있습니다.
cookies-problem-value_non_ascii = 값에 다음 문자가 들어 있습니다: { $ch }. US-ASCII만 허용됩니다(다른 텍스트는 먼저 인코딩하세요. 예: 퍼센트 인코딩이나 base64url 인코딩). RFC 6265 §4.1.1: cookie-octet에는 공백 문자, 큰따옴표(값 전체를 감싸는 한 쌍은 예외), 쉼표, 세미콜론, 백슬래시, 제어 문자, 비ASCII 문자가 들어갈 수 없습니다.
cookies-problem-value_control = 값에 다음 문자가 들어 있습니다: { $ch }. 제어 문자는 허용되지 않습니다(CR이나 LF는 새 헤더를 시작하게 됩니다). RFC 6265 §4.1.1: cookie-octet에는 공백 문자, 큰따옴표(값 전체를 감싸는 한 쌍은 예외), 쉼표, 세미콜론, 백슬래시, 제어 문자, 비ASCII 문자가 들어갈 수 없습니다.
cookies-problem-value_semicolon = 값에 다음 문자가 들어 있습니다: { $ch }. 세미콜론은 값을 끝내고 속성(attribute)을 시작합니다. RFC 6265 §4.1.1: cookie-octet에는 공백 문자, 큰따옴표(값 전체를 감싸는 한 쌍은 예외), 쉼표, 세미콜론, 백슬래시, 제어 문자, 비ASCII 문자가 들어갈 수 없습니다.
cookies-problem-value_not_octet = 값에 다음 문자가 들어 있습니다: { $ch }. 이 문자는 cookie-octet이 아닙니다. RFC 6265 §4.1.1: cookie-octet에는 공백 문자, 큰따옴표(값 전체를 감싸는 한 쌍은 예외), 쉼표, 세미콜론, 백슬래시, 제어 문자, 비ASCII 문자가 들어갈 수 없습니다.
cookies-problem-too_big = 이름과 값을 합쳐 { $size }바이트입니다. 브라우저는 쿠키 하나당 최대 { $limit }바이트까지만 보관하며(RFC 6265 §6.1), 이 쿠키의 나머지는 아무 알림 없이 버립니다.
cookies-problem-attribute_char = { $label } 값에 다음 문자가 들어 있습니다: { $ch }. 속성 값에는 세미콜론, 제어 문자, 비ASCII 문자를 쓸 수 없습니다(RFC 6265 §4.1.1).
cookies-problem-attribute_too_long = { $label } 값이 { $size }바이트입니다. 브라우저는 { $limit }바이트가 넘는 속성 값을 무시합니다(RFC 6265bis).
cookies-problem-path_relative = Path 값(`{ $input }`)이 `/`로 시작하지 않습니다. 브라우저는 이 값을 무시하고 기본 경로를 씁니다(RFC 6265 §5.2.4).
cookies-problem-domain_not_host = Domain 값(`{ $input }`)이 호스트 이름이 아닙니다. `example.com`처럼 영문자, 숫자, `-`, `.`만 쓰세요(RFC 6265 §4.1.2.3).
cookies-problem-max_age = Max-Age 값(`{ $input }`)이 0부터 { $limit }까지의 정수 초가 아닙니다(RFC 6265 §4.1.2.2).
cookies-problem-expires = Expires 값(`{ $input }`)이 2030-01-31T12:00 같은 날짜와 시각이 아닙니다(UTC로 읽으며, 연도는 1601–9999). 헤더에는 이 값이 HTTP 날짜 형식으로 실립니다(RFC 6265 §4.1.2.1).
cookies-problem-same_site_unknown = SameSite 값(`{ $input }`)이 Strict, Lax, None 중 하나가 아닙니다(RFC 6265bis).
cookies-problem-same_site_none_insecure = Secure 없는 SameSite=None: 브라우저는 이런 쿠키를 아예 거부합니다(RFC 6265bis, Chrome과 Firefox는 2020년부터). 크로스 사이트 요청에 실려 가는 쿠키는 최소한 HTTPS로 제한되어야 합니다. Secure에 체크하거나, Lax 또는 Strict를 고르세요.
cookies-problem-partitioned_insecure = Secure 없는 Partitioned: 브라우저는 분할 쿠키(CHIPS)가 Secure이기도 하지 않으면 거부합니다. Secure에도 체크하세요.
cookies-problem-secure_prefix = __Secure-로 시작하는 이름은 쿠키가 Secure와 함께 설정되었다는 약속입니다. Secure가 없으면 브라우저가 거부합니다(RFC 6265bis §4.1.3.1).
cookies-problem-lab_owned = `{ $input }` 쿠키는 이 앱의 실습들이 의존하는 쿠키이므로, 빌더는 이 쿠키를 설정하거나 지우지 않습니다. 실습의 쿠키 이름으로 쿠키를 심을 수 있는 페이지는 여러분을 다른 사람의 세션으로 바꿔치기하거나, 로그아웃시키거나, 메시지를 위조할 수 있습니다(쿠키 토싱). 다른 이름을 고르세요.
cookies-problem-host_prefix = __Host-로 시작하는 이름은 Secure, Path=/, 그리고 Domain 없음(바로 이 호스트에 묶인 쿠키)을 약속합니다. 그렇지 않으면 브라우저가 거부합니다(RFC 6265bis §4.1.3.2).

## What a browser will make of a cookie the builder sent (src/labs/cookies/builder/notes.rs).
## cookies.note
cookies-note-max_age_zero = Max-Age=0은 브라우저에 쿠키를 즉시 지우라고 알립니다(쿠키 삭제는 이렇게 동작합니다).
cookies-note-lifetime_capped = 브라우저는 { $days }일을 넘는 수명을 { $days }일로 줄입니다(RFC 6265bis).
cookies-note-expires_past = Expires가 과거입니다. 브라우저는 이 이름, 경로, 도메인의 쿠키를 지우거나, 이 쿠키를 저장하지 않습니다.
cookies-note-both_lifetimes = Max-Age와 Expires가 모두 설정되어 있습니다. Max-Age가 우선합니다(RFC 6265 §5.3 3단계).
cookies-note-session_cookie = Max-Age도 Expires도 없습니다. 브라우저를 닫으면 사라지는 브라우저 세션 쿠키입니다(다만 세션을 복원하는 브라우저는 남겨 둘 수도 있습니다).
cookies-note-default_path = Path가 없습니다. 브라우저는 기본 경로, 즉 이 요청 URL의 디렉터리({ $base })를 씁니다. RFC 6265 §5.1.4.
cookies-note-foreign_domain = 이 페이지는 `{ $host }`에서 왔는데, 이 호스트는 `{ $domain }`도 아니고 그 서브도메인도 아닙니다. 브라우저는 쿠키를 거부합니다(RFC 6265 §5.3 6단계). 사이트는 자기 자신이나 상위 도메인에 대해서만 쿠키를 설정할 수 있습니다.
cookies-note-host_only = Domain이 없습니다. 호스트 전용(host-only) 쿠키로, 서브도메인이 아닌 정확히 이 호스트에만 다시 전송됩니다.
cookies-note-no_same_site = SameSite가 없습니다. Chrome과 Edge는 이 쿠키를 SameSite=Lax로 취급합니다(2020년부터 기본값). Firefox와 Safari는 크로스 사이트 요청에도 이 쿠키를 보냅니다.
cookies-note-secure = Secure: 브라우저는 HTTPS로만 이 쿠키를 보냅니다. 평문 http://에서는 localhost(브라우저가 보안 출처로 취급)에 대해서만 저장하고, 다른 http:// 호스트에서는 버립니다.
cookies-note-partitioned = Partitioned(CHIPS): 이 사이트가 다른 사이트에 임베드되면, 쿠키는 그 최상위 사이트 전용 저장소(jar)에 보관됩니다. 최상위 방문인 이 페이지에서는 평범한 쿠키처럼 동작합니다.
cookies-note-tutorial_max_age = express는 Max-Age=3600과 함께 한 시간 뒤의 Expires 날짜도 씁니다. Rocket은 Max-Age만 쓰며, 현재의 모든 브라우저가 이를 따릅니다.
cookies-note-tutorial_defaults = 코드가 Path와 SameSite를 지정하지 않았기 때문에 Rocket의 jar.add가 Path=/와 SameSite=Strict를 채워 넣었습니다(express도 경로의 기본값은 /입니다).

## What arrived in the sessions lab's `sid` cookie (the inspector's cookie-state).
## sessions.arrival
sessions-arrival-absent = 없음
sessions-arrival-undecryptable = 복호화 불가
sessions-arrival-tossed = 거부됨: 두 번 전송됨(쿠키 토싱)
sessions-arrival-accepted = 복호화됨

## How the store's capacity is shared (src/labs/sessions/store/budget.rs).
## sessions.budget
sessions-budget-rule = 용량의 절반은 로그인한 세션 몫으로 남겨 둡니다. 예산이 가득 차면 그 예산에서 가장 오래전에 접근한 세션이 밀려나므로, 익명 방문자가 몰려와도 다른 익명 방문자만 밀어낼 수 있고 로그인한 사람은 절대 밀어내지 못합니다. 백그라운드 작업이 만료된 세션을 치웁니다.

## Why a visit got a brand-new session (src/labs/sessions/view.rs, why_new).
## sessions.new_session
sessions-new_session-absent = sid 쿠키가 도착하지 않았으므로(첫 방문이거나, 브라우저가 브라우저 세션 쿠키를 버림) 서버가 세션을 만들고 그 ID를 보냈습니다.
sessions-new_session-undecryptable = sid 쿠키가 도착했지만 복호화에 실패했습니다. 수정되었거나, 다른 secret_key로 암호화된 쿠키입니다. 서버는 이를 무시하고 새 세션을 시작했습니다.
sessions-new_session-unknown_id = 쿠키를 복호화해 보니 이 서버에 없는 세션 ID였습니다. 만료되었거나, 로그아웃되었거나, 밀려났거나, 서버가 재시작되었거나, 세션을 공유하지 않는 다른 서버가 만든 ID입니다. 새 세션을 시작했습니다.
sessions-new_session-tossed = 같은 이름의 세션 쿠키 두 개가 도착했으므로, 서버는 어느 쪽도 믿지 않고 새 세션을 시작했습니다. 새 쿠키는 이 실습이 설정한 쿠키만 대체합니다. 다른 사본이 브라우저에 남아 있는 동안에는 방문할 때마다 처음부터 다시 시작합니다(아래 안내를 보세요).

## What this browser's experiment switches decided on this request (src/labs/sessions/view.rs,
## Decision); each sentence names its switch, which the page also puts in data-switch.
## sessions.decision
sessions-decision-not_saved = save_uninitialized가 꺼져 있으므로 세션을 만들지 않았고 쿠키도 보내지 않았습니다. 로그인처럼 보관할 것이 생기기 전까지는 아무것도 저장하지 않습니다. 그래서 익명 방문은 매번 첫 방문, 즉 1로 셉니다.
sessions-decision-write_back = resave가 켜져 있으므로, 이번 방문은 세션의 사본을 읽고, 저장소 왕복을 흉내 내어 기다린 뒤, visits + 1로 사본 전체를 다시 썼습니다. 그 사이에 끝난 방문은 덮어써졌고, 그 증가분은 사라졌습니다.
sessions-decision-rolled = rolling이 켜져 있으므로, 바뀐 것이 없는데도 세션 쿠키를 다시 보냈습니다. max_age가 있으면 Max-Age가 지금부터 다시 시작됩니다.
sessions-decision-url_id_planted = accept_url_id가 켜져 있으므로 세션 ID를 URL(?sid=)에서 가져왔습니다. 서버는 그 세션을 이 브라우저의 쿠키에 넣었습니다. 여러분에게 링크를 보낸 사람은 이 ID를 알고 있습니다. regenerate_on_login이 꺼진 상태에서 로그인하면, 그 사람도 여러분으로 로그인됩니다.
sessions-decision-url_id_ignored = URL에 ?sid= 매개변수가 있었지만, accept_url_id가 꺼져 있으므로(안전한 기본값) 서버는 이를 무시했습니다. 세션 ID는 이 실습의 쿠키에서만 오므로, 링크로 세션 ID를 심을 수 없습니다.
sessions-decision-url_id_not_live = URL에 ?sid= 매개변수가 있었고 accept_url_id도 켜져 있지만, 살아 있는 세션을 가리키지 않았으므로(형식이 잘못되었거나, 모르는 ID이거나, 만료됨) 무시했습니다. 링크는 세션을 넘겨줄 수는 있어도 만들 수는 없습니다.
sessions-decision-kept_id = regenerate_on_login이 꺼져 있으므로, 로그인할 때 서버가 이 브라우저에 이미 있던 세션 ID를 유지했습니다. 로그인 전에 그 ID를 알던 사람도 로그인된 상태입니다(세션 고정).
sessions-decision-kept = destroy_on_logout이 꺼져 있으므로, 로그아웃할 때 서버가 세션을 로그인된 상태 그대로 유지했습니다. 이 브라우저의 쿠키만 지워졌으므로, 로그아웃 전에 복사해 둔 사본은 여전히 통합니다.

## jwt_cookie.flash
jwt_cookie-flash-logged_in = 사용자 { $username } 님으로 로그인했습니다. 서버가 sub가 { $username }인 새 토큰에 서명했고, 방문 횟수는 토큰의 visits 클레임에 담겨 함께 넘어왔습니다.
jwt_cookie-flash-logged_out = 로그아웃했습니다. 브라우저가 jwt 쿠키를 지웠습니다. 하지만 토큰 자체는 exp까지 여전히 유효하므로, 로그아웃 전에 복사해 둔 사본은 여전히 통합니다. 이 실습은 토큰을 폐기된 토큰 목록과 대조하지 않으므로, 무엇으로도 토큰을 폐기할 수 없습니다.
jwt_cookie-flash-no_token = 로그아웃할 유효한 토큰이 없었습니다. 어쨌든 쿠키는 지워졌습니다.
jwt_cookie-flash-absolute_timeout_user = 로그아웃되었습니다. 로그인한 지 절대 타임아웃({ $timeout })보다 오래되었으므로, 아무리 자주 방문해도 서버는 더 이상 토큰을 갱신하지 않습니다. 훔친 사본도 같은 순간에 통하지 않게 됩니다. 새 토큰을 받으려면 다시 로그인하세요.
jwt_cookie-flash-absolute_timeout_guest = 게스트 토큰이 절대 타임아웃({ $timeout })에 도달해 갱신되지 않았습니다. 이제 1부터 세는 새 게스트 토큰을 갖게 되었습니다.

## What arrived in the JWT-cookie lab's `jwt` cookie (the inspector's token-state).
## jwt_cookie.arrival
jwt_cookie-arrival-absent = 없음
jwt_cookie-arrival-accepted = 유효
jwt_cookie-arrival-not_a_jwt = 거부됨(JWT 아님)
jwt_cookie-arrival-malformed = 거부됨(형식 오류)
jwt_cookie-arrival-algorithm_not_allowed = 거부됨(허용되지 않은 알고리즘)
jwt_cookie-arrival-critical_extension = 거부됨(필수 확장)
jwt_cookie-arrival-bad_signature = 거부됨(잘못된 서명)
jwt_cookie-arrival-expired = 거부됨(만료)
jwt_cookie-arrival-absolute_timeout = 거부됨(절대 타임아웃)
jwt_cookie-arrival-wrong_audience = 거부됨(잘못된 대상)
jwt_cookie-arrival-wrong_issuer = 거부됨(잘못된 발급자)
jwt_cookie-arrival-missing_claim = 거부됨(클레임 누락)
jwt_cookie-arrival-not_yet_valid = 거부됨(아직 유효하지 않음)
jwt_cookie-arrival-tossed = 거부됨(두 번 전송됨: 쿠키 토싱)

## The inspector's verification line (id="verification") in the JWT-cookie lab.
## jwt_cookie.verification
jwt_cookie-verification-absent = jwt 쿠키가 도착하지 않았으므로(첫 방문이거나, 로그아웃한 뒤이거나, 토큰과 함께 만료됨) 서버가 visits 1인 게스트 토큰에 서명했습니다.
jwt_cookie-verification-tossed = 같은 이름의 토큰 쿠키 두 개가 도착했으므로, 서버는 어느 쪽도 검증하지 않고 visits 1인 새 게스트 토큰에 서명했습니다.
jwt_cookie-verification-rejected = 서버는 이 토큰을 무시하고 visits 1인 새 게스트 토큰에 서명했습니다.
jwt_cookie-verification-accepted = 유효: 이 서버의 비밀 키로 이 실습용으로 서명되었으며, { $expires }에 만료됩니다. 서버는 토큰에서 visits { $visits } 값을 읽고, auth_time은 그대로 둔 채 visits { $next } 값으로 새 토큰에 서명했습니다.
jwt_cookie-verification-accepted_by_switch = 수락되었지만, 모든 검사를 통과해서가 아닙니다. 이 브라우저의 스위치 중 하나가 통과시켰습니다(서버가 내린 결론(What the server concluded)을 보세요). 서버는 토큰에서 visits { $visits } 값을 읽고 visits { $next } 값으로 새 토큰에 서명했습니다.

## Why a token was refused, as pages say it (src/auth/jwt/rejection.rs, Rejection::view). {detail}
## is the algorithm, audience, claim or token part the refusal names.
## jwt.rejection
jwt-rejection-not_a_jwt = JWT가 아닙니다. JWT는 점으로 구분된 세 개의 base64url 부분(header.payload.signature)입니다.
jwt-rejection-malformed = 형식이 잘못된 토큰: 토큰을 디코딩할 수 없습니다.
jwt-rejection-malformed_base64 = 형식이 잘못된 토큰: { $detail } 부분이 유효한 base64url이 아닙니다.
jwt-rejection-malformed_json = 형식이 잘못된 토큰: { $detail } 부분을 디코딩해도 JSON 객체가 되지 않습니다.
jwt-rejection-malformed_alg = 형식이 잘못된 토큰: alg가 문자열이 아닙니다.
jwt-rejection-malformed_no_alg = 형식이 잘못된 토큰: 헤더에 alg가 없습니다.
jwt-rejection-malformed_claim_type = 형식이 잘못된 토큰: { $detail } 클레임의 타입이 잘못되었습니다.
jwt-rejection-malformed_claim_string = 형식이 잘못된 토큰: { $detail } 클레임이 문자열이 아닙니다.
jwt-rejection-malformed_claim_number = 형식이 잘못된 토큰: { $detail } 클레임이 정수가 아닙니다.
jwt-rejection-alg_none = 허용되지 않은 알고리즘: 헤더의 alg는 { $detail }, 서명되지 않은 토큰입니다. HS256만 받아들이므로 누구도 서명을 떼어 낼 수 없습니다.
jwt-rejection-algorithm_not_allowed = 허용되지 않은 알고리즘: 헤더의 alg는 { $detail }입니다. 이 서버는 HS256만 받아들입니다.
jwt-rejection-critical_extension = 필수 확장(critical extension): 헤더의 crit가 { $detail } 확장을 지정하는데, 이 서버가 이해하지 못하는 확장이므로 토큰을 거부해야 합니다(RFC 7515 §4.1.11).
jwt-rejection-bad_signature = 잘못된 서명: 서명한 뒤에 헤더나 페이로드가 바뀌었거나, 다른 비밀 키로 서명된 토큰입니다.
jwt-rejection-expired = 만료됨: exp 클레임의 시각에 도달했으므로, 이 토큰은 더 이상 받아들여지지 않습니다.
jwt-rejection-absolute_timeout = 절대 타임아웃: auth_time에 기록된 로그인이 절대 타임아웃보다 오래되었으므로, 이 토큰은 아무리 최근에 발급되었더라도 더 이상 받아들여지거나 갱신되지 않습니다.
jwt-rejection-wrong_audience = 잘못된 대상: 이 토큰은 이 실습이 아니라 { $detail }용입니다. 한 실습의 토큰을 다른 실습에 재전송할 수 없습니다.
jwt-rejection-no_audience = 잘못된 대상: 토큰이 이 서버가 아는 어떤 실습도 가리키지 않습니다.
jwt-rejection-wrong_issuer = 잘못된 발급자: iss 클레임이 이 앱을 가리키지 않습니다.
jwt-rejection-missing_claim = 클레임 누락: 모든 실습 토큰에는 { $detail } 클레임이 있어야 합니다.
jwt-rejection-not_yet_valid = 아직 유효하지 않음: nbf 클레임이 미래 시각입니다.

## Which switch made a decision that let a token in (src/auth/jwt/policy.rs, Leniency::view),
## shown by both JWT labs' inspectors. {detail} is the algorithm, the audience or the seconds.
## jwt.switch
jwt-switch-heading = 이 브라우저의 스위치 때문에 수락되었을 뿐입니다:
jwt-switch-signature_unchecked = verify_signature가 꺼져 있으므로 서명 확인 없이 수락했습니다. 실습은 토큰을 디코딩하기만 했습니다. (이 서명은 우연히 일치하지만, 수정된 토큰이었어도 똑같이 믿었을 것입니다.)
jwt-switch-signature_mismatch = verify_signature가 꺼져 있으므로 서명 확인 없이 수락했습니다. 서명이 헤더와 페이로드와 일치하지 않는데도(수정되었거나 다른 키로 서명됨) 실습은 페이로드를 그대로 믿었습니다.
jwt-switch-alg_none = pin_algorithm이 꺼져 있으므로 alg none을 수락했습니다. 헤더는 토큰이 서명되지 않았다고 했고, 실습이 헤더를 믿었으므로 서명이 아예 필요 없었습니다.
jwt-switch-alg_trusted = pin_algorithm이 꺼져 있으므로 alg { $detail } 토큰을 수락했습니다. 실습은 자신의 HS256 대신 토큰 헤더가 지정한 알고리즘으로 검증했습니다.
jwt-switch-audience_unchecked = check_audience가 꺼져 있으므로 aud를 확인하지 않았습니다. 이 토큰은 이 실습이 아니라 { $detail }용인데도 실습이 받아들였습니다(대상 혼동, audience confusion).
jwt-switch-within_leeway = 허용 오차 안에서 수락됨: exp가 { $detail }초 전에 지났지만, leeway 스위치가 그만큼의 시계 오차를 허용합니다.
jwt-switch-weak_secret = 약한 단어로 서명됨: weak_secret이 켜져 있으므로, 실습은 256비트 비밀 키 대신 사전 단어로 이 서명을 확인했습니다. 크래커는 이 실습이 발급한 어떤 토큰으로든 그 단어를 찾아냅니다.
jwt-switch-issued_weak = weak_secret이 켜져 있으므로, 이 응답이 설정하는 토큰은 사전 단어로 서명되어 있습니다. 크래커에 붙여 넣어 보세요. 단어는 금방 드러나고, 그 단어만 있으면 누구나 어떤 사용자로든 이 실습이 받아들일 토큰을 서명할 수 있습니다.
jwt-switch-why_random_holds = 실습의 진짜 비밀 키는 무작위 32바이트(256비트)입니다. 크래커는 사람들이 고르는 몇천 개의 단어만 시도할 수 있습니다. 가능한 비밀 키 2^256개(약 1.2 × 10^77개)를 크래커가 측정한 속도로 모두 시도하려면 우주의 나이보다 몇 배나 오래 걸립니다(크래커가 그 햇수를 출력합니다). 그래서 비밀 키는 사람이 아니라 난수 생성기에서 나와야 합니다.

## The JWT workbench (src/tools/jwt/): verdicts, the attacks it builds, why it could not, the
## keys it verifies with, the encoder and the cracker.
## tools.jwt
tools-jwt-nothing_to_decode = 디코딩할 것이 없습니다. 토큰(점으로 구분된 base64url 세 부분)을 붙여 넣으세요.

## tools.jwt.form
tools-jwt-form-key_hint = 비밀 키는 HMAC의 공유 키입니다. 텍스트(그 UTF-8 바이트, 대부분의 라이브러리가 문자열을 다루는 방식)로 입력하거나, base64url(무작위 바이트, JWK의 k에 담기는 형태)로 입력하세요. 공개 키는 RS*, PS*, ES*, EdDSA 서명을 확인하며, 검증만 할 수 있고 서명은 할 수 없습니다. 어떤 알고리즘을 쓸지는 토큰의 헤더가 정하지만, 키의 계열 안에서만입니다.
tools-jwt-form-sign_hint = 헤더와 페이로드를 마음대로 쓰고, 비밀 키를 고른 뒤 서명하세요. JSON은 쓴 그대로(공백만 제거하고), 멤버 순서도 그대로 서명됩니다. HMAC만 제공합니다. 헤더의 alg에 HS256, HS384, HS512 중 하나를 쓰세요.
tools-jwt-form-sign_lead = JWT는 base64url(header) . base64url(payload) . signature이며, signature는 앞의 두 부분에 대한 서명입니다. 둘 중 어느 쪽이든 한 바이트만 바꿔도 서명이 더 이상 맞지 않습니다.
tools-jwt-form-crack_hint = HS256 토큰을 붙여 넣으세요. 함께 제공되는 흔한 비밀 키 몇천 개짜리 목록의 단어를 하나씩 HMAC 키로 삼아, 오프라인으로 토큰의 서명과 맞춰 봅니다.

## tools.jwt.verdict
tools-jwt-verdict-valid_user = 유효: 이 서버의 키(HS256)로 서명됨, 발급자 { $iss }, 만료되지 않음, 대상 실습 { $lab }(aud { $aud }), 로그인한 사용자 { $user }.
tools-jwt-verdict-valid_guest = 유효: 이 서버의 키(HS256)로 서명됨, 발급자 { $iss }, 만료되지 않음, 대상 실습 { $lab }(aud { $aud }). 게스트 토큰입니다.
tools-jwt-verdict-unknown_lab = 알 수 없는 실습
tools-jwt-verdict-signature_only = 여러분의 키로 서명만 확인했습니다. 검증하는 쪽은 여전히 exp, nbf, iss, aud를 자신의 규칙에 따라 확인해야 합니다(아래 클레임 표에 시각이 표시되어 있습니다).
tools-jwt-verdict-expired_note = 서명은 유효하지만 exp가 지났습니다. 검증하는 쪽은 어쨌든 이 토큰을 거부해야 합니다.
tools-jwt-verdict-unchecked = 서명을 확인하지 않음: 이 토큰은 이 앱에서 왔다고 주장하지 않으므로(iss가 auth-labs가 아님), 이 앱의 키로는 누가 서명했는지 알 수 없습니다. 확인하려면 위에 이 토큰의 비밀 키나 공개 키를 입력하세요.

## What checking with a given key found (src/tools/jwt/verify.rs): {alg} is the header's, {by} names the key.
## tools.jwt.checked
tools-jwt-checked-valid = 서명 유효: 알고리즘 { $alg }, 키: { $by }. 이 토큰은 그 키를 가진 쪽이 서명했으며, 그 뒤로 바뀌지 않았습니다.
tools-jwt-checked-bad_signature = 서명 무효: 알고리즘 { $alg }, 키: { $by }. 이 조합으로는 이 서명이 나오지 않습니다. 토큰이 서명 후에 바뀌었거나, 다른 키로 서명되었습니다.
tools-jwt-checked-alg_none = 거부됨: 헤더의 alg는 { $alg }, 서명되지 않은 토큰입니다. 검증할 것이 없으므로 아무것도 증명하지 못합니다. 검증하는 쪽은 기대하는 알고리즘을 고정하고, none은 절대 받아들이지 말아야 합니다(RFC 8725 §3.1).
tools-jwt-checked-no_alg = 거부됨: 헤더에 alg 문자열이 없으므로, 검증에 쓸 알고리즘이 없습니다.
tools-jwt-checked-unknown_algorithm = 거부됨: 헤더의 alg는 { $alg }인데, jsonwebtoken은 이 알고리즘을 구현하지 않습니다(HS256/384/512, RS256/384/512, PS256/384/512, ES256/384, EdDSA를 제공합니다).
tools-jwt-checked-key_confusion = 거부됨: 헤더의 alg는 HMAC 알고리즘인 { $alg }인데, 주어진 키는 { $by }입니다. 공개 키의 바이트를 HMAC 비밀 키로 쓰는 검증기는 누구나 서명할 수 있는 토큰을 받아들이게 됩니다. 키가 공개되어 있으니까요. 이것이 RS256에서 HS256으로 바꾸는 키 혼동(key confusion) 공격입니다(RFC 8725 §2.1). 알고리즘 계열은 토큰이 아니라 반드시 키에서 정해져야 합니다.
tools-jwt-checked-key_mismatch = 거부됨: 주어진 키({ $by })로는 { $alg } 서명을 검증할 수 없습니다(알고리즘 계열이나 곡선이 다르거나, 키가 손상됨). 토큰을 서명할 때 쓴 키를 입력하세요.
tools-jwt-checked-alg_not_the_keys = 거부됨: 주어진 키({ $by })는 한 가지 알고리즘 전용인데, 헤더의 알고리즘({ $alg })은 그것이 아닙니다.

## How a verdict names the key (src/tools/jwt/key.rs); {detail} is its size, curve or kid.
## tools.jwt.key
tools-jwt-key-app = 이 앱의 HS256 비밀 키
tools-jwt-key-secret_utf8 = 입력한 비밀 키(UTF-8, { $detail }바이트)
tools-jwt-key-secret_base64url = 입력한 비밀 키(base64url, { $detail }바이트)
tools-jwt-key-pem_rsa = 입력한 RSA 공개 키(PEM, { $detail }비트)
tools-jwt-key-pem_ec = 입력한 { $detail } 공개 키(PEM)
tools-jwt-key-pem_ed = 입력한 Ed25519 공개 키(PEM)
tools-jwt-key-jwk_rsa = JWK로 입력한 RSA 공개 키
tools-jwt-key-jwk_p256 = JWK로 입력한 P-256 공개 키
tools-jwt-key-jwk_p384 = JWK로 입력한 P-384 공개 키
tools-jwt-key-jwk_ed25519 = JWK로 입력한 Ed25519 공개 키
tools-jwt-key-jwk_oct = JWK로 입력한 HMAC 비밀 키(kty oct)
tools-jwt-key-kid = (kid { $kid })

## tools.jwt.key_error
tools-jwt-key_error-both_keys = 비밀 키와 공개 키 중 하나만 입력하세요. 어떤 종류의 키가 필요한지는 토큰의 헤더가 알려 줍니다.
tools-jwt-key_error-secret_not_base64url = 비밀 키가 base64url이 아닙니다(영문자, 숫자, -, _를 쓰며 = 패딩은 허용). 문자를 그대로 쓰려면 UTF-8 텍스트를 고르세요.
tools-jwt-key_error-pem_unreadable = 공개 키를 PEM으로 읽을 수 없습니다. -----BEGIN PUBLIC KEY-----부터 -----END PUBLIC KEY-----까지 블록 전체를 붙여 넣으세요.
tools-jwt-key_error-pem_private = 그것은 개인 키(PRIVATE key)입니다. 개인 키는 이 페이지를 포함해 어디에도 붙여 넣지 마세요. 검증에는 공개 키 절반만 있으면 됩니다(openssl pkey -in key.pem -pubout 명령이 출력해 줍니다).
tools-jwt-key_error-pem_certificate = 그것은 인증서입니다. 공개 키는 그 안에 들어 있습니다(openssl x509 -in cert.pem -pubkey -noout 명령이 출력해 줍니다).
tools-jwt-key_error-pem_unsupported = 그 종류의 키나 곡선으로는 여기서 JWT를 검증할 수 없습니다(RSA, P-256, P-384, Ed25519는 가능합니다).
tools-jwt-key_error-jwk_unreadable = JWK를 읽을 수 없습니다. kty와 그 키 타입의 멤버(RSA는 n과 e, EC는 crv, x, y, OKP는 crv와 x, oct는 k)를 가진 JSON 객체여야 합니다.
tools-jwt-key_error-jwk_unsupported = 그 JWK의 키 타입이나 곡선으로는 여기서 JWT를 검증할 수 없습니다(RSA, EC P-256과 P-384, OKP Ed25519, oct는 가능합니다).
tools-jwt-key_error-jwk_set_no_match = JWK Set에 kid가 토큰의 kid와 같은 키가 없습니다(또는 토큰이 kid를 지정하지 않았는데 세트에 키가 둘 이상 있습니다).

## The workbench's claims table (src/tools/jwt/claims.rs): the registered claims of RFC 7519 §4.1.
## tools.jwt.claim
tools-jwt-claim-iss = issuer(발급자, RFC 7519 §4.1.1): 토큰을 발급한 주체
tools-jwt-claim-sub = subject(§4.1.2): 토큰이 누구에 관한 것인지, 발급자 안에서 고유함
tools-jwt-claim-aud = audience(대상, §4.1.3): 토큰을 받아들여도 되는 쪽. 토큰에 이름이 없는 수신자는 토큰을 거부해야 함
tools-jwt-claim-exp = expiration time(만료 시각, §4.1.4): 이 시각부터는 거부됨
tools-jwt-claim-nbf = not before(§4.1.5): 이 시각 전에는 거부됨
tools-jwt-claim-iat = issued at(발급 시각, §4.1.6): 언제 만들어졌는지. 토큰의 나이를 판단할 수 있음
tools-jwt-claim-jti = JWT ID(§4.1.7): 고유한 ID. 재전송된 토큰을 알아볼 수 있음
tools-jwt-claim-auth_time = authentication time(인증 시각, OpenID Connect Core §2): 사용자가 마지막으로 로그인한 시각
tools-jwt-claim-private = 비공개 클레임(private claim): 발급자와 수신자가 합의한 대로의 의미를 가짐
tools-jwt-claim-expired = 만료됨
tools-jwt-claim-not_yet = 아직 유효하지 않음
tools-jwt-claim-duplicate = 중복된 이름: 어떤 파서는 첫 번째 값을, 다른 파서는 마지막 값을 읽음(RFC 7519 §4는 거부하거나 마지막 값을 쓰라고 함)

## The encoder (src/tools/jwt/signer.rs): {field} is header, payload or secret.
## tools.jwt.sign_error
tools-jwt-sign_error-bad_json = { $field } 부분이 유효한 JSON이 아닙니다({ $detail }). 아무것도 서명하지 않았습니다.
tools-jwt-sign_error-not_object = { $field } 부분은 중괄호로 감싼 JSON 객체여야 합니다. JWT의 헤더와 클레임은 객체입니다(RFC 7519 §7.2).
tools-jwt-sign_error-no_alg = 헤더에 서명에 쓸 HMAC을 지정하는 alg가 있어야 합니다: HS256, HS384, HS512.
tools-jwt-sign_error-hmac_only = 여기서는 HMAC 서명(HS256, HS384, HS512)만 제공하는데, 헤더의 alg는 { $detail }입니다. RS*, PS*, ES*, EdDSA는 개인 키로 서명하며, 개인 키는 절대 웹 페이지에 붙여 넣어서는 안 됩니다. 그런 토큰은 직접 작성한 코드로 서명한 다음, 여기서 공개 키로 검증하세요.
tools-jwt-sign_error-secret_not_base64url = 비밀 키가 base64url이 아닙니다(영문자, 숫자, -, _를 쓰며 = 패딩은 허용). 문자를 그대로 쓰려면 UTF-8 텍스트를 고르세요.
tools-jwt-sign_error-empty_secret = 비밀 키를 입력하세요. 빈 키로 만든 HMAC은 아무것도 증명하지 못합니다.
tools-jwt-sign_error-signing_failed = 서명에 실패했습니다.

## tools.jwt.signed
tools-jwt-signed-done = 서명 완료: 알고리즘 { $alg }, { $bytes }바이트 비밀 키.
tools-jwt-signed-short = 그 비밀 키는 { $bytes }바이트로, RFC 7518 §3.2가 { $alg }에 요구하는 { $need }바이트보다 짧습니다. 게다가 단어라면 크래커가 찾아낼 것입니다.
tools-jwt-signed-where = 토큰은 여기에만 표시됩니다. 위의 버튼으로 실습에 보내세요(또는 curl로 JWT 헤더 실습에 붙여 넣거나, 개발자 도구에서 JWT 쿠키 실습의 jwt 쿠키에 붙여 넣으세요). 실습은 자기 비밀 키로 서명된 토큰이 아니면 거부합니다. 그 실습의 스위치에서 검사를 끈 경우는 예외입니다. weak_secret 스위치가 켜진 실습은 그 단어로 서명된 토큰을 받아들입니다. 그 실습이 발급한 토큰을 크랙해서 단어를 알아내세요.

## The cracker (src/tools/jwt/cracker.rs).
## tools.jwt.crack
tools-jwt-crack-lead = HS256 서명은 HMAC-SHA256(secret, header.payload)입니다. 토큰 하나만 가진 사람도 자기 컴퓨터가 HMAC을 계산하는 속도로 오프라인에서 추측을 시험해 볼 수 있고, 발급자는 그 시도를 전혀 보지 못합니다.
tools-jwt-crack-found = 찾은 비밀 키:
tools-jwt-crack-not_found = 찾지 못했습니다. 후보 { $size }개 중 이 토큰의 서명을 만들어 내는 것이 없습니다.
tools-jwt-crack-why = 무작위 32바이트(256비트, openssl rand -base64 32가 출력하는 것) 비밀 키는 이런 식으로 뚫리지 않습니다. 후보가 2^256개, 약 1.2 × 10^77개이고, 초당 { $rate }번 추측하는 속도로 모두 시도하려면 약 10^{ $years }년이 걸립니다. 단어가 금방 뚫리는 것은 사람들이 2^256개가 아니라 몇천 개 중에서 고르기 때문입니다.
tools-jwt-crack-offline = RFC 8725 §3.5가 충분한 엔트로피를 가진 키를 요구하는 것은 바로 이 때문입니다. 토큰은 속도 제한도 계정 잠금도 없이 오프라인에서 키를 추측해 보라고 언제나 열려 있는 제안과 같습니다.

## tools.jwt.crack_error
tools-jwt-crack_error-unreadable = 읽을 수 있는 토큰을 붙여 넣으세요. 점으로 구분된 base64url 세 부분입니다.
tools-jwt-crack_error-not_hs256 = 여기서는 HS256 토큰만 크랙할 수 있습니다. 크래커는 후보마다 HMAC-SHA256을 계산합니다. (RS256이나 ES256 토큰에는 추측할 수 있는 비밀 키가 없습니다. 개인 키가 너무나 크기 때문입니다.)
tools-jwt-crack_error-no_signature = 이 토큰에는 추측을 시험해 볼 HS256 서명(base64url로 32바이트)이 없습니다.
tools-jwt-crack_error-busy = 크래커가 다른 실행으로 바쁩니다. 잠시 후 다시 시도하세요.
tools-jwt-crack_error-failed = 실행에 실패했습니다.

## tools.jwt.attack
tools-jwt-attack-tamper = 수정된 페이로드: visits 클레임을 1000000으로 바꾸고 토큰을 다시 인코딩했지만, 여전히 예전 페이로드로 계산한 원래 서명이 붙어 있습니다. 비밀 키 없이는 누구도 새 서명을 계산할 수 없습니다.
tools-jwt-attack-alg_none = alg: none: 이제 헤더는 토큰이 서명되지 않았다고 말하고, 서명은 사라졌습니다. 헤더의 alg를 믿던 라이브러리들은 한때 이것을 받아들였습니다(RFC 8725 §2.1). 이 서버는 HS256으로 고정합니다.
tools-jwt-attack-expired = 만료됨: 같은 클레임을 이 서버의 키로 진짜로 서명했지만, 발급 시각을 충분히 과거로 잡아 exp가 지났습니다. 유효한 서명만으로는 충분하지 않습니다.

## tools.jwt.attack_error
tools-jwt-attack_error-unreadable = 먼저 읽을 수 있는 토큰을 붙여 넣으세요. 공격은 그 토큰을 바탕으로 만들어집니다.
tools-jwt-attack_error-unencodable = 토큰의 부분들을 다시 인코딩할 수 없었습니다.
tools-jwt-attack_error-needs_valid = 만료 실험에는 실습 중 하나에서 받은, 현재 유효한 토큰이 필요합니다(이 토큰은 거부됩니다: { $why })
tools-jwt-attack_error-no_lab = 토큰이 어떤 실습도 가리키지 않습니다.
tools-jwt-attack_error-signing_failed = 서명에 실패했습니다.

## What each claim means, in the claims table (src/labs/jwt_view.rs).
## jwt.claim
jwt-claim-sub = subject: 토큰이 누구에 관한 것인지(사용자 이름, 또는 익명 방문자라면 guest:…)
jwt-claim-visits = 비공개 클레임: 토큰 자체가 들고 다니는 방문 카운터
jwt-claim-iat = 발급 시각
jwt-claim-exp = 만료 시각: 이 초부터 거부됨
jwt-claim-auth_time = 인증 시각: 로그인한 시각(게스트라면 게스트 토큰이 처음 발급된 시각). 재발급할 때마다 그대로 유지됨
jwt-claim-nbf = not before: 이 시각까지 거부됨
jwt-claim-jti = JWT ID: 무작위 값이므로 모든 토큰이 고유함
jwt-claim-iss = 발급자: 누가 서명했는지
jwt-claim-aud = 대상: 어느 실습이 받아들여도 되는지
jwt-claim-other = 이 앱이 쓰지 않는 클레임

## Below the claims table (templates/macros/jwt.html.tera): when re-issue stops for good.
## jwt.renewal
jwt-renewal-ends = 갱신은 { $at }({ $relative })에 멈춥니다. auth_time + 절대 타임아웃({ $timeout })입니다. 그 뒤로는 토큰이 아무리 최근에 서명되었더라도 거부되고 재발급되지 않습니다. 다시 로그인하세요.

## Registration (src/pages.rs, src/auth/users.rs): the form's rules, refusals, the PHC parts.
## register
register-username_rule = 3–32자: 영문 소문자, 숫자, `_`, `-`
register-password_rule = 8–128자

## register.error
register-error-invalid_username = 사용자 이름은 3–32자여야 합니다: 영문 소문자, 숫자, `_`, `-`.
register-error-invalid_password = 비밀번호는 8–128자여야 합니다.
register-error-taken = 이미 사용 중인 사용자 이름입니다. 다른 이름을 고르세요.
register-error-full = 사용자 디렉터리가 가득 찼습니다(계정 { $capacity }개). 초기화하려면 서버를 재시작하세요.
register-error-hashing = 비밀번호를 해시할 수 없었습니다. 다시 시도하세요.
register-error-unavailable = 계정 저장소(Redis)가 응답하지 않아 계정을 추가하지 못했습니다. 잠시 후 다시 시도하세요.
register-error-too_many = 이 네트워크 주소에서 새 계정이 너무 많이 만들어졌습니다. 스크립트 하나가 사용자 디렉터리를 가득 채우지 못하도록, 서버는 한 주소에서 1분에 최대 { $limit }개의 계정만 받습니다(`user_registrations_per_minute`). { $retry_after }초 뒤에 다시 시도하세요. 수업 전체가 주소 하나를 함께 써도 이 한도 안에 들어가며, 강사가 한도를 올릴 수 있습니다.

## register.phc
register-phc-algorithm = 알고리즘: argon2id, OWASP가 권장하는 변형
register-phc-version = 알고리즘 버전(0x13 = 19)
register-phc-cost = 비용: KiB 단위 메모리, 반복 횟수, 병렬도
register-phc-salt = 무작위 솔트(base64): 비밀번호가 같아도 계정마다 해시가 달라짐
register-phc-hash = 해시 자체(base64): 서버가 보관하는 것은 이것뿐이며, 비밀번호는 절대 저장하지 않음

## Notes every lab inspector can show (templates/macros/inspector.html.tera).
## inspector
inspector-caveat = 이 인스펙터는 실제 앱이라면 절대 두지 않을 학습용 장치입니다. 브라우저가 보낸 쿠키를 HttpOnly 쿠키까지 포함해 이 페이지의 HTML에 그대로 옮겨 적으므로, 페이지의 어떤 스크립트든 그 값을 읽을 수 있습니다. HttpOnly는 쿠키를 document.cookie에서 숨길 뿐, 서버가 스스로 출력하는 값은 숨길 수 없습니다. 그래서 여기서는 HttpOnly가 동일 출처 스크립트의 자격 증명 읽기를 막지 못합니다.
inspector-no_set_cookie = (없음: 이 응답은 쿠키를 설정하지 않습니다)
inspector-lang_cookie = `lang` 쿠키는 이 실습의 일부가 아닙니다. 여러분이 고른 페이지 언어(`?lang=`)를 사이트가 기억해 두는 쿠키로, 이 호스트의 모든 경로로 전송됩니다. 신원도 방문 횟수도 담지 않으며, 쿠키 빌더는 이 쿠키를 덮어쓰지 않습니다.
inspector-flash_cookie = `_flash` 쿠키는 이 실습의 일부가 아닙니다. 프레임워크의 일회용 메시지 쿠키(Rocket의 `Flash`)입니다. 여기로 리디렉션한 로그인이나 로그아웃이 이 쿠키에 메시지 코드를 남겼고, 메시지를 보여 주는 다음 페이지가 그것을 한 번 읽고 지웁니다(그 페이지의 Set-Cookie 줄 가운데 `_flash=; Max-Age=0` 줄). 신원도 횟수도 담지 않으며, 이 앱의 `_flash`는 HttpOnly이고 1분 동안만 유지됩니다.
inspector-tossed = 쿠키 토싱: 브라우저가 이름이 { $name }인 쿠키 두 개를 보냈습니다. 다른 사이트(형제 서브도메인)나 다른 경로 아래의 페이지가 같은 이름의 두 번째 쿠키를 심었는데, Cookie 헤더는 어느 쿠키가 어디서 왔는지 알려 주지 않습니다. 어느 쪽이 우리 것인지 알 수 없으므로 둘 다 믿지 않으며, 자격 증명은 거부됩니다. 복구하려면 개발자 도구(Application → Cookies)에서 { $name } 쿠키들을 지우세요. cookie_secure를 켜면 자격 증명 쿠키의 이름이 __Host-…가 되는데, 이런 쿠키는 이 호스트만 Path=/로 설정할 수 있습니다. 이 접두사가 진짜 방어입니다.
inspector-host_prefix = cookie_secure가 켜져 있으므로 이 자격 증명의 이름은 { $name }입니다. __Host- 접두사 때문에 브라우저는 이 쿠키를 이 호스트에서 HTTPS로, Secure, Path=/와 함께 Domain 없이 설정한 경우에만 받아들이므로, 다른 서브도메인이나 경로가 사본을 심을 수 없습니다(쿠키 토싱). 그래서 이 쿠키의 Path는 이 실습의 경로가 아니라 /입니다. Path는 다른 페이지의 요청에 쿠키가 실리지 않게 할 뿐, 보안 경계였던 적은 없습니다.

## What each error status means to someone who just saw it (src/site/error.rs).
## errors
errors-400 = 요청을 이해할 수 없습니다. 헤더, 쿠키, 폼, 본문 중 형식이 잘못된 것이 있습니다.
errors-401 = 먼저 인증해야 합니다.
errors-403 = 그 작업을 할 권한이 없습니다.
errors-404 = { $path }에는 페이지가 없습니다.
errors-405 = 여기서는 그 메서드를 쓸 수 없습니다.
errors-413 = 요청 본문이 이 서버가 받아들이는 크기보다 큽니다.
errors-415 = 이 경로가 받아들이지 않는 콘텐츠 타입의 요청입니다.
errors-422 = 폼이나 본문에 필드가 빠져 있거나, 값의 타입이 잘못되었거나 값이 유효한 UTF-8이 아닙니다.
errors-500 = 서버에서 문제가 생겼습니다. 요청은 처리되지 않았습니다.
errors-503 = 세션 저장소가 응답하지 않습니다. 이 서버는 세션을 Redis에 보관하는데, Redis가 응답하지 않았습니다. 아무것도 바뀌지 않았습니다. 잠시 후 다시 시도하세요(서버는 스스로 다시 연결합니다).

## ---- Challenges (src/challenges/): the board at /challenges ---------------------------------
## Each challenge: a title, the goal, three hints (opened one at a time), and what "defended"
## asks for: the same attack, refused, with the defence back on.

## challenges.state
challenges-state-open = 미해결
challenges-state-solved = 해결됨
challenges-state-defended = 방어됨

## challenges.banner
challenges-banner-solved = 해결: { $title }. 서버가 여러분의 공격이 성공하는 것을 보았습니다. 이제 방어를 다시 켜고 같은 공격을 다시 해 보세요.
challenges-banner-defended = 방어: { $title }. 방어를 켠 상태에서 같은 공격이 거부되는 것을 서버가 보았습니다.

## challenges.plain-counter-forgery
challenges-plain-counter-forgery-title = 일반 카운터 위조하기
challenges-plain-counter-forgery-goal = 실제로 1000번 방문하지 않고도, 쿠키 실습이 여러분이 1000번 이상 방문했다고 믿게 만드세요.
challenges-plain-counter-forgery-hint_1 = 일반 카운터는 plain_visits라는 쿠키이고, 브라우저에서 쿠키를 수정할 수 있습니다(개발자 도구의 Application 또는 Storage, 그다음 Cookies).
challenges-plain-counter-forgery-hint_2 = 서버는 거기서 찾은 정수라면 무엇이든 믿습니다. plain_visits를 1000으로 설정하고 쿠키 실습을 새로 고침하세요.
challenges-plain-counter-forgery-hint_3 = curl로 하려면: curl -b 'plain_visits=1000' http://127.0.0.1:8000/labs/cookies 명령이 서버가 믿은 카운트를 보여 줍니다.
challenges-plain-counter-forgery-defence = 같은 수정을 서명 카운터나 비공개 카운터에 했을 때 서버가 거부하면 방어된 것입니다. 서명(또는 암호화)이 바로 일반 카운터에 없는 방어입니다.

## challenges.signed-cookie-forgery
challenges-signed-cookie-forgery-title = 서명 카운터 위조하기
challenges-signed-cookie-forgery-goal = 서명 카운터의 숫자를 수정하고, 쿠키 실습이 그것을 믿게 만드세요.
challenges-signed-cookie-forgery-hint_1 = 쿠키 실습의 스위치에서 verify_signed를 끄세요. 그러면 서버는 숫자를 읽고 서명은 무시합니다.
challenges-signed-cookie-forgery-hint_2 = 쿠키는 7.<signature>처럼 생겼습니다. 숫자를 바꾸고, 서명은 그대로 두거나 망가뜨린 뒤 새로 고침하세요.
challenges-signed-cookie-forgery-hint_3 = 점 앞의 숫자만 카운트이고, 나머지는 이름과 그 숫자에 대한 HMAC입니다.
challenges-signed-cookie-forgery-defence = verify_signed를 다시 켰을 때 같은 수정된 쿠키가 거부되면(서명 불일치) 방어된 것입니다.

## challenges.session-replay-after-logout
challenges-session-replay-after-logout-title = 로그아웃 후 세션 재전송하기
challenges-session-replay-after-logout-goal = 세션 쿠키를 복사하고, 로그아웃한 뒤, 사본을 다시 넣어서 다시 로그인된 상태가 되세요.
challenges-session-replay-after-logout-hint_1 = 세션 실습의 스위치에서 destroy_on_logout을 끄세요. 그러면 로그아웃은 브라우저에 쿠키를 버리라고 요청하기만 합니다.
challenges-session-replay-after-logout-hint_2 = 로그아웃하기 전에 개발자 도구에서 sid 쿠키의 값을 복사하세요.
challenges-session-replay-after-logout-hint_3 = 로그아웃한 뒤, 복사한 값으로 sid를 다시 추가하고 보호된 페이지를 여세요.
challenges-session-replay-after-logout-defence = destroy_on_logout을 다시 켠 상태에서, 로그아웃 후 같은 사본이 도착했을 때 서버가 그 세션을 더 이상 찾지 못하면 방어된 것입니다.

## challenges.session-fixation
challenges-session-fixation-title = 다른 사람의 세션 고정하기
challenges-session-fixation-goal = 브라우저가 로그인하기 전에 세션 ID를 심어 두고, 로그인한 뒤에 같은 ID가 로그인된 상태인 것을 확인하세요.
challenges-session-fixation-hint_1 = 세션 실습의 스위치에서 regenerate_on_login을 끄고 accept_url_id를 켜세요.
challenges-session-fixation-hint_2 = accept_url_id가 켜져 있으면, ?sid=<id>가 붙은 링크는 브라우저가 그 세션 ID를 쓰게 만듭니다.
challenges-session-fixation-hint_3 = 링크를 열고 로그인한 다음, 로그인 전후의 세션 ID를 비교하세요.
challenges-session-fixation-defence = regenerate_on_login을 다시 켰을 때 심어 둔 ID가 로그인 시점에 교체되면 방어된 것입니다.

## challenges.login-csrf
challenges-login-csrf-title = 피해자를 공격자로 로그인시키기
challenges-login-csrf-goal = 공격자 사이트에서, 실습 쪽에는 아무것도 입력하지 않고 여러분의 브라우저가 bob으로 실습에 로그인하게 만드세요.
challenges-login-csrf-hint_1 = 실습 페이지에서 공격자 사이트를 열고(Start a cross-site log), 그다음 위조된 로그인 공격을 여세요.
challenges-login-csrf-hint_2 = 위조된 로그인에는 쿠키가 필요 없으므로 SameSite로는 막을 수 없습니다. 먼저 그 실습의 스위치에서 origin_check를 끄세요.
challenges-login-csrf-hint_3 = Launch를 누르세요. 공격자의 폼이 bob의 사용자 이름과 비밀번호를 실습의 로그인으로 전송합니다.
challenges-login-csrf-defence = origin_check를 켠 상태에서 같은 위조 로그인을 실행했을 때 동일 출처 가드가 403으로 거부하면 방어된 것입니다.

## challenges.lost-update
challenges-lost-update-title = 증가분 잃어버리게 하기
challenges-lost-update-goal = 병렬 요청으로 세션 실습이 방문 증가분을 잃어버리게 만드세요.
challenges-lost-update-hint_1 = 세션 실습의 스위치에서 resave를 켜세요. 그러면 각 요청이 자신이 읽은 세션 전체를 다시 씁니다.
challenges-lost-update-hint_2 = 스위치 패널에 병렬 방문 50번을 한꺼번에 보내는 버튼이 있습니다.
challenges-lost-update-hint_3 = 전후의 카운트를 비교하세요. resave가 켜져 있으면 50보다 적게 늘어납니다.
challenges-lost-update-defence = resave를 다시 끈 상태에서 병렬 방문 50번이 정확히 50을 더하면 방어된 것입니다.

## challenges.cookie-theft
challenges-cookie-theft-title = 스크립트로 세션 쿠키 훔치기
challenges-cookie-theft-goal = 페이지 스크립트가 세션 실습의 쿠키를 읽어 공격자 사이트로 보내게 만드세요.
challenges-cookie-theft-hint_1 = 세션 실습의 스위치에서 http_only를 끈 다음, 쿠키가 다시 전송되도록 다시 로그인하세요.
challenges-cookie-theft-hint_2 = 이제 document.cookie에 sid가 나옵니다. 공격자 사이트의 read-back 페이지가 스크립트가 무엇을 보낼 수 있는지 보여 줍니다.
challenges-cookie-theft-hint_3 = 쿠키를 읽어 공격자 사이트에 보고하는 공격을 사용하세요.
challenges-cookie-theft-defence = http_only를 다시 켰을 때 같은 스크립트가 보낼 sid를 찾지 못하면 방어된 것입니다.

## challenges.alg-none
challenges-alg-none-title = 서명 떼어 내기(alg: none)
challenges-alg-none-goal = 헤더에 alg: none이 적혀 있고 서명이 비어 있는 토큰을 JWT 실습이 받아들이게 만드세요.
challenges-alg-none-hint_1 = JWT 실습의 스위치에서 pin_algorithm을 끄세요. 그러면 서버가 헤더의 alg를 믿습니다.
challenges-alg-none-hint_2 = 워크벤치의 인코더로 헤더 {"{"}"alg":"none"{"}"}와 여러분의 페이로드를 만들 수 있습니다.
challenges-alg-none-hint_3 = 서명되지 않은 토큰은 점으로 끝나고, 그 뒤에는 아무것도 없습니다.
challenges-alg-none-defence = pin_algorithm을 다시 켰을 때 같은 토큰이 거부되면(허용되지 않은 알고리즘) 방어된 것입니다.

## challenges.signature-not-verified
challenges-signature-not-verified-title = 토큰 페이로드 수정하기
challenges-signature-not-verified-goal = JWT의 클레임(사용자 이름, visits)을 바꾸고, 실습이 그것을 받아들이게 만드세요.
challenges-signature-not-verified-hint_1 = JWT 실습의 스위치에서 verify_signature를 끄세요. 그러면 서버가 검증하지 않고 디코딩만 합니다.
challenges-signature-not-verified-hint_2 = 페이로드는 base64url로 인코딩된 JSON입니다. 디코딩하고, 수정하고, 다시 인코딩하되 예전 서명은 그대로 두세요.
challenges-signature-not-verified-hint_3 = 워크벤치가 각 부분을 보여 줍니다. 서명은 더 이상 맞지 않는데, 바로 그것이 핵심입니다.
challenges-signature-not-verified-defence = verify_signature를 다시 켰을 때 같은 수정된 토큰이 거부되면(잘못된 서명) 방어된 것입니다.

## challenges.weak-secret
challenges-weak-secret-title = 약한 비밀 키 크랙하기
challenges-weak-secret-goal = 로그인한 적이 없는 사용자의 토큰을 직접 서명하고, JWT 실습이 그것을 받아들이게 만드세요.
challenges-weak-secret-hint_1 = JWT 실습의 스위치에서 weak_secret을 켜세요. 그러면 토큰이 단어 목록의 단어로 서명됩니다.
challenges-weak-secret-hint_2 = 워크벤치의 크래커에 토큰을 붙여 넣으세요. 크래커가 함께 제공되는 단어 목록을 시도합니다.
challenges-weak-secret-hint_3 = 비밀 키를 찾았다면, 워크벤치의 인코더로 원하는 어떤 페이로드든 서명할 수 있습니다.
challenges-weak-secret-defence = weak_secret을 다시 끈 상태에서 여러분이 서명한 토큰이 거부되면(잘못된 서명) 방어된 것입니다.

## challenges.audience-confusion
challenges-audience-confusion-title = 다른 실습에서 토큰 쓰기
challenges-audience-confusion-goal = JWT 쿠키 실습이 발급한 토큰을 JWT 헤더 실습이 받아들이게 만드세요.
challenges-audience-confusion-hint_1 = JWT 헤더 실습의 스위치에서 check_audience를 끄세요.
challenges-audience-confusion-hint_2 = JWT 쿠키 실습 페이지에 그 실습의 토큰이 표시됩니다. 토큰의 aud는 JWT 쿠키 실습을 가리킵니다.
challenges-audience-confusion-hint_3 = 그 토큰을 Authorization: Bearer로 JWT 헤더 실습의 api/me에 보내세요.
challenges-audience-confusion-defence = check_audience를 다시 켰을 때 같은 토큰이 거부되면(잘못된 대상) 방어된 것입니다.

## challenges.jwt-replay-after-logout
challenges-jwt-replay-after-logout-title = 로그아웃 후 JWT 재전송하기
challenges-jwt-replay-after-logout-goal = JWT 쿠키 실습에서 토큰을 복사하고, 로그아웃한 뒤, 사본을 다시 넣어서 다시 로그인된 상태가 되세요. 스위치는 필요 없습니다. 설계상 이렇게 동작합니다.
challenges-jwt-replay-after-logout-hint_1 = 로그아웃하기 전에 개발자 도구에서 jwt 쿠키의 값을 복사하세요(HttpOnly이므로 스크립트는 복사할 수 없지만, 여러분은 할 수 있습니다).
challenges-jwt-replay-after-logout-hint_2 = 로그아웃한 뒤, 복사한 값으로 jwt 쿠키를 다시 추가하고 보호된 페이지를 여세요.
challenges-jwt-replay-after-logout-hint_3 = 로그아웃은 브라우저에 토큰을 잊으라고 요청했을 뿐입니다. 서버에는 토큰을 폐기할 수 있는 기록이 전혀 없습니다.
challenges-jwt-replay-after-logout-defence = 같은 사본이 만료되어(짧은 ttl, 절대 타임아웃) 거부되거나, 연습 문제 6을 마친 뒤 로그아웃이 토큰을 폐기해서 거부되면 방어된 것입니다.

## challenges.board
challenges-board-intro = 각 챌린지는 성공하면 서버가 알아차리는 공격입니다. 여러분의 브라우저에서 지정된 방어를 끄고 침투한 다음, 방어를 다시 켜고 같은 공격을 반복하세요. 공격이 거부되는 것을 서버가 보면 그 챌린지는 방어된 것입니다.
challenges-board-switch = 먼저 스위치를 바꾸세요: { $lab } 실습의 스위치에서 { $field } = { $value }.
challenges-board-no_switch = 스위치가 필요 없습니다. 이 실습은 설계상 이 공격에 열려 있습니다.
challenges-board-account = 이 보드는 여러분의 계정({ $account })을 따라갑니다. 다른 브라우저에서 그 계정으로 로그인하면 보드도 함께 따라옵니다.
challenges-board-browser_only = 이 보드는 이 브라우저에 있습니다. 계정을 만들면(또는 가입해 둔 계정으로 로그인하면) 보드가 그 계정을 따라갑니다.

## ---- The class view (src/teacher/) ----------------------------------------------------------

## teacher.login
teacher-login-lead = 수업 보기(class view)는 모든 학습자의 챌린지와 연습 문제 결과를 보여 줍니다. 이 서버를 시작할 때 지정한 강사 토큰(설정 teacher_token)을 입력하세요.
teacher-login-wrong_token = 틀린 토큰입니다. 틀린 토큰은 기록되며, 한 주소에서 1분에 { $limit }번까지 시도할 수 있습니다.
teacher-login-too_many = 이 주소에서 틀린 토큰이 너무 많습니다. 1분에 최대 { $limit }번까지입니다. 1분 기다렸다가 다시 시도하세요.

## teacher.class
teacher-class-lead = 이 서버의 모든 보드입니다. 브라우저마다(학습자가 가입한 계정으로 로그인한 뒤에는 계정마다) 한 행, 챌린지와 연습 문제마다 한 열입니다. 새 진행 상황을 보려면 페이지를 새로 고침하세요.
teacher-class-code = 학생들은 이 수업 코드로 연습 문제 결과를 제출합니다. 수업 코드는 강사 토큰에서 만들어지므로(토큰의 HMAC) 토큰이 바뀌면 함께 바뀌며, 토큰을 드러내지 않습니다.
teacher-class-submit = 학생의 클론에서, 연습 문제 검사를 실행한 뒤:
teacher-class-fullness = 메모리에 보드 { $capacity }개 중 { $learners }개, 자리를 만들려고 잊은 보드 { $evicted }개.
teacher-class-full = 가득 참: 이제 새 브라우저가 올 때마다, 가장 오랫동안 보이지 않은 브라우저 전용 보드가 잊힙니다(계정을 따라가는 보드는 맨 나중에 잊힙니다). 더 큰 수업이라면 challenge_learner_capacity를 올리세요.
teacher-class-wrong = 틀린 강사 토큰: { $tokens }번. 틀린 수업 코드: { $codes }번.
teacher-class-empty = 서버가 알아차린 학습자 활동이 아직 없습니다.
teacher-class-events = 이벤트 { $capacity }개 중 { $events }개 보관, 오래된 이벤트 { $dropped }개 버림.
teacher-class-events_full = 가득 참: 가장 오래된 이벤트부터 버립니다(보드는 모든 상태를 유지합니다).

## The same-origin guard's 403 (src/site/origin.rs): what it stopped, and why.
## errors.refused
errors-refused-cross_site = 거부됨: 다른 사이트의 페이지가 이 요청을 보냈습니다(Sec-Fetch-Site: cross-site). 브라우저는 이 요청을 여러분의 쿠키와 함께 보냈을 것이고, 로그인 요청이라면 그 페이지를 만든 사람으로 여러분을 로그인시켰을 것입니다(로그인 CSRF). 이 앱은 자기 페이지에서 온 변경만 받아들입니다.
errors-refused-same_site = 거부됨: 이 사이트의 다른 출처, 예를 들어 다른 포트의 페이지가 이 요청을 보냈습니다(Sec-Fetch-Site: same-site). 포트가 다르다고 다른 사이트가 되지는 않으므로 SameSite 쿠키로는 막을 수 없지만, Fetch Metadata로는 막을 수 있습니다. 이 앱은 자기 페이지에서 온 변경만 받아들입니다.
errors-refused-other_origin = 거부됨: 요청의 Origin 헤더가 이 앱이 아닌 다른 출처를 가리킵니다. 다른 곳의 페이지가 여기로 폼을 제출하려 했습니다(CSRF). 이 앱은 자기 페이지에서 온 변경만 받아들입니다.

## The cross-site log (src/labs/cross_site/): what a lab made of a request from elsewhere.
## cross_site.decision
cross_site-decision-refused_by_origin_check = 출처 검사로 거부됨(403): 브라우저가 다른 사이트나 출처에서 보낸 요청이라고 알렸으므로, 실습은 요청을 들여다보지 않았습니다.
cross_site-decision-let_through_origin_check_off = 통과됨: 브라우저가 다른 사이트나 출처에서 보낸 요청이라고 알렸지만, 여러분이 이 실습의 origin_check 스위치를 꺼 두었으므로 실습은 여러분이 보낸 것처럼 처리했습니다.
cross_site-decision-no_credential = 이 실습의 자격 증명 없이 실습에 도달함: 실습은 여러분이 아니라 낯선 사람을 보았습니다.
cross_site-decision-accepted = 이 실습의 자격 증명 쿠키(헤더 실습에서는 Authorization 헤더)를 가지고 실습에 도달했고, 실습이 응답했습니다.
cross_site-decision-refused = 이 실습의 자격 증명을 가지고 실습에 도달했고, 실습이 오류로 응답했습니다.

## The learner's SameSite choice for a lab's credential (src/labs/cross_site/same_site.rs).
## cross_site.same_site
cross_site-same_site-strict = SameSite=Strict: 다른 사이트가 시작한 요청에는 링크라도 절대 실리지 않습니다.
cross_site-same_site-lax = SameSite=Lax: 다른 사이트의 링크(최상위 GET)에는 실리지만, 그 사이트의 폼, 이미지, fetch, 프레임에는 절대 실리지 않습니다.
cross_site-same_site-none = SameSite=None; Secure: 폼 전송을 포함해 모든 사이트의 요청에 실립니다. 브라우저는 Secure 없는 None을 거부하므로 Secure를 붙입니다(Chromium은 http://127.0.0.1과 localhost에서 온 Secure 쿠키를 받아들이며, 다른 호스트는 HTTPS가 필요합니다). 다른 사이트의 이미지, fetch, 프레임 안에서는 서드 파티 쿠키가 되는데, 많은 브라우저가 이를 차단하므로 여러분의 브라우저도 그런 요청에는 쿠키를 빼고 보낼 수 있습니다.
cross_site-same_site-unset = SameSite 속성 없음: Chromium은 Lax로 취급하지만, 쿠키가 설정된 뒤 2분 동안은 크로스 사이트 폼 POST에도 실려 갑니다(예전 싱글 사인온 흐름이 동작하도록 남겨 둔 예외).

## Each lab in one line, on the home page (src/labs/mod.rs, LABS).
## labs.sessions
labs-sessions-summary = 암호화된 쿠키에 담긴 무작위 ID. 나머지는 모두 서버 메모리에 있습니다.

## labs.cookies
labs-cookies-summary = 쿠키 자체가 상태입니다: 일반(수정 가능), 서명(변조 탐지), 비공개(암호화).

## labs.jwt-cookie
labs-jwt-cookie-summary = 자기 클레임을 직접 담은 서명된 토큰으로, HttpOnly 쿠키에 담겨 자동으로 되돌아옵니다.

## labs.jwt-header
labs-jwt-header-summary = 같은 토큰이지만, 페이지 JavaScript가 보관하고 Authorization: Bearer로 보냅니다.

## ---- Experiment switches (src/labs/switches/) ------------------------------------------------

## switches
switches-intro = 아래의 각 스위치는 이 실습의 방어 중 하나이거나 express-session의 옵션 중 하나입니다. 방어를 끄고, 그 방어가 막는 공격을 해 본 다음, 다시 켜고 같은 공격이 실패하는 것을 지켜보세요.
switches-scope = 스위치는 이 브라우저에만 적용됩니다. 스위치 값은 이 실습의 경로로 범위가 정해진 암호화된 쿠키 lab_switches에 담겨 오가고, 서버에는 아무것도 저장되지 않으므로 이 서버의 다른 누구도 영향을 받지 않습니다. 브라우저를 닫으면 모든 스위치가 원래대로 돌아갑니다(브라우저 세션 쿠키이기 때문입니다). 안전한 기본값과 다른 스위치가 하나라도 있는 동안에는, 이 실습의 모든 페이지에 그 스위치를 알리는 빨간 배너가 표시됩니다.
switches-locked = 강사가 이 서버에 allow_unsafe_switches = false를 설정했습니다. 각 스위치가 하는 일을 읽어 보고 무해한 스위치는 바꿀 수 있지만, 방어를 끄는 값은 거부됩니다.
switches-curl = 스위치는 다른 폼 전송과 다를 바 없습니다. 쿠키 jar가 있으면 curl로도 스위치를 끄고 다시 켤 수 있습니다. 전송에는 바꿀 필드만 적으면 되고, 나머지는 그대로 유지됩니다.

## switches.flash
switches-flash-saved = 이 브라우저의 스위치를 저장했습니다. 이제 이 실습의 모든 페이지가 이 설정을 따릅니다.
switches-flash-reset = 이 브라우저의 모든 스위치를 안전한 기본값으로 되돌렸습니다.

## switches.banner
switches-banner-heading = 이 실습에서, 이 브라우저에 한해 실험 스위치가 적용되어 있습니다. 각 줄은 여러분이 바꾼 방어나 옵션입니다:

## switches.problem
switches-problem-heading = 아무것도 바뀌지 않았습니다. 폼에 다음 문제가 있었습니다:
switches-problem-unknown = 이 실습에는 그런 이름의 스위치가 없습니다.
switches-problem-bad_value = 이 스위치가 받는 값이 아닙니다(true 또는 false, 표시된 범위 안의 정수 초, 또는 나열된 선택지 중 하나).
switches-problem-unsafe_not_allowed = 이 값은 방어를 끄는 값인데, 강사가 이 서버에서 이를 허용하지 않았습니다(allow_unsafe_switches = false).

## Each switch: a short label, and what changing it from the safe default does.
## switches.save_uninitialized
switches-save_uninitialized-label = express-session의 saveUninitialized
switches-save_uninitialized-changed = false: 익명 방문은 세션을 만들지도 쿠키를 보내지도 않으므로, 로그인하기 전까지는 카운터가 유지되지 않습니다(아직 아무것도 저장되지 않음). express-session은 핸들러가 새 세션에 무언가를 쓸 때에만 그 세션을 저장합니다.
## switches.resave
switches-resave-label = express-session의 resave
switches-resave-changed = true: 방문할 때마다 세션의 사본을 읽은 뒤, express-session의 MemoryStore처럼 사본 전체를 다시 씁니다. 두 방문이 동시에 일어나면 둘 다 n + 1을 쓰므로 증가분 하나가 사라집니다(실습 페이지의 lost-update 버튼으로 확인할 수 있습니다).
## switches.rolling
switches-rolling-label = express-session의 rolling
switches-rolling-changed = true: 응답할 때마다 쿠키를 다시 보내므로, max_age가 로그인 시점이 아니라 마지막 방문 시점부터 계산됩니다.
## switches.max_age
switches-max_age-label = cookie.maxAge(초)
switches-max_age-changed = 숫자를 넣으면: 쿠키에 Max-Age가 붙어 브라우저를 닫아도 살아남습니다(영구 쿠키). 비워 두면: 브라우저를 닫으면 사라지는 브라우저 세션 쿠키입니다. 어느 쪽이든 서버 자체의 유휴 타임아웃과 절대 타임아웃이 적용됩니다.
## switches.http_only
switches-http_only-label = cookie.httpOnly
switches-http_only-changed = false: 페이지 JavaScript가 document.cookie로 세션 쿠키를 읽을 수 있으므로, 주입된 스크립트 하나가 쿠키를 다른 사이트로 보낼 수 있고, 그 사이트는 쿠키를 재전송합니다(쿠키 탈취).
## switches.secure
switches-secure-label = cookie.secure
switches-secure-changed = Secure는 쿠키를 HTTPS로만 보냅니다. 브라우저는 http://127.0.0.1과 localhost를 예외로 둡니다. 그 밖의 평문 HTTP 주소에서는 Secure 쿠키가 버려지므로, 실습은 방문할 때마다 새 세션을 시작하게 됩니다.
## switches.same_site
switches-same_site-label = cookie.sameSite
switches-same_site-changed = 다른 사이트에서 온 요청 중 어떤 요청에 쿠키가 실리는지: strict(없음), lax(최상위 링크), none(전부, Secure 필요), unset(속성 없음: Chromium은 Lax로 취급하지만, 쿠키가 설정된 뒤 2분 동안은 크로스 사이트 폼 전송에도 실어 보냄). 크로스 사이트 로그의 SameSite 선택도 바로 이 스위치입니다.
## switches.regenerate_on_login
switches-regenerate_on_login-label = 로그인 시 req.session.regenerate()
switches-regenerate_on_login-changed = false: 로그인해도 브라우저에 이미 있던 세션 ID를 그대로 씁니다. 로그인 전에 그 ID를 알던 사람(accept_url_id로 ID를 심은 공격자)이 이제 여러분으로 로그인된 상태가 됩니다(세션 고정).
## switches.destroy_on_logout
switches-destroy_on_logout-label = 로그아웃 시 req.session.destroy()
switches-destroy_on_logout-changed = false: 로그아웃은 브라우저에 쿠키를 잊으라고 요청하기만 합니다. 서버의 세션은 로그인된 상태로 남으므로, 로그아웃 전에 복사한 쿠키 사본은 여전히 통합니다(로그아웃 후 재전송 공격).
## switches.accept_url_id
switches-accept_url_id-label = URL에 담긴 세션 ID(PHP의 use_trans_sid)
switches-accept_url_id-changed = true: ?sid=<session id>가 붙은 링크가 그 세션을 여러분의 브라우저에 넣습니다. 공격자가 자기 ID가 담긴 링크를 보내면, regenerate_on_login이 꺼져 있을 때 여러분의 로그인이 공격자의 브라우저를 로그인시킵니다(개발자 도구 없이 하는 세션 고정).
## switches.origin_check
switches-origin_check-label = 동일 출처 검사(Sec-Fetch-Site, Origin)
switches-origin_check-changed = false: 이 실습의 로그인, 로그아웃, 폼이 다른 사이트가 보낸 요청을 받아들입니다. 그러면 공격자 사이트의 페이지가 여러분의 브라우저를 공격자로 로그인시킬 수 있습니다(로그인 CSRF). 스위치 자체는 계속 보호됩니다.
## Where a switch means something else in one lab: `switches.<lab>.<name>.changed`.
## switches.jwt-header.origin_check
switches-jwt-header-origin_check-changed = false: 토큰 API가 다른 사이트에서 보냈다고 밝히는 JSON 로그인을 받아들입니다. 그런 요청은 어떤 브라우저도 보낼 수 없습니다. 다른 사이트의 페이지는 CORS 프리플라이트를 거쳐야만 application/json을 보낼 수 있는데 이 서버는 프리플라이트를 절대 승인하지 않고, 브라우저는 토큰을 스스로 첨부하지도 않습니다. 따라서 이 스위치를 꺼도 실제 브라우저에게는 아무것도 달라지지 않습니다. 이 실습은 구조상 CSRF에 면역입니다(공격자 사이트의 fetch 공격들이 보여 줍니다). 헤더를 위조하는 스크립트만 통과합니다.
## switches.verify_signed
switches-verify_signed-label = 서명 카운터의 HMAC 태그 확인
switches-verify_signed-changed = false: 서명 카운터의 값을 태그 확인 없이 믿으므로, 수정된 서명 쿠키도 일반 쿠키와 똑같이 인정됩니다.
## switches.bind_name
switches-bind_name-label = 태그가 쿠키 이름까지 포함
switches-bind_name-changed = false: 태그가 값만 대상으로 하므로, 유효하게 서명된 값을 다른 서명 쿠키의 이름으로 복사해 넣어도 거기서 받아들여집니다.
## switches.accept_retired_key
switches-accept_retired_key-label = 옛 서명 키로도 검증
switches-accept_retired_key-changed = false: 현재 키로만 검증하므로, 키를 교체하면 모든 사람의 서명 쿠키가 한꺼번에 무효가 됩니다(더 엄격해질 뿐, 약해지지는 않음).
## switches.verify_signature
switches-verify_signature-label = 토큰의 서명 검증
switches-verify_signature-changed = false: 토큰을 검증하지 않고 디코딩만 합니다. 라이브러리를 잘못 쓰는 전형적인 예입니다. 워크벤치에서 페이로드(예: sub)를 수정하면 실습이 그대로 믿습니다.
## switches.pin_algorithm
switches-pin_algorithm-label = HS256만 허용
switches-pin_algorithm-changed = false: 실습이 토큰 헤더의 alg를 none까지 포함해 그대로 믿습니다. alg가 none이고 서명이 없는 토큰도 받아들여집니다.
## switches.check_audience
switches-check_audience-label = 이 실습의 aud만 허용
switches-check_audience-changed = false: 다른 JWT 실습이 발급한 토큰을 여기서 받아들입니다(대상 혼동).
## switches.leeway
switches-leeway-label = exp에 대한 시계 오차 허용 시간(초)
switches-leeway-changed = 0보다 크면: 토큰의 exp가 지난 뒤에도 그 초만큼은 토큰을 받아들입니다. jsonwebtoken 크레이트 자체의 기본값은 60초입니다.
## switches.ttl
switches-ttl-label = 토큰 수명(초)
switches-ttl-changed = 이 실습이 여러분의 브라우저에 발급하는 토큰이 얼마나 오래 사는지입니다. 수명이 길수록 훔친 사본을 쓸 수 있는 시간도 길어집니다.
## switches.weak_secret
switches-weak_secret-label = 사전 단어로 서명
switches-weak_secret-changed = true: 이 실습은 256비트 비밀 키 대신 함께 제공되는 단어 목록의 단어로 여러분의 토큰을 서명하고 확인합니다. 워크벤치의 크래커는 몇 초 만에 그 단어를 찾아내고, 그 단어만 있으면 누구나 어떤 사용자의 토큰이든 서명할 수 있습니다.

## Where the sessions lab keeps its sessions (`session_store`): the page's sentences follow it.
## sessions.store.memory
sessions-store-memory-lives = 방문 횟수와 여러분이 누구인지는 그 ID 아래에 이 서버의 메모리에 보관됩니다. 두 번째 서버나, 재시작한 이 서버는 그 내용을 알지 못합니다.
sessions-store-memory-held = 메모리에 보관 중인 세션:
sessions-store-memory-resave = 저장소에 다시 쓰는 일 자체가 없습니다. 세션은 메모리의 맵에 있고 잠금 아래에서 그 자리에서 바뀌므로, 두 요청이 동시에 와도 방문이 사라지지 않습니다.
sessions-store-memory-restart = 서버를 멈추고(Ctrl-C) 다시 시작한 뒤 새로 고침하세요. 모든 세션이 사라집니다. 세션은 메모리에 있었고, 재시작하면 메모리가 지워집니다.

## sessions.store.redis
sessions-store-redis-lives = 방문 횟수와 여러분이 누구인지는 그 ID 아래에 Redis에 보관되며, 같은 Redis를 가리키는 이 서버의 모든 인스턴스가 그 내용을 찾을 수 있습니다.
sessions-store-redis-held = Redis에 보관 중인 세션:
sessions-store-redis-resave = 저장소에 다시 쓰는 일 자체가 없습니다. 각 변경은 Redis가 원자적으로 실행하는 Lua 스크립트 하나이므로, 두 요청이 동시에 와도, 심지어 두 서버로 나뉘어 와도 방문이 사라지지 않습니다.
sessions-store-redis-restart = 서버를 멈추고(Ctrl-C) 다시 시작한 뒤 새로 고침하세요. 카운트가 이어집니다. 세션은 서버가 아니라 Redis에 있기 때문입니다. 대신 Redis를 멈추면, Redis가 돌아올 때까지 실습은 503으로 응답합니다.

## The inspector's line about the instance that answered (templates/labs/layout.html.tera).
## instance
instance-memory = 다른 인스턴스(다른 포트)는 이 인스턴스의 세션을 알지 못합니다.
instance-redis = 같은 Redis를 가리키는 모든 인스턴스가 이 세션들과 계정들을 공유합니다.

## ---- Side by side, live (src/live/, templates/live/) ------------------------------------------

## live
live-intro = 7장은 네 실습을 표로 비교합니다. 이 페이지는 실제 요청으로 그 표의 동작 행들을 채웁니다. 서버가 하나의 이야기를 따라 네 실습 모두에서 동시에 Alice 역할을 맡고, 각 칸을 결정하는 데 쓴 모든 요청과 응답을 보여 줍니다.
live-how = 버튼을 누르면 서버는 자기 프로세스 안에서, 자기 설정으로 바로 이 앱의 새 인스턴스들을 시작하고, 브라우저(또는 헤더 실습의 페이지 스크립트)가 보낼 요청들을 실제 실습 경로로 보냅니다. 이 페이지의 어떤 내용도 미리 써 둔 것이 아닙니다. 실습을 바꾸면 표도 함께 바뀝니다. 서버의 터미널에는 여느 서버와 마찬가지로 각 인스턴스가 시작되는 모습과 인스턴스가 응답하는 모든 요청이 표시됩니다.
live-memory = 한 번의 실행에 쓰이는 모든 인스턴스는 이 서버의 session_store 설정과 상관없이 세션을 메모리에 보관하므로, 실행이 공유 Redis에 무언가를 쓰는 일은 없습니다. 세션을 Redis에 둔다면(11장), 재시작 행과 두 번째 인스턴스 행의 세션 열은 수락됨으로 표시될 것입니다.
live-cost = 한 번 실행하는 데 몇 초가 걸립니다. 앱 인스턴스 다섯 개를 시작하는데, 각 인스턴스가 데모 계정들의 비밀번호를 argon2id(메모리 19 MiB, 일부러 느림)로 해시하고, 로그인 열두 번이 각각 같은 방식으로 비밀번호를 확인하며, 마지막 단계는 토큰이 만료되기를 기다리기 때문입니다. 그래서 이 서버에서는 동시에 최대 { $at_once }번, 한 주소에서 1분에 최대 { $per_minute }번만 실행되며, { $timeout }초보다 오래 걸리는 실행은 중단됩니다.
live-run = 이야기 실행하기
live-took = 이번 실행에는 { $ms }ms가 걸렸습니다.
live-table = 각 칸은 아래 타임라인에서 그 칸을 결정한 요청들로 연결됩니다.
live-no_request = 요청 없음: 이 단계에서는 아무것도 오가지 않습니다.
live-decided = 이 주고받기가 칸을 결정했습니다.
live-marker = 응답에 담긴 내용
live-chapter_row = 7장: { $row }
live-no_row = {""}

## live.step.log_in
live-step-log_in-title = 로그인
live-step-log_in-does = Alice가 각 실습 고유의 로그인으로 로그인합니다. 폼, 또는 헤더 실습의 토큰 엔드포인트입니다.
## live.step.visit
live-step-visit-title = 방문
live-step-visit-does = Alice가 로그인으로 받은 것을 가지고 카운터를 한 번 방문합니다.
## live.step.copy
live-step-copy-title = 자격 증명 복사
live-step-copy-does = 누군가 Alice의 브라우저가 가진 자격 증명을 복사합니다. 로그인을 증명하는 쿠키, 또는 헤더 실습의 스크립트가 보관하는 토큰입니다.
## live.step.log_out
live-step-log_out-title = 로그아웃
live-step-log_out-does = Alice가 로그아웃합니다. 헤더 실습에서는 페이지 스크립트가 서버에 알리고(api/logout, 서버는 기록만 할 수 있음) 토큰을 잊습니다.
## live.step.replay
live-step-replay-title = 사본 재전송
live-step-replay-does = 다른 브라우저가 사본만 가지고 실습의 보호된 페이지에 요청을 보냅니다. 상태를 보관하는 서버만 이를 거부할 수 있습니다. 세션은 파기되었고, 다른 자격 증명들은 자기 증명을 스스로 들고 다닙니다.
live-step-replay-row = 폐기(로그아웃)
## live.step.log_in_again
live-step-log_in_again-title = 다시 로그인
live-step-log_in_again-does = Alice가 한 번 더 로그인하고, 이 로그인도 복사됩니다. 다음 단계들은 아직 살아 있는 자격 증명을 다른 서버로 가져갑니다.
## live.step.second_instance
live-step-second_instance-title = 두 번째 인스턴스에 묻기
live-step-second_instance-does = 살아 있는 사본이, 첫 번째 인스턴스가 아직 실행 중인 동안(먼저 첫 번째에 물어보며, 첫 번째는 여전히 Alice를 압니다) 같은 키를 가진 두 번째 인스턴스로 갑니다. 두 번째 인스턴스는 자기만의 메모리를 가지므로, 세션 ID를 복호화하지만 그런 세션을 가지고 있지 않습니다.
live-step-second_instance-row = 서버 여러 대
## live.step.restart
live-step-restart-title = 같은 키로 재시작
live-step-restart-does = 두 인스턴스가 모두 멈추고, Ctrl-C 후 cargo run을 한 것처럼 같은 키로 새 인스턴스가 시작됩니다. 메모리는 새것이고 키는 같습니다. 세션은 사라졌지만, 나머지는 모두 여전히 검증됩니다.
live-step-restart-row = 서버 재시작
## live.step.rotate_keys
live-step-rotate_keys-title = 키 교체
live-step-rotate_keys-does = 새 secret_key, jwt_secret, cookie_signing_keys를 가진 인스턴스입니다. 옛 키로 만든 것은 어떤 것도 복호화되거나 검증되지 않으므로, 모든 실습이 사본을 거부합니다.
## live.step.past_exp
live-step-past_exp-title = 토큰의 exp가 지날 때까지 기다리기
live-step-past_exp-does = 토큰 수명이 { $ttl }초인 인스턴스(jwt_ttl = { $ttl }, 허용 오차 없음)에서 Alice가 각 실습에 로그인하고, 서버는 토큰들의 exp가 지날 때까지 기다린 뒤 각 사본을 재전송합니다. 세션과 로그인 쿠키는 자체 수명(session_idle_timeout, cookie_login_lifetime)을 가지며, 서버가 자기 쪽에서 그 수명을 확인합니다.
live-step-past_exp-row = 폐기: exp까지

## live.instance.first
live-instance-first-short = 첫 번째 인스턴스
## live.instance.second
live-instance-second-short = 두 번째 인스턴스
## live.instance.restarted
live-instance-restarted-short = 재시작한 인스턴스
## live.instance.rotated
live-instance-rotated-short = 새 키를 가진 인스턴스
## live.instance.short_ttl
live-instance-short_ttl-short = 토큰 수명이 짧은 인스턴스

## live.outcome
live-outcome-logged_in = 로그인됨
live-outcome-counted = 집계됨: 방문 { $detail }
live-outcome-copied = 복사됨({ $detail }바이트)
live-outcome-nothing_to_copy = 복사할 것 없음
live-outcome-logged_out = 로그아웃됨
live-outcome-forgot = 스크립트가 잊음(서버는 기록만 함)
live-outcome-accepted = 수락됨: { $detail }
live-outcome-refused = 거부됨
live-outcome-unexpected = 예상 밖의 응답: { $detail }

## live.refused
live-refused-title = 이야기가 실행되지 않았습니다
live-refused-busy = 이 서버의 실행 슬롯이 지금 모두 사용 중입니다(실행마다 앱 인스턴스 다섯 개를 시작합니다). 몇 초 뒤에 다시 시도하세요.
live-refused-too_many = 이 주소는 이번 1분 동안의 실행 횟수를 다 썼습니다. { $seconds }초 뒤에 다시 시도하세요.
live-refused-timed_out = 실행이 { $timeout }초보다 오래 걸려 중단되었습니다. 서버가 바쁜 것 같습니다. 잠시 후 다시 시도하세요.
live-refused-not_started = 이 서버의 설정으로 앱 인스턴스를 시작할 수 없어서 이야기를 실행하지 못했습니다. 이유는 서버 로그에 있습니다.
live-refused-back = 페이지로 돌아가기

## How long something lasts, and when, as pages show it (src/site/durations.rs).
time-now = 지금
time-in = { $span } 후
time-ago = { $span } 전
time-h = { $n }시간
time-min = { $n }분
time-s = { $n }초
