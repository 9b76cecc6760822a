//! The winning value of each field: the highest layer's, checked against its kind.

use std::collections::BTreeMap;
use std::time::Duration;

use super::error::ConfigError;
use super::fields::Field;
use super::layers::Layer;
use super::typed::{Typed, typed};
use super::value::{Secret, Value};

/// The winning value of each field, with the layer it came from.
pub(super) struct Winners(BTreeMap<Field, (Value<Typed>, usize)>);

impl Winners {
    pub(super) fn get(&self, f: Field) -> Option<&(Value<Typed>, usize)> {
        self.0.get(&f)
    }

    pub(super) fn rank(&self, f: Field) -> usize {
        self.get(f).map_or(usize::MAX, |(_, r)| *r)
    }

    /// The winning value of `f`, when it is of the shape `pick` takes.
    pub(super) fn pick<T>(&self, f: Field, pick: impl Fn(&Typed) -> Option<T>) -> Option<Value<T>> {
        let (v, _) = self.get(f)?;
        pick(&v.val).map(|val| Value::new(val, v.source.clone()))
    }

    pub(super) fn text(&self, f: Field) -> Option<Value<String>> {
        self.pick(f, |t| match t {
            Typed::Text(s) => Some(s.clone()),
            _ => None,
        })
    }

    pub(super) fn secret(&self, f: Field) -> Option<Value<Secret>> {
        self.pick(f, |t| match t {
            Typed::Secret(s) => Some(s.clone()),
            _ => None,
        })
    }

    pub(super) fn bool(&self, f: Field) -> Option<Value<bool>> {
        self.pick(f, |t| match t {
            Typed::Bool(b) => Some(*b),
            _ => None,
        })
    }

    pub(super) fn port(&self, f: Field) -> Option<Value<u16>> {
        self.pick(f, |t| match t {
            Typed::Port(p) => Some(*p),
            _ => None,
        })
    }

    pub(super) fn duration(&self, f: Field) -> Option<Value<Duration>> {
        self.pick(f, |t| match t {
            Typed::Duration(d) => Some(*d),
            _ => None,
        })
    }

    pub(super) fn count(&self, f: Field) -> Option<Value<u32>> {
        self.pick(f, |t| match t {
            Typed::Count(n) => Some(*n),
            _ => None,
        })
    }

    pub(super) fn headers(&self, f: Field) -> Option<Value<Vec<(String, Secret)>>> {
        self.pick(f, |t| match t {
            Typed::Headers(h) => Some(h.clone()),
            _ => None,
        })
    }
}

pub(super) fn winners(layers: &[Layer]) -> Result<Winners, ConfigError> {
    let mut out = BTreeMap::new();
    for &field in Field::ALL {
        if let Some((rank, entry)) = layers
            .iter()
            .enumerate()
            .find_map(|(i, l)| l.get(&field).map(|e| (i, e)))
        {
            let val = typed(field, &entry.raw).map_err(|reason| ConfigError::Invalid {
                field,
                origin: entry.source.clone(),
                reason,
            })?;
            out.insert(field, (Value::new(val, entry.source.clone()), rank));
        }
    }
    Ok(Winners(out))
}
