### The words of the challenge board, the class view, side by side live and the tutorial's pages
### around the chapters (templates/challenges/, teacher/, live/, docs/).

## The labs' names where a page of this area shows them (the table columns of side by side,
## live; the board's link to a challenge's lab). Keyed by the lab's slug.
page-class-lab-sessions = Sessions
page-class-lab-cookies = Cookies
page-class-lab-jwt-cookie = JWT in a cookie
page-class-lab-jwt-header = JWT in a header

## templates/challenges/board.html.tera: the page's title (also its heading) and description.
page-class-board-title = Challenges
page-class-board-description = The attacks to perform on the labs, then to defend against: your progress on each.

## templates/challenges/board.html.tera: a challenge's link to its lab. $slug is the lab's
## route name (`cookies`, `jwt-cookie`, …), $lab its name (page-class-lab-…).
page-class-board-open_lab = Open the { $slug } lab

## templates/challenges/board.html.tera: the button that opens the next hint of a challenge.
page-class-board-show_hint = Show hint { $next } of { $total }

## templates/challenges/banner.html.tera: after "Solved: …" / "Defended: …", the link to the board.
page-class-banner-board = Your board

## templates/teacher/login.html.tera and class.html.tera: the title and heading of both pages.
page-class-teacher-title = Class view

## templates/teacher/login.html.tera: the token form.
page-class-teacher-token = Teacher token
page-class-teacher-open = Open the class view

## templates/teacher/class.html.tera: the section headings.
page-class-teacher-code_heading = Class code
page-class-teacher-matrix_heading = Learners × challenges and exercises
page-class-teacher-events_heading = Recent activity

## templates/teacher/class.html.tera: the matrix (link, column headers, buttons).
page-class-teacher-export = Download as CSV
page-class-teacher-name = Name
page-class-teacher-last_activity = Last activity
page-class-teacher-reset = Reset
page-class-teacher-reset_all = Reset every board and result
page-class-teacher-leave = Leave the class view

## templates/teacher/class.html.tera: one line of "Recent activity", after the time.
## $learner is the browser's short id, $challenge the challenge's id, $kind one of the three
## words below.
page-class-teacher-event = browser { $learner }, { $kind } { $challenge }
page-class-teacher-event_kind-solved = solved
page-class-teacher-event_kind-defended = defended
page-class-teacher-event_kind-hint = hint

## templates/live/index.html.tera and refused.html.tera: the title (also the heading), the
## description, the link to the chapter after the introduction.
page-class-live-title = Side by side, live
page-class-live-description = One story, run live against the four labs: which copies, restarts and replays each mechanism survives.
page-class-live-chapter = Chapter 7

## templates/live/index.html.tera: the section headings.
page-class-live-story = The story
page-class-live-result = What happened
page-class-live-timeline = Timeline

## templates/docs/index.html.tera: the tutorial's contents page.
page-class-docs-tutorial = Tutorial
page-class-docs-heading = The Auth Labs tutorial
page-class-docs-lead = Read a chapter, then do it in the lab it points to: every command and every link works against the app you are running. The same chapters are plain Markdown files in `docs/`. Each chapter's time counts reading it and running its commands.
page-class-docs-minutes = · about { $minutes } min
page-class-docs-no_chapters = No chapters found in `docs/`.
page-class-docs-exercises_summary = { $count } graded exercises, from warm-up to hard. Each has hints you reveal one at a time, and a check you run with `cargo test`.

## templates/docs/page.html.tera: the chapter's side box and the pager to the previous and next
## chapters.
page-class-docs-chapter_of = Chapter { $number } of { $count }
page-class-docs-toc = On this page
page-class-docs-all_chapters = All chapters
page-class-docs-markdown_source = Markdown source
page-class-docs-chapter_pager = Chapters

## templates/docs/exercises.html.tera: the title, description and heading of the exercises'
## list (the heading is also the link on the tutorial's contents page).
page-class-docs-exercises = Exercises
page-class-docs-exercises_description = Graded classroom exercises that change the app’s code, each with hints and a check to run.
page-class-docs-exercises_heading = Classroom exercises

## templates/docs/exercises.html.tera: the introduction; its last sentence links to the
## exercise guide (before, link, after).
page-class-docs-exercises_lead = Each exercise changes the app's code. Work in your own clone, run the check to see if you are done, and open the hints one at a time when you are stuck.
page-class-docs-guide_before = The{" "}
page-class-docs-guide_link = exercise guide
page-class-docs-guide_after = {" "}explains the workflow for students and teachers.

## templates/docs/exercises.html.tera: the list's column headers and the text when it is empty.
page-class-docs-column_exercise = Exercise
page-class-docs-column_difficulty = Difficulty
page-class-docs-column_check = Check it with
page-class-docs-no_exercises = No exercises found in `docs/exercises/`.

## templates/docs/exercise.html.tera: an exercise's title in the browser's tab, the line above
## it (link to the list, difficulty), the box with its check command, and the pager's label.
page-class-docs-exercise_title = { $title } · Exercise
page-class-docs-difficulty = Difficulty { $difficulty }
page-class-docs-check = Check your work:
page-class-docs-exercise_pager = Exercises

## templates/docs/source.html.tera: the source viewer.
page-class-docs-source_description = The source file { $path } of Auth Labs, as the tutorial discusses it.
page-class-docs-source_file = source file

## templates/docs/copy-commands.html.tera: the button above each command block and what it says
## after a click (static/js/copy-commands.js reads these).
page-class-docs-copy = Copy commands
page-class-docs-copied = Copied
page-class-docs-copy_failed = Could not copy: select the commands instead.

## templates/teacher/class.html.tera: a challenge's cell in the matrix, its state alone or with
## the number of hints the learner opened (the same words as the CSV export).
page-class-teacher-state-open = open
page-class-teacher-state-solved = solved
page-class-teacher-state-defended = defended
page-class-teacher-state_hints = { $state } (hints: { $hints })

## templates/teacher/class.html.tera: the name of a learner without an account, by the short id
## of their browser (the first column of the matrix).
page-class-teacher-browser = browser { $id }
