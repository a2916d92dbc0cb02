//! Tools that are not labs: pages a learner uses alongside them.

pub(crate) mod jwt;
