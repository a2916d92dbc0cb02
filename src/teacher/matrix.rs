//! The class matrix: one row per learner (their board) or student (exercise results only), a
//! column per challenge and per exercise. The page and the CSV export are two renderings of
//! the same cells, so they cannot disagree.

use serde::Serialize;
use time::format_description::well_known::Rfc3339;
use time::OffsetDateTime;

use super::results::{Results, Submission};
use crate::challenges::board::Record;
use crate::challenges::{Challenges, LearnerId, State, CHALLENGES};
use crate::site::docs::Docs;

#[derive(Debug, Clone, Serialize)]
pub struct Exercise {
    pub check: String,
    pub title: String,
}

/// One cell: what the page shows and the CSV holds, plus the state for styling and tests.
#[derive(Debug, Clone, Serialize)]
pub struct Cell {
    pub column: String,
    pub state: &'static str,
    pub text: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Row {
    /// The board's id (for the reset button); empty for a student known only by results.
    pub learner: String,
    pub name: String,
    pub last_activity: String,
    pub cells: Vec<Cell>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Matrix {
    pub exercises: Vec<Exercise>,
    pub rows: Vec<Row>,
}

fn when(unix: i64) -> String {
    OffsetDateTime::from_unix_timestamp(unix)
        .ok()
        .and_then(|t| t.format(&Rfc3339).ok())
        .unwrap_or_default()
}

fn challenge_cells(record: &Record) -> impl Iterator<Item = Cell> + '_ {
    CHALLENGES.iter().map(|challenge| {
        let progress = record.of(challenge.id);
        let state = progress.state.as_str();
        let text = match progress.hints {
            0 => state.to_string(),
            n => format!("{state} (hints: {n})"),
        };
        Cell {
            column: challenge.id.as_str().to_string(),
            state,
            text,
        }
    })
}

fn exercise_cells<'a>(
    exercises: &'a [Exercise],
    submission: Option<&'a Submission>,
) -> impl Iterator<Item = Cell> + 'a {
    exercises.iter().map(move |exercise| {
        let mine: Vec<bool> = submission
            .map(|s| {
                s.checks
                    .iter()
                    .filter(|(name, _)| name.starts_with(&format!("{}_", exercise.check)))
                    .map(|(_, passed)| *passed)
                    .collect()
            })
            .unwrap_or_default();
        let passed = mine.iter().filter(|p| **p).count();
        let (state, text) = match mine.len() {
            0 => ("none", String::new()),
            total if passed == total => ("passed", format!("{passed}/{total}")),
            total => ("failed", format!("{passed}/{total}")),
        };
        Cell {
            column: exercise.check.clone(),
            state,
            text,
        }
    })
}

impl Matrix {
    pub fn build(challenges: &Challenges, results: &Results, docs: &Docs) -> Matrix {
        let exercises: Vec<Exercise> = docs
            .exercises
            .iter()
            .map(|e| Exercise {
                check: e.check.clone(),
                title: e.page.title.clone(),
            })
            .collect();
        let mut submissions = results.all();
        let mut rows: Vec<Row> = challenges
            .all()
            .into_iter()
            .map(|(id, record)| {
                let submission = record.account.as_ref().and_then(|a| submissions.remove(a));
                row(&id, &record, submission.as_ref(), &exercises)
            })
            .collect();
        let mut students: Vec<(String, Submission)> = submissions.into_iter().collect();
        students.sort_by(|a, b| a.0.cmp(&b.0));
        for (name, submission) in students {
            let cells = CHALLENGES
                .iter()
                .map(|c| Cell {
                    column: c.id.as_str().to_string(),
                    state: State::Open.as_str(),
                    text: String::new(),
                })
                .chain(exercise_cells(&exercises, Some(&submission)))
                .collect();
            rows.push(Row {
                learner: String::new(),
                name,
                last_activity: when(submission.at),
                cells,
            });
        }
        Matrix { exercises, rows }
    }

    /// The same matrix as CSV (RFC 4180), one header line then one line per row.
    pub fn csv(&self) -> String {
        let mut header = vec!["name".to_string(), "last_activity".to_string()];
        header.extend(CHALLENGES.iter().map(|c| c.id.as_str().to_string()));
        header.extend(self.exercises.iter().map(|e| e.check.clone()));
        let mut lines = vec![csv_line(&header)];
        for row in &self.rows {
            let mut fields = vec![row.name.clone(), row.last_activity.clone()];
            fields.extend(row.cells.iter().map(|cell| cell.text.clone()));
            lines.push(csv_line(&fields));
        }
        lines.join("\r\n") + "\r\n"
    }
}

fn row(
    id: &LearnerId,
    record: &Record,
    submission: Option<&Submission>,
    exercises: &[Exercise],
) -> Row {
    let name = match &record.account {
        Some(account) => account.clone(),
        None => format!("browser {}", id.short()),
    };
    let last = submission.map_or(record.last_seen, |s| s.at.max(record.last_seen));
    Row {
        learner: id.encode(),
        name,
        last_activity: when(last),
        cells: challenge_cells(record)
            .chain(exercise_cells(exercises, submission))
            .collect(),
    }
}

/// One CSV line: a field with a comma, quote or line break is quoted, quotes doubled; one that
/// a spreadsheet would run as a formula (`=`, `+`, `-`, `@`) gets a leading `'` (OWASP CSV
/// injection).
pub fn csv_line(fields: &[String]) -> String {
    fields
        .iter()
        .map(|field| {
            let field = if field.starts_with(['=', '+', '-', '@', '\t', '\r']) {
                format!("'{field}")
            } else {
                field.clone()
            };
            if field.contains([',', '"', '\n', '\r']) {
                format!("\"{}\"", field.replace('"', "\"\""))
            } else {
                field
            }
        })
        .collect::<Vec<_>>()
        .join(",")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_fields_are_quoted_when_needed_and_formulas_are_defused() {
        let fields = ["plain", "a,b", "say \"hi\"", "two\nlines", "=1+1"].map(String::from);
        assert_eq!(
            csv_line(&fields),
            "plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",'=1+1"
        );
    }
}
