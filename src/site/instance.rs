//! Which instance answered and where it keeps sessions, for the inspector of every lab page:
//! `{{ instance().address }}` and `{{ instance().store }}` in any template. With two servers
//! behind one address (a class behind nginx), this is how a learner sees which one replied.

use std::collections::HashMap;
use std::sync::{Arc, RwLock};

use rocket::fairing::AdHoc;
use rocket_dyn_templates::tera::{self, Value};
use serde::Serialize;

use crate::config::AppConfig;

/// This instance as the inspector shows it.
#[derive(Clone, Debug, Default, Serialize)]
pub struct Instance {
    /// `127.0.0.1:8000`: the address and port this instance listens on.
    pub address: String,
    /// `memory` or `redis`.
    pub store: &'static str,
}

/// Filled at ignite (the configured port) and again at liftoff (the port really bound).
pub type SharedInstance = Arc<RwLock<Instance>>;

/// The Tera function `instance()`.
pub fn instance_function(shared: SharedInstance) -> impl tera::Function {
    move |_: &HashMap<String, Value>| -> tera::Result<Value> {
        let instance = shared
            .read()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .clone();
        Ok(tera::to_value(instance)?)
    }
}

fn set(shared: &SharedInstance, instance: Instance) {
    *shared
        .write()
        .unwrap_or_else(|poisoned| poisoned.into_inner()) = instance;
}

/// Records this instance's address and store; attach after the configuration is read.
pub fn stage(shared: SharedInstance) -> AdHoc {
    let at_liftoff = shared.clone();
    AdHoc::on_ignite("Instance for the inspector", |rocket| async move {
        let figment = rocket.figment();
        let address: String = figment
            .extract_inner::<std::net::IpAddr>("address")
            .map_or_else(|_| "127.0.0.1".to_string(), |ip| ip.to_string());
        let port: u16 = figment.extract_inner("port").unwrap_or(8000);
        let store = rocket
            .state::<AppConfig>()
            .map_or("memory", |app| app.sessions.store.kind());
        let address = format!("{address}:{port}");
        set(&shared, Instance { address, store });
        rocket.attach(AdHoc::on_liftoff("Instance port", move |rocket| {
            Box::pin(async move {
                let config = rocket.config();
                let mut instance = at_liftoff
                    .read()
                    .unwrap_or_else(|poisoned| poisoned.into_inner())
                    .clone();
                instance.address = format!("{}:{}", config.address, config.port);
                set(&at_liftoff, instance);
            })
        }))
    })
}
