//! Checks for the classroom exercises in `docs/exercises/`.
//!
//! Every test is `#[ignore]`d: on the unmodified app they fail (that is the point), so a
//! plain `cargo test` only compiles them. A student runs the one for their exercise:
//!
//! ```sh
//! cargo test --test exercises -- --ignored remember_me
//! ```
//!
//! Each module is one exercise, named after the exercise's `check:` value, and every test
//! in it starts with that name, so the filter selects exactly that exercise's tests. The
//! checks look only at HTTP behaviour (status codes, headers, cookies, the page markers the
//! exercise names), never at how the code is written, so any correct solution passes.
//!
//! Adding an exercise: `docs/exercises/NN-slug.md`, a module here, and a reference solution
//! in `docs/exercises/solutions/NN-slug.patch`; `.ci/exercises` proves the check fails
//! before and passes after the patch.

#[path = "../support/mod.rs"]
mod support;

mod csrf;
mod jti_denylist;
mod login_throttle;
mod logout_everywhere;
mod refresh_token;
mod remember_me;
mod rolling;
mod token_fingerprint;

// The labs the exercises extend (01–05: sessions; 06–08: the JWT labs) and the helpers the
// checks share, from `tests/support/`.
pub use support::html::{attr, form_tags, has_attr, input_tag};
pub use support::json_api::{bearer, json_body, json_str, post_token};
pub use support::{cookies_of, untracked_client_with, JWT_COOKIE, JWT_HEADER, SESSIONS};
