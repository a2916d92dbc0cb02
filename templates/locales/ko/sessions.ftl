# The sessions lab's own pages (templates/labs/sessions/): headings, explanations, labels.
# Sentences about what happened on a request (flash messages, decisions, why a session is new)
# are in messages.ftl under sessions-…; this file holds the words of the pages themselves.
# A piece named …-before / …-after sits on either side of markup (a number, a link, <strong>).

## index.html.tera: the page title, heading and lead (the store's own sentence follows the lead)
page-sessions-title = 세션 실습
page-sessions-heading = 세션: 쿠키에는 ID를, 상태는 서버에
page-sessions-lead = 브라우저가 가진 것은 단 하나, 암호화된 쿠키 `{ $cookie_name }` 안에 든 무작위 세션 ID입니다.

## index.html.tera, the counter card: "You have visited this page <strong>N</strong> times in this session."
page-sessions-visits-before = 이 세션에서 이 페이지를
page-sessions-visits-after = 번 방문했습니다.

## index.html.tera, the counter card when logged in: "Logged in as <strong>alice</strong>." then a link
page-sessions-logged_in-before = 로그인한 사용자:
page-sessions-logged_in-after = .
page-sessions-me_link = 내 보호된 페이지

## index.html.tera, the counter card when logged out: "Not logged in." then a "Log in" button, then the rest
page-sessions-logged_out-before = 로그인하지 않았습니다.
page-sessions-logged_out-link = 로그인
page-sessions-logged_out-after = 버튼을 눌러 로그인하면, 방문 횟수는 그대로 이어지면서 세션 ID가 바뀌는 것을 볼 수 있습니다.

## index.html.tera, the counter card: notes and hints
page-sessions-not_saved = 이 브라우저에 대해서는 아직 아무것도 저장되지 않았습니다. `save_uninitialized`가 꺼져 있으므로 익명 방문은 세션을 만들지 않고 쿠키도 받지 않으며, 새로 고침할 때마다 1이 표시됩니다. 로그인하면 세션이 시작됩니다(0부터 시작합니다. 이어받을 것이 없었으니까요).
page-sessions-reload_hint = 새로 고침하면 다시 셉니다. 시크릿 창을 열어 보세요. 쿠키가 없는 새 브라우저이므로 자기만의 세션을 받고 1부터 시작합니다.
## "What page JavaScript can read …: <code>needs JavaScript</code>. The session cookie …"; the
## placeholder in the middle is replaced by the page's script with what document.cookie holds.
page-sessions-document_cookie-before = 페이지 JavaScript가 이 페이지의 쿠키에서 읽을 수 있는 것(`document.cookie`):
page-sessions-document_cookie-placeholder = JavaScript가 필요합니다
page-sessions-document_cookie-after = . 세션 쿠키는 `HttpOnly`인 동안에는 여기에 나타나지 않습니다. `http_only` 스위치를 끄면 나타납니다.

## index.html.tera, inspector part 1 (what the browser sent): "The `sid` cookie was <state>; inside
## it, the session id <code>…</code>." The state is a word from sessions-arrival-… in messages.ftl.
page-sessions-sent-cookie = `{ $cookie_name }` 쿠키의 상태:
page-sessions-sent-decrypted = . 그 안에 든 세션 ID:
page-sessions-sent-end = .
## "This request's session came from the URL instead: <code>id</code>, now also in this browser's cookie."
page-sessions-planted-before = 이번 요청의 세션은 쿠키가 아니라 URL에서 왔습니다:
page-sessions-planted-after = . 이 ID는 이제 이 브라우저의 쿠키에도 들어 있습니다.

## index.html.tera and me.html.tera, inspector part 2: the session's entry in the store (table headers)
page-sessions-entry-id = 세션 ID
page-sessions-entry-visits = visits(방문 횟수)
page-sessions-entry-user = user(사용자)
page-sessions-entry-anonymous = 없음(익명)
page-sessions-entry-created = 생성 시각
page-sessions-entry-last_seen = 마지막 접근 시각
page-sessions-entry-idle_expiry = 유휴 만료 시각
page-sessions-entry-absolute_expiry = 절대 만료 시각
page-sessions-entry-idle_rule = 마지막 사용 후 { $timeout }
page-sessions-entry-absolute_rule = 생성 후 { $timeout }
page-sessions-no_session = 이 브라우저의 세션이 없습니다. 아무것도 저장되지 않았으므로, 표시된 횟수는 이번 방문 하나뿐입니다.

## index.html.tera, inspector part 2: how many sessions the store holds. After the store's
## "Sessions held in memory:" come <strong>N</strong>, then -capacity, <span>N</span>, then
## -anonymous, <span>N</span>, then -logged_in.
page-sessions-held-capacity = 개(최대 { $capacity }개). 익명
page-sessions-held-anonymous = 개(예산 { $budget }개), 로그인
page-sessions-held-logged_in = 개(예산 { $budget }개).

## index.html.tera, inspector part 3 (what the response sends back); { $path } is one of
## the two -path_… pieces below it, depending on the cookie's name.
page-sessions-sent_back-defaults = 실험 스위치가 안전한 기본값일 때: 첫 방문에는 암호화된 ID가 담긴 `Set-Cookie`가 보입니다. 그 뒤의 방문에서는 아무것도 보내지 않습니다. 브라우저에 이미 쿠키가 있고, 방문 횟수는 서버에서만 바뀌었기 때문입니다.
page-sessions-sent_back-attributes = 쿠키에 `Expires`도 `Max-Age`도 없으므로 브라우저는 종료할 때 쿠키를 버립니다. `HttpOnly`는 쿠키를 `document.cookie`에서 감춥니다(그래도 이 인스펙터는 쿠키를 페이지에 출력합니다. 위의 안내를 보세요). { $path }. `SameSite=Lax`는 크로스 사이트 폼 전송에 쿠키가 실리지 않게 합니다.
page-sessions-sent_back-path_host = `Path=/`와 `__Host-` 접두사는 다른 호스트나 경로가 같은 이름의 쿠키를 심지 못하게 합니다
page-sessions-sent_back-path_lab = `Path={ $path }`는 쿠키가 다른 실습으로 가지 않게 합니다

## index.html.tera, the "Lost updates" card: heading, the paragraph around the `resave` link
## ("… Turn <a>resave</a> on and …"), the button, the result line and its notes.
page-sessions-race-heading = 갱신 손실(lost update): `resave` 스위치
page-sessions-race-explain-before = 이 버튼은 여러분의 방문 횟수를 읽고, 이 페이지에 방문 { $visits }번을 한꺼번에 보낸 뒤(새로 고침할 때 보내는 것과 같은 요청입니다), 횟수를 다시 읽어, 서버가 { $visits }번 중 몇 번을 반영했는지 보여 줍니다. 평소에는 모두 반영됩니다. 저장소가 잠금 안에서 1을 더하기 때문입니다.
page-sessions-race-explain-after = 스위치를 켜면, 방문마다 세션의 사본을 읽고, 저장소 왕복을 기다린 뒤, 사본 전체를 다시 씁니다. express-session이 `resave: true`일 때 하는 일과 같습니다. 겹친 방문들은 같은 숫자를 쓰게 되고, 그 사이의 증가분은 사라집니다.
page-sessions-race-button = 방문 { $visits }번 동시에 보내기
## "Before: <strong>N</strong>. After: <strong>N</strong>. Lost: <strong>N</strong> of 50." (the numbers come from the page's script)
page-sessions-race-before = 보내기 전:
page-sessions-race-after = 보낸 후:
page-sessions-race-lost = 사라진 방문:
page-sessions-race-of = / { $visits }.
page-sessions-race-no_session = 이 브라우저에는 횟수를 셀 세션이 없습니다(`save_uninitialized`가 꺼져 있으면 로그인할 때까지 아무것도 저장되지 않습니다). 먼저 로그인하세요.
page-sessions-race-failed = 방문을 보내지 못했습니다. 서버가 아직 실행 중인가요?

## index.html.tera, the express-session card: heading, intro, the second column's header, and
## the second column of each row (the first column is the express-session option, as code)
page-sessions-express-heading = express-session과 비교하면
page-sessions-express-intro = 이 실습은 Express 튜토리얼에서 출발했습니다. 그 튜토리얼의 옵션마다 여기에 대응하는 것이 있습니다.
page-sessions-express-here = 여기서는
page-sessions-express-secret = `Rocket.toml`의 `secret_key`(또는 `ROCKET_SECRET_KEY`). express는 이 키로 ID에 서명하고, Rocket은 이 키로 쿠키 전체를 암호화하고 인증합니다(AES-256-GCM).
page-sessions-express-save_uninitialized = 로그인하기 전, 첫 방문 때 세션이 만들어지므로 익명 방문도 셉니다. `save_uninitialized` 스위치로 끌 수 있습니다.
## follows the store's own sentence about resave (sessions-store-…-resave in messages.ftl)
page-sessions-express-resave = `resave` 스위치를 켜면 대신 오래된 사본을 다시 씁니다(위의 버튼).
page-sessions-express-rolling = 쿠키는 세션이 새로 만들어졌거나 ID가 바뀔 때만 전송됩니다. `rolling` 스위치를 켜면 모든 페이지에서 전송합니다.
page-sessions-express-http_only = `{ $cookie_name }` 쿠키의 `HttpOnly`: `document.cookie`로는 볼 수 없습니다. (그래도 이 페이지의 인스펙터는 쿠키를 HTML에 출력합니다. 실제 앱이라면 절대 하지 않을 일입니다.) `http_only` 스위치.
page-sessions-express-secure = 서버가 TLS로 실행될 때 `Secure`가 붙습니다. 평범한 `http://`에서는 브라우저가 `Secure` 쿠키를 버리므로(Chrome과 Firefox는 localhost를 예외로 두지만 Safari는 그렇지 않습니다), `cargo run`에서는 꺼져 있습니다. `secure` 스위치.
page-sessions-express-max_age = 설정하지 않음: 브라우저 세션 쿠키입니다. 대신 수명은 서버에서 강제합니다. 유휴 { $idle }, 절대 { $absolute }. `max_age` 스위치로 설정할 수 있습니다(단위는 초입니다. express는 밀리초로 셉니다).
## { $scope } is -scope_host or -scope_lab, depending on the cookie's name
page-sessions-express-cookie_name = `{ $cookie_name }`. 적용 범위: { $scope }.
page-sessions-express-scope_host = `Path=/`(`__Host-` 접두사가 요구합니다)
page-sessions-express-scope_lab = `Path={ $path }`
page-sessions-express-views = `src/labs/sessions/store.rs`의 `SessionStore::visit`.
page-sessions-express-regenerate = `SessionStore::login`: 로그인할 때 새 ID를 만들고, 이전 ID는 없앱니다. `regenerate_on_login` 스위치를 끄면 이 과정을 건너뜁니다.
page-sessions-express-destroy = 로그아웃이 호출하는 `SessionStore::destroy`. `destroy_on_logout` 스위치를 끄면 이 과정을 건너뜁니다.

## index.html.tera, the "Try it" card: each step is a bold title, then its text
page-sessions-try-heading = 직접 해 보기
page-sessions-try-tamper-title = 변조하기.
page-sessions-try-tamper = 개발자 도구(Application → Cookies)에서 `{ $cookie_name }` 값의 한 글자를 바꾸고 새로 고침하세요. 복호화에 실패하므로, 서버는 쿠키를 무시하고 1부터 새 세션을 시작합니다.
## "… then put the old value back and open <a>/labs/sessions/me</a>. You are sent …"
page-sessions-try-replay-title = 로그아웃 후 재전송.
page-sessions-try-replay-before = 로그인하고, 쿠키 값을 복사하고, 로그아웃한 다음, 예전 값을 다시 넣고 이 페이지를 여세요:
page-sessions-try-replay-after = . 로그인 페이지로 보내집니다. 로그아웃할 때 서버가 세션을 삭제했으므로, 그 ID는 아무것도 가리키지 않습니다.
## "… off in the <a>switches</a>, open … and log in. Reload <a>/labs/sessions/me</a> in the private window: …"
page-sessions-try-fixation-title = 두 창으로 해 보는 세션 고정.
page-sessions-try-fixation-before = 시크릿 창(공격자)에서 이 페이지를 열고 인스펙터에서 세션 ID를 복사합니다. 이 창(피해자)에서는
page-sessions-try-fixation-switches = 스위치 패널
page-sessions-try-fixation-middle = 에서 `accept_url_id`를 켜고 `regenerate_on_login`을 끈 다음, `{ $index }?sid=` 뒤에 복사한 ID를 붙여 열고 로그인합니다. 그다음 시크릿 창에서
page-sessions-try-fixation-after = 페이지를 새로 고침하면, 여러분의 이름으로 인사합니다. `regenerate_on_login`을 다시 켜고 한 번 더 해 보세요. 로그인할 때 새 ID를 받으므로, 공격자의 ID는 죽습니다.
## followed by the store's own sentence (sessions-store-…-restart in messages.ftl)
page-sessions-try-restart-title = 재시작하기.

## login.html.tera: the login page ("… creates a <em>new</em> session id …")
page-sessions-login-title = 로그인 · 세션 실습
page-sessions-login-heading = 세션 실습에 로그인
page-sessions-login-lead-before = 서버는 여러분의 비밀번호를 argon2id 해시와 대조해 확인하고, 맞으면
page-sessions-login-lead-new = 새
page-sessions-login-lead-after = 세션 ID를 만들고(이전 ID는 없어지므로, 누군가 여러분의 브라우저에 심어 둔 ID는 쓸모가 없어집니다), 그 세션에 사용자 이름을 저장한 다음, 여러분을 보호된 페이지로 보냅니다.
## login.html.tera and me.html.tera: the link back to the lab
page-sessions-back = 세션 실습으로 돌아가기

## me.html.tera: the protected page ("Hello, <span>alice</span>")
page-sessions-me-title = 내 세션 · 세션 실습
page-sessions-me-hello-before = {""}
page-sessions-me-hello-after = {" "}님, 안녕하세요
page-sessions-me-lead = 이 페이지는 보호되어 있습니다. 서버가 쿠키에 든 ID로 살아 있는 세션을 찾았고, 그 세션에 사용자가 기록되어 있습니다.
page-sessions-me-age = 세션 경과 시간
page-sessions-me-visits = 지금까지 방문 횟수
page-sessions-me-activity = 이 페이지를 불러온 것도 활동으로 셌으므로 유휴 만료 시각이 뒤로 밀렸습니다. 절대 만료 시각은 처음 정해진 그대로입니다.
## me.html.tera, inspector part 2
page-sessions-me-concluded = `{ $user }` 사용자로 로그인된 살아 있는 세션 `{ $id }`입니다.
