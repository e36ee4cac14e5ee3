//! The single integration-test binary: every test that needs a database or a
//! running server. Each test runs against SQLite and against PostgreSQL
//! (a throwaway cluster, or `CONTINUUM_TEST_DATABASE_URL`).

mod support;

mod audit_trail;
mod backup;
mod browser;
mod cli;
mod http_access;
mod http_api;
mod http_pages;
// Merging duplicate people, and importing entry lists on a page.
mod import_page;
mod merges;
mod register;
mod register_search;
mod screening;
mod sign_in;
mod store;
mod worklist;
// Content packs and the self-administration kiosk.
mod content_packs;
mod kiosk;
mod kiosk_browser;
// Screenings through the API and FHIR (issue 4, item 7).
mod fhir;
mod screening_api;
// Detention episodes and signals (issue 4, items 1 and 3).
mod episodes;
mod signals;
// Care pathway: intake, care plan, contacts, timeline (issue 5, items 1 to 3).
mod care_contacts;
mod care_intake;
mod care_plan;
// OAT and transfers (issue 5, items 4 and 5).
mod fhir_care;
// The care plan as FHIR R4 (issue 5, item 9).
mod fhir_plan;
// The handover at release as a FHIR R4 Bundle (issue 6, item 6).
mod fhir_handover;
// Contacts as FHIR R4 Encounters (issue 5, item 9).
mod fhir_encounter;
// Patient $everything (issue 5, item 9).
mod fhir_everything;
mod oat;
// Release planning, follow-up after release, the responsible care worker
// and the caseload (issue 5, items 6 to 8).
mod care_team;
mod caseload;
// The care pathway at national scale in the demo, for bench/register (issue 5, "Speed").
mod demo_care_bench;
mod follow_up;
mod release_planning;
// The care plan, release planning, follow-ups and the caseload through the API (issue 5, item 9).
mod care_api;
mod caseload_reviews;
// Consent and the psychosocial service's view (issue 6, items 1 and 5).
mod consents;
// The directory of care providers (issue 6, item 2).
mod directory;
mod transfers;
// Governance (issue 7).
mod governance;
mod governance_browser;
mod governance_documents;
mod governance_mail; // Governance e-mail reminders (issue 7, item 6).
mod governance_projects;
mod governance_reminders; // Governance reminders (issue 7, item 6).
mod governance_view;
// Referrals and outside providers' access (issue 6, items 3 and 4).
mod outside_provider;
mod referrals;
// The handover at transfer and at release (issue 6, item 6).
mod release_handover;
// End-to-end browser tests of the care pathway and of a referral at release (issues 5 and 6, "Done when").
mod care_pathway_browser;
mod referral_browser;
// Handover sending and receipt (issue 6, item 6).
mod handover_tracking;
// The handover at a transfer out of the programme as a FHIR R4 Bundle (issue 6, item 6).
mod fhir_transfer_handover;
