//! Tests of the engine's internals: the compiled plan, the data run and conflict resolution,
//! which the public API does not show.

mod shipped_rules;
mod bad_data;
mod resolution_properties;
mod score_properties;
mod resource_bounds;
mod bad_input;
