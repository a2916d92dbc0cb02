//! What serves the labs: the tutorial renderer, the inspector, response headers, error pages,
//! flash messages, per-address limits and memory housekeeping. Nothing here knows about a
//! particular lab.

pub mod assets;
pub mod docs;
pub mod durations;
pub mod error;
pub mod flash;
pub mod fold;
pub mod headers;
pub mod inspector;
pub mod instance;
pub mod lang;
pub mod links;
pub mod memory;
pub mod messages;
pub mod origin;
pub mod program;
pub mod rate_limit;
pub mod reader_origin;
pub mod redact;
pub mod slots;
pub mod time_tag;
pub mod view;
