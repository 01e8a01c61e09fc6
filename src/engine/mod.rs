//! The compliance engine: rules compiled into plans, evaluated over streamed rows.

pub mod aggregate;
pub mod check;
pub mod compile;
pub mod compile_eval;
pub mod env;
pub mod eval;
pub mod explain;
mod explain_target;
pub mod finding;
mod group_index;
pub mod groups;
pub mod node;
pub mod partial;
pub mod run;
pub mod single;
pub mod small_sum;
pub mod spill;
mod spill_codec;
pub mod template;
pub mod units;
pub mod world;
