//! JSON Schema support for types that serialise as a stable string code (feature `schema`).

use alloc::vec::Vec;

/// A string schema whose values are exactly `codes`.
pub(crate) fn string_enum(codes: impl Iterator<Item = &'static str>) -> schemars::Schema {
    let codes: Vec<&str> = codes.collect();
    schemars::json_schema!({ "type": "string", "enum": codes })
}

/// Implements `JsonSchema` for a type serialised as one of its codes.
macro_rules! string_enum_schema {
    ($ty:ty, $name:expr, $codes:expr) => {
        #[cfg(feature = "schema")]
        impl schemars::JsonSchema for $ty {
            fn schema_name() -> alloc::borrow::Cow<'static, str> {
                $name.into()
            }
            fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
                crate::schema_support::string_enum($codes)
            }
        }
    };
}
pub(crate) use string_enum_schema;
