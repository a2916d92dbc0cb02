//! The app's own items the tests name, re-exported from this one file: everything else the
//! tests do goes through HTTP and the route contract, so when `src/` moves an item, only the
//! paths below change.

pub use auth_labs::attacker::{self, attacks::ATTACKS};
pub use auth_labs::auth::jwt::{b64url, decode_unverified, Audience, JwtKeys};
pub use auth_labs::challenges::{
    ChallengeId, Challenges, LearnerId, Outcome as ChallengeOutcome, LEARNER_COOKIE,
};
pub use auth_labs::config::{
    AppConfig, Secret, DEMO_COOKIE_SIGNING_KEYS, DEMO_JWT_SECRET, DEMO_SECRET_KEY,
};
pub use auth_labs::labs::cookies::builder::{self, CookieSpec};
pub use auth_labs::labs::cookies::signed::{CookieSigner, Verified};
pub use auth_labs::labs::jwt_view::TokenView;
pub use auth_labs::labs::sessions::store::{SessionLimits, SessionStore, SessionView};
pub use auth_labs::launch::serve;
pub use auth_labs::redis_link::RedisLink;
pub use auth_labs::rocket_from;
