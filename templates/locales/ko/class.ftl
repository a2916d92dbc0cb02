### The words of the challenge board, the class view, side by side live and the tutorial's pages
### around the chapters (templates/challenges/, teacher/, live/, docs/).

## The labs' names where a page of this area shows them (the table columns of side by side,
## live; the board's link to a challenge's lab). Keyed by the lab's slug.
page-class-lab-sessions = 세션
page-class-lab-cookies = 쿠키
page-class-lab-jwt-cookie = JWT 쿠키
page-class-lab-jwt-header = JWT 헤더

## templates/challenges/board.html.tera: the page's title (also its heading) and description.
page-class-board-title = 챌린지
page-class-board-description = 실습에 직접 해 보고, 그다음 막아 내는 공격들입니다. 챌린지마다 여러분의 진행 상황을 보여 줍니다.

## templates/challenges/board.html.tera: a challenge's link to its lab. $slug is the lab's
## route name (`cookies`, `jwt-cookie`, …), $lab its name (page-class-lab-…).
page-class-board-open_lab = { $lab } 실습 열기

## templates/challenges/board.html.tera: the button that opens the next hint of a challenge.
page-class-board-show_hint = 힌트 보기({ $next }/{ $total })

## templates/challenges/banner.html.tera: after "Solved: …" / "Defended: …", the link to the board.
page-class-banner-board = 내 보드 보기

## templates/teacher/login.html.tera and class.html.tera: the title and heading of both pages.
page-class-teacher-title = 수업 보기

## templates/teacher/login.html.tera: the token form.
page-class-teacher-token = 강사 토큰
page-class-teacher-open = 수업 보기 열기

## templates/teacher/class.html.tera: the section headings.
page-class-teacher-code_heading = 수업 코드
page-class-teacher-matrix_heading = 학습자 × 챌린지와 연습 문제
page-class-teacher-events_heading = 최근 활동

## templates/teacher/class.html.tera: the matrix (link, column headers, buttons).
page-class-teacher-export = CSV로 내려받기
page-class-teacher-name = 이름
page-class-teacher-last_activity = 마지막 활동
page-class-teacher-reset = 초기화
page-class-teacher-reset_all = 모든 보드와 결과 초기화
page-class-teacher-leave = 수업 보기 나가기

## templates/teacher/class.html.tera: one line of "Recent activity", after the time.
## $learner is the browser's short id, $challenge the challenge's id, $kind one of the three
## words below.
page-class-teacher-event = 브라우저 { $learner }: { $challenge } { $kind }
page-class-teacher-event_kind-solved = 해결
page-class-teacher-event_kind-defended = 방어
page-class-teacher-event_kind-hint = 힌트 열람

## templates/live/index.html.tera and refused.html.tera: the title (also the heading), the
## description, the link to the chapter after the introduction.
page-class-live-title = 나란히 비교, 실시간 실행
page-class-live-description = 하나의 이야기를 네 실습에 실제로 실행해서, 각 방식이 어떤 복사, 재시작, 재전송을 견디는지 보여 줍니다.
page-class-live-chapter = 7장

## templates/live/index.html.tera: the section headings.
page-class-live-story = 이야기
page-class-live-result = 실행 결과
page-class-live-timeline = 타임라인

## templates/docs/index.html.tera: the tutorial's contents page.
page-class-docs-tutorial = 튜토리얼
page-class-docs-heading = Auth Labs 튜토리얼
page-class-docs-lead = 장을 읽은 다음, 그 장이 가리키는 실습에서 직접 해 보세요. 모든 명령과 모든 링크는 지금 실행 중인 앱을 대상으로 동작합니다. 같은 장들이 `docs/ko/`에 일반 Markdown 파일로 들어 있습니다(영어 원문은 `docs/`). 각 장에 적힌 시간은 장을 읽고 그 명령들을 실행하는 시간입니다.
page-class-docs-minutes = · 약 { $minutes }분
page-class-docs-no_chapters = `docs/`에서 장을 찾지 못했습니다.
page-class-docs-exercises_summary = 준비 운동부터 어려움까지, 채점되는 연습 문제 { $count }개가 있습니다. 문제마다 하나씩 열어 보는 힌트가 있고, `cargo test`로 확인 검사를 실행합니다.

## templates/docs/page.html.tera: the chapter's side box and the pager to the previous and next
## chapters.
page-class-docs-chapter_of = 전체 { $count }장 중 { $number }장
page-class-docs-toc = 이 페이지의 내용
page-class-docs-all_chapters = 전체 장 목록
page-class-docs-markdown_source = Markdown 원문
page-class-docs-chapter_pager = 이전 장과 다음 장

## templates/docs/exercises.html.tera: the title, description and heading of the exercises'
## list (the heading is also the link on the tutorial's contents page).
page-class-docs-exercises = 연습 문제
page-class-docs-exercises_description = 앱의 코드를 직접 바꾸는, 채점되는 수업용 연습 문제입니다. 문제마다 힌트와 실행할 확인 검사가 있습니다.
page-class-docs-exercises_heading = 수업용 연습 문제

## templates/docs/exercises.html.tera: the introduction; its last sentence links to the
## exercise guide (before, link, after).
page-class-docs-exercises_lead = 각 연습 문제에서는 앱의 코드를 바꿉니다. 자신의 클론에서 작업하고, 확인 검사를 실행해 다 되었는지 확인하고, 막히면 힌트를 하나씩 열어 보세요.
page-class-docs-guide_before = 학생과 강사를 위한 작업 흐름은{" "}
page-class-docs-guide_link = 연습 문제 안내
page-class-docs-guide_after = 에 설명되어 있습니다.

## templates/docs/exercises.html.tera: the list's column headers and the text when it is empty.
page-class-docs-column_exercise = 연습 문제
page-class-docs-column_difficulty = 난이도
page-class-docs-column_check = 확인 명령
page-class-docs-no_exercises = `docs/exercises/`에서 연습 문제를 찾지 못했습니다.

## templates/docs/exercise.html.tera: an exercise's title in the browser's tab, the line above
## it (link to the list, difficulty), the box with its check command, and the pager's label.
page-class-docs-exercise_title = { $title } · 연습 문제
page-class-docs-difficulty = 난이도 { $difficulty }
page-class-docs-check = 작업 확인:
page-class-docs-exercise_pager = 이전 연습 문제와 다음 연습 문제

## templates/docs/source.html.tera: the source viewer.
page-class-docs-source_description = 튜토리얼이 다루는 Auth Labs의 소스 파일 { $path }입니다.
page-class-docs-source_file = 소스 파일

## templates/docs/copy-commands.html.tera: the button above each command block and what it says
## after a click (static/js/copy-commands.js reads these).
page-class-docs-copy = 명령 복사
page-class-docs-copied = 복사했습니다
page-class-docs-copy_failed = 복사하지 못했습니다. 명령을 직접 선택해서 복사하세요.

## templates/teacher/class.html.tera: a challenge's cell in the matrix, its state alone or with
## the number of hints the learner opened (the same words as the CSV export).
page-class-teacher-state-open = 미해결
page-class-teacher-state-solved = 해결됨
page-class-teacher-state-defended = 방어됨
page-class-teacher-state_hints = { $state }(힌트 { $hints }개)

## templates/teacher/class.html.tera: the name of a learner without an account, by the short id
## of their browser (the first column of the matrix).
page-class-teacher-browser = 브라우저 { $id }
