//! The value chosen for each field: the highest layer's, checked against its kind.

use std::collections::BTreeMap;
use std::time::Duration;

use super::error::ConfigError;
use super::fields::Field;
use super::headers::Header;
use super::layers::Layer;
use super::typed::{TypedValue, typed};
use super::value::{Secret, Value};

/// For each field some layer sets, the highest layer's value, typed, with that layer's
/// rank (its index in the layers: lower wins).
pub(super) struct Chosen(BTreeMap<Field, (Value<TypedValue>, usize)>);

/// `Chosen::text(field)` and the like: the chosen value of a field of that kind.
macro_rules! chosen_of_kind {
    ($($name:ident: $variant:ident => $t:ty;)*) => {
        $(
            pub(super) fn $name(&self, f: Field) -> Option<Value<$t>> {
                let (v, _) = self.get(f)?;
                match &v.val {
                    TypedValue::$variant(x) => Some(Value::new(<$t>::clone(x), v.source.clone())),
                    _ => None,
                }
            }
        )*
    };
}

impl Chosen {
    pub(super) fn get(&self, f: Field) -> Option<&(Value<TypedValue>, usize)> {
        self.0.get(&f)
    }

    /// The rank of the layer `f` was chosen from; `usize::MAX` when no layer sets it.
    pub(super) fn rank(&self, f: Field) -> usize {
        self.get(f).map_or(usize::MAX, |(_, r)| *r)
    }

    chosen_of_kind! {
        text: Text => String;
        secret: Secret => Secret;
        bool: Bool => bool;
        port: Port => u16;
        duration: Duration => Duration;
        count: Count => u32;
        headers: Headers => Vec<Header>;
    }
}

/// Choose each field's value from the highest layer that sets it. A value of the wrong
/// kind is an error naming the field and where it came from, even when a lower layer
/// has a good one: the user meant the higher one.
pub(super) fn choose(layers: &[Layer]) -> Result<Chosen, ConfigError> {
    let mut out = BTreeMap::new();
    for &field in Field::ALL {
        if let Some((rank, entry)) = layers
            .iter()
            .enumerate()
            .find_map(|(i, l)| l.get(&field).map(|e| (i, e)))
        {
            let val = typed(field, &entry.value).map_err(|reason| ConfigError::Invalid {
                field,
                origin: entry.source.clone(),
                reason,
            })?;
            out.insert(field, (Value::new(val, entry.source.clone()), rank));
        }
    }
    Ok(Chosen(out))
}
