# The site's own pages and the frame every page shares (base, navigation, home, register, login,
# error page) and the lab parts that read the same in every lab (inspector, switches, cross-site
# log). Codes in templates: page.site.… (see src/site/messages.rs).

## base.html.tera: the page frame (meta description, skip link, footer)
page-site-base-description = Auth Labs는 웹 서버가 브라우저를 기억하는 방법을 보여 줍니다. 세션, 쿠키, JWT를 나란히 놓고 모든 헤더를 눈으로 확인하며, 모두 여러분의 컴퓨터에서 실행됩니다.
page-site-base-skip = 본문으로 건너뛰기
page-site-base-footer = Auth Labs: 웹 서버가 브라우저를 기억하는 방법. 모든 것이 이 컴퓨터에서 실행되며, 어떤 페이지도 다른 호스트에서 아무것도 불러오지 않습니다.

## partials/nav.html.tera: the main navigation
page-site-nav-label = 주 메뉴
page-site-nav-side_by_side = 나란히 비교
page-site-nav-jwt_decoder = JWT 디코더
page-site-nav-challenges = 챌린지
page-site-nav-tutorial = 튜토리얼
page-site-nav-register = 가입하기
## The language switch's accessible name. The link is marked with the other language
## (lang="ko" on an English page), so its label is written in that language, for the
## reader who wants it, and starts with the link's visible text.
page-site-nav-language = English: show this site in English

## The labs' names (nav, home page, registered page, switches panel), by slug: page.site.lab.<slug>
page-site-lab-sessions = 세션
page-site-lab-cookies = 쿠키
page-site-lab-jwt-cookie = 쿠키에 담긴 JWT
page-site-lab-jwt-header = 헤더에 담긴 JWT

## Form labels shared by the login and register forms and the demo-account tables
page-site-form-username = 사용자 이름
page-site-form-password = 비밀번호

## home.html.tera: title and the opening section
page-site-home-title = 홈
page-site-home-heading = 웹 서버는 여러분을 어떻게 기억할까요?
page-site-home-lead-stateless = HTTP는 무상태(stateless)입니다. 모든 요청은 낯선 사람으로 도착하고, 서버는 응답한 뒤 잊어버립니다. 같은 브라우저를 두 번째에도 알아보기 위해 서버는 `Set-Cookie` 헤더를 보냅니다. 브라우저는 그 값을 저장해 두었다가, 이후 그 사이트로 보내는 모든 요청에 `Cookie` 헤더로 돌려보냅니다.
## One sentence in five pieces around two emphasised words: before <em>what</em> middle <em>where</em> after
page-site-home-lead-choice-before = 그 밖의 모든 것, 즉 세션, "로그인 유지", JSON Web Token은 그 값에
page-site-home-lead-choice-what = 무엇을
page-site-home-lead-choice-middle = 넣고 나머지 상태를
page-site-home-lead-choice-where = 어디에
page-site-home-lead-choice-after = 둘지에 대한 선택입니다.
page-site-home-lead-labs = 아래의 네 실습은 같은 방문 카운터와 같은 로그인을 네 가지 다른 방식으로 구현하고, 오가는 모든 헤더를 보여 줍니다.
## The "start here" button ($title: the first chapter's title) and the time next to it
page-site-home-start = 여기서 시작하세요: 1장, { $title }
page-site-home-start_time = 약 { $minutes }분 분량이며, 그다음에는 각 장이 해당 실습으로 안내합니다

## home.html.tera: the comparison table (its column heads are the labs' names above)
page-site-home-compare-heading = 네 가지 방식 나란히 비교
page-site-home-compare-state = 상태가 있는 곳
page-site-home-compare-state-sessions = 서버 메모리
page-site-home-compare-state-cookies = 쿠키 자체
page-site-home-compare-state-jwt_cookie = 토큰의 클레임(쿠키 안)
page-site-home-compare-state-jwt_header = 토큰의 클레임(페이지 메모리 안)
page-site-home-compare-holds = 브라우저가 가진 것
page-site-home-compare-holds-sessions = 암호화된 무작위 세션 ID
page-site-home-compare-holds-cookies = 값 자체: 평문, 서명 또는 암호화
page-site-home-compare-holds-jwt_cookie = 서명된 토큰(header.payload.signature)
page-site-home-compare-holds-jwt_header = 같은 종류의 토큰을 JavaScript가 보관
page-site-home-compare-read = 사용자가 읽을 수 있는가?
page-site-home-compare-read-sessions = 불투명한 ID뿐
page-site-home-compare-read-cookies = 평문·서명된 쿠키: 예. 비공개 쿠키: 아니요
page-site-home-compare-read-jwt = 예: 페이로드가 base64url일 뿐
page-site-home-compare-change = 사용자가 바꿀 수 있는가?
page-site-home-compare-change-sessions = 아니요: 수정하면 복호화에 실패함
page-site-home-compare-change-cookies = 평문: 예, 그리고 서버가 그대로 믿음. 서명·비공개 쿠키: 수정이 탐지됨
page-site-home-compare-change-jwt = 아니요: 수정하면 서명이 깨짐
page-site-home-compare-sent = 보내는 방법
page-site-home-compare-sent-browser = 브라우저가 자동으로
page-site-home-compare-sent-jwt_header = 페이지 코드가 `Authorization: Bearer`에 담아서
page-site-home-compare-logout = 로그아웃이 하는 일
page-site-home-compare-logout-sessions = 서버의 세션을 삭제함: 사본도 무효가 됨
page-site-home-compare-logout-cookies = 이 브라우저의 쿠키만 삭제함: 사본은 계속 통함
page-site-home-compare-logout-jwt_cookie = 쿠키를 삭제함: 사본은 `exp`까지 통함
page-site-home-compare-logout-jwt_header = 토큰을 잊음: 사본은 `exp`까지 통함
page-site-home-compare-restart = 서버를 재시작해도 유지되는가?
page-site-home-compare-restart-sessions = 아니요: 메모리가 지워짐
page-site-home-compare-restart-cookies = 예, `secret_key`와 서명 키가 그대로라면
page-site-home-compare-restart-jwt = 예, JWT 비밀 키가 그대로라면
## The sentence under the table: before <a>link</a>after
page-site-home-live-before = 표의 동작에 관한 행들이 실제 요청으로 채워지는 모습을 지켜보세요:
page-site-home-live-link = 실시간 나란히 비교
page-site-home-live-after = {""}

## home.html.tera: the demo accounts (before <a>link</a>after, then a table)
page-site-home-demo-heading = 데모 계정
page-site-home-demo-before = 모든 실습의 로그인은 이 계정들과, 여러분이 직접
page-site-home-demo-link = 가입
page-site-home-demo-after = 한 모든 계정을 받아들입니다:

## register.html.tera: the registration form
page-site-register-title = 가입
page-site-register-description = 모든 실습이 함께 쓰는 계정을 만듭니다. 계정은 서버 메모리에 argon2id 비밀번호 해시와 함께 보관됩니다.
page-site-register-heading = 계정 만들기
page-site-register-lead = 계정은 서버 메모리에 있고 모든 실습이 함께 쓰며, 서버를 재시작하면 사라집니다. 비밀번호는 저장하기 전에 argon2id로 해시합니다. 가입하면 나오는 결과 페이지에서 서버가 정확히 무엇을 보관하는지 볼 수 있습니다.
## $rule: the password rule (register.password_rule), "8–128 characters"
page-site-register-password_hint = { $rule }. 실제로 쓰는 비밀번호를 재사용하지 마세요. 이곳은 학습용 서버입니다.
page-site-register-submit = 가입하기

## registered.html.tera: the page after registering (heading: before <span>username</span>after)
page-site-registered-title = 가입 완료
page-site-registered-welcome-before = 환영합니다,
page-site-registered-welcome-after = 님
page-site-registered-lead = 계정이 만들어졌습니다. 이 계정으로 어느 실습에든 로그인할 수 있습니다:
page-site-registered-stored-heading = 서버가 저장한 것
page-site-registered-stored-intro = 여러분의 비밀번호가 아니라, argon2id가 만든 이 PHC 문자열입니다.
page-site-registered-part = 부분
page-site-registered-meaning = 의미
page-site-registered-cost = 로그인할 때 서버는 이 문자열에서 솔트와 비용을 읽고, 여러분이 입력한 값을 같은 방식으로 해시해 비교합니다. 해시에 수십 밀리초와 19 MiB의 메모리가 드는 것은 의도된 것입니다. 로그인 한 번에는 부담 없는 비용이지만, 훔친 데이터베이스를 상대로 수십억 번 추측해야 하는 공격자에게는 감당할 수 없는 비용입니다.

## auth/login.html.tera and macros/forms.html.tera: the login form every lab shares
page-site-login-heading = 로그인
page-site-login-submit = 로그인
## The hint under the form: demo, then the accounts (alice / wonderland, …), then or <a>link</a>after
page-site-login-demo = 데모 계정:
page-site-login-or = — 또는
page-site-login-register = 직접 가입하세요
page-site-login-register-after = .
page-site-login-back = 실습으로 돌아가기
page-site-logout = 로그아웃

## error.html.tera: the error page. Its heading is the status code and the status's name,
## page.site.status.<code>, or the reason phrase itself ($title) for any other status.
page-site-error-home = 홈 페이지로 돌아가기
page-site-status-other = { $title }
page-site-status-400 = 잘못된 요청(Bad Request)
page-site-status-401 = 인증 필요(Unauthorized)
page-site-status-403 = 거부됨(Forbidden)
page-site-status-404 = 찾을 수 없음(Not Found)
page-site-status-405 = 허용되지 않는 메서드(Method Not Allowed)
page-site-status-406 = 받아들일 수 없는 형식(Not Acceptable)
page-site-status-409 = 충돌(Conflict)
page-site-status-413 = 요청 본문이 너무 큼(Payload Too Large)
page-site-status-414 = URI가 너무 긺(URI Too Long)
page-site-status-415 = 지원하지 않는 미디어 타입(Unsupported Media Type)
page-site-status-422 = 처리할 수 없는 요청(Unprocessable Entity)
page-site-status-429 = 요청이 너무 많음(Too Many Requests)
page-site-status-431 = 요청 헤더가 너무 큼(Request Header Fields Too Large)
page-site-status-500 = 서버 내부 오류(Internal Server Error)
page-site-status-503 = 서비스를 사용할 수 없음(Service Unavailable)

## labs/layout.html.tera: the inspector's frame on every lab page
page-site-inspector-heading = 인스펙터
## The instance line: before <code>address</code>middle <code>store</code>after
page-site-inspector-answered-before = 이 요청에 응답한 인스턴스는
page-site-inspector-answered-middle = 입니다. 이 인스턴스의 세션은
page-site-inspector-answered-after = 에 보관됩니다.
page-site-inspector-sent = 1 · 브라우저가 보낸 것
page-site-inspector-concluded = 2 · 서버가 내린 결론
page-site-inspector-sent_back = 3 · 이 응답이 돌려보내는 것

## macros/inspector.html.tera: the request headers and the Set-Cookie lines ($name: Cookie or Authorization)
page-site-inspector-header-heading = 브라우저가 보낸 { $name } 헤더
page-site-inspector-header-none = (없음: 브라우저가 { $name } 헤더를 보내지 않았습니다)
page-site-inspector-set_cookie-heading = 이 응답의 Set-Cookie 줄
page-site-inspector-set_cookie-hint = 페이지를 렌더링한 뒤 응답의 실제 헤더에서 채워 넣은 줄입니다. 브라우저 개발자 도구(Network 탭 → 이 요청 → Response Headers)와 비교해 보세요.

## labs/switches.html.tera: a lab's switches panel ($lab: the lab's name)
page-site-switches-title = 스위치 · { $lab } 실습
page-site-switches-heading = 실험 스위치: { $lab } 실습
page-site-switches-switch = 스위치
page-site-switches-value = 값
page-site-switches-default = 안전한 기본값
page-site-switches-changed = 바꾸면 일어나는 일
## The range of a switch in seconds, with or without "empty" allowed
page-site-switches-range = { $min }–{ $max }초
page-site-switches-range_or_empty = { $min }–{ $max }초 또는 빈 값
## An empty value, shown inside code where the value would be
page-site-switches-empty = (빈 값)
page-site-switches-save = 이 브라우저에 저장
page-site-switches-reset = 안전한 기본값으로 되돌리기
page-site-switches-back = { $lab } 실습으로 돌아가기
page-site-switches-curl-heading = 명령줄에서 해 보기

## labs/switches-banner.html.tera: the banner on every page of a lab with switches changed
## ($value: the safe default, or page.site.banner.empty)
page-site-banner-safe_default = (안전한 기본값: { $value })
page-site-banner-empty = 빈 값
page-site-banner-defence_off = 방어 꺼짐
page-site-banner-open = 스위치 열기

## labs/cross-site-log.html.tera: the box of requests from other sites on every lab page
page-site-cross_site-heading = 다른 사이트에서 온 요청
page-site-cross_site-off = 공격자 사이트가 꺼져 있습니다(`attacker_port = 0`).
page-site-cross_site-attack = 다른 사이트에서 이 실습 공격하기
## $port: the attacker site's port; $trace: this browser's log id
page-site-cross_site-attack-note = (공격자 사이트: `http://localhost:{ $port }`. 이 사이트의 페이지는 위조하는 모든 요청에 여러분의 로그 ID(`{ $trace }`)를 붙이므로, 무엇이 도착했는지 실습이 여기에 보여 줄 수 있습니다. 실제 공격자라면 그럴 필요가 없습니다.)
page-site-cross_site-start = 크로스 사이트 로그 시작하기
page-site-cross_site-start-note = 다른 사이트에서 이 실습을 공격하려면, 먼저 이 브라우저에 로그를 만들어 주세요. 이 사이트의 쿠키가 하나 늘어납니다: 무작위 ID를 담은 `cross_site_trace`(`SameSite=Lax`, `Path=/labs`). 그러면 이 상자에 공격자 사이트로 가는 링크가 나타나고, 그곳에서 실습에 도달한 요청이 이 상자에 표시됩니다.
## The SameSite choice ($cookie: the lab's credential cookie)
page-site-cross_site-same_site-legend = `{ $cookie }` 쿠키를 보낼 때의 설정…
page-site-cross_site-same_site-own = (이 실습의 기본 설정)
page-site-cross_site-same_site-apply = 내 쿠키 다시 발급받기
page-site-cross_site-same_site-chosen = 이 브라우저에 한해, 이 실습이 보내는 모든 `{ $cookie }` 쿠키에서 여러분의 선택이 실습 본래의 `SameSite`를 대신합니다. 실제 줄은 위의 인스펙터에서 볼 수 있습니다. 되돌리려면 이 실습의 기본 설정을 고르세요.
page-site-cross_site-same_site-default = 이 실습의 기본 설정입니다. 이 브라우저에서 설정을 바꾼 다음, 같은 공격을 다시 실행해 보세요.
## The log itself ($count: rows shown; $limit: the most it keeps)
page-site-cross_site-empty = 로그가 비어 있습니다. 이 브라우저로는 아직 다른 사이트나 출처에서 온 요청이 실습에 도달하지 않았습니다.
page-site-cross_site-rows = 가장 최근 요청 { $count }개를 최신순으로 보여 줍니다(최대 { $limit }개). 다른 사이트나 출처가 보낸 요청만 기록되며, 쿠키 값은 기록하지 않습니다.
page-site-cross_site-when = 시각
page-site-cross_site-request = 요청
page-site-cross_site-from = 보낸 곳
page-site-cross_site-cookies = 함께 온 쿠키
page-site-cross_site-decided = 실습의 판단
page-site-cross_site-no_cookies = 없음

## templates/base.html.tera: what static/js/local-time.js writes beside a UTC time, in the
## reader's time zone ({ $time } is filled in by the script).
page-site-local_time-note = (내 시간: { $time })
page-site-local_time-title = 내 시간: { $time }
