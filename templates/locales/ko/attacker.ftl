# 공격자 사이트의 문구(templates/attacker/): 크로스 사이트 실습에서 다른 사이트 역할을 하는 두 번째
# 서버, "말로리의 사이트". 템플릿의 코드는 page.attacker.…입니다. 낱말이 바로 아래에 따로 있는
# { $name }은 템플릿이 <strong>이나 <em>으로 감싸 넣는 그 낱말입니다.

## attacker/base.html.tera: 페이지 틀(제목, 설명, 건너뛰기 링크, 사이트 이름, 바닥글).
## 제목은 "<페이지 또는 사이트 이름> · 다른 사이트"입니다.
page-attacker-site_name = 말로리의 사이트
page-attacker-title_suffix = 다른 사이트
page-attacker-description = Auth Labs가 크로스 사이트 실습을 위해 이 컴퓨터에서 띄운, 공격자의 사이트 역할을 하는 페이지입니다.
page-attacker-skip = 본문으로 건너뛰기
page-attacker-footer = 이 사이트는 공격자 역할을 하도록 Auth Labs가 직접, 이 컴퓨터에서 띄운 것입니다. 쿠키를 하나도 설정하지 않고, 다른 호스트에서 아무것도 불러오지 않습니다.
page-attacker-back_to_labs = 실습으로 돌아가기

## attacker/base.html.tera: 사이트 이름 아래, 지금 어디에 있는지. { $origin }은 이 사이트의 출처(<strong>),
## 그 뒤에 두 문장 중 하나, 그리고 같은 페이지를 이 사이트의 다른 이름({ $other }, http://localhost:8800
## 같은 출처)으로 여는 링크가 옵니다.
page-attacker-here-on = 지금 있는 곳은 { $origin }입니다.
page-attacker-here-same_site = 실습과 { $same_site }이지만(둘 다 `127.0.0.1`), { $origin_word }는 다릅니다(다른 포트).
page-attacker-here-same_site_words = 같은 사이트
page-attacker-here-origin_word = 출처
page-attacker-here-other_site = `{ $labs }`의 실습과는 { $other_site }입니다(브라우저에게 `localhost`는 `127.0.0.1`이 아닙니다).
page-attacker-here-other_site_words = 다른 사이트
page-attacker-here-open_as = 이 페이지를 { $other } 주소로 열기

## 공격의 대상이 될 수 있는 실습, 슬러그별 이름. 공격 페이지의 "{ $lab } 실습"과 "대상:" 목록에 쓰입니다.
page-attacker-lab-sessions = 세션
page-attacker-lab-cookies = 쿠키
page-attacker-lab-jwt-cookie = JWT 쿠키
page-attacker-lab-jwt-header = JWT 헤더

## attacker/macros.html.tera: 공격의 이름(목록, 각 공격 페이지의 제목과 머리글).
page-attacker-name-login-csrf = 내 계정으로 로그인시키기(로그인 CSRF)
page-attacker-name-logout-csrf = 로그아웃시키기(로그아웃 CSRF)
page-attacker-name-cookie-builder = 쿠키 빌더로 쿠키 심기
page-attacker-name-top-level-get = 실습으로 가는 링크(최상위 GET)
page-attacker-name-img-get = 사실은 실습 페이지인 이미지(크로스 사이트 GET)
page-attacker-name-fetch-lab = fetch와 여러분의 쿠키로 실습 페이지 읽기
page-attacker-name-fetch-api = fetch로 JWT 헤더 실습의 API 호출하기
page-attacker-name-iframe = 이 페이지 안에 실습 보여 주기(iframe)
page-attacker-name-read-token = JWT 헤더 실습의 토큰 훔치기
page-attacker-name-steal-cookie = 스크립트로 세션 쿠키 훔치기

## attacker/home.html.tera: 공격 목록. { $button }은 이 사이트를 여는 실습의 버튼
## (templates/labs/cross-site-log.html.tera)이며 <strong>으로 감쌉니다.
page-attacker-home-heading = 전혀 해롭지 않은 페이지
page-attacker-home-lead = 이 사이트의 페이지는 저마다 `{ $labs }`의 실습을 상대로 한 가지를 시도합니다. 여러분의 브라우저에서, 여러분의 쿠키로요. 먼저 실습에 (`alice`로) 로그인한 다음, 이곳으로 돌아와 공격을 실행하세요. 각 페이지는 무엇을 시도할지 미리 알려 주고, 실습의 인스펙터는 나중에 무엇이 도착했고 서버가 어떻게 판단했는지 보여 줍니다.
page-attacker-home-direct = 이 사이트에 바로 들어왔기 때문에, 실습은 어느 요청이 여러분의 것인지 알 수 없습니다. 대신 실습 페이지에서 이 사이트를 여세요(인스펙터 아래의 { $button } 버튼). 그러면 각 실습의 로그에 이곳에서 도착한 요청이 나옵니다.
page-attacker-home-direct_button = 다른 사이트에서 이 실습 공격하기

## attacker/error.html.tera: 없는 페이지(404)는 실제 공격의 목록을 보여 줍니다.
page-attacker-error-description = Auth Labs의 크로스 사이트 실습에서 공격자 역할을 하는 사이트에는 이런 페이지가 없습니다.
page-attacker-error-heading = { $code }: 여기에는 공격할 것이 없습니다
page-attacker-error-list = 이 사이트에는 다음 공격이 있습니다:

## attacker/read-back.html.tera: 이 사이트의 페이지가 읽어 낼 수 있었던 것(각 페이지의 보고).
page-attacker-read_back-heading = 이 사이트가 읽어 낼 수 있었던 것
page-attacker-read_back-no_trace = 보고가 남도록 실습 페이지에서 이 사이트를 여세요.
page-attacker-read_back-empty = 아직 없습니다. 공격을 실행해 보세요.

## attacker/attack.html.tera: 모든 공격 페이지의 틀. { $target }은 요청을 보낼 URL입니다.
page-attacker-attack-all = 모든 공격
page-attacker-attack-aimed_at = 대상:
page-attacker-attack-tries = 이 페이지가 시도할 것
page-attacker-attack-target = 요청이 가는 곳: `{ $target }`.
page-attacker-attack-happened = 일어난 일
page-attacker-attack-not_launched = 아직 실행하지 않았습니다.

## attacker/attack.html.tera: static/attack.js가 "일어난 일" 아래에 한 줄씩 쓰는 문장(페이지의 보고로도
## 남습니다). { $target }은 실습의 URL이고, 나머지 값은 스크립트가 찾은 것으로 채웁니다. { $count }는 숫자,
## { $name }은 오류의 이름(TypeError, SecurityError), { $message }는 브라우저의 오류 메시지, { $status }는
## HTTP 상태 코드, { $origin }은 이 페이지의 출처, { $place }는 출처와 경로, { $value }와 { $session }은
## 읽어 낸 것, { $answer }는 아래의 "예" / "아니요" / "아니요(…)" 중 하나입니다.
page-attacker-js-launched = 실행했습니다…
page-attacker-js-img_loaded = 브라우저가 이 페이지에 이미지를 넘겨주었습니다. 그래서는 안 됩니다.
page-attacker-js-sent_get = 보낸 요청: GET { $target }
page-attacker-js-img_error = 이 페이지가 알아낸 것은 오류뿐입니다(이미지가 아니고, `Cross-Origin-Resource-Policy`가 거부함).
page-attacker-js-look_at_inspector = 여러분의 쿠키도 함께 갔을까요? 실습의 인스펙터를 보세요.
page-attacker-js-fetch_read = 실습 페이지를 { $count }자 읽었습니다. CORS가 막았어야 합니다.
page-attacker-js-fetch_sent = 보낸 요청: GET { $target } (`credentials: include`)
page-attacker-js-fetch_failed = 응답 읽기 실패: { $name }: { $message }
page-attacker-js-fetch_hidden = 브라우저가 응답을 숨겼습니다. 실습이 `Access-Control-Allow-Origin`을 보내지 않았습니다.
page-attacker-js-api_plain_read = 일반 POST: 응답을 읽을 수 있었습니다(상태 { $status }). CORS가 막았어야 합니다.
page-attacker-js-api_plain_hidden = 일반 POST { $target }: 보냈지만 응답은 숨겨졌습니다({ $message }).
page-attacker-js-api_auth_allowed = Authorization을 붙인 POST: 실습이 허락했습니다. 그래서는 안 됩니다.
page-attacker-js-api_auth_blocked = Authorization을 붙인 POST: 보내지 않았습니다. 프리플라이트 `OPTIONS`가 허락을 받지 못했습니다({ $message }).
## 프레임의 title 속성(화면 낭독기가 읽습니다).
page-attacker-js-frame_title = 프레임 안의 실습
page-attacker-js-frame_asked = 프레임이 요청한 곳: { $target }
page-attacker-js-frame_readable = 이 페이지가 그 안을 읽을 수 있었나요? { $answer }.
page-attacker-js-yes = 예
page-attacker-js-no = 아니요
page-attacker-js-no_because = 아니요({ $name })
page-attacker-js-frame_blank = 실습의 `frame-ancestors 'none'`과 `X-Frame-Options: DENY` 때문에 프레임은 비어 있습니다.
## { $value }는 localStorage에 있던 값, 또는 아래의 "비어 있음"입니다.
page-attacker-js-storage_here = 이곳의 `localStorage`({ $origin }): { $value }.
page-attacker-js-empty = 비어 있음
page-attacker-js-window_blocked = 실습을 창으로 열기: 막혔거나 끊겼습니다(핸들이 돌아오지 않음).
page-attacker-js-window_storage = 열린 실습의 저장소 읽기: { $value }
page-attacker-js-window_refused = 열린 실습 읽기: 거부됨({ $name }). 다른 출처입니다.
page-attacker-js-cookie_here = 이곳의 `document.cookie`({ $place }): { $value }
page-attacker-js-cookie_found = 세션 쿠키를 찾아서 이 사이트로 보냈습니다: { $session }
page-attacker-js-cookie_none = `document.cookie`에 세션 쿠키가 없습니다. 스크립트가 읽을 수 없거나(`HttpOnly`), 애초에 쿠키가 없습니다.
## 위조된 폼이나 링크는 브라우저를 실습으로 데려가므로, 페이지는 무엇을 보냈는지만 말할 수 있습니다.
page-attacker-js-form_sent = 보냄: POST { $target }
page-attacker-js-form_unreadable = 응답은 실습에 열린 브라우저의 새 페이지로 갔습니다. 이 사이트는 그것을 읽을 수 없습니다.
page-attacker-js-link_sent = 여러분을 보낸 곳: GET { $target }
page-attacker-js-link_unreadable = 실습의 페이지가 여러분의 브라우저에 열렸습니다. 이 사이트는 그것을 읽을 수 없습니다.

## attacker/attacks/_form.html.tera: 위조된 폼으로 하는 공격의 버튼과 설명.
page-attacker-form-launch = 실행
page-attacker-form-note = 실제 공격 페이지는 로드되는 순간 스크립트로 이 폼을 제출하고, 그것을 프레임이나 팝업 속에 숨깁니다. 여러분은 아무것도 보지 못할 것입니다. 여기서는 여러분이 버튼을 누르고, 브라우저는 자기가 보내기로 정한 것을 싣고 실습으로 갑니다.

## attacker/attacks/login-csrf.html.tera: { $lab }은 위의 실습 이름, { $own }과 { $term }은 아래의 낱말
## (<strong>, <em>), { $site }는 same-site 또는 cross-site, { $origin }은 이 사이트의 출처입니다.
page-attacker-login_csrf-tries = 이 페이지에는 { $own } 사용자 이름과 비밀번호(`bob` / `builder`)를 { $lab } 실습의 로그인으로 POST하는 폼이 있습니다. 위조된 로그인에는 여러분의 쿠키가 필요 없으므로 `SameSite`로는 막을 수 없습니다. 실습이 이것을 받아들이면 여러분의 브라우저는 이제 `bob`으로 로그인된 상태이고, 그다음에 여러분이 하는 일(카드 저장, 메모 작성)은 모두 공격자의 계정에 쌓입니다. 이것이 { $term }입니다.
page-attacker-login_csrf-own = 공격자 자신의
page-attacker-login_csrf-term = 로그인 CSRF
page-attacker-login_csrf-watch = 브라우저는 실습이 보낸 응답에 도착합니다. 실습의 방어가 켜져 있으면 그것은 `403` 페이지입니다. 브라우저가 요청이 어디서 왔는지 알려 주었고(`Sec-Fetch-Site: { $site }`, `Origin: { $origin }`), 로그인은 다른 사이트가 시작한 요청을 모두 거부합니다. 실습을 다시 열어 보세요. 여러분은 여전히 원래의 여러분입니다.

## attacker/attacks/logout-csrf.html.tera: 뒤의 설명은 이 사이트를 어느 이름으로 열었는지에 따라 다릅니다
## (127.0.0.1: 같은 사이트의 다른 출처, localhost: 다른 사이트).
page-attacker-logout_csrf-tries = 이 페이지에는 { $lab } 실습의 로그아웃으로 POST하는 빈 폼이 있습니다. 이것이 통하면 이 페이지를 방문하기만 해도 실습에서 로그아웃됩니다. 여기서는 성가신 정도로 끝나지만, 실제 사이트에서는 같은 수법으로 이메일 주소를 바꾸거나 돈을 보냅니다. 여러분의 쿠키가 함께 가는지는 그 쿠키의 `SameSite`에 달려 있습니다. 크로스 사이트 `POST`에는 `Lax`나 `Strict` 쿠키가 절대 실리지 않습니다(Chromium에는 예외가 하나 있습니다. `SameSite`가 아예 없는 쿠키는 설정된 뒤 2분 동안 최상위 `POST`에 실려 갑니다).
page-attacker-logout_csrf-watch_origin = 실습의 방어가 켜져 있으면, 실습은 쿠키를 보기도 전에 `403`으로 응답합니다. 요청이 다른 출처에서 시작되었기 때문입니다. 실습으로 돌아가 보세요. 여전히 로그인되어 있습니다.
page-attacker-logout_csrf-watch_site = 실습의 방어가 켜져 있으면, 실습은 쿠키를 보기도 전에 `403`으로 응답합니다. 요청이 다른 사이트에서 시작되었기 때문입니다. 실습으로 돌아가 보세요. 여전히 로그인되어 있습니다.

## attacker/attacks/cookie-builder.html.tera: { $tossing }은 아래의 낱말(<em>)입니다.
page-attacker-cookie_builder-tries = 쿠키 실습에는 여러분이 설명하는 어떤 쿠키든 설정해 주는 도구가 있습니다. 공격자에게 다른 사이트의 출처에 쿠키를 설정해 주는 도구는 선물과 같습니다. `sid=<공격자의 세션>`을 심어 여러분을 공격자의 계정으로 바꿔치기하거나, 여러분의 로그인을 지울 수 있습니다({ $tossing }). 이 페이지는 무해해 보이는 `theme=planted-by-another-site`를 빌더에 POST합니다.
page-attacker-cookie_builder-tossing = 쿠키 토싱
page-attacker-cookie_builder-watch = 실습의 방어가 켜져 있으면 빌더는 `403`으로 응답합니다. 실습의 다른 모든 폼처럼, 다른 사이트가 시작한 요청을 거부합니다. (허용되었더라도, `sid`처럼 실습이 소유한 이름은 `422`로 거부하고 건드리지 않았을 것입니다.) 쿠키 실습은 도착한 쿠키를 모두 보여 줍니다. `theme` 쿠키는 없습니다.

## attacker/attacks/top-level-get.html.tera: { $navigation }은 아래의 낱말(<em>)입니다.
page-attacker-top_level_get-tries = { $lab } 실습으로 가는 평범한 링크입니다. 이 링크를 따라가는 것은 { $navigation }입니다. 주소 표시줄이 바뀝니다. 브라우저는 다른 사이트에서 온 최상위 `GET`에 `SameSite=Lax` 쿠키를 보내고(검색 결과의 링크를 눌러도 로그인 상태가 유지되는 것은 이 때문입니다), `Strict` 쿠키는 실습 자신의 사이트에서 시작했을 때만 보냅니다.
page-attacker-top_level_get-navigation = 최상위 탐색
page-attacker-top_level_get-launch = 실행: 링크 따라가기
page-attacker-top_level_get-watch = 실습에서 `Cookie` 헤더로 무엇이 도착했는지 보세요. 세션 실습과 쿠키 실습의 쿠키는 `Lax`입니다. 쿠키가 도착하고, 여러분은 로그인된 상태입니다. JWT 쿠키는 `Strict`입니다. 쿠키가 따라오지 않으므로 JWT 쿠키 실습은 낯선 사람을 보고 새 게스트 토큰을 발급하며, 그 토큰이 브라우저에 있던 여러분의 로그인을 대체합니다(이 실습은 방문할 때마다 토큰을 다시 발급합니다). `Strict`는 더 많은 것을 막는 만큼 대가도 더 큽니다. 다른 사이트에서 온 모든 링크가 로그아웃된 상태로 도착합니다.

## attacker/attacks/img-get.html.tera: { $tag }는 <img> 요소이며 코드로 보입니다.
page-attacker-img_get-tries = 이 페이지는 { $lab } 실습의 페이지를 이미지인 것처럼 요청합니다: `{ $tag }`. 어떤 사이트든 여러분의 브라우저가 이런 `GET`을 보내게 할 수 있습니다. 이것은 탐색이 아니므로 `Lax`나 `Strict` 쿠키는 빠집니다. 쿠키에 기대던 실습은 모르는 방문자를 보게 됩니다.
page-attacker-img_get-launch = 실행: 이미지 불러오기
page-attacker-img_get-watch = 요청은 어느 쪽이든 전송됩니다. 돌아오는 것은 이미지가 아니라 HTML 페이지이고, 실습은 `Cross-Origin-Resource-Policy: same-origin`으로도 응답하므로 브라우저는 응답을 이 페이지에 넘겨주지 않습니다. 이 페이지가 알게 되는 것은 "오류"뿐입니다. 실습에서는 그 방문이 여러분이 아니라 쿠키 없는 낯선 사람의 방문으로 세어졌습니다.

## attacker/attacks/fetch-lab.html.tera: { $call }은 스크립트의 fetch 호출이며 코드로 보입니다.
page-attacker-fetch_lab-tries = 이 페이지의 스크립트가 호출하는 것은 `{ $call }`입니다. 브라우저가 허락하면 여러분의 쿠키를 보내고, 응답을 읽으라는 뜻입니다. 응답을 읽을 수 있다면 공격자에게 여러분의 사용자 이름과 방문 횟수가 보일 것입니다.
page-attacker-fetch_lab-launch = 실행: 실습 페이지 fetch하기
page-attacker-fetch_lab-watch = 두 부분으로 나뉩니다. 요청은 분명히 여러분의 브라우저를 떠납니다(단순한 `GET`에는 허락이 필요 없습니다). 함께 실려 가는 쿠키는 크로스 사이트 하위 요청에 `SameSite`가 허용하는 것뿐인데, 실습의 쿠키는 하나도 해당하지 않습니다. 응답은 이 페이지에 닿지 못합니다. 실습이 `Access-Control-Allow-Origin`을 보내지 않으므로 브라우저의 동일 출처 정책(CORS)이 응답을 숨기고, `fetch`는 네트워크 오류로 실패합니다.

## attacker/attacks/fetch-api.html.tera: { $target }은 API의 URL, { $preflight }은 아래의 낱말(<em>)입니다.
page-attacker-fetch_api-tries = JWT 헤더 실습은 토큰을 실습 출처의 페이지 메모리(또는 `localStorage`)에 두고 `Authorization` 헤더에 담아 보냅니다. 이 페이지는 실습의 API를 두 번 시도합니다. `credentials: "include"`를 붙인 평범한 `POST { $target }`, 그리고 `Authorization` 헤더를 붙인 같은 요청입니다. 두 번째 요청은 먼저 실습의 허락을 받아야 합니다(CORS { $preflight }).
page-attacker-fetch_api-preflight = 프리플라이트
page-attacker-fetch_api-launch = 실행: API 호출하기
page-attacker-fetch_api-watch = 평범한 요청은 토큰 없이 도착하므로(브라우저는 베어러 토큰을 스스로 붙이지 않습니다) 실습은 게스트 토큰을 새로 시작할 수밖에 없고, 이 페이지는 응답을 읽을 수 없습니다. 헤더를 붙인 요청은 아예 떠나지 않습니다. 브라우저가 먼저 `OPTIONS`로 물어보고, 실습은 아무것도 허락하지 않으며, 진짜 요청은 전송되지 않습니다.

## attacker/attacks/iframe.html.tera: "재생"은 공격자가 그려 넣는 가짜 버튼, "로그아웃"은 그 아래에 있는
## 실습의 버튼입니다. { $clickjacking }은 아래의 낱말(<em>)입니다.
page-attacker-iframe-tries = 이 페이지는 { $lab } 실습을 프레임 안에 보여 줍니다. 프레임에 들어간 페이지 위에 가짜 화면을 덮어씌우면, 여러분이 "재생"을 누른 클릭이 실제로는 실습의 "로그아웃"에 떨어지게 만들 수 있습니다({ $clickjacking }).
page-attacker-iframe-clickjacking = 클릭재킹
page-attacker-iframe-launch = 실행: 실습을 프레임에 넣기
page-attacker-iframe-watch = 실습의 페이지는 `X-Frame-Options: DENY`와 `Content-Security-Policy: frame-ancestors 'none'`으로 응답하므로, 브라우저는 어떤 프레임 안에도 그 페이지를 그리지 않습니다. 상자는 비어 있습니다(Chromium은 슬픈 얼굴 아이콘이나 "연결을 거부했습니다" 같은 메시지를 보여 줍니다).

## attacker/attacks/read-token.html.tera: { $own_origin }은 아래의 낱말(<em>)입니다.
page-attacker-read_token-tries = 먼저 JWT 헤더 실습에 로그인하고, 그 실습의 `localStorage` 스위치를 켜세요. 그러면 이 페이지의 스크립트가 토큰을 읽으려 합니다. `localStorage`에서 읽어 보고, 실습을 창으로 열어 그 안으로 손을 뻗어 봅니다.
page-attacker-read_token-launch = 실행: 토큰 찾기
page-attacker-read_token-watch = `localStorage`는 한 출처에 속합니다. 이 페이지는 실습의 것이 아니라 자기 자신의 빈 저장소를 봅니다. 실습을 연 창은 다른 출처이고, 실습은 `Cross-Origin-Opener-Policy: same-origin`으로 응답하므로 이 페이지는 그 창의 핸들조차 쥐고 있지 못합니다. 토큰을 읽을 수 있는 것은 { $own_origin } 실행되는 스크립트뿐입니다. JWT 헤더 실습이 CSRF가 아니라 XSS를 두려워하는 이유가 바로 이것입니다.
page-attacker-read_token-own_origin = 실습 자신의 출처에서

## attacker/attacks/steal-cookie.html.tera: { $origin }은 이 사이트의 출처입니다. 마지막 문장은 이 페이지를
## localhost로 열었을 때만 보입니다.
page-attacker-steal_cookie-tries = 이 페이지는 `{ $origin }/labs/sessions/…`에서 제공됩니다. 실습과 같은 호스트 이름, 다른 포트, 세션 실습의 경로 아래입니다. 쿠키는 포트를 무시하므로, 이 페이지의 스크립트는 세션 실습의 쿠키를 마치 실습에서 실행되는 것처럼 봅니다. 주입된 스크립트(XSS)가 보게 될 것과 같습니다. 스크립트는 `document.cookie`를 읽고 찾은 것을 이 사이트로 보냅니다.
page-attacker-steal_cookie-first = 먼저 세션 실습에 로그인하세요. `http_only`가 켜져 있으면(기본값) 스크립트는 `sid`를 찾지 못합니다. 실습의 스위치 패널에서 이 스위치를 끄고, 쿠키가 `HttpOnly` 없이 다시 전송되도록 실습을 새로 고친 다음, 다시 실행하세요.
page-attacker-steal_cookie-launch = 실행: document.cookie 읽기
page-attacker-steal_cookie-watch = `HttpOnly`를 붙여 보낸 쿠키는 이 페이지에서든 실습 자신의 페이지에서든 `document.cookie`에 절대 나타나지 않습니다. 스크립트가 읽을 수 없으니, 어디로도 보낼 수 없습니다. 이 속성이 없으면 주입된 스크립트 하나가 세션을 다른 사이트로 넘겨주고, 그것을 재전송하는 사람은 누구든 로그인됩니다.
page-attacker-steal_cookie-other_site = `localhost`로 열면 이 페이지는 다른 사이트가 되어 실습의 쿠키를 하나도 보지 못합니다. `127.0.0.1`로 여세요.
