//! Tests of the engine's internals: the compiled plan, the data run and conflict resolution,
//! which the public API does not show.

mod bad_data;
mod bad_input;
mod id_matching;
mod resolution_properties;
mod resource_bounds;
mod score_properties;
mod shipped_rules;
mod spilled_report;
