//! The DOM id of each record form's inputs (`contact-name`,
//! `entry-deliverable-0-link`): what a label's `for`, the error summary's
//! links and focus moves point at. The domain's field enums know nothing
//! of the page; the ids are made here.

use crate::domain::application::AppField;
use crate::domain::contact::ContactField;
use crate::domain::portfolio::EntryField;
use crate::domain::profile::ProfileField;
use crate::domain::skill::SkillField;

/// A form field with an input on the page.
pub trait FieldId: Copy {
    /// The id of the field's input element.
    fn dom_id(self) -> String;
    /// Its label (the domain's words for it).
    fn label(self) -> String;
}

impl FieldId for AppField {
    fn label(self) -> String {
        AppField::label(self).into()
    }

    fn dom_id(self) -> String {
        format!("app-{}", self.key())
    }
}

impl FieldId for ProfileField {
    fn label(self) -> String {
        ProfileField::label(self).into()
    }

    fn dom_id(self) -> String {
        format!("profile-{}", self.key())
    }
}

impl FieldId for ContactField {
    fn label(self) -> String {
        ContactField::label(self).into()
    }

    fn dom_id(self) -> String {
        match self {
            ContactField::Name => "contact-name",
            ContactField::Kind => "contact-kind",
            ContactField::Organization => "contact-organization",
            ContactField::Email => "contact-email",
            ContactField::Phone => "contact-phone",
            ContactField::Url => "contact-url",
            ContactField::Notes => "contact-notes",
        }
        .into()
    }
}

impl FieldId for SkillField {
    fn label(self) -> String {
        SkillField::label(self)
    }

    fn dom_id(self) -> String {
        match self {
            SkillField::Name => "skill-name".into(),
            SkillField::Category => "skill-category".into(),
            SkillField::Level => "skill-level".into(),
            SkillField::Target => "skill-target".into(),
            SkillField::Notes => "skill-notes".into(),
            SkillField::EvidenceTitle(i) => format!("skill-evidence-{i}-title"),
            SkillField::EvidenceUrl(i) => format!("skill-evidence-{i}-url"),
        }
    }
}

impl FieldId for EntryField {
    fn label(self) -> String {
        EntryField::label(self)
    }

    fn dom_id(self) -> String {
        match self {
            EntryField::DeliverableTitle(i) => format!("entry-deliverable-{i}-title"),
            EntryField::DeliverableDescription(i) => format!("entry-deliverable-{i}-description"),
            EntryField::DeliverableLink(i) => format!("entry-deliverable-{i}-link"),
            EntryField::DeliverableDate(i) => format!("entry-deliverable-{i}-date"),
            EntryField::MilestoneTitle(i) => format!("entry-milestone-{i}-title"),
            EntryField::MilestoneDue(i) => format!("entry-milestone-{i}-due"),
            EntryField::Objective(i) => format!("entry-objective-{i}"),
            simple => format!("entry-{}", simple.key()),
        }
    }
}
