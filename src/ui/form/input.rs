//! How a form's text field looks: its input type, hint, lines and
//! suggestions (`Input::of("date").hint(…)`).

/// How a text field looks: its input type, hint, lines and suggestions.
#[derive(Clone, Copy, Default)]
pub struct Input {
    pub(super) kind: Option<&'static str>,
    pub(super) hint: Option<&'static str>,
    pub(super) multiline: bool,
    pub(super) list: Option<&'static str>,
}

impl Input {
    /// A one-line text field.
    pub const TEXT: Input = Input {
        kind: None,
        hint: None,
        multiline: false,
        list: None,
    };
    /// A text area.
    pub const AREA: Input = Input {
        multiline: true,
        ..Input::TEXT
    };
    /// An input of another type (`"date"`, `"url"`, `"email"`).
    pub const fn of(kind: &'static str) -> Input {
        Input {
            kind: Some(kind),
            ..Input::TEXT
        }
    }
    pub const fn hint(self, hint: &'static str) -> Input {
        Input {
            hint: Some(hint),
            ..self
        }
    }
    /// Suggestions from the `<datalist>` with this id.
    pub const fn list(self, list: &'static str) -> Input {
        Input {
            list: Some(list),
            ..self
        }
    }
}
