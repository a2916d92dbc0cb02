# The cookies lab's own pages (templates/labs/cookies/): headings, explanations, labels and
# buttons. What Rust reports about a request (flash messages, verdicts, builder problems) is in
# messages.ftl under cookies-…. A value named `…_html` in a template is markup the template built
# (a link, an element with an id) around the text of another message of this file.

## Shared by several pages of the lab: the link back to the lab page.
page-cookies-back = 쿠키 실습으로 돌아가기

## Shared by the builder's two forms (builder.html.tera): the hints after the field labels.
page-cookies-field-name = 이름
page-cookies-field-value = 값
page-cookies-field-path_hint = (비워 두면 기본 경로)
page-cookies-field-domain_hint = (비워 두면 호스트 전용)

## Shared by the lab page and the result page: the box filled in by cookie-visibility.js.
page-cookies-needs_js = (JavaScript가 필요합니다)

## index.html.tera: the page title and the top of the lab page.
page-cookies-index-title = 쿠키 실습
page-cookies-index-heading = 쿠키: 상태가 곧 쿠키
## { $read } and { $change } are the two emphasised phrases below.
page-cookies-index-lead = 여기서는 서버가 아무것도 기억하지 않습니다. 카운터는 저마다 온전히 쿠키 안에 들어 있습니다. 서버는 쿠키를 읽고, 1을 더한 다음, 다시 돌려보냅니다. 카운터마다 다른 것은 { $read }와 { $change }입니다.
page-cookies-index-lead_read = 누가 읽을 수 있는가
page-cookies-index-lead_change = 누가 바꿀 수 있는가

## index.html.tera: the visit counter and the login state. { $visits } is the number (in a large
## bold element), { $count } the same number for the plural.
page-cookies-index-visits = 이 페이지를 { $visits }번 방문했습니다(서버만 읽고 쓸 수 있는 비공개 카운터 기준).
## { $user } is the username, { $expires } the expiry time, { $relative } how far away it is.
page-cookies-index-logged_in = 사용자 { $user } 님으로 로그인되어 있습니다. 로그인은 { $expires }({ $relative })까지 유효하며, 그 뒤에는 서버가 로그인 쿠키를 받아들이지 않습니다.
page-cookies-index-me_link = 보호된 페이지로 가기
## { $state } is the verdict (e.g. "refused (expired)"), { $why } the sentence that explains it.
page-cookies-index-login_rejected = `user` 쿠키 판정: { $state }. 이유: { $why }
## { $login } is the "Log in" button.
page-cookies-index-not_logged_in = 로그인하지 않았습니다. { $login }: 사용자 이름은 암호화된 쿠키에 담겨 오가며, 서버는 그에 대해 아무 기록도 남기지 않습니다.
page-cookies-index-login_link = 로그인

## index.html.tera: the three counter cards. The heading is followed by the cookie's name.
page-cookies-index-kind-plain = 일반
page-cookies-index-kind-signed = 서명
page-cookies-index-kind-private = 비공개
page-cookies-index-verdict = 판정: { $state }
## Each card ends with "Readable: … Changeable: …" (the labels in bold).
page-cookies-index-readable = 읽을 수 있나:
page-cookies-index-changeable = 바꿀 수 있나:
page-cookies-index-plain-readable = 예.
page-cookies-index-plain-changeable = 예. 게다가 서버는 돌아오는 값을 무엇이든 믿습니다. 개발자 도구(Application → Cookies)에서 값을 `41`로 바꾸고 새로 고침하면 페이지에 42가 나옵니다.
page-cookies-index-signed-readable = 예. 점 앞에 숫자가 그대로 보입니다.
page-cookies-index-signed-changeable = 아니요. 점 뒤에는 서버 키로 `signed_visits=<number>`에 대해 계산한 HMAC-SHA256 태그가 있습니다. 숫자를 바꾸면 태그가 더 이상 맞지 않아 "서명 불일치"가 되고, 카운트는 다시 시작합니다.
page-cookies-index-private-readable = 아니요. 서버의 `secret_key`로 암호화한 AES-256-GCM 암호문이고, `HttpOnly`가 있어 `document.cookie`에도 나오지 않습니다.
page-cookies-index-private-changeable = 아니요. 조금이라도 고치면 인증된 복호화에 실패합니다.

## index.html.tera: the signed note card.
page-cookies-index-note-heading = 두 번째 서명 쿠키: 여러분의 메모
page-cookies-index-note-intro = 앱은 사용자가 고른 값(표시 이름, 환경 설정)에도 다른 모든 것과 같은 키로 서명하곤 합니다. 이 실습은 여러분이 준 짧은 메모에 서명해 `signed_note`에 넣어 줍니다. 그 태그는 `signed_note=<note>`에 대해 계산하므로, `1000`이라는 메모는 `signed_visits` 값으로는 쓸모가 없습니다. 쿠키 이름까지 서명 대상에 들어 있기 때문입니다.
page-cookies-index-note-label = 메모
page-cookies-index-note-button = 내 메모에 서명
## { $cookie } is the note cookie as the browser holds it, { $verdict } what the server made of it.
page-cookies-index-note-held = 브라우저에 있는 쿠키: { $cookie }. 판정: { $verdict }

## index.html.tera: the key rotation card. { $keys } is the number of keys (in bold), { $count }
## the same number for the plural.
page-cookies-index-rotation-heading = 서명 키 교체
page-cookies-index-rotation-how = 서명 카운터는 여러 키로 검증할 수 있습니다. express의 `secret: ['new', 'old']`처럼, 서명은 첫 번째 키로 하고 검증은 모든 키로 합니다.
page-cookies-index-rotation-count = 이 서버의 `cookie_signing_keys`에는 서명 키가 { $keys }개 있습니다.
page-cookies-index-rotation-steps = 키를 교체하려면 새 키를 맨 앞에 두고, 옛 키로 서명한 쿠키가 모두 만료될 때까지 옛 키를 남겨 둔 다음 빼세요.
page-cookies-index-rotation-button = 옛 키로 내 카운터 다시 서명하기
page-cookies-index-rotation-next = 다음 페이지에서는 쿠키가 { $count }번 키로 검증된 뒤 1번 키로 다시 서명되어 돌아가는 것을 볼 수 있습니다.
page-cookies-index-rotation-single = 키가 하나뿐이면 교체할 것이 없습니다. 직접 해 보려면 키를 두 개(새 키를 먼저) 나열하세요.

## index.html.tera: the inspector's first and third parts.
page-cookies-index-document_cookie-heading = 페이지 JavaScript가 `document.cookie`에서 보는 것
page-cookies-index-document_cookie-hint = 일반 카운터와 서명 카운터는 여기에 나옵니다. 비공개 카운터와 로그인 쿠키는 `HttpOnly`이므로 나오지 않습니다(다만 위의 Cookie 헤더가 이 값들을 페이지에 출력하고 있습니다. 안내를 보세요).
page-cookies-index-sent_back = 방문할 때마다 카운터 세 개를 모두 다시 보냅니다. 새 카운트를 어딘가에 두어야 하는데 서버에는 저장소가 없기 때문입니다. 세 쿠키 모두 `Path={ $base }` 범위로 한정되고 `Expires`가 없는 브라우저 세션 쿠키입니다.

## index.html.tera: below the inspector, logging in with a cookie. { $cookie } is the login
## cookie's name, { $sessions } the link to the sessions lab, { $me } the link to the protected page.
page-cookies-index-login-heading = 쿠키 하나만으로 로그인하기
page-cookies-index-login-how = 로그인하면 사용자 이름, 계정 ID, 발급 시각, 만료 시각을 암호화해 `{ $cookie }` 쿠키에 넣습니다. 서버는 세션을 보관하지 않습니다. 쿠키가 복호화되고, 만료되지 않았고, 그 이름으로 아직 존재하는 계정을 가리키는 요청이면 로그인된 것으로 봅니다. Rocket의 공식 쿠키 예제에 만료를 더한 방식이며, 많은 "로그인 유지(remember me)" 쿠키가 이렇게 동작합니다.
page-cookies-index-login-catch_label = 함정:
page-cookies-index-login-catch = 로그아웃은 브라우저에 쿠키를 지워 달라고 요청하는 것이 전부입니다. 누군가 그 전에 쿠키를 복사해 두었다면(도난당한 노트북, 공용 컴퓨터, 악성 코드), 그 사본은 여러분이 로그아웃한 뒤에도 쿠키 안의 만료 시각(`cookie_login_lifetime`, 기본값 8시간)까지 계속 통합니다. { $sessions }에서는 로그아웃하면 서버의 세션이 삭제되므로 사본도 함께 쓸모없어집니다.
page-cookies-index-sessions_link = 세션 실습
page-cookies-index-login-step1 = 로그인한 다음 개발자 도구를 열고 `{ $cookie }` 쿠키의 값을 복사합니다.
page-cookies-index-login-step2 = 로그아웃합니다. 브라우저에서 쿠키가 사라집니다.
page-cookies-index-login-step3 = 복사한 값과 `Path={ $path }`로 `{ $cookie }`라는 이름의 쿠키를 추가한 뒤 { $me }를 엽니다. 다시 로그인되어 있습니다.
page-cookies-index-login-limits = 값 안의 만료 시각은 피해를 제한할 뿐, 그보다 일찍 폐기하지는 못합니다. 이런 쿠키를 폐기해야 하는 실제 앱은 서버 측에 차단 목록을 두거나, 계정마다 올릴 수 있는 버전 번호를 둡니다. 결국 다시 서버 상태입니다.

## index.html.tera: the last card. { $builder } is the button that opens the builder.
page-cookies-index-more-heading = 더 해 볼 실험
page-cookies-index-more = { $builder }: 어떤 속성이든 붙여 어떤 쿠키든 설정하고, `HttpOnly`가 `document.cookie`에서 무엇을 바꾸는지 보고, `Path`가 틀린 삭제가 실패하는 것을 확인해 보세요.
page-cookies-index-more-builder_link = 쿠키 빌더 열기

## builder.html.tera: title, heading and introduction.
page-cookies-builder-title = 쿠키 빌더 · 쿠키 실습
page-cookies-builder-heading = 쿠키 빌더
page-cookies-builder-lead = 어떤 속성이든 붙여 어떤 쿠키든 설정하고, 서버가 보내는 정확한 `Set-Cookie` 줄과 그 뒤 브라우저가 JavaScript에 무엇을 보여 주는지 확인하세요. 이름과 값은 먼저 RFC 6265에 비추어 검사합니다. 헤더를 깨뜨리거나 다른 속성을 끼워 넣을 쿠키는 어긴 규칙을 밝히며 거부합니다.

## builder.html.tera: the form that sets a cookie, and the box listing what is wrong with it.
page-cookies-builder-set-heading = 쿠키 설정하기
page-cookies-builder-not_sent = 보내지 않음: 문제 { $count }개.
page-cookies-builder-no_header = `Set-Cookie` 헤더를 보내지 않았습니다.
page-cookies-builder-max_age_hint = (초 단위, 비워 두면 없음)
page-cookies-builder-expires_hint = (UTC, 비워 두면 없음)
page-cookies-builder-same_site_unset = (설정 안 함)
page-cookies-builder-flags = 플래그
page-cookies-builder-submit = 이 쿠키 설정하기

## builder.html.tera: the table of attributes (the attribute names stay as they are).
page-cookies-builder-attributes-heading = 속성의 의미
page-cookies-builder-attributes-lifetime = 브라우저가 쿠키를 보관하는 기간(지금부터의 초 / 날짜)입니다. 둘 다 없으면 브라우저를 닫을 때까지입니다. `Max-Age=0`이면 삭제됩니다.
page-cookies-builder-attributes-path = 이 경로 아래의 URL에만 보냅니다. 비워 두면 브라우저는 요청 URL의 디렉터리, 여기서는 `{ $base }`를 씁니다.
page-cookies-builder-attributes-domain = 비워 두면 이 호스트에만 보냅니다. 설정하면 그 도메인과 하위 도메인에 보냅니다. 사이트는 자기 자신이나 상위 도메인만 지정할 수 있습니다.
page-cookies-builder-attributes-same_site = `Strict`: 크로스 사이트 요청에는 절대 보내지 않습니다. `Lax`: 다른 사이트에서 온 최상위 링크에는 보내지만, 그 사이트의 폼이나 iframe에는 보내지 않습니다(설정하지 않았을 때의 기본값). `None`: 항상 보내며, `Secure`와 함께일 때만 허용됩니다.
page-cookies-builder-attributes-secure = HTTPS로만 보냅니다(브라우저는 `localhost`를 예외로 둡니다).
page-cookies-builder-attributes-http_only = 페이지 JavaScript(`document.cookie`)에서 보이지 않으므로, XSS 버그가 있어도 거기서는 읽을 수 없습니다. 그래도 요청마다 전송되며, 이 인스펙터처럼 값을 출력하는 페이지는 값을 다시 드러냅니다.
page-cookies-builder-attributes-partitioned = CHIPS: 다른 사이트에 임베드되었을 때 최상위 사이트마다 별도의 저장소(jar)에 보관합니다. `Secure`가 필요합니다.
page-cookies-builder-attributes-prefixes = `__Secure-`로 시작하는 이름은 `Secure`여야 하고, `__Host-`로 시작하는 이름은 여기에 더해 `Path=/`이면서 `Domain`이 없어야 합니다. 빌더는 브라우저처럼 두 규칙을 모두 강제합니다.

## builder.html.tera: removing a cookie. { $same } is the bold phrase, { $crumb } the test
## cookie's name, { $base } the lab's path.
page-cookies-builder-remove-heading = 쿠키 삭제: Path가 일치해야 한다
page-cookies-builder-remove-how = "삭제" 헤더라는 것은 없습니다. 쿠키를 지우려면 서버가 그 쿠키를 빈 값으로, `Max-Age=0`과 과거의 `Expires`를 붙여 다시 보냅니다. 브라우저는 이를 { $same } 저장된 쿠키에만 적용합니다. 그렇지 않으면 다른 쿠키로 보므로, 예전 쿠키는 그대로 남습니다.
page-cookies-builder-remove-same = 이름, Path, Domain이 모두 같은
page-cookies-builder-remove-step1 = Path={ $base }로 `{ $crumb }=1` 설정하기
page-cookies-builder-remove-step2 = Path `/`(아래 폼의 기본값)로 삭제해 봅니다. 쿠키는 여전히 아래쪽 표에 도착합니다.
page-cookies-builder-remove-step3 = 이번에는 Path `{ $base }`로 다시 삭제합니다. 이제 쿠키가 사라집니다.
page-cookies-builder-remove-submit = 삭제 보내기

## builder.html.tera: the express tutorial's custom cookie (the code itself stays as it is).
page-cookies-builder-tutorial-heading = 튜토리얼의 사용자 정의 쿠키를 Rocket으로
page-cookies-builder-tutorial-express = express 튜토리얼에서는 사용자 정의 쿠키를 이렇게 설정합니다(express는 `maxAge`를 밀리초로 셉니다).
page-cookies-builder-tutorial-rocket = Rocket에서는 요청의 `CookieJar`로 설정합니다(밀리초 대신 `time::Duration`을 씁니다).
page-cookies-builder-tutorial-button = 이 코드 실행하기
page-cookies-builder-tutorial-hint = 이 버튼은 정확히 위의 Rocket 코드를 실행하고, 그 코드가 만든 줄을 보여 줍니다.

## set.html.tera: the page after the builder sent a cookie. { $name } is the cookie's name.
page-cookies-set-title = 쿠키 설정됨 · 쿠키 실습
page-cookies-set-heading = { $name } 쿠키를 보냈습니다
page-cookies-set-lead-tutorial = 이 응답은 튜토리얼의 쿠키를 Rocket의 `CookieJar::add`로 설정했습니다.
page-cookies-set-lead-builder = 이 응답에는 여러분이 만든 쿠키가 요청한 그대로 담겨 있습니다. 기본값은 하나도 더하지 않았습니다.
## { $result } is filled in by cookie-visibility.js ("visible" or "hidden").
page-cookies-set-visible-heading = 페이지 JavaScript가 이 쿠키를 볼 수 있을까?
page-cookies-set-visible-line = `document.cookie`에서: { $result }
page-cookies-set-visible-checking = 확인하는 중…
page-cookies-set-visible-needs_js = JavaScript가 필요합니다(`/static/js/cookie-visibility.js`).
page-cookies-set-document_cookie-heading = 이 페이지의 `document.cookie`
page-cookies-set-notes-heading = 브라우저가 이 쿠키를 어떻게 다룰까
page-cookies-set-code-heading = 같은 쿠키를 Rocket 코드로
page-cookies-set-code-hint = `jar.add`를 거치면 Rocket은 여러분이 비워 둔 `Path=/`와 `SameSite=Strict`도 채워 넣고, 값에 든 `/`, `=`, `%` 같은 문자를 퍼센트 인코딩합니다. 빌더는 헤더를 직접 쓰므로 요청한 그대로를 받게 됩니다.
page-cookies-set-concluded = 이 페이지는 받은 쿠키를 읽지 않고, 쿠키 하나를 보내기만 합니다. 보낸 헤더는 아래에 그대로 있습니다.
page-cookies-set-check_received = 지금 브라우저가 보내는 쿠키 보기
page-cookies-set-build_another = 하나 더 만들기

## received.html.tera: the inspector's table of the cookies this request carried.
page-cookies-received-cookie = 쿠키
page-cookies-received-value = 받은 값
page-cookies-received-verdict = 서버의 판정
page-cookies-received-none = 이 요청에는 쿠키가 하나도 오지 않았습니다.
page-cookies-received-hint = 브라우저는 Path와 Domain이 이 URL을 포함하는 쿠키를 모두 보냅니다. 이름이 같고 경로가 다른 쿠키 두 개는 위의 헤더에 둘 다 도착하지만, 표에는 이름마다 하나만 나옵니다.

## login.html.tera: the lab's login page (the form itself is shared by every lab).
page-cookies-login-title = 로그인 · 쿠키 실습
page-cookies-login-heading = 쿠키 실습에 로그인
page-cookies-login-lead = 서버는 비밀번호를 argon2id 해시와 대조해 확인하고, 맞으면 사용자 이름, 계정 ID, 시각, 만료 시각을 `user`라는 비공개(암호화된) 쿠키에 씁니다(앱이 `cookie_secure`를 켜고 HTTPS 뒤에서 실행될 때는 `__Host-user`). 이 쿠키가 로그인의 전부입니다. 서버는 이 로그인에 대해 아무것도 저장하지 않고, 요청마다 만료 시각과 계정을 확인합니다.

## me.html.tera: the protected page. { $user } is the username, { $cookie } the login cookie's
## name, { $sessions } the link to the sessions lab.
page-cookies-me-title = 내 페이지 · 쿠키 실습
page-cookies-me-heading = 안녕하세요, { $user } 님
page-cookies-me-lead = 이 페이지는 보호되어 있습니다. 여러분의 `{ $cookie }` 쿠키가 서버의 `secret_key`로 복호화되었고, 만료 시각이 지나지 않았으며, 그 안에 적힌 계정이 여전히 존재하는 같은 계정입니다. 세션 저장소는 없습니다. 서버는 쿠키에 적힌 내용을 확인했을 뿐입니다.
## { $issued } is how long ago the cookie was issued, { $expires } the expiry time (in bold),
## { $relative } how far away it is.
page-cookies-me-expiry = 로그인 쿠키의 발급 시각은 { $issued }이고, 만료 시각은 { $expires }({ $relative })입니다. 그 뒤에는 브라우저가 무엇을 하든 서버가 이 쿠키를 거부합니다. 로그인 유지 시간을 바꾸려면 `cookie_login_lifetime`을 설정하세요.
page-cookies-me-replay_label = 재전송을 해 보세요.
page-cookies-me-replay = 개발자 도구에서 `{ $cookie }` 쿠키의 값을 복사하고, 로그아웃한 다음, 그 값을 되돌려 놓고 이 페이지를 새로 고침하세요. 쿠키가 만료될 때까지 여러분은 여전히 사용자 { $user } 님입니다. 로그아웃은 브라우저에 쿠키를 잊어 달라고 요청했을 뿐이고, 서버에는 폐기할 것이 아무것도 없습니다. ({ $sessions }에서는 같은 재전송이 실패합니다.)
## The inspector's second part: { $state } is the verdict, { $account } the account id (an
## element), { $account_id } the same id as text, { $issued } and { $expires } times.
page-cookies-me-concluded = `{ $cookie }` 쿠키 판정: { $state }. 그 안에 든 값: 사용자 이름 `{ $user }`, 계정 { $account }, 발급 시각 { $issued }, 만료 시각 { $expires }. 서버는 지금이 만료 시각 전인지, 그리고 `{ $user }`라는 계정이 여전히 `{ $account_id }`인지 확인했습니다. 그 밖에는 아무것도 찾아보지 않습니다.

## no-retired-key.html.tera: the 409 page of the retired-key button when only one key is set.
page-cookies-no_retired_key-message = 서명 키가 하나만 설정되어 있어서, 서명에 쓸 옛 키가 없습니다. `cookie_signing_keys`에 키를 두 개(새 키를 먼저) 나열하세요.

## templates/labs/cookies/visibility-words.html.tera: static/js/cookie-visibility.js가
## document.cookie에 대해 쓰는 문구({ $pairs }는 스크립트가 찾은 쿠키들).
page-cookies-js-empty = (비어 있음: 여기서 JavaScript가 볼 수 있는 쿠키가 없습니다)
page-cookies-js-visible = 보임
page-cookies-js-hidden = 숨겨짐
page-cookies-js-detail_visible = document.cookie에 { $pairs } 쿠키가 들어 있습니다. 이 페이지의 어떤 스크립트든, 주입된 스크립트까지도 이 쿠키를 읽을 수 있습니다.
page-cookies-js-detail_http_only = HttpOnly: 브라우저가 이 쿠키를 JavaScript로부터 숨깁니다. 그래도 Path와 Domain이 포함하는 모든 요청에는 함께 전송됩니다. 지금 브라우저가 보내는 내용을 확인해 보세요.
page-cookies-js-detail_refused = HttpOnly가 아닌데도 document.cookie에 없습니다. 브라우저가 이 쿠키를 거부했거나(예를 들어 localhost가 아닌 http:// 페이지에서의 Secure, 이 호스트가 아닌 Domain, 과거의 Expires, Max-Age=0), Path가 이 페이지의 URL을 포함하지 않습니다.
