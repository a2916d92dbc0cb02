# JWT 워크벤치 자체의 문구(templates/tools/): 디코더 페이지, 인코더와 크래커의 결과 페이지,
# 그리고 이들이 함께 쓰는 폼과 클레임 표. 워크벤치가 찾아낸 것(판정, 오류, 클레임의 뜻)은
# messages.ftl의 tools-jwt-… 아래에 있습니다.

## templates/tools/jwt.html.tera: 페이지 제목, 설명, 머리글, 도입 문단.
## { $this_apps }와 { $nothing_leaves }는 아래의 강조된 낱말입니다(<em>, <strong>).
page-tools-jwt-title = JWT 워크벤치
page-tools-jwt-description = 어떤 JWT든 디코딩하고, 서명과 클레임을 검증하고, 직접 토큰을 서명하고, 약한 비밀 키를 단어 목록으로 추측해 봅니다. 모두 이 컴퓨터 안에서 합니다.
page-tools-jwt-heading = JWT 워크벤치: 디코더, 검증기, 인코더, 크래커
page-tools-jwt-lead = 아무 JWT나 붙여 넣으세요. 헤더와 페이로드는 디코딩해서 보여 줍니다(누구나 할 수 있습니다. base64url일 뿐이니까요). 서명과 클레임은 { $this_apps } 키와 규칙으로 확인하고, 비밀 키나 공개 키를 입력하면 서명을 그 키로 확인합니다. { $nothing_leaves }: 토큰은 이 서버까지만 가고 더 멀리 가지 않습니다. 살아 있는 토큰을 웹사이트에 붙여 넣으면 낯선 사람에게 넘겨주는 셈인데, 여기서는 그렇지 않습니다.
page-tools-jwt-lead_this_apps = 이 앱의
page-tools-jwt-lead_nothing_leaves = 아무것도 이 컴퓨터를 떠나지 않습니다

## templates/tools/jwt.html.tera: 디코더 폼. { $cookie_lab }과 { $header_lab }은 두 JWT 실습으로 가는
## 링크이고, 낱말은 아래에 있습니다. 괄호 안은 토큰을 여기로 가져오는 쿠키 실습의 버튼입니다.
page-tools-jwt-token_label = 토큰
page-tools-jwt-decode_submit = 디코딩하고 검증하기
page-tools-jwt-token_hint = 토큰은 { $cookie_lab }(토큰을 디코더에서 여는 버튼)이나 { $header_lab }에서 받을 수 있습니다.
page-tools-jwt-token_hint_cookie_lab = JWT 쿠키 실습
page-tools-jwt-token_hint_header_lab = JWT 헤더 실습

## templates/tools/jwt.html.tera: 결과, 그 머리글들, 그리고 이 앱의 검사가 확인하는 것.
page-tools-jwt-attack_built = 만들어진 공격
page-tools-jwt-verdict_given_key = 입력한 키로 내린 판정
page-tools-jwt-verdict_app_key = 이 앱의 키로 내린 판정
page-tools-jwt-checked_list = 확인한 것: 알고리즘은 (헤더가 무엇이라 하든) HS256으로 고정, `crit` 헤더 없음(이 서버는 어떤 확장도 이해하지 못함), 이 서버의 비밀 키로 만든 서명, 모든 클레임이 제 타입으로 있음, 현재 시각이 `exp`보다 엄격히 이전(따로 설정하지 않으면 유예 없음), 현재 시각이 `auth_time` + 절대 타임아웃 이전, `iss` = `auth-labs`, 그리고 `aud`가 두 JWT 실습 중 하나를 가리킴.
page-tools-jwt-parts_heading = 토큰, 부분별로
page-tools-jwt-claims_heading = 클레임, 토큰에 적힌 순서대로
## "만료:" 다음에 실시간 카운트다운(static/js/countdown.js), 그다음 괄호 안의 이 설명.
page-tools-jwt-expires = 만료:
page-tools-jwt-expires_countdown = (`exp`까지 남은 시간을 실시간으로 보여 줍니다)

## templates/tools/jwt.html.tera: 디코딩된 토큰 아래의 세 가지 공격 버튼.
page-tools-jwt-attacks_heading = 이 토큰에 고전적인 공격 시도하기
page-tools-jwt-attack_tamper = 페이로드 고치고 서명은 그대로 두기
page-tools-jwt-attack_alg_none = alg: none으로 바꾸기
page-tools-jwt-attack_expired = 만료된 토큰으로 만들기
page-tools-jwt-attacks_hint = 버튼마다 위조된 토큰을 만들어 여기서 확인하므로, 거부 이유를 읽을 수 있습니다. 위조된 토큰을 실습에 넣어 보면(쿠키는 개발자 도구에서, JWT 헤더 실습은 `curl`로) 실습도 그 토큰을 거부하는 것을 볼 수 있습니다.

## templates/tools/countdown-words.html.tera: 실시간 카운트다운이 쓰는 문구. static/js/countdown.js가
## 채웁니다. { $time }은 "3분 5초"처럼 아래의 분, 초 문구로 만든 시간, { $n }은 숫자입니다.
page-tools-countdown-left = { $time } 남음
page-tools-countdown-past = { $time } 전에 만료됨
page-tools-countdown-minutes = { $n }분
page-tools-countdown-seconds = { $n }초
page-tools-countdown-invalid = (유효한 exp 없음)

## templates/tools/workbench.html.tera: 디코더의 키 입력란(접히는 부분).
page-tools-bench-own_key = 내 키로 검증하기
page-tools-bench-own_key_hint = (비워 두면 이 앱의 키로 확인합니다)
page-tools-bench-secret_hmac = 비밀 키(HS256, HS384, HS512)
page-tools-bench-secret_is = 비밀 키의 형식
page-tools-bench-utf8_text = UTF-8 텍스트
page-tools-bench-base64url_bytes = base64url 바이트
page-tools-bench-public_key = 또는 공개 키: PEM, JWK, JWK Set(RS*, PS*, ES256, ES384, EdDSA. HMAC에는 `kty: oct` JWK)

## templates/tools/workbench.html.tera: 인코더 폼("헤더 (JSON)", "페이로드 (JSON)").
page-tools-bench-sign_heading = 인코더: 직접 토큰 서명하기
page-tools-bench-header = 헤더
page-tools-bench-payload = 페이로드
page-tools-bench-secret = 비밀 키
page-tools-bench-sign_submit = 서명

## templates/tools/workbench.html.tera: 크래커 폼. 설명 끝에 단어 목록 링크가 붙습니다.
page-tools-bench-crack_heading = 크래커: HS256 비밀 키 추측하기
page-tools-bench-wordlist = 단어 목록 보기
page-tools-bench-crack_token = HS256 토큰
page-tools-bench-crack_submit = 단어 목록으로 시도하기

## templates/tools/workbench.html.tera: 클레임 표의 열 머리글.
page-tools-bench-claim = 클레임
page-tools-bench-value = 값
page-tools-bench-meaning = 의미

## templates/tools/jwt-sign.html.tera: 인코더의 결과 페이지와 토큰을 보낼 곳.
page-tools-sign-title = JWT 인코더
page-tools-sign-heading = JWT 인코더
page-tools-sign-your_token = 만들어진 토큰
page-tools-sign-open_in_decoder = 이 비밀 키로 검증하며 디코더에서 열기
page-tools-sign-crack_it = 크랙해 보기
page-tools-sign-send_to_cookie_lab = JWT 쿠키 실습으로 보내기
page-tools-sign-put_in_header_lab = JWT 헤더 실습에 넣기

## templates/tools/jwt-sign.html.tera, jwt-crack.html.tera: 폼 아래의 링크.
page-tools-back_to_decoder = 디코더로 돌아가기

## templates/tools/jwt-crack.html.tera: 크래커의 결과 페이지. { $ms }와 { $rate }는 숫자입니다.
page-tools-crack-title = JWT 크래커
page-tools-crack-heading = HS256 크래커
page-tools-crack-found = 찾음
page-tools-crack-not_found = 찾지 못함
page-tools-crack-attempts = 시도 횟수
page-tools-crack-elapsed = 걸린 시간
page-tools-crack-elapsed_ms = { $ms } ms
page-tools-crack-rate = 속도
page-tools-crack-per_second = 초당 { $rate }회 추측
