//! Typed identifiers: an id of one entity can never be passed where another's
//! is expected.

use std::fmt;

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub struct $name(pub i64);

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                self.0.fmt(f)
            }
        }
    };
}

id_type!(
    /// A staff account.
    UserId
);
id_type!(
    /// A prison of the programme.
    SiteId
);
id_type!(
    /// An organisation: a prison, a drug service or an outside care provider.
    OrganisationId
);
id_type!(
    /// A detained person.
    PersonId
);
id_type!(
    /// A break-the-glass (emergency access) grant.
    EmergencyAccessId
);
id_type!(
    /// An API bearer token.
    ApiTokenId
);
// Consent and the directory of care providers (issue 6, items 1 and 2).
id_type!(
    /// A consent recorded for a person.
    ConsentId
);
id_type!(
    /// A service of a care provider in the directory.
    CareServiceId
);
