//! Consents (issue 6, item 1): recorded, withdrawn and read by the care team
//! of the person's prison, with their signed forms; and the person's
//! consents as the input of the access policy for readers who need one.
//!
//! Rules chosen here:
//! - **Who.** A consent's details are clinical data (DOMAIN.md, "Roles"):
//!   the care workers and the medical service of the person's prison read
//!   them (`ReadClinical`) and record consents, withdrawals and signed forms
//!   (`WriteClinical`). A consent of a person at another prison answers "not
//!   found", as an unknown id does.
//! - **A consent is never edited.** It is recorded once; a withdrawal is
//!   added to it (when, by whom, why) and takes effect at the instant it is
//!   recorded. A mistake is corrected by withdrawing and recording anew, so
//!   the history shows what was believed when.
//! - **Signed forms** (scanned PDF) are kept in the database with the
//!   consent; a new upload is added and becomes the one shown.
//! - **Consent as the policy's input.** [`App::consents_input`] reads every
//!   consent of the person at the time of the request; the policy decides
//!   on them (`continuum_domain::consent::check`), so a withdrawal or an
//!   expiry refuses the very next request, and the refusal's audit row
//!   names the missing consent.

use continuum_domain::audit::format_instant;
use continuum_domain::consent::{
    self, Consent, ConsentDecision, ConsentDraft, ConsentKind, ConsentTerms, Recipient, Section, Sharing,
    SharingPurpose, Standing, Verdict, Withdrawal,
};
use continuum_domain::ids::{ConsentId, OrganisationId, SiteId};
use continuum_domain::policy::Action;
use continuum_domain::validation::Problem;
use continuum_store::consents::{self, ConsentRow, FormRow, NewConsent, NewForm};
use continuum_store::{Conn, StoreError, organisations, people};
use jiff::Timestamp;
use jiff::civil::Date;
use sha2::Digest;

use crate::access::Subject;
use crate::actor::Actor;
use crate::app::App;
use crate::error::{AppError, AppResult};

/// A consent as recorded, with what it means now.
#[derive(Debug, Clone)]
pub struct ConsentRecord {
    /// The stored consent (names of the recipient and of who recorded it).
    pub row: ConsentRow,
    /// The consent as the domain reads it.
    pub consent: Consent,
    /// Whether it counts now.
    pub standing: Standing,
    /// The person's prison.
    pub site: SiteId,
}

/// What one recipient named by the person's sharing consents may read now.
#[derive(Debug, Clone)]
pub struct RecipientAccess {
    /// The recipient.
    pub recipient: Recipient,
    /// The organisation's name, for an organisation.
    pub organisation: Option<String>,
    /// Each section some consent for the recipient covers, and the verdict now.
    pub sections: Vec<(Section, Verdict)>,
}

/// A person's consent history.
#[derive(Debug, Clone)]
pub struct PersonConsents {
    /// The person.
    pub person: crate::people::Person,
    /// Every consent, the latest given first.
    pub consents: Vec<ConsentRecord>,
    /// What each recipient named may read now.
    pub access: Vec<RecipientAccess>,
}

/// A signed consent form.
pub type SignedForm = FormRow;

impl App {
    /// Today in Belgium, by the application's clock.
    pub fn belgian_today(&self) -> Date {
        consent::belgian_date(self.now())
    }
}

/// The domain's consent of a stored row.
pub(crate) fn consent_of(row: &ConsentRow) -> AppResult<Consent> {
    let corrupt = |what: &str| AppError::from(StoreError::Corrupt(format!("consent {}: {what}", row.id)));
    let date = |text: &str| text.parse::<Date>().map_err(|_| corrupt("date"));
    let kind = ConsentKind::parse(&row.kind).ok_or_else(|| corrupt("kind"))?;
    let terms = match kind {
        ConsentKind::Screening => ConsentTerms::Screening,
        ConsentKind::Treatment => ConsentTerms::Treatment,
        ConsentKind::Research => ConsentTerms::Research,
        ConsentKind::ContactAfterRelease => ConsentTerms::ContactAfterRelease,
        ConsentKind::Sharing => {
            let recipient =
                Recipient::parse(row.recipient_kind.as_deref().unwrap_or_default(), row.recipient_organisation_id)
                    .ok_or_else(|| corrupt("recipient"))?;
            let purpose =
                SharingPurpose::parse(row.purpose.as_deref().unwrap_or_default()).ok_or_else(|| corrupt("purpose"))?;
            let sections = row
                .sections
                .split(',')
                .filter(|s| !s.is_empty())
                .map(|s| Section::parse(s).ok_or_else(|| corrupt("section")))
                .collect::<AppResult<Vec<Section>>>()?;
            ConsentTerms::Sharing(Sharing { recipient, purpose, sections })
        }
    };
    Ok(Consent {
        id: ConsentId(row.id),
        terms,
        decision: ConsentDecision::parse(&row.decision).ok_or_else(|| corrupt("decision"))?,
        given_on: date(&row.given_on)?,
        valid_from: date(&row.valid_from)?,
        valid_until: row.valid_until.as_deref().map(date).transpose()?,
        withdrawn_at: row
            .withdrawn_at
            .as_deref()
            .map(|t| t.parse::<Timestamp>().map_err(|_| corrupt("withdrawal")))
            .transpose()?,
    })
}

/// Every consent of a person, as the domain reads them.
pub(crate) async fn consents_of_person(conn: &mut Conn, person_id: i64) -> AppResult<Vec<Consent>> {
    consents::of_person(conn, person_id).await?.iter().map(consent_of).collect()
}

/// What each recipient named in the consents may read at `at`.
fn recipient_access(rows: &[ConsentRow], consents: &[Consent], at: Timestamp) -> Vec<RecipientAccess> {
    let mut recipients: Vec<(Recipient, Option<String>)> = Vec::new();
    for (row, consent) in rows.iter().zip(consents) {
        if let Some(sharing) = consent.terms.sharing()
            && !recipients.iter().any(|(r, _)| *r == sharing.recipient)
        {
            recipients.push((sharing.recipient, row.recipient_organisation.clone()));
        }
    }
    recipients.sort_by_key(|(r, _)| *r);
    recipients
        .into_iter()
        .map(|(recipient, organisation)| {
            let mut sections: Vec<Section> = consents
                .iter()
                .filter_map(|c| c.terms.sharing())
                .filter(|s| s.recipient == recipient)
                .flat_map(|s| s.sections.iter().copied())
                .collect();
            sections.sort();
            sections.dedup();
            let sections = sections.into_iter().map(|s| (s, consent::check(consents, recipient, s, at))).collect();
            RecipientAccess { recipient, organisation, sections }
        })
        .collect()
}

fn person_subject(kind: &'static str, id: i64, person_id: Option<i64>) -> Subject {
    Subject { person_id, ..Subject::record(kind, id) }
}

impl App {
    /// A person's consent history: every consent, the latest given first,
    /// with its standing now, and what each recipient may read now.
    pub async fn person_consents(&self, actor: &Actor, person_id: i64) -> AppResult<PersonConsents> {
        let mut conn = self.store.reader().await?;
        let person = people::get(&mut conn, person_id).await?;
        let subject = person_subject("person", person_id, Some(person_id));
        let site = person.as_ref().map(|p| SiteId(p.site_id));
        let allowed = self.authorize_record(actor, Action::ReadClinical, site, "consent.list", &subject).await?;
        let person = person.ok_or(AppError::NotFound)?;
        let rows = consents::of_person(&mut conn, person_id).await?;
        drop(conn);
        let now = self.now();
        let domain: Vec<Consent> = rows.iter().map(consent_of).collect::<AppResult<_>>()?;
        let access = recipient_access(&rows, &domain, now);
        let consents = rows
            .into_iter()
            .zip(domain)
            .map(|(row, consent)| ConsentRecord {
                standing: consent.standing(now),
                row,
                consent,
                site: SiteId(person.site_id),
            })
            .collect();
        let subject = subject.at_site(actor.site_code(SiteId(person.site_id)));
        self.audit_read(actor, allowed, "consent.list", &subject).await?;
        Ok(PersonConsents { person, consents, access })
    }

    /// One consent and what it means now.
    pub async fn get_consent(&self, actor: &Actor, id: i64) -> AppResult<ConsentRecord> {
        let (row, site) = self.consent_and_site(id).await?;
        let subject = person_subject("consent", id, row.as_ref().map(|r| r.person_id));
        let allowed = self.authorize_record(actor, Action::ReadClinical, site, "consent.read", &subject).await?;
        let (Some(row), Some(site)) = (row, site) else {
            return Err(AppError::NotFound);
        };
        let consent = consent_of(&row)?;
        let subject = subject.at_site(actor.site_code(site));
        self.audit_read(actor, allowed, "consent.read", &subject).await?;
        Ok(ConsentRecord { standing: consent.standing(self.now()), row, consent, site })
    }

    /// The consent with this id and its person's site (the site checked).
    async fn consent_and_site(&self, id: i64) -> AppResult<(Option<ConsentRow>, Option<SiteId>)> {
        let mut conn = self.store.reader().await?;
        let row = consents::get(&mut conn, id).await?;
        let site = match &row {
            Some(row) => people::get(&mut conn, row.person_id).await?.map(|p| SiteId(p.site_id)),
            None => None,
        };
        Ok((row, site))
    }

    /// Records a consent of a person; its id.
    pub async fn record_consent(&self, actor: &Actor, person_id: i64, draft: &ConsentDraft) -> AppResult<i64> {
        let mut conn = self.store.reader().await?;
        let site = people::get(&mut conn, person_id).await?.map(|p| SiteId(p.site_id));
        drop(conn);
        let subject = person_subject("person", person_id, Some(person_id));
        // Asked before the write transaction opens: a denial's audit row goes
        // through the audit writer, which needs the write connection.
        let allowed = self.authorize_record(actor, Action::WriteClinical, site, "consent.create", &subject).await?;
        let mut tx = self.store.begin().await?;
        if people::get(&mut tx, person_id).await?.is_none_or(|p| p.merged_into.is_some()) {
            return Err(AppError::Conflict("merge-already-merged"));
        }
        let sharing = draft.terms.sharing();
        let organisation = sharing.and_then(|s| s.recipient.organisation());
        if let Some(OrganisationId(id)) = organisation
            && organisations::get(&mut tx, id).await?.is_none()
        {
            return Err(AppError::field("recipient", Problem::UnknownOrganisation));
        }
        let given_on = draft.given_on.to_string();
        let valid_from = draft.valid_from.to_string();
        let valid_until = draft.valid_until.map(|d| d.to_string());
        let sections = sharing.map(|s| s.sections.iter().map(|s| s.code()).collect::<Vec<_>>().join(","));
        let at = format_instant(self.now());
        let id = consents::insert(
            &mut tx,
            &NewConsent {
                person_id,
                kind: draft.terms.kind().code(),
                decision: draft.decision.code(),
                given_on: &given_on,
                valid_from: &valid_from,
                valid_until: valid_until.as_deref(),
                explanation_language: &draft.explanation_language,
                recipient_kind: sharing.map(|s| s.recipient.kind_code()),
                recipient_organisation_id: organisation.map(|o| o.0),
                purpose: sharing.map(|s| s.purpose.code()),
                sections: sections.as_deref().unwrap_or_default(),
                note: &draft.note,
                at: &at,
                by: self.actor_id(actor),
            },
        )
        .await?;
        let subject = person_subject("consent", id, Some(person_id)).at_site(site.and_then(|s| actor.site_code(s)));
        self.audit_change(&mut tx, actor, allowed, "consent.create", &subject).await?;
        tx.commit().await?;
        Ok(id)
    }

    /// Withdraws a consent: from now on it counts no more.
    pub async fn withdraw_consent(&self, actor: &Actor, id: i64, withdrawal: &Withdrawal) -> AppResult<()> {
        let (row, site) = self.consent_and_site(id).await?;
        let person_id = row.as_ref().map(|r| r.person_id);
        let subject = person_subject("consent", id, person_id).at_site(site.and_then(|s| actor.site_code(s)));
        let allowed = self.authorize_record(actor, Action::WriteClinical, site, "consent.withdraw", &subject).await?;
        let mut tx = self.store.begin().await?;
        let at = format_instant(self.now());
        if !consents::withdraw(&mut tx, id, &at, self.actor_id(actor), &withdrawal.reason).await? {
            return Err(AppError::Conflict("consent-already-withdrawn"));
        }
        self.audit_change(&mut tx, actor, allowed, "consent.withdraw", &subject).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Keeps the scanned, signed form of a consent (a PDF).
    pub async fn attach_consent_form(&self, actor: &Actor, id: i64, file_name: &str, content: &[u8]) -> AppResult<()> {
        let (row, site) = self.consent_and_site(id).await?;
        let person_id = row.as_ref().map(|r| r.person_id);
        let subject = person_subject("consent", id, person_id).at_site(site.and_then(|s| actor.site_code(s)));
        let allowed =
            self.authorize_record(actor, Action::WriteClinical, site, "consent.form_upload", &subject).await?;
        consent::check_signed_form(content)?;
        let file_name: String = file_name.trim().chars().filter(|c| !c.is_control()).take(200).collect();
        let file_name = if file_name.is_empty() { format!("consent-{id}.pdf") } else { file_name };
        let digest = hex::encode(sha2::Sha256::digest(content));
        let mut tx = self.store.begin().await?;
        let at = format_instant(self.now());
        let form = NewForm {
            consent_id: id,
            file_name: &file_name,
            digest: &digest,
            content,
            at: &at,
            by: self.actor_id(actor),
        };
        consents::insert_form(&mut tx, &form).await?;
        self.audit_change(&mut tx, actor, allowed, "consent.form_upload", &subject).await?;
        tx.commit().await?;
        Ok(())
    }

    /// The latest signed form of a consent.
    pub async fn consent_form(&self, actor: &Actor, id: i64) -> AppResult<SignedForm> {
        let (row, site) = self.consent_and_site(id).await?;
        let person_id = row.as_ref().map(|r| r.person_id);
        let subject = person_subject("consent", id, person_id).at_site(site.and_then(|s| actor.site_code(s)));
        let allowed = self.authorize_record(actor, Action::ReadClinical, site, "consent.form_read", &subject).await?;
        let mut conn = self.store.reader().await?;
        let form = consents::latest_form(&mut conn, id).await?.ok_or(AppError::NotFound)?;
        drop(conn);
        self.audit_read(actor, allowed, "consent.form_read", &subject).await?;
        Ok(form)
    }
}
