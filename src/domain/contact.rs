//! Contacts: supervisors, mentors, recruiters and alumni, linked to the
//! applications where they appear.

use super::record::Meta;
use super::validate::{check_email, check_length, FieldError, SafeUrl, UrlPolicy};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ContactKind {
    Supervisor,
    Mentor,
    Recruiter,
    Alumnus,
    Other,
}

impl ContactKind {
    pub const ALL: [ContactKind; 5] = [
        ContactKind::Supervisor,
        ContactKind::Mentor,
        ContactKind::Recruiter,
        ContactKind::Alumnus,
        ContactKind::Other,
    ];

    pub fn label(self) -> &'static str {
        match self {
            ContactKind::Supervisor => "Supervisor",
            ContactKind::Mentor => "Mentor",
            ContactKind::Recruiter => "Recruiter",
            ContactKind::Alumnus => "Alumnus",
            ContactKind::Other => "Other",
        }
    }

    pub fn slug(self) -> &'static str {
        match self {
            ContactKind::Supervisor => "supervisor",
            ContactKind::Mentor => "mentor",
            ContactKind::Recruiter => "recruiter",
            ContactKind::Alumnus => "alumnus",
            ContactKind::Other => "other",
        }
    }

    pub fn from_slug(slug: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.slug() == slug)
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Contact {
    pub meta: Meta,
    pub name: String,
    pub kind: ContactKind,
    pub organization: String,
    pub email: String,
    pub phone: String,
    /// LinkedIn or another page about them.
    pub url: Option<SafeUrl>,
    pub notes: String,
}

impl Contact {
    pub fn new(meta: Meta) -> Self {
        Self {
            meta,
            name: String::new(),
            kind: ContactKind::Other,
            organization: String::new(),
            email: String::new(),
            phone: String::new(),
            url: None,
            notes: String::new(),
        }
    }

    pub fn to_form(&self) -> ContactForm {
        ContactForm {
            name: self.name.clone(),
            kind: self.kind.slug().to_owned(),
            organization: self.organization.clone(),
            email: self.email.clone(),
            phone: self.phone.clone(),
            url: self.url.as_ref().map(|u| u.to_string()).unwrap_or_default(),
            notes: self.notes.clone(),
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ContactField {
    Name,
    Kind,
    Organization,
    Email,
    Phone,
    Url,
    Notes,
}

impl ContactField {
    pub const ALL: [ContactField; 7] = [
        ContactField::Name,
        ContactField::Kind,
        ContactField::Organization,
        ContactField::Email,
        ContactField::Phone,
        ContactField::Url,
        ContactField::Notes,
    ];

    pub fn label(self) -> &'static str {
        match self {
            ContactField::Name => "Name",
            ContactField::Kind => "Kind",
            ContactField::Organization => "Organization",
            ContactField::Email => "E-mail",
            ContactField::Phone => "Phone",
            ContactField::Url => "LinkedIn or web page",
            ContactField::Notes => "Notes",
        }
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ContactForm {
    pub name: String,
    pub kind: String,
    pub organization: String,
    pub email: String,
    pub phone: String,
    pub url: String,
    pub notes: String,
}

impl ContactForm {
    pub fn get(&self, field: ContactField) -> &str {
        match field {
            ContactField::Name => &self.name,
            ContactField::Kind => &self.kind,
            ContactField::Organization => &self.organization,
            ContactField::Email => &self.email,
            ContactField::Phone => &self.phone,
            ContactField::Url => &self.url,
            ContactField::Notes => &self.notes,
        }
    }

    pub fn set(&mut self, field: ContactField, value: String) {
        *match field {
            ContactField::Name => &mut self.name,
            ContactField::Kind => &mut self.kind,
            ContactField::Organization => &mut self.organization,
            ContactField::Email => &mut self.email,
            ContactField::Phone => &mut self.phone,
            ContactField::Url => &mut self.url,
            ContactField::Notes => &mut self.notes,
        } = value;
    }

    pub fn parse(
        &self,
        base: &Contact,
        now: DateTime<Utc>,
    ) -> Result<Contact, Vec<FieldError<ContactField>>> {
        let mut errors = Vec::new();
        for field in ContactField::ALL {
            let max = if field == ContactField::Notes {
                5000
            } else {
                200
            };
            if let Err(message) = check_length(self.get(field).trim(), max) {
                errors.push(FieldError::new(field, message));
            }
        }
        let name = self.name.trim();
        if name.is_empty() {
            errors.push(FieldError::new(
                ContactField::Name,
                "Enter the contact's name.",
            ));
        }
        let kind = ContactKind::from_slug(self.kind.trim()).unwrap_or(ContactKind::Other);
        let email = self.email.trim();
        if !email.is_empty() {
            if let Err(message) = check_email(email) {
                errors.push(FieldError::new(ContactField::Email, message));
            }
        }
        let phone = self.phone.trim();
        let phone_ok = phone
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, ' ' | '+' | '-' | '(' | ')' | '.' | '/'))
            && (phone.is_empty() || phone.chars().filter(char::is_ascii_digit).count() >= 3);
        if !phone_ok {
            errors.push(FieldError::new(
                ContactField::Phone,
                "Use digits, spaces and + - ( ) only, e.g. +1 555 010 0199.",
            ));
        }
        let url = match self.url.trim() {
            "" => None,
            t => SafeUrl::parse_typed(t, UrlPolicy::Web)
                .map_err(|e| errors.push(FieldError::new(ContactField::Url, e.to_string())))
                .ok(),
        };
        if !errors.is_empty() {
            errors.sort_by_key(|e| ContactField::ALL.iter().position(|f| *f == e.field));
            return Err(errors);
        }
        let mut contact = Contact {
            meta: base.meta.clone(),
            name: name.to_owned(),
            kind,
            organization: self.organization.trim().to_owned(),
            email: email.to_owned(),
            phone: phone.to_owned(),
            url,
            notes: self.notes.trim().to_owned(),
        };
        if contact != *base {
            contact.meta.touch(now);
        }
        Ok(contact)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::record::RecordId;
    use chrono::TimeZone;

    fn t() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 23, 0, 0, 0).unwrap()
    }

    fn base() -> Contact {
        Contact::new(Meta::new(
            RecordId::from_random_bytes([4; 16]),
            Utc.with_ymd_and_hms(2026, 11, 1, 0, 0, 0).unwrap(),
        ))
    }

    #[test]
    fn a_contact_needs_a_name_and_checks_email_phone_and_link() {
        let form = ContactForm {
            email: "not-an-email".into(),
            phone: "call me".into(),
            url: "javascript:alert(1)".into(),
            ..Default::default()
        };
        let errors = form.parse(&base(), t()).unwrap_err();
        let fields: Vec<_> = errors.iter().map(|e| e.field).collect();
        assert_eq!(
            fields,
            [
                ContactField::Name,
                ContactField::Email,
                ContactField::Phone,
                ContactField::Url
            ]
        );
    }

    #[test]
    fn a_valid_contact_round_trips_through_its_form() {
        let form = ContactForm {
            name: " Grace Supervisor ".into(),
            kind: "supervisor".into(),
            organization: "Acme Analytics".into(),
            email: "grace@acme.example".into(),
            phone: "+1 (555) 010-0199".into(),
            url: "https://www.linkedin.com/in/grace".into(),
            notes: "Met at the fall job fair".into(),
        };
        let contact = form.parse(&base(), t()).unwrap();
        assert_eq!(
            (contact.name.as_str(), contact.kind),
            ("Grace Supervisor", ContactKind::Supervisor)
        );
        assert_eq!(contact.to_form().parse(&contact, t()).unwrap(), contact);
    }
}
